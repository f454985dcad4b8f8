// The handouts attached to a video: PDFs and pictures open in the phone's own viewer (a new tab,
// `…/download?inline=true`), other documents download. Editors get handoutManager.ts instead.

import { handoutDownloadUrl, type Handout } from '../api';
import { h } from '../dom';
import { formatBytes } from '../format';
import { opensInline } from '../learning';
import { icon } from './icon';

/** The attributes of a link that opens a handout: in the viewer (a new tab) when it can show it;
 *  when the type is not known here (library hits, playlist items), the server decides: it answers
 *  PDFs and pictures inline and anything else as a download. */
export function handoutLinkAttrs(d: { id: string; filename?: string; content_type?: string | null }): Record<string, string> {
  return d.content_type == null || opensInline(d.content_type)
    ? { href: handoutDownloadUrl(d.id, true), target: '_blank', rel: 'noopener' }
    : { href: handoutDownloadUrl(d.id), download: d.filename ?? '' };
}

/** One handout as a link: icon, title, size. */
export function handoutLink(d: Handout): HTMLElement {
  const inline = opensInline(d.content_type);
  return h(
    'a',
    { class: 'download', ...handoutLinkAttrs(d) },
    icon(inline ? 'file' : 'download'),
    h('span', null, d.title || d.filename),
    d.size ? h('span', { class: 'muted small' }, ` ${formatBytes(d.size)}`) : null,
    inline ? h('span', { class: 'visually-hidden' }, ' (opens in a new tab)') : null,
  );
}

export function handoutList(handouts: Handout[]): HTMLElement | null {
  if (handouts.length === 0) return null;
  return h(
    'section',
    { class: 'handouts', 'aria-labelledby': 'handouts-heading' },
    h('h2', { id: 'handouts-heading' }, 'Handouts'),
    h('ul', { class: 'plain-list' }, handouts.map((d) => h('li', null, handoutLink(d)))),
  );
}
