// The trainers' quiz form, for a playlist quiz (in the playlist editor and the quiz list) and for a
// video's in-video questions (components/videoQuizEditor.ts): title, description, pass mark,
// attempts allowed, and for playlist quizzes shuffling and a time limit; then the questions (1 to
// 100; add, move, remove), each of a kind — one or several right choices (2 to 12 choices, the
// right ones marked), true or false, a number within a tolerance, a short answer (the accepted
// ones, one per line) or free text that a trainer marks — with feedback shown once answered and
// its points. A video's questions each have their moment ("1:05", or "Use current time": the
// player's). Checked here first (src/assessing.ts), then created (POST /api/v1/quizzes) or, given a
// quiz, changed whole (PUT, keeping its questions' and choices' ids); the server's 422 sentence is
// shown as it is.

import { createQuiz, updateQuiz, type QuestionKind, type Quiz, type QuizFields } from '../api';
import {
  byMoment,
  changeKind,
  clockText,
  draftOf,
  KIND_TEXT,
  MAX_CHOICES,
  MAX_QUESTIONS,
  MIN_CHOICES,
  newQuestion,
  QUESTION_KINDS,
  questionFields,
  questionProblem,
  timeLimitMinutes,
  timeLimitSeconds,
  type QuestionDraft,
} from '../assessing';
import { h, replace } from '../dom';
import { checkbox } from './checkbox';
import { errorBox } from './errorBox';
import { field } from './field';

export interface QuizEditorOptions {
  quiz?: Quiz;
  /** a video's questions: created pinned to this video, each question at a moment */
  videoId?: string;
  /** the video's length in seconds, when known (moments must be within it) */
  duration?: number | null;
  /** where the video's player is, for "Use current time" */
  currentTime?: () => number | null;
  /** the title a new quiz starts with */
  defaultTitle?: string;
  /** the form's heading (h3 unless `headingLevel` says otherwise) */
  heading?: string;
  headingLevel?: 'h2' | 'h3';
  /** the save button of a new quiz: "Create the quiz and add it to the playlist" */
  createLabel?: string;
  /** saved: the quiz as the server keeps it */
  saved(quiz: Quiz): void | Promise<void>;
  cancel?: () => void;
}

let counter = 0;

