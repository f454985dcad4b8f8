// Marking /manage/marking (trainers and admins): what learners wrote that waits for a trainer, in
// two queues, oldest first.
// - Quiz answers (GET /api/v1/quiz-marking): the free-text answers of submitted attempts, each with
//   its quiz, learner, question and answer; "Right" / "Wrong", the points (when the question is
//   worth more than one: empty gives all of them when right, none when wrong), a comment for the
//   learner → PUT /api/v1/quiz-attempts/{attempt}/answers/{question}/mark. The attempt is scored
//   once nothing of it waits, and the learner is told.
// - Handed-in exercises (GET /api/v1/exercise-submissions?status=waiting): the text and the file
//   (downloaded from …/file), feedback, and "Accept" (the exercise is done) or "Ask for another go"
//   → POST /api/v1/exercise-submissions/{id}/mark. The learner is told.
// A marked row leaves its queue; the server's sentence is shown at the row when it refuses (a
// trainer's own work, marked meanwhile by someone else).

import {
  exerciseMarkingQueue,
  markQuizAnswer,
  markSubmission,
  quizMarkingQueue,
  submissionFileUrl,
  type Submission,
  type UnmarkedAnswer,
} from '../api';
import { markPoints } from '../assessing';
import { setTitle } from '../branding';
import { trainerOrNote } from '../components/checkbox';
import { errorBox, isAbort } from '../components/errorBox';
import { field } from '../components/field';
import { manageNav } from '../components/manageNav';
import { h, replace } from '../dom';
import { formatBytes, formatDateTime, toDate } from '../format';
import type { PageContext } from '../router';
import { paragraphs } from '../text';

let counter = 0;

function when(t: number): string {
  const d = toDate(t);
  return d ? formatDateTime(d) : '';
}

function saidBy(text: string): HTMLElement[] {
  const paras = paragraphs(text);
  return paras.length ? paras.map((p) => h('p', null, p)) : [h('p', { class: 'muted' }, '(No text.)')];
}

