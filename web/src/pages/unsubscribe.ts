// Unsubscribe link /unsubscribe?token=… (public: emails link here, and it works without signing
// in): POST /api/v1/unsubscribe {token}, then what stopped ("You will no longer get emails about
// replies to your comments. You still see them in your inbox."), or that the link is not valid.

import { ApiError, unsubscribe } from '../api';
import { setTitle } from '../branding';
import { brandPanel } from '../components/brandPanel';
import { errorBox } from '../components/errorBox';
import { h, replace } from '../dom';
import { kindsPhrase } from '../practice';
import type { PageContext } from '../router';

export async function unsubscribePage({ main, query }: PageContext): Promise<void> {
  setTitle('Unsubscribe');
  const token = query.get('token') ?? '';
  const after = h('p', { class: 'small muted invite-signin' }, h('a', { href: '/settings/notifications' }, 'Choose your notifications'), ' · ', h('a', { href: '/' }, 'Open Reelhouse'));
  const invalid = () => errorBox(new Error('This unsubscribe link is not valid. Open the whole link from your email again, or change your notifications in the app'));
  if (!token) {
    replace(main, h('div', { class: 'auth-card' }, brandPanel('Unsubscribe'), invalid(), after));
    return;
  }
  replace(main, h('div', { class: 'auth-card' }, brandPanel('Unsubscribe'), h('p', { class: 'muted', 'aria-busy': 'true' }, 'One moment…')));
  let body: HTMLElement;
  try {
    const kinds = await unsubscribe(token);
    body = h(
      'div',
      { class: 'notice saved unsubscribed', role: 'status' },
      h('p', null, `You will no longer get emails about ${kindsPhrase(kinds)}.`),
      h('p', null, 'You still see them in your inbox.'),
    );
  } catch (e) {
    body = e instanceof ApiError && (e.status === 404 || e.status === 400) ? invalid() : errorBox(e);
  }
  replace(main, h('div', { class: 'auth-card' }, brandPanel('Unsubscribe'), body, after));
}
