// A search-as-you-type person picker, for "Ask someone to review" and "Mention someone": a
// labelled search field (GET /api/v1/people?q=, the start of a name or an email; anyone may ask,
// names only come back) and the people found as a radio list under it (a fieldset: Enter or the
// down arrow go there, arrow keys move between them, Space chooses; Enter in the field never
// sends the form), with a polite status saying how many were found. The caller reads `chosen()`
// when its form is sent.

import { findColleagues, type Colleague } from '../api';
import { h, replace } from '../dom';

export interface PersonSearch {
  el: HTMLElement;
  input: HTMLInputElement;
  /** The person whose radio is ticked, if any. */
  chosen(): Colleague | null;
  /** Empties the field and the list. */
  clear(): void;
}

export interface PersonSearchOptions {
  label: string;
  hint?: string;
  /** People not to offer (oneself, those already asked). */
  exclude?: () => Set<string>;
}

let counter = 0;

export function personSearch(opts: PersonSearchOptions): PersonSearch {
  const n = ++counter;
  const input = h('input', {
    type: 'search',
    id: `person-search-${n}`,
    class: 'person-search-input',
    autocomplete: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
    'aria-describedby': `person-search-${n}-hint`,
  });
  const results = h('fieldset', { class: 'plain-fieldset person-results', hidden: true }, h('legend', { class: 'visually-hidden' }, `${opts.label}: people found`));
  const status = h('p', { class: 'small muted person-search-status', role: 'status', 'aria-live': 'polite' });
  const el = h(
    'div',
    { class: 'field person-search' },
    h('label', { for: input.id }, opts.label),
    input,
    h('p', { class: 'field-hint', id: `person-search-${n}-hint` }, opts.hint ?? 'Type the start of their name or email, then choose them below.'),
    status,
    results,
  );
  let found: Colleague[] = [];
  let timer = 0;
  let asking: AbortController | null = null;

  function show(list: Colleague[], q: string): void {
    found = list;
    results.hidden = !list.length;
    const name = `person-${n}`;
    replace(
      results,
      results.firstElementChild,
      list.map((p) =>
        h(
          'label',
          { class: 'check person-choice' },
          h('input', { type: 'radio', name, value: p.user_id }),
          h('span', { class: 'check-label' }, p.name),
        ),
      ),
    );
    status.textContent = !q ? '' : list.length === 1 ? `1 person found: ${list[0]!.name}.` : list.length ? `${list.length} people found.` : 'Nobody found by that name.';
  }

  async function search(): Promise<void> {
    const q = input.value.trim();
    asking?.abort();
    if (!q) {
      show([], '');
      return;
    }
    const ctl = new AbortController();
    asking = ctl;
    try {
      const skip = opts.exclude?.() ?? new Set<string>();
      const list = (await findColleagues(q, ctl.signal)).filter((p) => !skip.has(p.user_id));
      if (!ctl.signal.aborted) show(list, q);
    } catch {
      if (!ctl.signal.aborted) status.textContent = 'Could not search just now; try again.';
    }
  }

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void search(), 200);
  });
  input.addEventListener('keydown', (ev) => {
    // Enter never sends the form from here: it searches now, or goes to the people found (and
    // chooses the first); the down arrow goes to them too
    if (ev.key === 'Enter') {
      ev.preventDefault();
      if (!found.length) {
        window.clearTimeout(timer);
        void search();
        return;
      }
    }
    if ((ev.key === 'Enter' || ev.key === 'ArrowDown') && found.length) {
      ev.preventDefault();
      const first = results.querySelector<HTMLInputElement>('input:checked') ?? results.querySelector<HTMLInputElement>('input');
      first?.focus();
      if (first && ev.key === 'Enter') first.checked = true;
    }
  });

  return {
    el,
    input,
    chosen() {
      const r = results.querySelector<HTMLInputElement>('input:checked');
      return r ? (found.find((p) => p.user_id === r.value) ?? null) : null;
    },
    clear() {
      window.clearTimeout(timer);
      asking?.abort();
      input.value = '';
      show([], '');
    },
  };
}
