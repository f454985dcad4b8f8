// Inbox /inbox: the person's notifications, newest first (GET /api/v1/me/notifications), unread
// ones marked; opening one marks it read (POST /api/v1/me/notifications/read {id}) and goes to its
// link; "Mark all read". Above them, "To review": the practice attempts the person was asked to
// review (GET /api/v1/attempts; for trainers every attempt waiting). A link to the notification
// settings at the end.

import { attemptQueue, getInbox, markRead, type AttemptSummary, type Notification } from '../api';
import { setTitle } from '../branding';
import { errorBox, isAbort } from '../components/errorBox';
import { refreshInboxCount } from '../components/header';
import { h, replace } from '../dom';
import { formatDateTime, toDate } from '../format';
import { navigate, type PageContext } from '../router';

/** The attempts waiting for the person's review, each a link to it. */
export function toReviewList(items: AttemptSummary[]): HTMLElement {
  return h(
    'ul',
    { class: 'plain-list to-review-list' },
    items.map((a) => {
      const when = toDate(a.created_at);
      return h(
        'li',
        { 'data-attempt': a.id },
        h('a', { href: `/practice/attempts/${encodeURIComponent(a.id)}` }, `${a.learner_name}: ${a.step_title}`),
        when ? h('span', { class: 'muted small' }, ` sent ${formatDateTime(when)}`) : null,
      );
    }),
  );
}

/** A notification's link as an in-app path (the server may send it absolute). */
function inAppPath(link: string): string {
  try {
    const url = new URL(link, location.origin);
    return url.origin === location.origin ? url.pathname + url.search + url.hash : link;
  } catch {
    return '/';
  }
}

export async function inboxPage({ main, signal }: PageContext): Promise<void> {
  setTitle('Inbox');
  const list = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading your inbox…'));
  const reviews = h('div');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const allRead = h('button', { type: 'button', class: 'button button-secondary button-small', hidden: true }, 'Mark all read');
  allRead.addEventListener('click', async () => {
    allRead.disabled = true;
    try {
      await markRead();
      await load();
      replace(status, h('p', { class: 'saved', role: 'status' }, 'All read.'));
    } catch (e) {
      replace(status, errorBox(e));
    } finally {
      allRead.disabled = false;
    }
  });
  replace(
    main,
    h('h1', null, 'Inbox'),
    reviews,
    h('div', { class: 'button-row inbox-actions' }, allRead),
    status,
    list,
    h('p', { class: 'inbox-settings' }, h('a', { class: 'button button-secondary', href: '/settings/notifications' }, 'Notification settings')),
  );

  function row(n: Notification): HTMLElement {
    const when = toDate(n.created_at);
    const open = async (ev: Event) => {
      ev.preventDefault();
      try {
        if (!n.read) await markRead(n.id);
      } catch {
        // the link still opens; it stays unread
      }
      refreshInboxCount();
      const to = inAppPath(n.link);
      if (to.startsWith('/')) navigate(to);
      else location.href = to;
    };
    return h(
      'li',
      { class: `notification${n.read ? '' : ' notification-unread'}`, 'data-notification': n.id, 'data-kind': n.kind },
      h(
        'a',
        { href: inAppPath(n.link), class: 'notification-link', onClick: open },
        n.read ? null : h('span', { class: 'unread-dot', 'aria-hidden': 'true' }),
        h('span', { class: 'notification-text' },
          h('span', { class: 'notification-title' }, n.read ? null : h('span', { class: 'visually-hidden' }, 'Unread: '), n.title),
          n.body ? h('span', { class: 'small notification-body' }, n.body) : null,
          when ? h('span', { class: 'small muted' }, formatDateTime(when)) : null,
        ),
      ),
    );
  }

  async function load(): Promise<void> {
    list.setAttribute('aria-busy', 'true');
    try {
      const inbox = await getInbox(signal);
      allRead.hidden = inbox.unread === 0;
      refreshInboxCount(inbox.unread);
      replace(
        list,
        inbox.items.length
          ? h('ul', { class: 'plain-list notification-list card' }, inbox.items.map(row))
          : h('p', { class: 'empty' }, 'Nothing here yet. You are told here about assignments, feedback and replies.'),
      );
    } catch (e) {
      if (isAbort(e)) return;
      replace(list, errorBox(e, () => void load()));
    } finally {
      list.removeAttribute('aria-busy');
    }
  }
  async function loadReviews(): Promise<void> {
    try {
      const items = await attemptQueue(signal);
      replace(
        reviews,
        items.length
          ? h(
              'section',
              { class: 'notice to-review', 'aria-labelledby': 'attempts-heading' },
              h('h2', { id: 'attempts-heading' }, `To review (${items.length})`),
              h('p', { class: 'small muted' }, 'Practice attempts waiting for your feedback, oldest first.'),
              toReviewList(items),
            )
          : null,
      );
    } catch (e) {
      if (!isAbort(e)) replace(reviews);
    }
  }
  await Promise.all([load(), loadReviews()]);
}