export function quizEditor(opts: QuizEditorOptions): HTMLFormElement {
  const n = ++counter;
  const video = Boolean(opts.videoId ?? opts.quiz?.video_id);
  let next = 0;
  let drafts: QuestionDraft[] = [];

  const title = h('input', { type: 'text', name: 'quiz-title', required: true, maxlength: 200, autocomplete: 'off' });
  const description = h('textarea', { name: 'quiz-description', rows: 3, maxlength: 5000 });
  const pass = h('input', { type: 'number', name: 'quiz-pass', min: 0, max: 100, step: 1, inputmode: 'numeric', class: 'input-short' });
  const attempts = h('input', { type: 'number', name: 'quiz-attempts', min: 0, max: 100, step: 1, inputmode: 'numeric', class: 'input-short' });
  const shuffle = h('input', { type: 'checkbox', name: 'quiz-shuffle' });
  const limit = h('input', { type: 'text', name: 'quiz-limit', inputmode: 'decimal', autocomplete: 'off', class: 'input-short' });
  const questions = h('ol', { class: 'plain-list stack quiz-questions' });
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const addQuestion = h('button', { type: 'button', class: 'button button-secondary add-question' }, video ? 'Add a question at the current time' : 'Add a question');
  const save = h(
    'button',
    { type: 'submit', class: 'button button-primary' },
    opts.quiz ? (video ? 'Save the questions' : 'Save the quiz') : (opts.createLabel ?? 'Create the quiz'),
  );

  function fill(quiz: Quiz | undefined): void {
    title.value = quiz?.title ?? opts.defaultTitle ?? '';
    description.value = quiz?.description ?? '';
    pass.value = String(quiz?.pass_percent ?? (video ? 0 : 70));
    attempts.value = String(quiz?.max_attempts ?? 0);
    shuffle.checked = quiz?.shuffle ?? false;
    limit.value = timeLimitMinutes(quiz?.time_limit_s);
    drafts = quiz ? quiz.questions.map((q) => draftOf(q, next++)) : [newQuestion(next++, 'single', video ? (opts.currentTime?.() ?? 0) : null)];
  }

  const fieldName = (d: QuestionDraft, name: string) => `quiz${n}-q${d.key}-${name}`;

  /** The answer part of a question, by its kind. */
  function answerPart(d: QuestionDraft, i: number): HTMLElement {
    const label = `question ${i + 1}`;
    switch (d.kind) {
      case 'single':
      case 'multiple': {
        const single = d.kind === 'single';
        const rows = d.choices.map((c, ci) => {
          const text = h('input', { type: 'text', maxlength: 500, value: c.text, 'data-field': fieldName(d, `choice-${ci}`) });
          text.addEventListener('input', () => (c.text = text.value));
          const mark = h('input', { type: single ? 'radio' : 'checkbox', name: fieldName(d, 'right'), value: String(ci) });
          mark.checked = c.right;
          // the label reads the same on every choice: the name says which
          mark.setAttribute('aria-label', single ? `Choice ${ci + 1} is the right answer` : `Choice ${ci + 1} is right`);
          mark.addEventListener('change', () => {
            if (single) d.choices.forEach((x, xi) => (x.right = xi === ci));
            else c.right = mark.checked;
          });
          return h(
            'li',
            { class: 'choice-row' },
            field(`Choice ${ci + 1}`, text),
            h(
              'div',
              { class: 'choice-actions' },
              checkbox(single ? 'The right answer' : 'Right', mark),
              d.choices.length > MIN_CHOICES
                ? h(
                    'button',
                    {
                      type: 'button',
                      class: 'button button-ghost button-small',
                      onClick: () => {
                        d.choices.splice(ci, 1);
                        draw(fieldName(d, `choice-${Math.max(0, ci - 1)}`));
                      },
                    },
                    'Remove',
                    h('span', { class: 'visually-hidden' }, ` choice ${ci + 1} of ${label}`),
                  )
                : null,
            ),
          );
        });
        return h(
          'fieldset',
          { class: 'plain-fieldset stack-tight quiz-choices' },
          h('legend', null, single ? 'Choices (mark the right one)' : 'Choices (mark every right one)'),
          h('ol', { class: 'plain-list stack-tight' }, rows),
          d.choices.length < MAX_CHOICES
            ? h(
                'div',
                { class: 'button-row' },
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'button button-ghost button-small',
                    onClick: () => {
                      d.choices.push({ text: '', right: false });
                      draw(fieldName(d, `choice-${d.choices.length - 1}`));
                    },
                  },
                  'Add a choice',
                  h('span', { class: 'visually-hidden' }, ` to ${label}`),
                ),
              )
            : null,
        );
      }
      case 'true_false': {
        const options: [boolean, string][] = [
          [true, 'True'],
          [false, 'False'],
        ];
        return h(
          'fieldset',
          { class: 'plain-fieldset', 'data-field': fieldName(d, 'truth'), tabindex: -1 },
          h('legend', null, 'The statement is'),
          h(
            'div',
            { class: 'chips' },
            options.map(([value, text]) => {
              const radio = h('input', { type: 'radio', name: fieldName(d, 'truth'), value: String(value) });
              radio.checked = d.truth === value;
              radio.addEventListener('change', () => (d.truth = value));
              return h('label', { class: 'chip' }, radio, h('span', null, text));
            }),
          ),
        );
      }
      case 'number': {
        const number = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: d.number, class: 'input-short', 'data-field': fieldName(d, 'number') });
        number.addEventListener('input', () => (d.number = number.value));
        const tolerance = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: d.tolerance, class: 'input-short', 'data-field': fieldName(d, 'tolerance') });
        tolerance.addEventListener('input', () => (d.tolerance = tolerance.value));
        return h(
          'div',
          { class: 'field-pair' },
          field('The right number', number),
          field('Tolerance (±)', tolerance, 'How far off an answer may be and still be right; 0 for exactly.'),
        );
      }
      case 'short_text': {
        const accepted = h('textarea', { rows: 3, 'data-field': fieldName(d, 'accepted') });
        accepted.value = d.accepted;
        accepted.addEventListener('input', () => (d.accepted = accepted.value));
        return field('Accepted answers', accepted, 'One per line. Capitals, spaces and punctuation do not matter.');
      }
      case 'free_text':
        return h('p', { class: 'small muted' }, 'Learners write an answer; a trainer marks it right or wrong on the Marking screen.');
    }
  }

  function questionRow(d: QuestionDraft, i: number): HTMLElement {
    const label = `question ${i + 1}`;
    const prompt = h('textarea', { rows: 2, maxlength: 2000, 'data-field': fieldName(d, 'prompt') });
    prompt.value = d.prompt;
    prompt.addEventListener('input', () => (d.prompt = prompt.value));
    const kind = h(
      'select',
      { 'data-field': fieldName(d, 'kind') },
      QUESTION_KINDS.map((k) => h('option', { value: k, selected: k === d.kind }, KIND_TEXT[k])),
    );
    kind.addEventListener('change', () => {
      drafts[drafts.indexOf(d)] = changeKind(d, kind.value as QuestionKind);
      draw(fieldName(d, 'kind'));
    });
    const feedback = h('textarea', { rows: 2, maxlength: 2000 });
    feedback.value = d.feedback;
    feedback.addEventListener('input', () => (d.feedback = feedback.value));
    const points = h('input', { type: 'number', min: 1, max: 100, step: 1, inputmode: 'numeric', value: d.points, class: 'input-short', 'data-field': fieldName(d, 'points') });
    points.addEventListener('input', () => (d.points = points.value));

    let moment: HTMLElement | null = null;
    if (video) {
      const at = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: '1:05', value: d.at, class: 'input-short', 'data-field': fieldName(d, 'at') });
      at.addEventListener('input', () => (d.at = at.value));
      moment = h(
        'div',
        { class: 'question-moment' },
        field('Asked at', at, 'Minutes and seconds into the video; it pauses there and asks.'),
        opts.currentTime
          ? h(
              'button',
              {
                type: 'button',
                class: 'button button-secondary button-small',
                onClick: () => {
                  d.at = clockText(opts.currentTime?.() ?? 0);
                  at.value = d.at;
                  at.focus();
                },
              },
              'Use current time',
              h('span', { class: 'visually-hidden' }, ` for ${label}`),
            )
          : null,
      );
    }

    const move = (delta: number, text: string) =>
      h(
        'button',
        {
          type: 'button',
          class: 'button button-ghost button-small',
          disabled: i + delta < 0 || i + delta >= drafts.length,
          'data-move': String(delta),
          onClick: () => {
            const to = i + delta;
            [drafts[i], drafts[to]] = [drafts[to]!, drafts[i]!];
            draw(undefined, { key: d.key, move: delta });
          },
        },
        text,
        h('span', { class: 'visually-hidden' }, ` ${label}`),
      );

    return h(
      'li',
      { class: 'question-editor card panel', 'data-key': d.key },
      h(
        'fieldset',
        { class: 'plain-fieldset stack-tight' },
        h('legend', { class: 'question-legend' }, `Question ${i + 1}`),
        moment,
        field('Kind of answer', kind),
        field('Question', prompt),
        answerPart(d, i),
        field('Feedback (optional)', feedback, 'Shown once the question is answered: why the answer is right.'),
        field('Points', points),
        h(
          'div',
          { class: 'button-row' },
          video ? null : move(-1, 'Up'),
          video ? null : move(1, 'Down'),
          drafts.length > 1
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'button button-ghost button-small',
                  onClick: () => {
                    drafts.splice(i, 1);
                    draw();
                    (questions.querySelector<HTMLElement>(`[data-key] [data-field$="-prompt"]`) ?? addQuestion).focus();
                  },
                },
                'Remove question',
                h('span', { class: 'visually-hidden' }, ` ${i + 1}`),
              )
            : null,
        ),
      ),
    );
  }

  /** Draws the questions again; focuses a field (`data-field`) or, after a move, the same button. */
  function draw(focus?: string, moved?: { key: number; move: number }): void {
    replace(questions, drafts.map(questionRow));
    addQuestion.hidden = drafts.length >= MAX_QUESTIONS;
    if (focus) questions.querySelector<HTMLElement>(`[data-field="${CSS.escape(focus)}"]`)?.focus();
    if (moved) {
      const row = questions.querySelector(`[data-key="${moved.key}"]`);
      (row?.querySelector<HTMLButtonElement>(`[data-move="${moved.move}"]:not(:disabled)`) ?? row?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)'))?.focus();
    }
  }

  addQuestion.addEventListener('click', () => {
    const d = newQuestion(next++, 'single', video ? (opts.currentTime?.() ?? 0) : null);
    drafts = video ? byMoment([...drafts, d]) : [...drafts, d];
    draw(fieldName(d, video ? 'at' : 'kind'));
  });

  function problem(message: string, focus?: HTMLElement | null): void {
    replace(status, errorBox(new Error(message)));
    focus?.focus();
  }

  async function submit(ev: Event): Promise<void> {
    ev.preventDefault();
    replace(status);
    if (!title.value.trim()) return problem('Give the quiz a title.', title);
    const passPercent = Number(pass.value);
    if (!Number.isInteger(passPercent) || passPercent < 0 || passPercent > 100) return problem('The pass mark is 0 to 100 percent.', pass);
    const maxAttempts = attempts.value.trim() === '' ? 0 : Number(attempts.value);
    if (!Number.isInteger(maxAttempts) || maxAttempts < 0 || maxAttempts > 100) return problem('Attempts allowed are 0 (no limit) to 100.', attempts);
    const timeLimit = video ? { seconds: null } : timeLimitSeconds(limit.value);
    if ('problem' in timeLimit) return problem(timeLimit.problem, limit);
    if (!drafts.length) return problem('Add at least one question.', addQuestion);
    for (const [i, d] of drafts.entries()) {
      const p = questionProblem(d, i, video, opts.duration ?? null);
      if (p) {
        const el =
          questions.querySelector<HTMLElement>(`[data-field="${CSS.escape(fieldName(d, p.field))}"]`) ??
          questions.querySelector<HTMLElement>(`[data-key="${d.key}"] [data-field="${CSS.escape(fieldName(d, 'prompt'))}"]`);
        return problem(p.message, el);
      }
    }
    const fields: QuizFields = {
      title: title.value.trim(),
      description: description.value.trim(),
      pass_percent: passPercent,
      max_attempts: maxAttempts,
      shuffle: video ? false : shuffle.checked,
      time_limit_s: timeLimit.seconds,
      questions: drafts.map((d) => questionFields(d, video)),
    };
    if (!opts.quiz && opts.videoId) fields.video_id = opts.videoId;
    save.disabled = true;
    const label = save.textContent;
    save.textContent = 'Saving…';
    try {
      const quiz = opts.quiz ? await updateQuiz(opts.quiz.id, fields) : await createQuiz(fields);
      if (opts.quiz) {
        // the questions' and choices' ids as the server keeps them, for the next save
        opts.quiz = quiz;
        fill(quiz);
        draw();
      }
      await opts.saved(quiz);
      if (!opts.quiz && !opts.videoId) {
        fill(undefined);
        draw();
      }
      replace(status, h('p', { class: 'saved', role: 'status' }, opts.quiz ? 'Saved.' : `Created “${quiz.title}”.`));
    } catch (e) {
      replace(status, errorBox(e));
    } finally {
      save.disabled = false;
      save.textContent = label;
    }
  }

  fill(opts.quiz);
  draw();
  const headingId = `quiz-editor-${n}`;
  return h(
    'form',
    { class: 'stack quiz-editor', 'aria-labelledby': headingId, novalidate: true, onSubmit: (ev) => void submit(ev) },
    h(opts.headingLevel ?? 'h3', { id: headingId }, opts.heading ?? (opts.quiz ? `Edit “${opts.quiz.title}”` : 'New quiz')),
    field('Title', title),
    field('Description (optional)', description, video ? 'Not shown in the player; for trainers and reports.' : 'Shown before learners start. Blank lines separate paragraphs.'),
    h(
      'div',
      { class: 'field-pair' },
      field('Pass mark (%)', pass, video ? '0 to 100; 0 when the questions only check understanding.' : '0 to 100 percent of the points.'),
      field('Attempts allowed', attempts, '0 for no limit.'),
    ),
    video
      ? null
      : h(
          'div',
          { class: 'field-pair' },
          field('Time limit in minutes (optional)', limit, 'Empty for none. Answers after it runs out are not taken.'),
          checkbox('Shuffle the questions', shuffle, 'Each attempt asks them in its own order.'),
        ),
    h(opts.headingLevel === 'h2' ? 'h3' : 'h4', null, video ? 'Questions, in the order the video asks them' : 'Questions'),
    questions,
    h('div', { class: 'button-row' }, addQuestion),
    status,
    h(
      'div',
      { class: 'button-row' },
      save,
      opts.cancel ? h('button', { type: 'button', class: 'button button-ghost', onClick: opts.cancel }, 'Cancel') : null,
    ),
  );
}
