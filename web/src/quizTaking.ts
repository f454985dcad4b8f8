// Taking a quiz, the pure parts (unit-tested in test/quizTaking.test.ts): what a question's form
// holds turned into the answer sent (`responseFrom`, with a sentence when something is missing),
// numbers as people type them ("12,5"), a learner's answer and the right one in words, the verdict
// ("Right" / "Not quite"), where an attempt goes on (the first unanswered question), the countdown
// ("4:05"), the score against the pass mark, attempts in words, and which question a video asks
// as playback moves (`questionDue`). Kept free of the DOM and of api.ts's values so node --test
// runs it.

import type { AskedQuestion, QuestionKind, QuizAttemptStatus, QuizResponse } from './api';

/** What a question's controls hold, whatever its kind. */
export interface Draft {
  /** ids of the choices ticked (single: at most one) */
  choices: string[];
  truth: boolean | null;
  /** the number field as typed */
  number: string;
  text: string;
}

export const EMPTY_DRAFT: Draft = { choices: [], truth: null, number: '', text: '' };

/** "12,5" or " 1 000.5 " → the number; null when it is not one. */
export function parseNumber(typed: string): number | null {
  let t = typed.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
  if (t === '') return null;
  // one comma and no dot: a decimal comma ("12,5"); commas beside a dot: thousands ("1,000.5")
  if (!t.includes('.') && /^[-+]?\d*,\d+$/.test(t)) t = t.replace(',', '.');
  else if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The answer to send for a question of `kind`, or what the person still has to do. */
export function responseFrom(kind: QuestionKind, draft: Draft): { response: QuizResponse } | { problem: string } {
  switch (kind) {
    case 'single':
      return draft.choices.length === 1 ? { response: { choices: [draft.choices[0]!] } } : { problem: 'Choose an answer.' };
    case 'multiple':
      return draft.choices.length > 0 ? { response: { choices: [...draft.choices] } } : { problem: 'Choose at least one answer.' };
    case 'true_false':
      return draft.truth === null ? { problem: 'Choose True or False.' } : { response: { truth: draft.truth } };
    case 'number': {
      if (draft.number.trim() === '') return { problem: 'Type a number.' };
      const n = parseNumber(draft.number);
      return n === null ? { problem: 'Type a number, like 12 or 12.5.' } : { response: { number: n } };
    }
    case 'short_text':
    case 'free_text':
      return draft.text.trim() === '' ? { problem: 'Write an answer.' } : { response: { text: draft.text.trim() } };
  }
}

/** 12.5 → "12.5", 1e21 stays readable; no trailing zeros. */
export function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

function choiceTexts(q: Pick<AskedQuestion, 'choices'>, ids: string[] | undefined): string {
  const texts = (ids ?? []).map((id) => q.choices.find((c) => c.id === id)?.text).filter((t): t is string => Boolean(t));
  return texts.join('; ');
}

/** The learner's answer in words ('' before they answered). */
export function answerText(q: Pick<AskedQuestion, 'kind' | 'choices' | 'answer'>): string {
  const r = q.answer?.response;
  if (!r) return '';
  switch (q.kind) {
    case 'single':
    case 'multiple':
      return choiceTexts(q, r.choices);
    case 'true_false':
      return r.truth === true ? 'True' : r.truth === false ? 'False' : '';
    case 'number':
      return typeof r.number === 'number' ? numberText(r.number) : '';
    case 'short_text':
    case 'free_text':
      return r.text ?? '';
  }
}

/** The right answer in words, from the key a submitted attempt carries; null when there is none
 *  to show (not submitted yet, or free text, which a trainer marks). */
export function rightAnswerText(q: Pick<AskedQuestion, 'kind' | 'choices' | 'key'>): string | null {
  const k = q.key;
  if (!k) return null;
  switch (q.kind) {
    case 'single':
    case 'multiple':
      return choiceTexts(q, k.correct_choices) || null;
    case 'true_false':
      return k.truth === true ? 'True' : k.truth === false ? 'False' : null;
    case 'number': {
      if (typeof k.number !== 'number') return null;
      const tol = k.tolerance ?? 0;
      return tol > 0 ? `${numberText(k.number)} (give or take ${numberText(tol)})` : numberText(k.number);
    }
    case 'short_text':
      return k.accepted?.length ? k.accepted.join(' or ') : null;
    case 'free_text':
      return null;
  }
}

/** The verdict on an answer: `correct` null is a free-text answer waiting for a trainer (said
 *  as a thank-you right after answering, as a state once submitted). */
export function verdictText(correct: boolean | null | undefined, submitted = false): string {
  if (correct === true) return 'Right';
  if (correct === false) return 'Not quite';
  return submitted ? 'Waiting for a trainer’s mark' : 'Thanks: a trainer will mark this answer';
}

/** The question an attempt goes on at: the first without an answer (the count when all are). */
export function firstUnanswered(questions: Pick<AskedQuestion, 'answer'>[]): number {
  const i = questions.findIndex((q) => !q.answer);
  return i === -1 ? questions.length : i;
}

/** Milliseconds left → "4:05" (or "1:02:03"); never below "0:00". */
export function countdownText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** The same in words for screen readers, at the moments worth saying: "5 minutes left". */
export function countdownWords(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s >= 120) return `${Math.ceil(s / 60)} minutes left`;
  if (s >= 60) return '1 minute left';
  return s === 1 ? '1 second left' : `${s} seconds left`;
}