export async function manageMarkingPage({ main, signal }: PageContext): Promise<void> {
  setTitle('Marking');
  const me = await trainerOrNote(main, 'Marking');
  if (!me) return;
  const answersHeading = h('h2', { id: 'answers-heading', tabindex: -1 }, 'Quiz answers');
  const answersStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const answersList = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading the answers waiting for a mark…'));
  const workHeading = h('h2', { id: 'work-heading', tabindex: -1 }, 'Handed-in exercises');
  const workStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const workList = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading the work waiting for a trainer…'));
  replace(
    main,
    manageNav(me, '/manage/marking'),
    h('h1', null, 'Marking'),
    h('section', { 'aria-labelledby': 'answers-heading' },
      answersHeading,
      h('p', { class: 'muted small' }, 'Free-text answers of quizzes, oldest first. An attempt gets its score once all its answers are marked.'),
      answersStatus,
      answersList,
    ),
    h('section', { 'aria-labelledby': 'work-heading' },
      workHeading,
      h('p', { class: 'muted small' }, 'Workbook exercises learners handed in, oldest first. Accepting one completes the exercise for them.'),
      workStatus,
      workList,
    ),
  );

  // --- quiz answers ------------------------------------------------------------------------------
  function answerRow(a: UnmarkedAnswer): HTMLElement {
    const n = ++counter;
    const verdictName = `mark-${n}`;
    const right = h('input', { type: 'radio', name: verdictName, value: 'right' });
    const wrong = h('input', { type: 'radio', name: verdictName, value: 'wrong' });
    const points = h('input', { type: 'number', name: 'points', min: 0, max: a.points, step: 1, inputmode: 'numeric', class: 'input-short' });
    const comment = h('textarea', { name: 'comment', rows: 3, maxlength: 2000 });
    const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
    const save = h('button', { type: 'submit', class: 'button button-primary' }, 'Save the mark', h('span', { class: 'visually-hidden' }, ` of ${a.learner_name}’s answer`));
    const row = h('li', { class: 'card panel marking-item marking-answer', 'data-attempt': a.attempt_id, 'data-question': a.question_id });
    const form = h(
      'form',
      { class: 'stack-tight', novalidate: true, 'aria-label': `Mark ${a.learner_name}’s answer` },
      h(
        'fieldset',
        { class: 'plain-fieldset' },
        h('legend', null, 'The answer is'),
        h(
          'div',
          { class: 'chips' },
          h('label', { class: 'chip' }, right, h('span', null, 'Right')),
          h('label', { class: 'chip' }, wrong, h('span', null, 'Wrong')),
        ),
      ),
      a.points > 1 ? field(`Points (0 to ${a.points})`, points, 'Empty: all of them when right, none when wrong.') : null,
      field('Comment for the learner (optional)', comment),
      status,
      h('div', { class: 'button-row' }, save),
    );
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      replace(status);
      if (!right.checked && !wrong.checked) {
        replace(status, errorBox(new Error('Choose whether the answer is right or wrong.')));
        right.focus();
        return;
      }
      const pts = a.points > 1 ? markPoints(points.value, a.points) : { points: null };
      if ('problem' in pts) {
        replace(status, errorBox(new Error(pts.problem)));
        points.focus();
        return;
      }
      save.disabled = true;
      try {
        await markQuizAnswer(a.attempt_id, a.question_id, { correct: right.checked, points: pts.points, comment: comment.value.trim() });
        row.remove();
        replace(answersStatus, h('p', { class: 'saved', role: 'status' }, `Marked ${a.learner_name}’s answer ${right.checked ? 'right' : 'wrong'}.`));
        answersHeading.focus();
        if (!answersList.querySelector('[data-attempt]')) void loadAnswers();
      } catch (e) {
        replace(status, errorBox(e));
        save.disabled = false;
      }
    });
    replace(
      row,
      h('h3', { class: 'marking-title' }, a.learner_name, h('span', { class: 'muted' }, ` · ${a.quiz_title}`)),
      h('p', { class: 'small muted' }, `Answered ${when(a.answered_at)} · worth ${a.points} ${a.points === 1 ? 'point' : 'points'}`),
      h('p', { class: 'marking-prompt' }, h('strong', null, 'Question: '), a.prompt),
      h('div', { class: 'answer-text', 'aria-label': `${a.learner_name}’s answer`, role: 'group' }, saidBy(a.text)),
      form,
    );
    return row;
  }

  async function loadAnswers(): Promise<void> {
    answersList.setAttribute('aria-busy', 'true');
    try {
      const items = await quizMarkingQueue(signal);
      replace(
        answersList,
        items.length
          ? h('ul', { class: 'plain-list stack marking-list' }, items.map(answerRow))
          : h('p', { class: 'empty' }, 'No quiz answers are waiting for a mark.'),
      );
    } catch (e) {
      if (!isAbort(e)) replace(answersList, errorBox(e, () => void loadAnswers()));
    } finally {
      answersList.removeAttribute('aria-busy');
    }
  }

  // --- handed-in exercises -----------------------------------------------------------------------
  function submissionRow(s: Submission): HTMLElement {
    const feedback = h('textarea', { name: 'feedback', rows: 3, maxlength: 5000 });
    const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
    const row = h('li', { class: 'card panel marking-item marking-submission', 'data-submission': s.id });
    const who = ` (${s.user_name}’s “${s.exercise_title}”)`;
    const buttons = (
      [
        ['accepted', 'Accept', 'button-primary'],
        ['needs_work', 'Ask for another go', 'button-secondary'],
      ] as const
    ).map(([verdict, label, cls]) =>
      h('button', { type: 'button', class: `button ${cls}`, 'data-verdict': verdict, onClick: () => void mark(verdict) }, label, h('span', { class: 'visually-hidden' }, who)),
    );
    async function mark(verdict: 'accepted' | 'needs_work'): Promise<void> {
      replace(status);
      for (const b of buttons) b.disabled = true;
      try {
        await markSubmission(s.id, { verdict, feedback: feedback.value.trim() });
        row.remove();
        replace(
          workStatus,
          h('p', { class: 'saved', role: 'status' }, verdict === 'accepted' ? `Accepted ${s.user_name}’s work on “${s.exercise_title}”.` : `Asked ${s.user_name} for another go at “${s.exercise_title}”.`),
        );
        workHeading.focus();
        if (!workList.querySelector('[data-submission]')) void loadWork();
      } catch (e) {
        replace(status, errorBox(e));
        for (const b of buttons) b.disabled = false;
      }
    }
    replace(
      row,
      h('h3', { class: 'marking-title' }, s.user_name, h('span', { class: 'muted' }, ` · ${s.exercise_title}`)),
      h('p', { class: 'small muted' }, `Handed in ${when(s.created_at)}`),
      s.body.trim() ? h('div', { class: 'answer-text', role: 'group', 'aria-label': `${s.user_name}’s text` }, saidBy(s.body)) : null,
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
      !s.body.trim() && !s.file_name ? h('p', { class: 'muted small' }, 'Nothing was handed in with it.') : null,
      field('Feedback for the learner', feedback, 'What is good, and what to do next time or change.'),
      status,
      h('div', { class: 'button-row' }, buttons),
    );
    return row;
  }

  async function loadWork(): Promise<void> {
    workList.setAttribute('aria-busy', 'true');
    try {
      const items = await exerciseMarkingQueue(signal);
      replace(
        workList,
        items.length
          ? h('ul', { class: 'plain-list stack marking-list' }, items.map(submissionRow))
          : h('p', { class: 'empty' }, 'No handed-in work is waiting.'),
      );
    } catch (e) {
      if (!isAbort(e)) replace(workList, errorBox(e, () => void loadWork()));
    } finally {
      workList.removeAttribute('aria-busy');
    }
  }

  await Promise.all([loadAnswers(), loadWork()]);
}
