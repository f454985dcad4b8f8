// Library: search videos, handouts and links (GET /api/v1/library?q=&tag=&kind=&cursor=), best
// match first, with a kind filter, a tag filter (tap a tag) and "Load more" pages via
// next_cursor. The query lives in the URL (/library?q=…&kind=…&tag=…) so it survives a reload.
// The experts the server names for the tag or for the words typed are offered to ask (mailto:, or
// the best channel the expert log gives), with the people outside the organisation the expert log
// tags with them; each tag links to its topic page (/experts/:tag, pages/expertTopic.ts).
// Trainers also add to the library here: a link (components/resourceForm.ts) or handouts on
// their own (components/handoutUploads.ts); links get Edit and Delete on their cards, handouts
// Rename and Delete (trainers, and a handout's uploader).

import {
  deleteHandout,
  deleteResource,
  getResource,
  searchLibrary,
  updateHandout,
  type Expert,
  type ExpertChannel,
  type ExpertLogEntry,
  type LibraryItem,
  type LibraryKind,
  type LibraryQuery,
  type Me,
} from '../api';
import { setTitle } from '../branding';
import { deleteControl } from '../components/confirmDelete';
import { errorBox, isAbort } from '../components/errorBox';
import { field } from '../components/field';
import { takeFlash } from '../components/flash';
import { handoutUploads } from '../components/handoutUploads';
import { libraryItem } from '../components/libraryItem';
import { resourceForm } from '../components/resourceForm';
import { h, replace } from '../dom';
import type { PageContext } from '../router';
import { currentUser, isTrainer, mayEdit } from '../session';
import { externalUrl, mailtoHref } from '../text';

const KINDS: { value: LibraryKind | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'video', label: 'Videos' },
  { value: 'handout', label: 'Handouts' },
  { value: 'resource', label: 'Links' },
];

export const CHANNEL_LABEL: Record<ExpertChannel, string> = { email: 'Email', phone: 'Phone', chat: 'Chat', website: 'Website', in_person: 'In person' };

/** Where to reach an expert on their best channel: mailto:, tel:, or an http(s) page (their link
 *  first); null when it is not something to open (in person, a chat handle). */
export function contactHref(channel: ExpertChannel | null | undefined, contact: string | null | undefined, url?: string | null): string | null {
  const c = (contact ?? '').trim();
  if (channel === 'email' && mailtoHref(c)) return mailtoHref(c);
  if (channel === 'phone' && /^\+?[\d\s().-]{3,}$/.test(c)) return `tel:${c.replace(/[^\d+]/g, '')}`;
  return externalUrl(url) ?? externalUrl(c);
}

/** Tags as links to their topic pages. */
export function topicLinks(tags: string[]): HTMLElement[] {
  return tags.map((t) => h('a', { class: 'tag', href: `/experts/${encodeURIComponent(t)}` }, `#${t}`));
}

/** "Ask an expert": each colleague's name as a link to reach them (once each, mailto: unless the
 *  expert log names another channel) and the people outside from the expert log, with the tags
 *  they know about linking to each topic's page. `subject` is what was asked for: "#forklift" (a
 *  tag) or "“forklifts”" (typed words). */
function expertsBox(subject: string, experts: Expert[], outside: ExpertLogEntry[]): HTMLElement | null {
  const byPerson = new Map<string, { x: Expert; tags: string[] }>();
  for (const x of experts) {
    const seen = byPerson.get(x.user_id);
    if (seen) {
      if (!seen.tags.includes(x.tag)) seen.tags.push(x.tag);
    } else byPerson.set(x.user_id, { x, tags: [x.tag] });
  }
  const links = [...byPerson.values()].map(({ x, tags }) => {
    const href = (x.channel && contactHref(x.channel, x.contact)) || mailtoHref(x.email, `Question about #${tags[0]}`);
    const name = x.name || x.email;
    return h('li', null, href ? h('a', { href, class: 'expert-link' }, name) : name, ' ', topicLinks(tags));
  });
  const others = outside.map((x) => {
    const href = contactHref(x.channel, x.contact, x.url);
    return h(
      'li',
      { class: 'expert-outside' },
      href ? h('a', { href, class: 'expert-link' }, x.name) : h('strong', null, x.name),
      x.about ? h('span', { class: 'small muted' }, ` · ${x.about}`) : null,
      ' ',
      topicLinks(x.tags),
    );
  });
  if (links.length === 0 && others.length === 0) return null;
  return h(
    'section',
    { class: 'notice experts', 'aria-labelledby': 'experts-heading' },
    h('h2', { id: 'experts-heading' }, 'Ask an expert'),
    links.length ? [h('p', { class: 'small muted' }, `Colleagues who know about ${subject}:`), h('ul', { class: 'expert-list' }, links)] : null,
    others.length ? [h('p', { class: 'small muted' }, 'Outside the organisation:'), h('ul', { class: 'expert-list' }, others)] : null,
  );
}

function readKind(v: string | null): LibraryKind | '' {
  return v === 'video' || v === 'handout' || v === 'resource' ? v : '';
}

