// The handouts attached to a video, each a download link.

import { handoutDownloadUrl, type Handout } from '../api';
import { h } from '../dom';
import { formatBytes } from '../format';
import { icon } from './icon';

export function handoutList(handouts: Handout[]): HTMLElement | null {
  if (handouts.length === 0) return null;
  return h(
    'section',
    { class: 'handouts', 'aria-labelledby': 'handouts-heading' },
    h('h2', { id: 'handouts-heading' }, 'Handouts'),
    h(
      'ul',
      { class: 'plain-list' },
      handouts.map((d) =>
        h(
          'li',
          null,
          h(
            'a',
            { class: 'download', href: handoutDownloadUrl(d.id), download: d.filename },
            icon('download'),
            h('span', null, d.title || d.filename),
            d.size_bytes ? h('span', { class: 'muted' }, ` ${formatBytes(d.size_bytes)}`) : null,
          ),
        ),
      ),
    ),
  );
}
