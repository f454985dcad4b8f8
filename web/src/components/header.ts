// The app bar of signed-in pages: the organisation's brand (link home), the main navigation,
// "Account" (password and API tokens, /account) and a sign-out button. On phones the navigation
// becomes a bar along the bottom, within thumb reach (see .nav in style.css). The bell beside
// the name opens the inbox (/inbox) and shows how many notifications are unread ("Inbox, 3
// unread"), asked for on every page and once a minute.

import { getInbox, type Me } from '../api';
import { branding } from '../branding';
import { h } from '../dom';
import { navigate } from '../router';
import { inboxLabel } from '../practice';
import { isTrainer, signOut } from '../session';
import { icon, type IconName } from './icon';

const LINKS: { href: string; label: string; icon: IconName }[] = [
  { href: '/', label: 'Home', icon: 'home' },
  { href: '/library', label: 'Library', icon: 'library' },
  { href: '/upload', label: 'Upload', icon: 'upload' },
];
/** Only trainers and admins see it. */
const MANAGE = { href: '/manage/playlists', label: 'Manage', icon: 'manage' as IconName };

function section(path: string): string {
  if (path === '/' || path.startsWith('/playlists/') || path.startsWith('/practice/')) return '/';
  if (path.startsWith('/handouts/') || path.startsWith('/resources/')) return '/library';
  if (path.startsWith('/library') || path.startsWith('/videos/')) return '/library';
  if (path.startsWith('/manage/')) return MANAGE.href;
  return path;
}

let unread = 0;
let inboxTimer = 0;
const INBOX_POLL_MS = 60_000;

function inboxLink(path: string): HTMLElement {
  const link = h(
    'a',
    { class: 'inbox-link', href: '/inbox', 'aria-label': inboxLabel(unread), 'aria-current': path === '/inbox' ? 'page' : null },
    icon('bell'),
    h('span', { class: 'inbox-count', 'aria-hidden': 'true', hidden: unread === 0 }, String(unread)),
  );
  window.clearTimeout(inboxTimer);
  inboxTimer = window.setTimeout(() => refreshInboxCount(), 0);
  return link;
}

/** Shows `count` unread on the bell, or asks the server how many there are. */
export function refreshInboxCount(count?: number): void {
  window.clearTimeout(inboxTimer);
  const show = (n: number) => {
    unread = n;
    for (const link of document.querySelectorAll<HTMLElement>('.inbox-link')) {
      link.setAttribute('aria-label', inboxLabel(n));
      const badge = link.querySelector<HTMLElement>('.inbox-count');
      if (badge) {
        badge.textContent = n > 99 ? '99+' : String(n);
        badge.hidden = n === 0;
      }
    }
    inboxTimer = window.setTimeout(() => refreshInboxCount(), INBOX_POLL_MS);
  };
  if (count !== undefined) {
    show(count);
    return;
  }
  if (!document.querySelector('.inbox-link')) return;
  getInbox()
    .then((inbox) => show(inbox.unread))
    .catch(() => {
      inboxTimer = window.setTimeout(() => refreshInboxCount(), INBOX_POLL_MS);
    });
}

export function appHeader(me: Me, path: string): HTMLElement {
  const b = branding();
  const active = section(path);
  const nav = h(
    'nav',
    { class: 'nav', 'aria-label': 'Main' },
    (isTrainer(me) ? [...LINKS, MANAGE] : LINKS).map((l) =>
      h(
        'a',
        { href: l.href, 'aria-current': l.href === active ? 'page' : null },
        icon(l.icon),
        h('span', null, l.label),
      ),
    ),
  );
  const signOutButton = h(
    'button',
    {
      type: 'button',
      class: 'button-link',
      onClick: async () => {
        signOutButton.disabled = true;
        try {
          await signOut();
        } finally {
          navigate('/signin', { replace: true });
        }
      },
    },
    'Sign out',
  );
  return h(
    'header',
    { class: 'app-header' },
    h(
      'a',
      { class: 'brand', href: '/' },
      // with a logo, its alt text names the organisation and the visible name is not read twice
      b.logo_url
        ? h('img', {
            class: 'brand-logo',
            src: b.logo_url,
            alt: b.name,
            onError: (ev) => {
              const img = ev.target as HTMLImageElement;
              img.nextElementSibling?.removeAttribute('aria-hidden');
              img.remove();
            },
          })
        : null,
      h('span', { class: 'brand-name', 'aria-hidden': b.logo_url ? 'true' : null }, b.name),
    ),
    nav,
    h(
      'div',
      { class: 'account' },
      inboxLink(path),
      h('span', { class: 'account-name', title: me.email }, me.name),
      h('a', { class: 'account-link', href: '/account', 'aria-current': path === '/account' ? 'page' : null }, 'Account'),
      signOutButton,
    ),
  );
}

/** Redraws the app bar in place (after the branding changed), keeping the current page. */
export function refreshAppHeader(me: Me): void {
  document.querySelector('header.app-header')?.replaceWith(appHeader(me, location.pathname));
}
