// The moments of a video for the people who may change them (trainers and the video's owner): a
// small editor of the whole list, saved at once (PUT /api/v1/videos/{id}/moments). Each moment
// has a time ("2:10" or seconds; "Add at current time" takes the player's), a title and,
// optionally, what it opens: one of the video's handouts or a link of the library. Every moment
// is a chapter; one that opens something is also a card beside the video at its time.

import { saveMoments, searchLibrary, type Handout, type LibraryItem, type Moment, type MomentChange } from '../api';
import { h, replace } from '../dom';
import { clock, clockField, parseStartParam } from '../moments';
import { errorBox } from './errorBox';
import { field } from './field';

export interface MomentsEditor {
  el: HTMLElement;
  /** the video's handouts changed (they are what a moment may open) */
  setHandouts(handouts: Handout[]): void;
}

interface Draft {
  key: number;
  at: string;
  title: string;
  /** '' (a chapter), 'h:<handout id>' or 'r:<resource id>' */
  opens: string;
}

const MAX_MOMENTS = 200;
/** At most this many pages of the library's links are offered. */
const LINK_PAGES = 5;

function draftOf(m: Moment, key: number): Draft {
  return {
    key,
    at: clockField(m.at_s),
    title: m.title,
    opens: m.handout_id ? `h:${m.handout_id}` : m.resource_id ? `r:${m.resource_id}` : '',
  };
}

