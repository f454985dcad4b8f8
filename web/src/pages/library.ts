// Library: search videos, handouts and links (GET /api/v1/library?q=&tag=&kind=&cursor=), best
// match first, with a kind filter, a tag filter (tap a tag) and "Load more" pages via
// next_cursor. The query lives in the URL (/library?q=…&kind=…&tag=…) so it survives a reload.
// With a tag filter, the people marked as experts on that tag are offered to ask (mailto:).

import { searchLibrary, type Expert, type LibraryKind, type LibraryQuery } from '../api';
import { setTitle } from '../branding';
import { errorBox, isAbort } from '../components/errorBox';
import { field } from '../components/field';
import { libraryItem } from '../components/libraryItem';
import { h, replace } from '../dom';
import type { PageContext } from '../router';
import { mailtoHref } from '../text';

const KINDS: { value: LibraryKind | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'video', label: 'Videos' },
  { value: 'handout', label: 'Handouts' },
  { value: 'resource', label: 'Links' },
];

/** "Ask an expert": each expert's name as a mailto: link (once each). */
function expertsBox(tag: string, experts: Expert[]): HTMLElement | null {
  const seen = new Set<string>();
  const links: HTMLElement[] = [];
  for (const x of experts) {
    if (seen.has(x.user_id)) continue;
    seen.add(x.user_id);
    const href = mailtoHref(x.email, `Question about #${tag}`);
    const name = x.name || x.email;
    links.push(h('li', null, href ? h('a', { href, class: 'expert-link' }, name) : name));
  }
  if (links.length === 0) return null;
  return h(
    'section',
    { class: 'notice experts', 'aria-labelledby': 'experts-heading' },
    h('h2', { id: 'experts-heading' }, 'Ask an expert'),
    h('p', { class: 'small muted' }, `Colleagues who know about #${tag}:`),
    h('ul', { class: 'expert-list' }, links),
  );
}

function readKind(v: string | null): LibraryKind | '' {
  return v === 'video' || v === 'handout' || v === 'resource' ? v : '';
}

export function libraryPage({ main, query, signal }: PageContext): () => void {
  setTitle('Library');
  const state: LibraryQuery = {
    q: query.get('q') ?? '',
    kind: readKind(query.get('kind')),
    tag: query.get('tag') ?? '',
  };
  let cursor: string | null = null;
  let inFlight: AbortController | null = null;
  let debounce = 0;

  const search = h('input', { type: 'search', name: 'q', value: state.q ?? '', enterkeyhint: 'search', autocomplete: 'off' });
  const kinds = h(
    'fieldset',
    { class: 'chips' },
    h('legend', { class: 'visually-hidden' }, 'Show'),
    KINDS.map((k) =>
      h(
        'label',
        { class: 'chip' },
        h('input', { type: 'radio', name: 'kind', value: k.value, checked: k.value === state.kind }),
        h('span', null, k.label),
      ),
    ),
  );
  const tagBar = h('div', { class: 'tag-filter' });
  const status = h('p', { class: 'muted', role: 'status' });
  const expertsSlot = h('div');
  const results = h('ul', { class: 'cards results' });
  const more = h('button', { type: 'button', class: 'button button-secondary button-block', hidden: true }, 'Load more');
  const errorSlot = h('div');

  const form = h('form', { role: 'search', class: 'stack', onSubmit: (ev) => { ev.preventDefault(); run(true); } },
    field('Search the library', search),
    kinds,
    tagBar,
  );

  function syncUrl(): void {
    const p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    if (state.kind) p.set('kind', state.kind);
    if (state.tag) p.set('tag', state.tag);
    const s = p.toString();
    history.replaceState(null, '', s ? `/library?${s}` : '/library');
  }

  function renderTag(): void {
    replace(
      tagBar,
      state.tag
        ? h('button', { type: 'button', class: 'chip chip-active', onClick: () => setTag('') },
            `#${state.tag}`, h('span', { 'aria-hidden': 'true' }, ' ✕'),
            h('span', { class: 'visually-hidden' }, ' (remove tag filter)'))
        : null,
    );
  }

  function setTag(tag: string): void {
    state.tag = tag;
    renderTag();
    run(true);
    main.scrollIntoView({ block: 'start' });
  }

  /** Runs the search; `fresh` starts from the first page, otherwise appends the next page. */
  async function run(fresh: boolean): Promise<void> {
    window.clearTimeout(debounce);
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    state.q = search.value.trim();
    if (fresh) {
      cursor = null;
      syncUrl();
    }
    replace(errorSlot);
    results.setAttribute('aria-busy', 'true');
    more.disabled = true;
    if (fresh) status.textContent = 'Searching…';
    try {
      const page = await searchLibrary({ ...state, cursor }, controller.signal);
      if (fresh) {
        replace(results);
        replace(expertsSlot, state.tag && page.experts?.length ? expertsBox(state.tag, page.experts) : null);
      }
      for (const item of page.items) results.appendChild(libraryItem(item, setTag, showError));
      cursor = page.next_cursor;
      more.hidden = !cursor;
      const n = results.childElementCount;
      status.textContent = n === 0 ? 'Nothing found. Try other words or another filter.' : `${n}${cursor ? '+' : ''} ${n === 1 ? 'item' : 'items'}`;
    } catch (e) {
      if (isAbort(e)) return;
      status.textContent = '';
      if (fresh) replace(expertsSlot);
      replace(errorSlot, errorBox(e, () => run(fresh)));
    } finally {
      results.removeAttribute('aria-busy');
      more.disabled = false;
    }
  }

  /** A link that could not be opened: said above the results, where it is seen. */
  function showError(e: unknown): void {
    replace(errorSlot, errorBox(e));
    errorSlot.scrollIntoView({ block: 'nearest' });
  }

  search.addEventListener('input', () => {
    window.clearTimeout(debounce);
    debounce = window.setTimeout(() => run(true), 350);
  });
  kinds.addEventListener('change', (ev) => {
    state.kind = readKind((ev.target as HTMLInputElement).value);
    run(true);
  });
  more.addEventListener('click', () => run(false));

  replace(main, h('h1', null, 'Library'), form, status, errorSlot, expertsSlot, results, more);
  renderTag();
  void run(true);
  return () => {
    window.clearTimeout(debounce);
    inFlight?.abort();
  };
}
