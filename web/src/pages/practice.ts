// Practice step /practice/:id (optionally ?playlist=ID, to lead back): what to record and how
// (the instructions), a model video to watch first, the rubric the reviewers score, and the
// learner's part: record with the phone's camera or choose a file, sent with the same resumable
// tus upload as the Upload page (components/uploadPanel.ts, with Upload-Metadata `practice_step`:
// the recording becomes a private video and an attempt, waiting for review), "My attempts" with
// their status, and "Ask someone to review" (trainers always may; the learner adds a peer or a
// manager, found by name with components/personSearch.ts, GET /api/v1/people?q=).
// GET /api/v1/practice-steps/{id}, POST / DELETE …/reviewers.

import { addReviewer, getStep, getVideo, removeReviewer, type StepView } from '../api';
import { setTitle } from '../branding';
import { errorBox, isAbort } from '../components/errorBox';
import { icon } from '../components/icon';
import { personSearch } from '../components/personSearch';
import { rubricView, statusChip, textBlock } from '../components/practiceBits';
import { uploadPanel } from '../components/uploadPanel';
import { h, replace } from '../dom';
import { formatDateTime, toDate } from '../format';
import { transcodeView } from '../learning';
import type { PageContext } from '../router';
import { currentUser } from '../session';

export async function practicePage({ main, params, query, signal }: PageContext): Promise<void> {
  const id = params.id!;
  const playlistId = query.get('playlist');
  const me = (await currentUser())!;
  replace(main, h('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading…'));

  let step: StepView;
  try {
    step = await getStep(id, signal);
  } catch (e) {
    if (isAbort(e)) return;
    replace(main, h('h1', null, 'Practice'), errorBox(e));
    return;
  }
  setTitle(step.title);

  const statusSlot = h('div', { class: 'practice-status' });
  const attemptsSlot = h('div');
  const reviewersStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const uploadsSlot = h('div', { class: 'stack' });
  const uploadStatus = h('div', { 'aria-live': 'polite' });

  function showStatus(s: StepView): void {
    replace(
      statusSlot,
      s.my_status
        ? h('p', null, statusChip(s.my_status), s.my_status === 'needs_work' ? h('span', { class: 'small' }, ' Watch the feedback, then send another attempt.') : null)
        : h('p', { class: 'small muted' }, 'Not started yet: record yourself and send it for review.'),
    );
  }

  function showAttempts(s: StepView): void {
    const list = [...s.my_attempts].reverse();
    replace(
      attemptsSlot,
      list.length
        ? h(
            'ol',
            { class: 'plain-list attempt-list', reversed: true },
            list.map((a, i) => {
              const when = toDate(a.created_at);
              return h(
                'li',
                { class: 'attempt-row', 'data-attempt': a.id, 'data-status': a.status },
                h(
                  'a',
                  { class: 'attempt-link', href: `/practice/attempts/${encodeURIComponent(a.id)}` },
                  h('span', { class: 'attempt-name' }, `Attempt ${list.length - i}`),
                  when ? h('span', { class: 'small muted' }, formatDateTime(when)) : null,
                ),
                h('span', { class: 'small muted attempt-video', 'data-video': a.video_id }),
                statusChip(a.status),
              );
            }),
          )
        : h('p', { class: 'empty small' }, 'No attempts yet.'),
    );
  }

  /** The recordings still being processed say how far they are (the newest few). */
  let processing = 0;
  async function followVideos(s: StepView): Promise<void> {
    window.clearTimeout(processing);
    let busy = false;
    for (const a of [...s.my_attempts].reverse().slice(0, 3)) {
      const slot = attemptsSlot.querySelector<HTMLElement>(`.attempt-video[data-video="${CSS.escape(a.video_id)}"]`);
      if (!slot) continue;
      try {
        const v = await getVideo(a.video_id, signal);
        if (v.status === 'ready') slot.textContent = '';
        else if (v.status === 'failed') slot.textContent = 'Could not be processed';
        else {
          slot.textContent = transcodeView(v.status, v.progress_pct).text;
          busy = true;
        }
      } catch {
        slot.textContent = '';
      }
    }
    if (busy && !signal.aborted) processing = window.setTimeout(() => void followVideos(step), 3000);
  }

  const picker = personSearch({
    label: 'Ask someone to review',
    hint: 'Type the start of their name or email, then choose them.',
    exclude: () => new Set([me.id, ...step.my_reviewers.map((r) => r.user_id)]),
  });
  const ask = h('button', { type: 'submit', class: 'button button-secondary' }, 'Ask');
  const reviewerForm = h(
    'form',
    {
      class: 'stack-tight reviewer-form',
      onSubmit: async (ev) => {
        ev.preventDefault();
        const who = picker.chosen();
        if (!who) {
          replace(reviewersStatus, h('p', { class: 'notice notice-error', role: 'alert' }, 'Find a person by name and choose them first.'));
          picker.input.focus();
          return;
        }
        ask.disabled = true;
        try {
          await addReviewer(id, who.user_id);
          picker.clear();
          await refresh();
          replace(reviewersStatus, h('p', { class: 'saved', role: 'status' }, `Asked ${who.name} to review your attempts.`));
        } catch (e) {
          replace(reviewersStatus, errorBox(e));
        } finally {
          ask.disabled = false;
        }
      },
    },
    picker.el,
    h('div', { class: 'button-row' }, ask),
  );
  const reviewerList = h('div');
  function showReviewers(s: StepView): void {
    replace(
      reviewerList,
      s.my_reviewers.length
        ? h(
            'ul',
            { class: 'plain-list reviewer-list' },
            s.my_reviewers.map((r) =>
              h(
                'li',
                { class: 'reviewer', 'data-reviewer': r.user_id },
                h('span', null, r.name),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'button button-ghost button-small',
                    onClick: async () => {
                      try {
                        await removeReviewer(id, r.user_id);
                        await refresh();
                        replace(reviewersStatus, h('p', { class: 'saved', role: 'status' }, `${r.name} is no longer asked to review.`));
                      } catch (e) {
                        replace(reviewersStatus, errorBox(e));
                      }
                    },
                  },
                  'Remove',
                  h('span', { class: 'visually-hidden' }, ` ${r.name}`),
                ),
              ),
            ),
          )
        : h('p', { class: 'small muted' }, 'Trainers can always review your attempts. You can also ask a colleague.'),
    );
  }

  async function refresh(): Promise<void> {
    try {
      step = await getStep(id, signal);
      showStatus(step);
      showAttempts(step);
      showReviewers(step);
      void followVideos(step);
    } catch (e) {
      if (!isAbort(e)) replace(uploadStatus, errorBox(e));
    }
  }

  function picked(input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    replace(uploadStatus);
    const title = `${step.title}: attempt`;
    const panel = uploadPanel(file, title, () => {}, {
      metadata: { practice_step: id },
      uploaded: () => {
        replace(uploadStatus, h('p', { class: 'saved', role: 'status' }, 'Sent. Your attempt waits for review; you are told when feedback arrives.'));
        panel.el.remove();
        void refresh();
      },
    });
    uploadsSlot.prepend(panel.el);
    panel.start();
  }
  // as on the Upload page: buttons open the hidden file inputs (on phones, the camera or the gallery)
  const camera = h('input', { type: 'file', accept: 'video/*', capture: 'user', class: 'visually-hidden', id: 'practice-camera', tabindex: -1, 'aria-hidden': 'true' });
  const chooser = h('input', { type: 'file', accept: 'video/*', class: 'visually-hidden', id: 'practice-file', tabindex: -1, 'aria-hidden': 'true' });
  camera.addEventListener('change', () => picked(camera));
  chooser.addEventListener('change', () => picked(chooser));

  replace(
    main,
    playlistId ? h('a', { class: 'back-link', href: `/playlists/${encodeURIComponent(playlistId)}` }, '← Back to the playlist') : h('a', { class: 'back-link', href: '/' }, '← Home'),
    h('p', { class: 'kind' }, 'Practice'),
    h('h1', null, step.title),
    statusSlot,
    h('div', { class: 'instructions' }, textBlock(step.instructions)),
    step.model_video_id
      ? h('p', null, h('a', { class: 'button button-secondary', href: `/videos/${encodeURIComponent(step.model_video_id)}` }, icon('play'), 'Watch how it is done'))
      : null,
    h('section', { class: 'card panel stack', 'aria-labelledby': 'rubric-heading' }, h('h2', { id: 'rubric-heading' }, 'What reviewers look for'), rubricView(step.rubric)),
    h(
      'section',
      { class: 'card panel stack', 'aria-labelledby': 'record-heading' },
      h('h2', { id: 'record-heading' }, 'Send an attempt'),
      h('p', { class: 'small' }, 'Record yourself, or choose a video you already have. A weak connection is fine: the upload carries on where it stopped.'),
      h(
        'div',
        { class: 'button-row' },
        h('button', { type: 'button', class: 'button button-primary', onClick: () => camera.click() }, icon('camera'), 'Record with camera'),
        h('button', { type: 'button', class: 'button button-secondary', onClick: () => chooser.click() }, icon('upload'), 'Choose a file'),
        camera,
        chooser,
      ),
      uploadStatus,
      uploadsSlot,
    ),
    h('section', { class: 'stack', 'aria-labelledby': 'attempts-heading' }, h('h2', { id: 'attempts-heading' }, 'My attempts'), attemptsSlot),
    h('section', { class: 'stack', 'aria-labelledby': 'reviewers-heading' }, h('h2', { id: 'reviewers-heading' }, 'Reviewers'), reviewerList, reviewerForm, reviewersStatus),
  );
  showStatus(step);
  showAttempts(step);
  showReviewers(step);
  void followVideos(step);
  signal.addEventListener('abort', () => window.clearTimeout(processing));
}
