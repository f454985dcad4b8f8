// Review queue /manage/reviews (trainers and admins): members' uploads held until a trainer looks
// at them ("Review uploads" in the organisation's settings), oldest first (GET /api/v1/reviews):
// poster, title, who uploaded it and when, its state while it still processes, "Watch" (its
// page), "Approve" (POST /api/v1/videos/{id}/approve: into the library) and "Reject", asked about
// first (DELETE /api/v1/videos/{id}: deleted). Uploaders' names come from GET /api/v1/users.
// Also: practice attempts waiting for a review (GET /api/v1/attempts, oldest first, each a link to
// its page) and members' comments held for a trainer (GET /api/v1/comments/held) with "Let
// through" and "Hide" (PUT /api/v1/comments/{id}/status).

import { approveVideo, attemptQueue, deleteVideo, heldComments, listPeople, reviewQueue, setCommentStatus, type Comment, type Person, type Video } from '../api';
import { setTitle } from '../branding';
import { trainerOrNote } from '../components/checkbox';
import { confirmControl } from '../components/confirmAction';
import { errorBox, isAbort } from '../components/errorBox';
import { icon } from '../components/icon';
import { manageNav } from '../components/manageNav';
import { h, replace } from '../dom';
import { formatDate, formatDuration, toDate } from '../format';
import { STATUS_LABEL } from '../learning';
import type { PageContext } from '../router';
import { toReviewList } from './inbox';
import { momentText } from '../practice';

function reviewItem(v: Video, uploader: string, settled: (v: Video, message: string) => void): HTMLElement {
  const title = v.title || 'Untitled video';
  const added = toDate(v.created_at);
  const href = `/videos/${encodeURIComponent(v.id)}`;
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const approve = h(
    'button',
    { type: 'button', class: 'button button-primary button-small' },
    'Approve',
    h('span', { class: 'visually-hidden' }, ` “${title}”`),
  );
  approve.addEventListener('click', async () => {
    approve.disabled = true;
    approve.textContent = 'Approving…';
    replace(status);
    try {
      await approveVideo(v.id);
      settled(v, `Approved “${title}”: it is in the library now.`);
    } catch (e) {
      replace(status, errorBox(e));
      approve.disabled = false;
      approve.textContent = 'Approve';
    }
  });
  const reject = confirmControl({
    label: 'Reject',
    labelDetail: `“${title}”`,
    question: `Reject “${title}”? The video is deleted, for ${uploader} too.`,
    yes: 'Yes, reject and delete',
    busy: 'Deleting…',
    small: true,
    run: () => deleteVideo(v.id),
    done: () => settled(v, `Rejected “${title}”: it is deleted.`),
  });
  const state =
    v.status === 'ready'
      ? v.duration_s
        ? formatDuration(v.duration_s)
        : STATUS_LABEL.ready
      : STATUS_LABEL[v.status];
  return h(
    'li',
    { class: 'upload-item review-item', 'data-video': v.id },
    h(
      'a',
      { class: 'thumb-frame', href, tabindex: -1, 'aria-hidden': 'true' },
      v.poster_url ? h('img', { class: 'thumb', src: v.poster_url, alt: '', loading: 'lazy' }) : h('div', { class: 'thumb thumb-video' }, icon('video')),
    ),
    h(
      'div',
      { class: 'upload-item-body' },
      h('a', { class: 'upload-item-title', href }, title),
      h(
        'p',
        { class: 'small muted upload-item-meta' },
        `By ${uploader}`,
        added ? ` · ${formatDate(added)}` : null,
        ' · ',
        h('span', { class: `status-badge status-${v.status}` }, state),
      ),
      v.status === 'failed' ? h('p', { class: 'small failed-reason' }, v.error || 'The file could not be read as a video.') : null,
      h(
        'div',
        { class: 'button-row item-actions' },
        h('a', { class: 'button button-secondary button-small', href }, 'Watch', h('span', { class: 'visually-hidden' }, ` “${title}”`)),
        v.status === 'failed' ? null : approve,
        reject,
      ),
      status,
    ),
  );
}

