// Workbook exercise /exercises/:id (optionally ?playlist=ID, to lead back; notifications of a mark
// link here): the instructions, the handout to fill in (its page, /handouts/{id}), and the
// learner's part: a text and/or a file handed in (POST /api/v1/exercises/{id}/submissions with the
// text, then PUT /api/v1/exercise-submissions/{id}/file?name= with the file as it is), "My
// submissions" newest first with their status — waiting for a trainer, needs work (with the
// trainer's feedback: hand in a new version), accepted (the exercise is done) — and the file of
// each to download. While one waits, a file can still be added to it (or replace its file).
// GET /api/v1/exercises/{id}.

import { getExercise, submissionFileUrl, submitExercise, uploadSubmissionFile, type ExerciseView, type Submission } from '../api';
import { SUBMISSION_CHIP, SUBMISSION_STATUS_LABEL } from '../assessing';
import { setTitle } from '../branding';
import { errorBox, isAbort } from '../components/errorBox';
import { field } from '../components/field';
import { h, replace } from '../dom';
import { formatBytes, formatDateTime, toDate } from '../format';
import type { PageContext } from '../router';
import { paragraphs } from '../text';

/** What a file handed in may weigh (the server's limit, as for handouts). */
const MAX_FILE = 200 * 1024 * 1024;

function chip(status: Submission['status']): HTMLElement {
  return h('span', { class: `practice-chip ${SUBMISSION_CHIP[status]}`, 'data-status': status }, SUBMISSION_STATUS_LABEL[status]);
}

function text(body: string, cls: string): HTMLElement[] {
  return paragraphs(body).map((p) => h('p', { class: cls }, p));
}

/** A file chosen, or a sentence why it cannot be sent. */
function fileProblem(file: File | undefined): string | null {
  if (!file) return null;
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > MAX_FILE) return `“${file.name}” is ${formatBytes(file.size)}; a file handed in may be at most 200 MiB.`;
  return null;
}

