// The app bar of signed-in pages: the organisation's brand (link home), the main navigation,
// "Account" (password and API tokens, /account) and a sign-out button. On phones the navigation
// becomes a bar along the bottom, within thumb reach (see .nav in style.css).

import type { Me } from '../api';
import { branding } from '../branding';
import { h } from '../dom';
import { navigate } from '../router';
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
  if (path === '/' || path.startsWith('/playlists/')) return '/';
  if (path.startsWith('/library') || path.startsWith('/videos/')) return '/library';
  if (path.startsWith('/manage/')) return MANAGE.href;
  return path;
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
