// Home: a greeting, "My on-boarding" (the playlists assigned to me, with progress, due date and
// overdue flag, from GET /api/v1/me/assignments), and the ways into the library and the upload.
// Trainers and admins also get "To review": members' uploads held until a trainer approves them
// (GET /api/v1/reviews), shown only when there are any. Anyone asked to review a colleague's
// practice attempt (trainers: every attempt waiting) gets "Practice to review" (GET
// /api/v1/attempts), also only when there are any. A small link at the end leads to /me
// ("My expertise"). A message carried from the page before (components/flash.ts) opens it.

import { attemptQueue, myAssignments, reviewQueue, type Assignment, type Video } from '../api';
import { setTitle } from '../branding';
import { assignmentCard } from '../components/assignmentCard';
import { errorBox, isAbort } from '../components/errorBox';
import { takeFlash } from '../components/flash';
import { icon } from '../components/icon';
import { h, replace } from '../dom';
import { formatDate, toDate } from '../format';
import type { PageContext } from '../router';
import { toReviewList } from './inbox';
import { currentUser, isTrainer } from '../session';

/** Overdue first, then by due date (none last), completed at the end. */
function byUrgency(a: Assignment, b: Assignment): number {
  if (a.completed !== b.completed) return a.completed ? 1 : -1;
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const da = toDate(a.due_at)?.getTime() ?? Infinity;
  const db = toDate(b.due_at)?.getTime() ?? Infinity;
  return da - db;
}

const NOT_READY: Partial<Record<Video['status'], string>> = {
  uploading: 'still uploading',
  queued: 'waiting to be processed',
  processing: 'processing',
  failed: 'could not be processed',
};

/** The held videos, each a link to its page (where a trainer approves it). */
function reviewList(videos: Video[]): HTMLElement {
  return h(
    'ul',
    { class: 'plain-list review-list' },
    videos.map((v) => {
      const added = toDate(v.created_at);
      const note = [added ? `added ${formatDate(added)}` : '', NOT_READY[v.status] ?? ''].filter(Boolean).join(' · ');
      return h(
        'li',
        null,
        h('a', { href: `/videos/${encodeURIComponent(v.id)}` }, v.title || 'Untitled video'),
        note ? h('span', { class: 'muted small' }, ` ${note}`) : null,
      );
    }),
  );
}

export async function homePage({ main, signal }: PageContext): Promise<void> {
  setTitle('Home');
  const me = await currentUser();
  const firstName = me?.name.split(' ')[0] ?? '';
  const list = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading your on-boarding…'));
  const reviews = h('div');
  const attempts = h('div');

  replace(
    main,
    takeFlash(),
    h('h1', null, firstName ? `Hi, ${firstName}` : 'Welcome'),
    attempts,
    reviews,
    h(
      'section',
      { 'aria-labelledby': 'onboarding-heading' },
      h('h2', { id: 'onboarding-heading' }, 'My on-boarding'),
      list,
    ),
    h(
      'section',
      { class: 'quick-links', 'aria-label': 'Shortcuts' },
      h('a', { class: 'button button-secondary', href: '/library' }, icon('library'), 'Browse the library'),
      h('a', { class: 'button button-secondary', href: '/upload' }, icon('camera'), 'Record or upload a video'),
    ),
    h('p', { class: 'small muted home-expertise' }, 'Know a topic well? ', h('a', { href: '/me' }, 'Tell colleagues what to ask you about'), '.'),
  );

  async function load(): Promise<void> {
    list.setAttribute('aria-busy', 'true');
    try {
      const items = (await myAssignments(signal)).sort(byUrgency);
      if (items.length === 0) {
        replace(list, h('p', { class: 'empty' }, 'Nothing is assigned to you right now. Explore the library meanwhile.'));
      } else {
        replace(list, h('ul', { class: 'cards' }, items.map(assignmentCard)));
      }
    } catch (e) {
      if (isAbort(e)) return;
      replace(list, errorBox(e, load));
    } finally {
      list.removeAttribute('aria-busy');
    }
  }
  /** "To review" for trainers; stays away when the queue is empty or cannot be read. */
  async function loadReviews(): Promise<void> {
    if (!isTrainer(me)) return;
    try {
      const held = await reviewQueue(signal);
      replace(
        reviews,
        held.length
          ? h(
              'section',
              { class: 'notice to-review', 'aria-labelledby': 'review-heading' },
              h('h2', { id: 'review-heading' }, `To review (${held.length})`),
              h('p', { class: 'small muted' }, 'Uploads waiting for a trainer before they appear in the library.'),
              reviewList(held),
            )
          : null,
      );
    } catch (e) {
      if (isAbort(e)) return;
      replace(reviews); // not worth an error box above the on-boarding; the next visit tries again
    }
  }

  async function loadAttempts(): Promise<void> {
    try {
      const items = await attemptQueue(signal);
      replace(
        attempts,
        items.length
          ? h(
              'section',
              { class: 'notice to-review', 'aria-labelledby': 'practice-review-heading' },
              h('h2', { id: 'practice-review-heading' }, `Practice to review (${items.length})`),
              h('p', { class: 'small muted' }, 'Colleagues’ practice attempts waiting for your feedback, oldest first.'),
              toReviewList(items),
            )
          : null,
      );
    } catch (e) {
      if (!isAbort(e)) replace(attempts);
    }
  }

  await Promise.all([load(), loadReviews(), loadAttempts()]);
}
