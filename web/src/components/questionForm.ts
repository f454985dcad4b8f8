// One quiz question to answer, as the quiz page (one question a screen) and the questions a video
// asks at its moments (components/videoQuestions.ts) show it: a small line above ("Question 2 of
// 5"), the prompt as a heading (focused when the question appears), the controls its kind takes
// — a radio group (single choice, true/false), checkboxes (several choices), a number field
// (inputmode decimal; "12,5" is read as 12.5), a text field or a text area — and "Check answer",
// which sends the answer. The verdict ("Right" / "Not quite" and the question's feedback) appears
// in a polite live region (role=status) right after; the answer then stands (the controls are
// locked) and the caller's next button ("Next question", "Continue watching") takes the place of
// "Check answer" and the keyboard. A question answered before shows its answer and verdict at once.
// What is missing ("Choose an answer.") is said in an alert beside the controls.

import type { AnswerResult, AskedQuestion, QuizResponse } from '../api';
import { h, replace, type Child } from '../dom';
import { answerText, EMPTY_DRAFT, responseFrom, verdictText, type Draft } from '../quizTaking';
import { errorBox } from './errorBox';

let counter = 0;

export interface QuestionFormOptions {
  question: AskedQuestion;
  /** the line above the prompt: "Question 2 of 5", "Question at 0:02" */
  label: string;
  /** the prompt's heading level on its screen */
  heading?: 'h2' | 'h3';
  send(response: QuizResponse): Promise<AnswerResult>;
  /** the button (or link) that comes once the question is answered */
  next(result: Pick<AnswerResult, 'correct' | 'feedback'>): HTMLElement;
  /** buttons beside "Check answer" while it is unanswered ("Skip for now") */
  extra?: HTMLElement[];
  /** an error of `send` the caller deals with itself (time is up): true when it did */
  failed?(e: unknown): boolean;
}

export interface QuestionForm {
  el: HTMLElement;
  /** moves the keyboard (and a screen reader) to the prompt */
  focus(): void;
  answered(): boolean;
}

/** The verdict's box: "Right" / "Not quite" / waiting for a trainer, and the feedback. */
export function verdictBox(correct: boolean | null, feedback: string | null | undefined, comment?: string, submitted = false): Child[] {
  const cls = correct === true ? 'is-right' : correct === false ? 'is-wrong' : 'is-waiting';
  return [
    h('p', { class: `verdict-line ${cls}` }, h('span', { class: 'verdict-mark', 'aria-hidden': 'true' }, correct === true ? '✓' : correct === false ? '✗' : '…'), ' ', h('strong', null, verdictText(correct, submitted))),
    feedback ? h('p', { class: 'question-feedback' }, feedback) : null,
    comment ? h('p', { class: 'question-comment' }, h('span', { class: 'muted' }, 'The trainer says: '), comment) : null,
  ];
}