export async function exercisePage({ main, params, query, signal }: PageContext): Promise<void> {
  const id = params.id!;
  const playlistId = query.get('playlist');
  const back = playlistId
    ? h('a', { class: 'back-link', href: `/playlists/${encodeURIComponent(playlistId)}` }, '← Back to the playlist')
    : h('a', { class: 'back-link', href: '/' }, '← Home');
  replace(main, h('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading…'));

  let view: ExerciseView;
  try {
    view = await getExercise(id, signal);
  } catch (e) {
    if (isAbort(e)) return;
    replace(main, back, h('h1', null, 'Exercise'), errorBox(e));
    return;
  }
  setTitle(view.title);

  const statusSlot = h('div', { class: 'exercise-status', 'aria-live': 'polite' });
  const handSlot = h('div');
  const listSlot = h('div');
  const sentStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });

  function showStatus(v: ExerciseView): void {
    const s = v.my_status;
    replace(
      statusSlot,
      s
        ? h(
            'p',
            null,
            chip(s),
            ' ',
            h(
              'span',
              { class: 'small' },
              s === 'accepted'
                ? 'Done: a trainer accepted your work.'
                : s === 'needs_work'
                  ? 'Read the feedback below, then hand in a new version.'
                  : 'A trainer will look at it; you are told when it is marked.',
            ),
          )
        : h('p', { class: 'small muted' }, 'Not handed in yet.'),
    );
  }

  // --- handing in ----------------------------------------------------------------------------------
  const body = h('textarea', { name: 'exercise-answer', rows: 8, maxlength: 20000 });
  const file = h('input', { type: 'file', name: 'exercise-file', id: 'exercise-file', class: 'file-input' });
  const send = h('button', { type: 'submit', class: 'button button-primary' }, 'Hand in');
  const handStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const handForm = h(
    'form',
    { class: 'stack card panel hand-in', 'aria-labelledby': 'hand-in-heading', novalidate: true },
    h('h2', { id: 'hand-in-heading' }, 'Hand in your work'),
    field('Your answer', body, 'Write it here, or attach a file, or both.'),
    field('Attach a file (optional)', file, 'A filled-in handout, a plan, a photo: any file up to 200 MiB.'),
    handStatus,
    h('div', { class: 'button-row' }, send),
  );
  handForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    replace(handStatus);
    const chosen = file.files?.[0];
    const typed = body.value.trim();
    if (!typed && !chosen) {
      replace(handStatus, errorBox(new Error('Write your answer or attach a file first.')));
      body.focus();
      return;
    }
    const problem = fileProblem(chosen);
    if (problem) {
      replace(handStatus, errorBox(new Error(problem)));
      file.focus();
      return;
    }
    send.disabled = true;
    send.textContent = chosen ? 'Sending the file…' : 'Handing in…';
    let made: Submission | null = null;
    try {
      made = await submitExercise(id, typed);
      if (chosen) await uploadSubmissionFile(made.id, chosen);
      body.value = '';
      file.value = '';
      await refresh();
      replace(sentStatus, h('p', { class: 'saved', role: 'status' }, 'Handed in. A trainer will look at it; you are told when it is marked.'));
      listHeading.focus();
    } catch (e) {
      if (made) {
        // the text is in; the file can be added to the waiting submission below
        await refresh();
        replace(sentStatus, errorBox(e));
      } else {
        replace(handStatus, errorBox(e));
      }
    } finally {
      send.disabled = false;
      send.textContent = 'Hand in';
    }
  });

  /** On a submission that still waits: add its file, or replace it. */
  function addFile(s: Submission): HTMLElement {
    const input = h('input', { type: 'file', class: 'file-input', name: 'add-file' });
    const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
    input.addEventListener('change', async () => {
      const chosen = input.files?.[0];
      replace(status);
      if (!chosen) return;
      const problem = fileProblem(chosen);
      if (problem) {
        replace(status, errorBox(new Error(problem)));
        return;
      }
      input.disabled = true;
      replace(status, h('p', { class: 'muted small' }, 'Sending the file…'));
      try {
        await uploadSubmissionFile(s.id, chosen);
        await refresh();
        replace(sentStatus, h('p', { class: 'saved', role: 'status' }, `Added “${chosen.name}”.`));
      } catch (e) {
        replace(status, errorBox(e));
        input.disabled = false;
      }
    });
    return h('div', { class: 'stack-tight' }, field(s.file_name ? 'Replace the file' : 'Add a file', input, 'Sent at once; it can change until a trainer marks it.'), status);
  }

  function submissionRow(s: Submission, number: number): HTMLElement {
    const handed = toDate(s.created_at);
    const marked = toDate(s.marked_at);
    return h(
      'li',
      { class: 'card panel submission', 'data-submission': s.id, 'data-status': s.status },
      h(
        'div',
        { class: 'submission-head' },
        h('h3', { class: 'submission-name' }, `Submission ${number}`),
        chip(s.status),
      ),
      handed ? h('p', { class: 'small muted' }, `Handed in ${formatDateTime(handed)}`) : null,
      s.body.trim() ? h('div', { class: 'answer-text' }, text(s.body, '')) : null,
      s.file_name
        ? h(
            'p',
            null,
            h(
              'a',
              { class: 'button button-secondary button-small submission-file', href: submissionFileUrl(s.id), download: s.file_name },
              `Download ${s.file_name}`,
              s.size_bytes ? ` (${formatBytes(s.size_bytes)})` : null,
            ),
          )
        : null,
      s.status !== 'waiting'
        ? h(
            'div',
            { class: `submission-feedback verdict-${s.status}` },
            h('p', { class: 'small' }, 'Feedback from ', h('strong', null, s.marked_by_name ?? 'a trainer'), marked ? ` · ${formatDateTime(marked)}` : null),
            s.feedback.trim() ? h('div', { class: 'feedback-text' }, text(s.feedback, '')) : h('p', { class: 'small muted' }, 'No comments.'),
          )
        : addFile(s),
    );
  }

  const listHeading = h('h2', { id: 'submissions-heading', tabindex: -1 }, 'My submissions');

  function show(v: ExerciseView): void {
    showStatus(v);
    // a new one can be handed in unless one waits or the work was accepted
    const canHand = v.my_status !== 'waiting' && v.my_status !== 'accepted';
    replace(handSlot, canHand ? handForm : null);
    const list = [...v.my_submissions].reverse();
    replace(
      listSlot,
      list.length
        ? h('ol', { class: 'plain-list stack submission-list', reversed: true }, list.map((s, i) => submissionRow(s, list.length - i)))
        : h('p', { class: 'empty small' }, 'Nothing handed in yet.'),
    );
  }

  async function refresh(): Promise<void> {
    try {
      view = await getExercise(id, signal);
      show(view);
    } catch (e) {
      if (!isAbort(e)) replace(sentStatus, errorBox(e));
    }
  }

  replace(
    main,
    back,
    h('p', { class: 'kind' }, 'Exercise'),
    h('h1', null, view.title),
    statusSlot,
    h('div', { class: 'instructions' }, text(view.instructions, '')),
    view.handout_id
      ? h(
          'p',
          null,
          h('a', { class: 'button button-secondary exercise-handout', href: `/handouts/${encodeURIComponent(view.handout_id)}` }, 'Open the handout to fill in'),
        )
      : null,
    handSlot,
    sentStatus,
    h('section', { class: 'stack', 'aria-labelledby': 'submissions-heading' }, listHeading, listSlot),
  );
  show(view);
}
