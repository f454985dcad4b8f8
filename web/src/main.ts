// Entry point: the route table, the page shell (app bar + <main>) and the render loop.
// Pages live in pages/, one file each; shared pieces in components/; every server call in api.ts.

import './style.css';
import { setUnauthorizedHandler } from './api';
import { loadBranding } from './branding';
import { errorBox, isAbort } from './components/errorBox';
import { appHeader } from './components/header';
import { h, replace } from './dom';
import { homePage } from './pages/home';
import { invitePage } from './pages/invite';
import { libraryPage } from './pages/library';
import { manageInvitePage } from './pages/manageInvite';
import { manageOrganisationPage } from './pages/manageOrganisation';
import { managePlaylistPage } from './pages/managePlaylist';
import { managePlaylistsPage } from './pages/managePlaylists';
import { mePage } from './pages/me';
import { notFoundPage } from './pages/notFound';
import { playlistPage } from './pages/playlist';
import { playlistReportPage } from './pages/playlistReport';
import { signInPage } from './pages/signin';
import { uploadPage } from './pages/upload';
import { videoPage } from './pages/video';
import { match, navigate, startRouter, type Cleanup, type Route } from './router';
import { currentUser, forgetUser } from './session';

const routes: Route[] = [
  { pattern: '/signin', page: signInPage, public: true },
  { pattern: '/invite/:token', page: invitePage, public: true },
  { pattern: '/accept', page: invitePage, public: true },
  { pattern: '/', page: homePage },
  { pattern: '/library', page: libraryPage },
  { pattern: '/upload', page: uploadPage },
  { pattern: '/videos/:id', page: videoPage },
  { pattern: '/playlists/:id', page: playlistPage },
  { pattern: '/me', page: mePage },
  // trainers and admins (each page says so to anyone else; the server checks too)
  { pattern: '/manage/playlists', page: managePlaylistsPage },
  { pattern: '/manage/playlists/:id', page: managePlaylistPage },
  { pattern: '/manage/playlists/:id/report', page: playlistReportPage },
  { pattern: '/manage/invite', page: manageInvitePage },
  // admins
  { pattern: '/manage/organisation', page: manageOrganisationPage },
  { pattern: '*', page: notFoundPage },
];

const app = document.getElementById('app')!;
let leave: AbortController | null = null;
let cleanup: Cleanup | null = null;

function signInPath(): string {
  const here = location.pathname + location.search;
  return here === '/' ? '/signin' : `/signin?next=${encodeURIComponent(here)}`;
}

// Any 401 from a call means the session is gone: back to sign-in, then back here.
setUnauthorizedHandler(() => {
  forgetUser();
  if (location.pathname !== '/signin') navigate(signInPath(), { replace: true });
});

async function render(initial: boolean): Promise<void> {
  leave?.abort();
  cleanup?.();
  cleanup = null;
  const controller = new AbortController();
  leave = controller;
  const { route, params } = match(routes, location.pathname)!;

  await loadBranding();
  let me = null;
  if (!route.public) {
    try {
      me = await currentUser();
    } catch (e) {
      if (controller.signal.aborted) return;
      replace(app, h('main', { id: 'main', class: 'page' }, errorBox(e, () => void render(false))));
      return;
    }
    if (controller.signal.aborted) return;
    if (!me) {
      navigate(signInPath(), { replace: true });
      return;
    }
  }

  const main = h('main', { id: 'main', class: route.public ? 'page page-public' : 'page', tabindex: -1 });
  replace(app, me ? appHeader(me, location.pathname) : null, main);
  if (!initial) {
    window.scrollTo(0, 0);
    main.focus({ preventScroll: true });
  }
  try {
    const result = await route.page({ main, params, query: new URLSearchParams(location.search), signal: controller.signal });
    if (typeof result === 'function') {
      if (controller.signal.aborted) result();
      else cleanup = result;
    }
  } catch (e) {
    if (!isAbort(e) && !controller.signal.aborted) replace(main, errorBox(e));
  }
}

startRouter((initial) => void render(initial));