export async function manageReviewsPage({ main, signal }: PageContext): Promise<void> {
  setTitle('Reviews');
  const me = await trainerOrNote(main, 'Reviews');
  if (!me) return;
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const list = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading the uploads waiting for review…'));
  const attemptsList = h('div', { class: 'card manage-card' }, h('p', { class: 'muted' }, 'Loading…'));
  const heldList = h('div', { class: 'card manage-card' }, h('p', { class: 'muted' }, 'Loading…'));
  const heldStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  replace(
    main,
    manageNav(me, '/manage/reviews'),
    h('h1', null, 'Reviews'),
    h('h2', null, 'Uploads'),
    h(
      'p',
      { class: 'muted' },
      'Members’ uploads wait here, oldest first, until a trainer approves them into the library or rejects them. Only their uploaders and trainers see them until then.',
    ),
    status,
    list,
    h('h2', null, 'Practice attempts'),
    h('p', { class: 'muted small' }, 'Recordings waiting for feedback, oldest first.'),
    attemptsList,
    h('h2', null, 'Held comments'),
    h('p', { class: 'muted small' }, 'Members’ comments wait here until a trainer lets them through.'),
    heldStatus,
    heldList,
  );

  let names = new Map<string, string>();
  function settled(v: Video, message: string): void {
    list.querySelector(`[data-video="${CSS.escape(v.id)}"]`)?.remove();
    replace(status, h('p', { class: 'saved', role: 'status' }, message));
    if (!list.querySelector('[data-video]')) void load();
  }

  async function load(): Promise<void> {
    list.setAttribute('aria-busy', 'true');
    try {
      const [held, people] = await Promise.all([reviewQueue(signal), listPeople(signal).catch((e): Person[] => {
        if (isAbort(e)) throw e;
        return []; // without names the queue still works
      })]);
      if (people.length) names = new Map(people.map((p) => [p.id, p.name || p.email]));
      replace(
        list,
        held.length
          ? h('ul', { class: 'plain-list upload-list review-queue card manage-card' }, held.map((v) => reviewItem(v, names.get(v.owner_id) ?? 'a member', settled)))
          : h('p', { class: 'empty' }, 'Nothing is waiting for review.'),
      );
    } catch (e) {
      if (isAbort(e)) return;
      replace(list, errorBox(e, () => void load()));
    } finally {
      list.removeAttribute('aria-busy');
    }
  }
  async function loadAttempts(): Promise<void> {
    try {
      const items = await attemptQueue(signal);
      replace(attemptsList, items.length ? toReviewList(items) : h('p', { class: 'empty' }, 'No attempts are waiting.'));
    } catch (e) {
      if (!isAbort(e)) replace(attemptsList, errorBox(e, () => void loadAttempts()));
    }
  }
  async function loadHeld(): Promise<void> {
    try {
      const items = await heldComments(signal);
      replace(heldList, items.length ? h('ul', { class: 'plain-list held-list' }, items.map(heldRow)) : h('p', { class: 'empty' }, 'No comments are waiting.'));
    } catch (e) {
      if (!isAbort(e)) replace(heldList, errorBox(e, () => void loadHeld()));
    }
  }
  function heldRow(c: Comment): HTMLElement {
    const where = commentHref(c);
    const row = h('li', { class: 'held-comment', 'data-comment': c.id });
    const act = (to: 'visible' | 'hidden', label: string, said: string) =>
      h(
        'button',
        {
          type: 'button',
          class: `button ${to === 'visible' ? 'button-primary' : 'button-secondary'} button-small`,
          onClick: async () => {
            try {
              await setCommentStatus(c.id, to);
              row.remove();
              replace(heldStatus, h('p', { class: 'saved', role: 'status' }, said));
              if (!heldList.querySelector('[data-comment]')) void loadHeld();
            } catch (e) {
              replace(heldStatus, errorBox(e));
            }
          },
        },
        label,
        h('span', { class: 'visually-hidden' }, ` (${c.author_name ?? 'a member'}’s comment)`),
      );
    replace(
      row,
      h('p', null, h('strong', null, c.author_name ?? 'A member'), ' ', h('a', { href: where }, `on the ${c.target === 'resource' ? 'link' : c.target}${c.at_s != null ? ` ${momentText(c.at_s)}` : ''}`)),
      h('p', { class: 'held-body' }, c.body),
      h('div', { class: 'button-row' }, act('visible', 'Let through', 'Let through: everyone sees it now.'), act('hidden', 'Hide', 'Hidden: only its author and trainers see it.')),
    );
    return row;
  }

  await Promise.all([load(), loadAttempts(), loadHeld()]);
}

/** Where a comment's item is seen. */
function commentHref(c: Comment): string {
  const id = encodeURIComponent(c.target_id);
  switch (c.target) {
    case 'video':
      return c.at_s != null ? `/videos/${id}?t=${Math.floor(c.at_s)}` : `/videos/${id}`;
    case 'handout':
      return `/handouts/${id}`;
    case 'resource':
      return `/resources/${id}`;
    case 'attempt':
      return `/practice/attempts/${id}`;
  }
}
