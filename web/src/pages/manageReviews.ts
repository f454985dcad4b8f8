// Review queue /manage/reviews (trainers and admins): members' uploads held until a trainer looks
// at them ("Review uploads" in the organisation's settings), oldest first (GET /api/v1/reviews):
// poster, title, who uploaded it and when, its state while it still processes, "Watch" (its
// page), "Approve" (POST /api/v1/videos/{id}/approve: into the library) and "Reject", asked about
// first (DELETE /api/v1/videos/{id}: deleted). Uploaders' names come from GET /api/v1/users.

import { approveVideo, deleteVideo, listPeople, reviewQueue, type Person, type Video } from '../api';
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
  replace(
    main,
    manageNav(me, '/manage/reviews'),
    h('h1', null, 'Review uploads'),
    h(
      'p',
      { class: 'muted' },
      'Members’ uploads wait here, oldest first, until a trainer approves them into the library or rejects them. Only their uploaders and trainers see them until then.',
    ),
    status,
    list,
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
  await load();
}
