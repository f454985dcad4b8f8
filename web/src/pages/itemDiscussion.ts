// A handout /handouts/:id or a link /resources/:id on a page of its own (the notifications about
// comments on them link here): its title, tag-line, description and tags, the button that opens
// it as the library does (a handout in the phone's viewer or as a download; a link recorded as
// opened, then in a new tab), and the discussion under it (components/discussion.ts).

import { ApiError, getHandout, getResource } from '../api';
import { setTitle } from '../branding';
import { discussion } from '../components/discussion';
import { errorBox, isAbort } from '../components/errorBox';
import { handoutLinkAttrs } from '../components/handoutList';
import { icon } from '../components/icon';
import { resourceButton } from '../components/libraryItem';
import { h, replace, type Child } from '../dom';
import type { PageContext } from '../router';
import { currentUser } from '../session';
import { paragraphs } from '../text';

interface Shown {
  title: string;
  tagline: string;
  description: string;
  tags: string[];
}

function details(kind: string, item: Shown | null, open: HTMLElement): Child[] {
  const tags = item?.tags ?? [];
  return [
    h('a', { class: 'back-link', href: '/library' }, '← Library'),
    h('p', { class: 'kind' }, kind),
    h('h1', null, item?.title || kind),
    item?.tagline ? h('p', { class: 'lead' }, item.tagline) : null,
    ...paragraphs(item?.description).map((p) => h('p', { class: 'description' }, p)),
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
  let item: Shown | null = null;
  let contentType: string | null = null;
  try {
    const d = await getHandout(id, signal);
    item = { title: d.title || d.filename, tagline: d.tagline, description: d.description, tags: d.tags };
    contentType = d.content_type;
  } catch (e) {
    if (isAbort(e)) return;
    // the server may not describe one handout on its own: the page still opens it
    if (!(e instanceof ApiError) || (e.status !== 404 && e.status !== 405)) {
      replace(main, h('h1', null, 'Handout'), errorBox(e));
      return;
    }
  }
  if (item) setTitle(item.title);
  const open = h('a', { class: 'button button-primary', ...handoutLinkAttrs({ id, content_type: contentType }) }, icon('file'), 'Open the handout');
  const talk = discussion({ target: 'handout', targetId: id, me, experts: true });
  replace(main, details('Handout', item, open), talk.el);
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