export function momentsEditor(opts: {
  videoId: string;
  moments: Moment[];
  handouts: Handout[];
  duration: number | null;
  /** where playback is now, for "Add at current time" */
  currentTime(): number | null;
  saved(moments: Moment[]): void;
}): MomentsEditor {
  let next = 0;
  let drafts: Draft[] = opts.moments.map((m) => draftOf(m, next++));
  let handouts = opts.handouts;
  let links: LibraryItem[] = [];
  /** links named by saved moments but not (yet) in the library list: their titles */
  const knownLinks = new Map(opts.moments.filter((m) => m.resource_id).map((m) => [m.resource_id!, m.title]));
  let linksLoaded = false;

  const heading = h('h2', { id: 'moments-heading', tabindex: -1 }, 'Chapters and moments');
  const rows = h('ol', { class: 'moment-rows' });
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const addNow = h('button', { type: 'button', class: 'button button-secondary' }, 'Add at current time');
  const save = h('button', { type: 'submit', class: 'button button-primary' }, 'Save moments');
  const form = h(
    'form',
    { class: 'stack moments-form', 'aria-labelledby': 'moments-heading', novalidate: true },
    h('p', { class: 'small muted' }, 'Every moment is a chapter on the time bar. One that opens a handout or a link also shows it beside the video when playback gets there.'),
    rows,
    status,
    h('div', { class: 'button-row' }, addNow, save),
  );

  function options(selected: string): HTMLOptionElement[] {
    const opt = (value: string, text: string) => h('option', { value, selected: value === selected }, text);
    const out = [opt('', 'Nothing (a chapter)')];
    for (const d of handouts) out.push(opt(`h:${d.id}`, `Handout: ${d.title || d.filename}`));
    const seen = new Set<string>();
    for (const l of links) {
      seen.add(l.id);
      out.push(opt(`r:${l.id}`, `Link: ${l.title}`));
    }
    for (const [id, title] of knownLinks) if (!seen.has(id)) out.push(opt(`r:${id}`, `Link: ${title}`));
    // a handout that is no longer the video's: kept as it is, by its id
    if (selected.startsWith('h:') && !handouts.some((d) => `h:${d.id}` === selected)) out.push(opt(selected, 'A handout of the library'));
    return out;
  }

  function row(d: Draft, i: number): HTMLElement {
    const at = h('input', { type: 'text', name: 'moment-at', inputmode: 'decimal', autocomplete: 'off', value: d.at, placeholder: '2:10', class: 'moment-at' });
    const title = h('input', { type: 'text', name: 'moment-title', maxlength: 200, value: d.title, placeholder: 'Open the checklist' });
    const opens = h('select', { name: 'moment-opens' }, options(d.opens));
    at.addEventListener('input', () => (d.at = at.value));
    title.addEventListener('input', () => (d.title = title.value));
    opens.addEventListener('change', () => (d.opens = opens.value));
    const remove = h(
      'button',
      {
        type: 'button',
        class: 'button button-secondary button-small',
        onClick: () => {
          drafts = drafts.filter((x) => x.key !== d.key);
          render();
          (rows.querySelector<HTMLElement>(`[data-key] input`) ?? addNow).focus();
        },
      },
      'Remove',
      h('span', { class: 'visually-hidden' }, ` moment ${i + 1}${d.title ? `: ${d.title}` : ''}`),
    );
    return h(
      'li',
      { class: 'moment-row', 'data-key': d.key },
      h('div', { class: 'moment-row-fields' }, field('Time', at), field('Title', title), field('Opens', opens)),
      h('div', { class: 'button-row' }, remove),
    );
  }

  function render(): void {
    replace(rows, drafts.map(row));
    if (!drafts.length) replace(rows, h('li', { class: 'muted small moment-none' }, 'No moments yet.'));
    addNow.disabled = drafts.length >= MAX_MOMENTS;
  }

  async function loadLinks(): Promise<void> {
    if (linksLoaded) return;
    linksLoaded = true;
    try {
      let cursor: string | null = null;
      for (let page = 0; page < LINK_PAGES; page++) {
        const got = await searchLibrary({ kind: 'resource', cursor });
        links.push(...got.items.filter((i) => i.kind === 'resource'));
        cursor = got.next_cursor;
        if (!cursor) break;
      }
      links.sort((a, b) => a.title.localeCompare(b.title));
      refreshOptions();
    } catch {
      linksLoaded = false; // the moments' own links are still offered; asked again on the next focus
    }
  }

  /** New choices in every "Opens" list, in place: what people are typing is not touched. */
  function refreshOptions(): void {
    for (const d of drafts) {
      const select = rows.querySelector<HTMLSelectElement>(`[data-key="${d.key}"] select[name="moment-opens"]`);
      if (select) replace(select, options(d.opens));
    }
  }

  addNow.addEventListener('click', () => {
    const t = opts.currentTime() ?? 0;
    const d: Draft = { key: next++, at: clockField(Math.floor(t * 10) / 10), title: '', opens: '' };
    drafts = [...drafts, d].sort((a, b) => (parseStartParam(a.at) ?? 0) - (parseStartParam(b.at) ?? 0));
    render();
    rows.querySelector<HTMLInputElement>(`[data-key="${d.key}"] [name="moment-title"]`)?.focus();
  });
  form.addEventListener('focusin', () => void loadLinks());

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    replace(status);
    const body: MomentChange[] = [];
    for (const [i, d] of drafts.entries()) {
      const at = parseStartParam(d.at);
      const problem =
        at === null
          ? `Moment ${i + 1}: write its time as minutes and seconds (2:10) or seconds (130).`
          : opts.duration && at > opts.duration
            ? `Moment ${i + 1}: ${d.at} is after the end of the video (${clock(opts.duration)}).`
            : !d.title.trim()
              ? `Moment ${i + 1}: give it a title.`
              : null;
      if (problem) {
        replace(status, errorBox(new Error(problem)));
        rows.querySelector<HTMLElement>(`[data-key="${d.key}"] [name="${at === null || problem.includes('after') ? 'moment-at' : 'moment-title'}"]`)?.focus();
        return;
      }
      body.push({
        at_s: at!,
        title: d.title.trim(),
        handout_id: d.opens.startsWith('h:') ? d.opens.slice(2) : null,
        resource_id: d.opens.startsWith('r:') ? d.opens.slice(2) : null,
      });
    }
    save.disabled = true;
    save.textContent = 'Saving…';
    try {
      const moments = await saveMoments(opts.videoId, body);
      for (const m of moments) if (m.resource_id) knownLinks.set(m.resource_id, knownLinks.get(m.resource_id) ?? m.title);
      drafts = moments.map((m) => draftOf(m, next++));
      render();
      replace(status, h('p', { class: 'saved' }, moments.length ? `Saved ${moments.length} ${moments.length === 1 ? 'moment' : 'moments'}.` : 'Saved: no moments.'));
      opts.saved(moments);
    } catch (e) {
      replace(status, errorBox(e));
    } finally {
      save.disabled = false;
      save.textContent = 'Save moments';
    }
  });

  render();
  return {
    el: h('section', { class: 'moments-section', 'aria-labelledby': 'moments-heading' }, heading, form),
    setHandouts(next) {
      const key = (ds: Handout[]) => ds.map((d) => `${d.id}:${d.title}`).join();
      if (key(next) === key(handouts)) return;
      handouts = next;
      refreshOptions();
    },
  };
}
