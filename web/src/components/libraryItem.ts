// One search result in the library: a video (opens the player; its poster and length), a
// handout (opens in the phone's viewer, or downloads) or an external resource (recorded as
// opened, then shown in a new tab: see openResource.ts). Tags are buttons that filter by that
// tag. Handouts and links also lead to their own page (details and comments: pages/itemDiscussion.ts).
// The library page may add a row of actions (edit, delete) for the people allowed to. A video
// found in its captions says where ("at 0:42 in the captions") and opens there (`?t=`).

import { type EntryKind, type LibraryItem, type LibraryKind } from '../api';
import { h, type Child } from '../dom';
import { formatDuration } from '../format';
import { hitTimeText, videoHref } from '../moments';
import { handoutLinkAttrs } from './handoutList';
import { icon, type IconName } from './icon';
import { openResource } from './openResource';

export const KIND_LABEL: Record<EntryKind, string> = {
  video: 'Video',
  handout: 'Handout',
  resource: 'Link',
  practice: 'Practice',
  quiz: 'Quiz',
  exercise: 'Exercise',
};

const KIND_ICON: Record<LibraryKind, IconName> = { video: 'video', handout: 'file', resource: 'link' };

/** Where a video or handout opens: in the app, or in a new tab (the viewer, or a download). */
export function itemLink(kind: 'video' | 'handout', id: string): Record<string, string> {
  return kind === 'video' ? { href: `/videos/${encodeURIComponent(id)}` } : handoutLinkAttrs({ id });
}

/**
 * A button that opens resource `id` in a new tab (recording the opening), then calls `opened`;
 * `failed` gets the error when the server refuses. Busy (aria-disabled) while it asks.
 */
export function resourceButton(
  id: string,
  cls: string,
  children: Child[],
  on: { opened?: () => void; failed: (e: unknown) => void },
): HTMLButtonElement {
  const button = h(
    'button',
    {
      type: 'button',
      class: cls,
      onClick: () => {
        if (button.getAttribute('aria-disabled') === 'true') return;
        button.setAttribute('aria-disabled', 'true');
        openResource(id)
          .then(() => on.opened?.(), on.failed)
          .finally(() => button.removeAttribute('aria-disabled'));
      },
    },
    children,
    h('span', { class: 'visually-hidden' }, ' (opens in a new tab)'),
  );
  return button;
}

export function libraryItem(
  item: LibraryItem,
  onTag: (tag: string) => void,
  onError: (e: unknown) => void,
  actions?: HTMLElement | null,
): HTMLElement {
  const generic = () => h('div', { class: `thumb thumb-${item.kind}` }, icon(KIND_ICON[item.kind]));
  const thumb =
    item.kind === 'video' && item.poster_url
      ? h('span', { class: 'thumb-frame' },
          h('img', { class: 'thumb', src: item.poster_url, alt: '', loading: 'lazy', onError: (ev) => (ev.target as Element).replaceWith(generic()) }),
          item.duration_s ? h('span', { class: 'thumb-duration', 'aria-hidden': 'true' }, formatDuration(item.duration_s)) : null)
      : generic();
  // a button holds only phrasing content: spans there, a heading and paragraphs in a link
  const inButton = item.kind === 'resource';
  const opensTab = item.kind === 'handout';
  const content: Child[] = [
    thumb,
    h(
      inButton ? 'span' : 'div',
      { class: 'card-body' },
      h(
        inButton ? 'span' : 'p',
        { class: 'kind' },
        KIND_LABEL[item.kind],
        // on the poster already; said once more for screen readers (the badge is hidden from them)
        item.duration_s
          ? h('span', { class: item.poster_url ? 'visually-hidden' : null }, ` · ${formatDuration(item.duration_s)}`)
          : null,
      ),
      // h2: the results come right under the page's h1 (or the experts' h2)
      h(inButton ? 'span' : 'h2', { class: 'card-title' }, item.title),
      item.tagline ? h(inButton ? 'span' : 'p', { class: 'muted clamp' }, item.tagline) : null,
      // found in what is said: where (the link opens the video there)
      item.kind === 'video' && hitTimeText(item.at_s) ? h('p', { class: 'hit-time small' }, hitTimeText(item.at_s)) : null,
      opensTab ? h('span', { class: 'visually-hidden' }, ' (opens in a new tab)') : null,
    ),
  ];

  return h(
    'li',
    { class: 'card result' },
    item.kind === 'resource'
      ? resourceButton(item.id, 'card-link result-link', content, { failed: onError })
      : h('a', { class: 'card-link result-link', ...(item.kind === 'video' ? { href: videoHref(item.id, item.at_s) } : itemLink(item.kind, item.id)) }, content),
    item.tags.length > 0
      ? h(
          'ul',
          { class: 'tags', 'aria-label': 'Tags' },
          item.tags.map((t) =>
            h(
              'li',
              null,
              h('button', { type: 'button', class: 'tag', onClick: () => onTag(t), 'aria-label': `Show items tagged ${t}` }, `#${t}`),
            ),
          ),
        )
      : null,
    // a handout's or link's own page: its details and the discussion on it
    item.kind === 'handout' || item.kind === 'resource'
      ? h(
          'p',
          { class: 'card-extra small' },
          h('a', { href: `/${item.kind}s/${encodeURIComponent(item.id)}` }, 'Details and comments', h('span', { class: 'visually-hidden' }, `: ${item.title}`)),
        )
      : null,
    actions ?? null,
  );
}