export async function libraryPage({ main, query, signal }: PageContext): Promise<() => void> {
  setTitle('Library');
  const me = await currentUser();
  const flash = takeFlash();
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
        const subject = state.tag ? `#${state.tag}` : state.q ? `“${state.q}”` : '';
        // oneself is no expert to ask
        const experts = (page.experts ?? []).filter((x) => x.user_id !== me?.id);
        replace(expertsSlot, subject ? expertsBox(subject, experts, page.external_experts ?? []) : null);
      }
      for (const item of page.items) results.appendChild(card(item));
      cursor = page.next_cursor ?? null;
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

  /** One result, with Edit / Rename / Delete for the people allowed to. */
  function card(item: LibraryItem): HTMLElement {
    const removed = () => {
      li.remove();
      status.textContent = `Deleted “${item.title}”.`;
    };
    const li = libraryItem(item, setTag, showError, itemActions(me, item, removed, () => void run(true)));
    return li;
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

  const addSlot = isTrainer(me) ? addPanel(() => void run(true)) : null;
  replace(main, h('h1', null, 'Library'), flash, addSlot?.el, form, status, errorSlot, expertsSlot, results, more);
  renderTag();
  void run(true);
  return () => {
    window.clearTimeout(debounce);
    inFlight?.abort();
    addSlot?.stop();
  };
}

/** Trainers: "Add a link" and "Upload handouts" into the library, folded away until opened. */
function addPanel(changed: () => void): { el: HTMLElement; stop(): void } {
  const linkStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const linkDetails = h('details', { class: 'card edit-details add-link' }, h('summary', null, 'Add a link'));
  linkDetails.append(
    resourceForm({
      saved(r) {
        replace(linkStatus, h('p', { class: 'saved' }, `Added the link “${r.title}”.`));
        changed();
      },
    }),
    linkStatus,
  );
  const uploads = handoutUploads({ videoId: null, buttonLabel: 'Choose files', withTitle: true, uploaded: () => changed() });
  const handoutDetails = h(
    'details',
    { class: 'card edit-details add-handout' },
    h('summary', null, 'Upload handouts'),
    h('p', { class: 'small muted' }, 'A handout on its own in the library (to attach one to a video, open the video). Add it to playlists from the playlist editor.'),
    uploads.el,
  );
  return {
    el: h('section', { class: 'library-add stack', 'aria-label': 'Add to the library' }, linkDetails, handoutDetails),
    stop: () => uploads.stop(),
  };
}

/** Edit and Delete of a link (trainers); Rename and Delete of a handout (trainers and the
 *  person who uploaded it). Videos are edited and deleted on their own page. */
function itemActions(me: Me | null, item: LibraryItem, removed: () => void, changed: () => void): HTMLElement | null {
  const what = item.kind === 'resource' ? 'link' : 'handout';
  if (item.kind === 'video') return null;
  if (item.kind === 'resource' ? !isTrainer(me) : !mayEdit(me, item.owner_id)) return null;
  const editSlot = h('div', { class: 'card-edit' });
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const edit = h(
    'button',
    { type: 'button', class: 'button button-secondary button-small', 'aria-expanded': 'false' },
    item.kind === 'resource' ? 'Edit' : 'Rename',
    h('span', { class: 'visually-hidden' }, `: ${item.title}`),
  );
  function close(): void {
    replace(editSlot);
    edit.setAttribute('aria-expanded', 'false');
    edit.focus();
  }
  edit.addEventListener('click', async () => {
    if (edit.getAttribute('aria-expanded') === 'true') return close();
    edit.setAttribute('aria-expanded', 'true');
    replace(status);
    if (item.kind === 'resource') {
      replace(editSlot, h('p', { class: 'small muted' }, 'Loading…'));
      try {
        const r = await getResource(item.id);
        replace(editSlot, resourceForm({ resource: r, saved: () => { close(); changed(); }, cancel: close }));
        editSlot.querySelector('input')?.focus();
      } catch (e) {
        replace(editSlot, errorBox(e));
      }
    } else {
      const input = h('input', { type: 'text', name: 'title', maxlength: 200, value: item.title, 'aria-label': `New title for ${item.title}` });
      const save = h('button', { type: 'submit', class: 'button button-primary button-small' }, 'Save');
      const form = h('form', { class: 'stack rename-form' }, input, h('div', { class: 'button-row' }, save, h('button', { type: 'button', class: 'button button-secondary button-small', onClick: close }, 'Cancel')));
      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        if (!input.value.trim()) return;
        save.disabled = true;
        try {
          await updateHandout(item.id, { title: input.value.trim() });
          close();
          changed();
        } catch (e) {
          replace(status, errorBox(e));
          save.disabled = false;
        }
      });
      replace(editSlot, form);
      input.focus();
    }
  });
  return h(
    'div',
    { class: 'card-actions' },
    h(
      'div',
      { class: 'button-row' },
      edit,
      deleteControl({
        what,
        title: item.title,
        id: item.id,
        nameInLabel: true,
        small: true,
        remove: () => (item.kind === 'resource' ? deleteResource(item.id) : deleteHandout(item.id)),
        deleted: removed,
      }),
    ),
    status,
    editSlot,
  );
}
