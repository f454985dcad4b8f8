// One assigned on-boarding playlist on the home page: cover, title, progress (a partly watched
// video counts by the share watched: "0 of 3 done · 13%"), and the due date (overdue in red) or,
// once completed, the date it was completed.

import type { Assignment } from '../api';
import { h } from '../dom';
import { formatDate, toDate } from '../format';
import { overallProgress, progressCaption } from '../learning';
import { progressBar } from './progressBar';

export function assignmentCard(a: Assignment): HTMLElement {
  const due = toDate(a.due_at);
  const completedAt = a.completed ? toDate(a.completed_at) : null;
  const bar = progressBar(`Progress on ${a.title}`);
  bar.set(
    overallProgress(a.items_completed, a.items_total, a.progress ?? a.fraction),
    progressCaption(a.items_completed, a.items_total, a.progress ?? a.fraction),
  );

  let badge: HTMLElement | null = null;
  if (a.completed) badge = h('span', { class: 'badge badge-done' }, 'Completed');
  else if (a.overdue) badge = h('span', { class: 'badge badge-overdue' }, 'Overdue');

  return h(
    'li',
    { class: `card assignment${a.overdue && !a.completed ? ' is-overdue' : ''}` },
    h(
      'a',
      { class: 'card-link', href: `/playlists/${encodeURIComponent(a.playlist_id)}` },
      a.cover_url
        ? h('img', { class: 'card-cover', src: a.cover_url, alt: '', loading: 'lazy', onError: (ev) => (ev.target as Element).remove() })
        : null,
      h(
        'div',
        { class: 'card-body' },
        h('h3', { class: 'card-title' }, a.title, badge ? ' ' : null, badge),
        a.description ? h('p', { class: 'muted clamp' }, a.description) : null,
        bar.el,
        completedAt
          ? h('p', { class: 'due due-done' }, `Completed ${formatDate(completedAt)}`)
          : due && !a.completed
            ? h(
                'p',
                { class: `due${a.overdue ? ' due-overdue' : ''}` },
                a.overdue ? `Was due ${formatDate(due)}` : `Due ${formatDate(due)}`,
              )
            : null,
      ),
    ),
  );
}
