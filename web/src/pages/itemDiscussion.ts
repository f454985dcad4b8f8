// A handout /handouts/:id or a link /resources/:id on a page of its own (the notifications about
// comments on them link here): its title, tag-line, description and tags, the button that opens
// it as the library does (a handout in the phone's viewer or as a download; a link recorded as
// opened, then in a new tab), and the discussion under it (components/discussion.ts).

import { getHandout, getResource } from '../api';
import { setTitle } from '../branding';
import { discussion } from '../components/discussion';
import { errorBox, isAbort } from '../components/errorBox';
import { handoutLinkAttrs } from '../components/handoutList';
import { icon } from '../components/icon';
import { resourceButton } from '../components/libraryItem';
import { h, replace, type Child } from '../dom';
import { fileKindText, formatBytes } from '../format';
import { opensInline } from '../learning';
import type { PageContext } from '../router';
import { currentUser } from '../session';
import { paragraphs } from '../text';

interface Shown {
  title: string;
  tagline: string;
  description: string;
  tags: string[];
}

function details(kind: string, item: Shown, open: HTMLElement, about?: string): Child[] {
  const tags = item.tags;
  return [
    h('a', { class: 'back-link', href: '/library' }, '← Library'),
    h('p', { class: 'kind' }, kind),
    h('h1', null, item.title || kind),
    item.tagline ? h('p', { class: 'lead' }, item.tagline) : null,
    about ? h('p', { class: 'small muted file-about' }, about) : null,
    ...paragraphs(item.description).map((p) => h('p', { class: 'description' }, p)),
    tags.length
      ? h('ul', { class: 'tags tags-inline', 'aria-label': 'Tags' }, tags.map((t) => h('li', null, h('a', { class: 'tag', href: `/library?tag=${encodeURIComponent(t)}` }, `#${t}`))))
      : null,
    h('p', { class: 'button-row' }, open),
  ];
}

export async function handoutPage({ main, params, signal }: PageContext): Promise<void> {
  const id = params.id!;
  const me = (await currentUser())!;
  setTitle('Handout');
  replace(main, h('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading…'));
  let d;
  try {
    d = await getHandout(id, signal);
  } catch (e) {
    if (isAbort(e)) return;
    replace(main, h('a', { class: 'back-link', href: '/library' }, '← Library'), h('h1', null, 'Handout'), errorBox(e));
    return;
  }
  const item: Shown = { title: d.title || d.filename, tagline: d.tagline, description: d.description, tags: d.tags };
  setTitle(item.title);
  const inline = opensInline(d.content_type);
  const open = h(
    'a',
    { class: 'button button-primary', ...handoutLinkAttrs(d) },
    icon(inline ? 'file' : 'download'),
    inline ? 'Open the handout' : 'Download the handout',
    inline ? h('span', { class: 'visually-hidden' }, ' (opens in a new tab)') : null,
  );
  const about = [fileKindText(d.content_type, d.filename), d.size ? formatBytes(d.size) : ''].filter(Boolean).join(' · ');
  const talk = discussion({ target: 'handout', targetId: id, me, experts: true });
  replace(main, details('Handout', item, open, about), talk.el);
}

export async function resourcePage({ main, params, signal }: PageContext): Promise<void> {
  const id = params.id!;
  const me = (await currentUser())!;
  setTitle('Link');
  let item: Shown;
  try {
    const r = await getResource(id, signal);
    item = { title: r.title, tagline: r.tagline, description: r.description, tags: r.tags };
  } catch (e) {
    if (isAbort(e)) return;
    replace(main, h('h1', null, 'Link'), errorBox(e));
    return;
  }
  setTitle(item.title);
  const status = h('div', { 'aria-live': 'polite' });
  const open = resourceButton(id, 'button button-primary', [icon('link'), 'Open the link'], { failed: (e) => replace(status, errorBox(e)) });
  const talk = discussion({ target: 'resource', targetId: id, me, experts: true });
  replace(main, details('Link', item, open), status, talk.el);
}