/** A time limit in words: 90 → "1 minute 30 seconds", 1800 → "30 minutes", 3600 → "1 hour". */
export function limitText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  const part = (n: number, unit: string) => (n ? `${n} ${unit}${n === 1 ? '' : 's'}` : '');
  return [part(hh, 'hour'), part(mm, 'minute'), part(ss, 'second')].filter(Boolean).join(' ') || '0 seconds';
}

/** Score as a whole percentage of the points (0 of 0 is 100, as the server passes it). */
export function percentOf(score: number, max: number): number {
  return max > 0 ? Math.floor((score * 100) / max) : 100;
}

/** "2 of 3 points (66%)". */
export function scoreText(score: number, max: number): string {
  return `${score} of ${max} point${max === 1 ? '' : 's'} (${percentOf(score, max)}%)`;
}

/** What an attempt's status reads as. */
export const ATTEMPT_STATUS_TEXT: Record<QuizAttemptStatus, string> = {
  open: 'Not finished',
  marking: 'Waiting for a trainer',
  passed: 'Passed',
  failed: 'Not passed',
};

/** Attempts used, beside the label "Attempts": "1 of 3 used", "None yet, no limit", "2 so far, no limit". */
export function attemptsText(used: number, max: number): string {
  if (max > 0) return `${used} of ${max} used`;
  return used === 0 ? 'None yet, no limit' : `${used} so far, no limit`;
}

/**
 * Playback moved from `prev` to `now` seconds: the question to ask, if any — the first one not yet
 * answered (nor skipped since playback last went before it) whose moment lies in (prev, now].
 * A jump forward over a question counts as crossing it, so it is still asked; going back asks
 * nothing (the caller then takes `now` as the new `prev`).
 */
export function questionDue<Q extends { at_ms: number | null }>(
  questions: Q[],
  prev: number,
  now: number,
  settled: (q: Q) => boolean,
): Q | null {
  if (!(now > prev)) return null;
  // a hair early, so a question at the very end is reached before the video stops
  const upTo = now + 0.05;
  let due: Q | null = null;
  for (const q of questions) {
    if (q.at_ms === null || settled(q)) continue;
    const at = q.at_ms / 1000;
    if (at > prev && at <= upTo && (due === null || at < (due.at_ms ?? 0) / 1000)) due = q;
  }
  return due;
}

/** "2 questions in this video". */
export function questionsInVideoText(n: number): string {
  return n === 1 ? '1 question in this video' : `${n} questions in this video`;
}
