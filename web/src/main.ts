// Entry point: the route table, the page shell (app bar + <main>) and the render loop.
// Pages live in pages/, one file each; shared pieces in components/; every server call in api.ts.
// The trainers' and admins' screens are loaded when first opened, so a new hire's phone does not
// download them.

import './style.css';
import { passwordRedirect } from './account';
import { setUnauthorizedHandler } from './api';
import { loadBranding } from './branding';
import { errorBox, isAbort } from './components/errorBox';
import { appHeader } from './components/header';
import { h, replace } from './dom';
import { accountPage } from './pages/account';
import { forgotPage } from './pages/forgot';
import { homePage } from './pages/home';
import { invitePage } from './pages/invite';
import { libraryPage } from './pages/library';
import { mePage } from './pages/me';
import { notFoundPage } from './pages/notFound';
import { playlistPage } from './pages/playlist';
import { resetPage } from './pages/reset';
import { signInPage } from './pages/signin';
import { uploadPage } from './pages/upload';
import { attemptPage, videoPage } from './pages/video';
import { inboxPage } from './pages/inbox';
import { handoutPage, resourcePage } from './pages/itemDiscussion';
import { notificationSettingsPage } from './pages/notificationSettings';
import { practicePage } from './pages/practice';
import { unsubscribePage } from './pages/unsubscribe';
import { match, navigate, startRouter, type Cleanup, type Page, type Route } from './router';
import { currentUser, forgetUser } from './session';

/** A page whose code is fetched the first time it is opened. */
function lazy(load: () => Promise<Page>): Page {
  return async (ctx) => (await load())(ctx);
}

const routes: Route[] = [
  { pattern: '/signin', page: signInPage, public: true },
  { pattern: '/invite/:token', page: invitePage, public: true },
  { pattern: '/accept', page: invitePage, public: true },
  { pattern: '/forgot', page: forgotPage, public: true },
  { pattern: '/reset', page: resetPage, public: true },
  { pattern: '/unsubscribe', page: unsubscribePage, public: true },
  { pattern: '/', page: homePage },
  { pattern: '/library', page: libraryPage },
  { pattern: '/upload', page: uploadPage },
  { pattern: '/videos/:id', page: videoPage },
  { pattern: '/playlists/:id', page: playlistPage },
  { pattern: '/practice/attempts/:id', page: attemptPage },
  { pattern: '/practice/:id', page: practicePage },
  { pattern: '/exercises/:id', page: lazy(() => import('./pages/exercise').then((m) => m.exercisePage)) },
  { pattern: '/quizzes/:id', page: lazy(() => import('./pages/quiz').then((m) => m.quizPage)) },
  { pattern: '/quiz-attempts/:id', page: lazy(() => import('./pages/quiz').then((m) => m.quizAttemptPage)) },
  { pattern: '/handouts/:id', page: handoutPage },
  { pattern: '/resources/:id', page: resourcePage },
  { pattern: '/inbox', page: inboxPage },
  { pattern: '/settings/notifications', page: notificationSettingsPage },
  { pattern: '/me', page: mePage },
  { pattern: '/account', page: accountPage },
  { pattern: '/development', page: lazy(() => import('./pages/development').then((m) => m.developmentPage)) },
  { pattern: '/people/:id/development', page: lazy(() => import('./pages/development').then((m) => m.developmentPage)) },
  { pattern: '/team', page: lazy(() => import('./pages/team').then((m) => m.teamPage)) },
  { pattern: '/experts/:tag', page: lazy(() => import('./pages/expertTopic').then((m) => m.expertTopicPage)) },
  // trainers and admins (each page says so to anyone else; the server checks too)
  { pattern: '/manage/playlists', page: lazy(() => import('./pages/managePlaylists').then((m) => m.managePlaylistsPage)) },
  { pattern: '/manage/playlists/:id', page: lazy(() => import('./pages/managePlaylist').then((m) => m.managePlaylistPage)) },
  { pattern: '/manage/playlists/:id/report', page: lazy(() => import('./pages/playlistReport').then((m) => m.playlistReportPage)) },
  { pattern: '/manage/invite', page: lazy(() => import('./pages/manageInvite').then((m) => m.manageInvitePage)) },
  { pattern: '/manage/invitations', page: lazy(() => import('./pages/manageInvitations').then((m) => m.manageInvitationsPage)) },
  { pattern: '/manage/people', page: lazy(() => import('./pages/managePeople').then((m) => m.managePeoplePage)) },
  { pattern: '/manage/people/:id', page: lazy(() => import('./pages/personReport').then((m) => m.personReportPage)) },
  { pattern: '/manage/reviews', page: lazy(() => import('./pages/manageReviews').then((m) => m.manageReviewsPage)) },
  { pattern: '/manage/marking', page: lazy(() => import('./pages/manageMarking').then((m) => m.manageMarkingPage)) },
  { pattern: '/manage/quizzes', page: lazy(() => import('./pages/manageQuizzes').then((m) => m.manageQuizzesPage)) },
  { pattern: '/manage/quizzes/:id/report', page: lazy(() => import('./pages/quizReport').then((m) => m.quizReportPage)) },
  { pattern: '/manage/experts', page: lazy(() => import('./pages/manageExperts').then((m) => m.manageExpertsPage)) },
  // admins
  { pattern: '/manage/organisation', page: lazy(() => import('./pages/manageOrganisation').then((m) => m.manageOrganisationPage)) },
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
    // a password chosen by someone else: nothing else until the person sets their own
    const mustGo = passwordRedirect(me, location.pathname, location.search);
    if (mustGo) {
      navigate(mustGo, { replace: true });
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
