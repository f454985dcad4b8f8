// One search result in the library: a video (opens the player), a handout (downloads) or an
// external resource (opens the link in a new tab). Tags are buttons that filter by that tag.

import { handoutDownloadUrl, type LibraryItem, type LibraryKind } from '../api';
import { h } from '../dom';
import { formatDuration } from '../format';
import { icon, type IconName } from './icon';

export const KIND_LABEL: Record<LibraryKind, string> = {
  video: 'Video',
  handout: 'Handout',
  resource: 'Link',
};

const KIND_ICON: Record<LibraryKind, IconName> = { video: 'video', handout: 'file', resource: 'link' };

/** Where an item opens, and how: in the app, as a download, or in a new tab. */
export function itemLink(kind: LibraryKind, id: string, url?: string | null): Record<string, string> {
  switch (kind) {
    case 'video':
      return { href: `/videos/${encodeURIComponent(id)}` };
    case 'handout':
      return { href: handoutDownloadUrl(id), download: '' };
    case 'resource':
      return url ? { href: url, target: '_blank', rel: 'noopener noreferrer' } : {};
  }
}

export function libraryItem(item: LibraryItem, onTag: (tag: string) => void): HTMLElement {
  const link = itemLink(item.kind, item.id, item.url);
  const thumb =
    item.kind === 'video' && item.poster_url
      ? h('img', { class: 'thumb', src: item.poster_url, alt: '', loading: 'lazy' })
      : h('div', { class: `thumb thumb-${item.kind}` }, icon(KIND_ICON[item.kind]));

  return h(
    'li',
    { class: 'card result' },
    h(
      'a',
      { class: 'card-link result-link', ...link },
      thumb,
      h(
        'div',
        { class: 'card-body' },
        h(
          'p',
          { class: 'kind' },
          KIND_LABEL[item.kind],
          item.duration_s ? ` · ${formatDuration(item.duration_s)}` : null,
          item.kind === 'resource' ? h('span', { class: 'visually-hidden' }, ' (opens in a new tab)') : null,
        ),
        h('h3', { class: 'card-title' }, item.title),
        item.tagline ? h('p', { class: 'muted clamp' }, item.tagline) : null,
      ),
    ),
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
  );
}
