// One assigned on-boarding playlist on the home page: title, progress, due date, overdue.

import type { Assignment } from '../api';
import { h } from '../dom';
import { formatDate, percent, toDate } from '../format';
import { progressBar } from './progressBar';

export function assignmentCard(a: Assignment): HTMLElement {
  const due = toDate(a.due_at);
  const bar = progressBar(`Progress on ${a.title}`);
  bar.set(a.fraction, `${a.items_completed} of ${a.items_total} done · ${percent(a.fraction)}`);

  let badge: HTMLElement | null = null;
  if (a.completed) badge = h('span', { class: 'badge badge-done' }, 'Completed');
  else if (a.overdue) badge = h('span', { class: 'badge badge-overdue' }, 'Overdue');

  return h(
    'li',
    { class: `card assignment${a.overdue && !a.completed ? ' is-overdue' : ''}` },
    h(
      'a',
      { class: 'card-link', href: `/playlists/${encodeURIComponent(a.playlist_id)}` },
      a.cover_url ? h('img', { class: 'card-cover', src: a.cover_url, alt: '', loading: 'lazy' }) : null,
      h(
        'div',
        { class: 'card-body' },
        h('h3', { class: 'card-title' }, a.title, badge ? ' ' : null, badge),
        a.description ? h('p', { class: 'muted clamp' }, a.description) : null,
        bar.el,
        due
          ? h(
              'p',
              { class: `due${a.overdue && !a.completed ? ' due-overdue' : ''}` },
              a.overdue && !a.completed ? `Was due ${formatDate(due)}` : `Due ${formatDate(due)}`,
            )
          : null,
      ),
    ),
  );
}