export function questionForm(opts: QuestionFormOptions): QuestionForm {
  const q = opts.question;
  const n = ++counter;
  const promptId = `question-${n}-prompt`;
  const hintId = `question-${n}-hint`;
  const prompt = h(opts.heading ?? 'h2', { id: promptId, class: 'question-prompt', tabindex: -1 }, q.prompt);
  const problem = h('div', { class: 'form-status question-problem' });
  // present (empty) from the start, so screen readers announce what is put in it
  const verdict = h('div', { class: 'question-verdict', role: 'status' });
  const actions = h('div', { class: 'button-row question-actions' });
  const draft: Draft = { ...EMPTY_DRAFT, choices: [] };
  let done = Boolean(q.answer);
  const given = q.answer?.response;

  const inputs: (HTMLInputElement | HTMLTextAreaElement)[] = [];

  function choiceRow(type: 'radio' | 'checkbox', value: string, text: string, checked: boolean, change: (on: boolean) => void): HTMLElement {
    const input = h('input', { type, name: `question-${n}`, value, id: `question-${n}-${inputs.length}` });
    input.checked = checked;
    input.addEventListener('change', () => {
      change(input.checked);
      clearProblem();
    });
    inputs.push(input);
    return h('label', { class: 'check answer-choice', for: input.id }, input, h('span', { class: 'check-label' }, text));
  }

  let control: HTMLElement;
  let hint: string | null = null;
  switch (q.kind) {
    case 'single':
    case 'multiple': {
      const multiple = q.kind === 'multiple';
      if (multiple) hint = 'Choose every answer that is right.';
      const picked = new Set(given?.choices ?? []);
      control = h(
        'fieldset',
        { class: 'plain-fieldset answer-choices', 'aria-labelledby': promptId, 'aria-describedby': hint ? hintId : null },
        hint ? h('p', { class: 'field-hint', id: hintId }, hint) : null,
        q.choices.map((c) =>
          choiceRow(multiple ? 'checkbox' : 'radio', c.id ?? '', c.text, picked.has(c.id ?? ''), (on) => {
            const id = c.id ?? '';
            if (!multiple) draft.choices = on ? [id] : [];
            else draft.choices = on ? [...draft.choices.filter((x) => x !== id), id] : draft.choices.filter((x) => x !== id);
          }),
        ),
      );
      break;
    }
    case 'true_false':
      control = h(
        'fieldset',
        { class: 'plain-fieldset answer-choices', 'aria-labelledby': promptId },
        choiceRow('radio', 'true', 'True', given?.truth === true, (on) => on && (draft.truth = true)),
        choiceRow('radio', 'false', 'False', given?.truth === false, (on) => on && (draft.truth = false)),
      );
      break;
    case 'number': {
      const input = h('input', {
        type: 'text',
        inputmode: 'decimal',
        autocomplete: 'off',
        id: `question-${n}-number`,
        class: 'input-short',
        'aria-describedby': `${promptId} ${hintId}`,
      });
      input.value = typeof given?.number === 'number' ? answerText(q) : '';
      input.addEventListener('input', () => {
        draft.number = input.value;
        clearProblem();
      });
      inputs.push(input);
      control = h(
        'div',
        { class: 'field' },
        h('label', { for: input.id }, 'Your answer'),
        input,
        h('p', { class: 'field-hint', id: hintId }, 'A number, like 12 or 12.5.'),
      );
      break;
    }
    case 'short_text':
    case 'free_text': {
      const long = q.kind === 'free_text';
      const input = long
        ? h('textarea', { id: `question-${n}-text`, rows: 5, maxlength: 10000, 'aria-describedby': promptId })
        : h('input', { type: 'text', id: `question-${n}-text`, autocomplete: 'off', maxlength: 10000, 'aria-describedby': promptId });
      input.value = given?.text ?? '';
      input.addEventListener('input', () => {
        draft.text = input.value;
        clearProblem();
      });
      inputs.push(input);
      control = h(
        'div',
        { class: 'field' },
        h('label', { for: input.id }, 'Your answer'),
        input,
        long ? h('p', { class: 'field-hint' }, 'A trainer reads and marks this answer.') : null,
      );
      break;
    }
  }

  function clearProblem(): void {
    if (!problem.firstChild) return;
    replace(problem);
    for (const i of inputs) i.removeAttribute('aria-invalid');
  }

  function lock(): void {
    for (const i of inputs) {
      // read-only rather than disabled where it can be, so the answer stays readable and selectable
      if (i instanceof HTMLTextAreaElement || (i.type !== 'radio' && i.type !== 'checkbox')) i.readOnly = true;
      else i.disabled = true;
    }
    control.classList.add('is-answered');
  }

  function showVerdict(result: Pick<AnswerResult, 'correct' | 'feedback'>, comment?: string): void {
    replace(verdict, h('div', { class: `notice question-verdict-box ${result.correct === true ? 'is-right' : result.correct === false ? 'is-wrong' : 'is-waiting'}` }, verdictBox(result.correct, result.feedback, comment)));
  }

  const check = h('button', { type: 'submit', class: 'button button-primary' }, 'Check answer');
  const form = h(
    'form',
    {
      class: 'question-form stack-tight',
      novalidate: true,
      onSubmit: async (ev) => {
        ev.preventDefault();
        if (done || check.disabled) return;
        const made = responseFrom(q.kind, draft);
        if ('problem' in made) {
          replace(problem, h('p', { class: 'notice notice-error', role: 'alert' }, made.problem));
          for (const i of inputs) i.setAttribute('aria-invalid', 'true');
          inputs[0]?.focus();
          return;
        }
        check.disabled = true;
        check.textContent = 'Checking…';
        replace(problem);
        try {
          const result = await opts.send(made.response);
          done = true;
          lock();
          showVerdict(result);
          const next = opts.next(result);
          replace(actions, next);
          next.focus();
        } catch (e) {
          check.disabled = false;
          check.textContent = 'Check answer';
          if (opts.failed?.(e)) return;
          replace(problem, errorBox(e));
        }
      },
    },
    control,
    problem,
    verdict,
    actions,
  );

  if (done) {
    lock();
    showVerdict({ correct: q.answer?.correct ?? null, feedback: q.feedback ?? '' }, q.answer?.comment || undefined);
    replace(actions, opts.next({ correct: q.answer?.correct ?? null, feedback: q.feedback ?? '' }));
  } else {
    replace(actions, check, opts.extra ?? []);
  }

  const el = h(
    'section',
    { class: 'question', 'aria-labelledby': promptId, 'data-question': q.id, 'data-kind': q.kind },
    h('p', { class: 'question-label kind' }, opts.label, q.points > 1 ? ` · ${q.points} points` : null),
    prompt,
    form,
  );

  return {
    el,
    focus: () => prompt.focus(),
    answered: () => done,
  };
}
