// Quizzes and workbook exercises, the pure parts (unit-tested in test/assessing.test.ts): the quiz
// editor's drafts of questions (made from a quiz as the server keeps it, checked before sending,
// turned into the fields the server takes: choices' right answers as their 0-based positions),
// the moment a video's question asks it ("1:05"), the time limit in minutes, and what reports and
// the marking screen say (scores, percentages, a submission's status). Kept free of the DOM and of
// api.ts's values so node --test runs it.

import type { QuestionFields, QuestionKind, QuizQuestion, SubmissionStatus } from './api';

export const QUESTION_KINDS: QuestionKind[] = ['single', 'multiple', 'true_false', 'number', 'short_text', 'free_text'];

/** The kinds of question as the editor offers them. */
export const KIND_TEXT: Record<QuestionKind, string> = {
  single: 'One right choice',
  multiple: 'Several right choices',
  true_false: 'True or false',
  number: 'A number',
  short_text: 'A short answer',
  free_text: 'Free text (trainer marks)',
};

/** The same, short, for reports. */
export const KIND_SHORT: Record<QuestionKind, string> = {
  single: 'One choice',
  multiple: 'Several choices',
  true_false: 'True or false',
  number: 'Number',
  short_text: 'Short answer',
  free_text: 'Free text',
};

export const MAX_QUESTIONS = 100;
export const MAX_CHOICES = 12;
export const MIN_CHOICES = 2;

export interface ChoiceDraft {
  /** kept when editing, so answers given before still name it */
  id?: string;
  text: string;
  right: boolean;
}

/** A question as the editor holds it: every field as typed. */
export interface QuestionDraft {
  /** the editor's own key for the row */
  key: number;
  /** the server's id, kept when editing */
  id?: string;
  kind: QuestionKind;
  prompt: string;
  choices: ChoiceDraft[];
  truth: boolean | null;
  number: string;
  tolerance: string;
  /** short answers accepted, one per line */
  accepted: string;
  feedback: string;
  points: string;
  /** a video's question: when it is asked, "1:05" */
  at: string;
}

/** 65 → "1:05", 3723 → "1:02:03"; fractions of a second are dropped. */
export function clockText(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** "1:05", "1:02:03", "65" or "65.5" → seconds; null when it is not a time. */
export function parseClock(value: string): number | null {
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})(\.\d+)?$/.exec(v);
  if (!m || Number(m[3]) > 59 || (m[1] && Number(m[2]) > 59)) return null;
  const t = (m[1] ? Number(m[1]) * 3600 : 0) + Number(m[2]) * 60 + Number(m[3]) + (m[4] ? Number(m[4]) : 0);
  return Number.isFinite(t) ? t : null;
}

/** A new question of a kind (choice questions start with two empty choices). */
export function newQuestion(key: number, kind: QuestionKind = 'single', atS: number | null = null): QuestionDraft {
  return {
    key,
    kind,
    prompt: '',
    choices: kind === 'single' || kind === 'multiple' ? [{ text: '', right: false }, { text: '', right: false }] : [],
    truth: null,
    number: '',
    tolerance: '0',
    accepted: '',
    feedback: '',
    points: '1',
    at: atS === null ? '' : clockText(atS),
  };
}

/** A question of a quiz as the server keeps it → the editor's draft. */
export function draftOf(q: Pick<QuizQuestion, 'id' | 'kind' | 'prompt' | 'choices' | 'key' | 'feedback' | 'points' | 'at_ms'>, key: number): QuestionDraft {
  const right = new Set(q.key.correct_choices ?? []);
  return {
    key,
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    choices: q.choices.map((c) => ({ id: c.id, text: c.text, right: c.id !== undefined && right.has(c.id) })),
    truth: q.key.truth ?? null,
    number: q.key.number === null || q.key.number === undefined ? '' : String(q.key.number),
    tolerance: String(q.key.tolerance ?? 0),
    accepted: (q.key.accepted ?? []).join('\n'),
    feedback: q.feedback,
    points: String(q.points),
    at: q.at_ms === null || q.at_ms === undefined ? '' : clockText(q.at_ms / 1000),
  };
}

/** A question changes kind: what still fits is kept (choices between the two choice kinds, only
 *  the first right choice when it becomes single), choice questions get two empty choices. */
export function changeKind(d: QuestionDraft, kind: QuestionKind): QuestionDraft {
  const choiceKind = kind === 'single' || kind === 'multiple';
  let choices = choiceKind ? d.choices : [];
  if (choiceKind && choices.length < MIN_CHOICES) {
    choices = [...choices, ...Array.from({ length: MIN_CHOICES - choices.length }, () => ({ text: '', right: false }))];
  }
  if (kind === 'single') {
    let seen = false;
    choices = choices.map((c) => {
      const right = c.right && !seen;
      if (right) seen = true;
      return { ...c, right };
    });
  }
  return { ...d, kind, choices };
}

/** A number as typed ("2,5" too) → the number, or null. */
export function parseNumber(value: string): number | null {
  const v = value.trim().replace(',', '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(v)) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** The accepted short answers: one per line, trimmed, blank lines dropped. */
export function acceptedAnswers(text: string): string[] {
  return text
    .split('\n')
    .map((a) => a.trim())
    .filter(Boolean);
}

export interface Problem {
  /** a sentence to show */
  message: string;
  /** the field to focus: 'prompt', 'at', 'choice-N', 'truth', 'number', 'tolerance', 'accepted', 'points' */
  field: string;
}

/** What is wrong with question `i` (0-based) before it can be saved, or null. `video`: a video's
 *  question, which needs its moment within `duration` seconds (when known). */
export function questionProblem(d: QuestionDraft, i: number, video: boolean, duration: number | null = null): Problem | null {
  const n = `Question ${i + 1}`;
  if (video) {
    const at = parseClock(d.at);
    if (at === null) return { message: `${n}: say when the video asks it, as minutes and seconds (1:05).`, field: 'at' };
    if (duration && at > duration) return { message: `${n}: ${d.at.trim()} is after the end of the video (${clockText(duration)}).`, field: 'at' };
  }
  if (!d.prompt.trim()) return { message: `${n}: write the question.`, field: 'prompt' };
  if (d.kind === 'single' || d.kind === 'multiple') {
    if (d.choices.length < MIN_CHOICES) return { message: `${n}: give at least ${MIN_CHOICES} choices.`, field: 'choice-0' };
    const empty = d.choices.findIndex((c) => !c.text.trim());
    if (empty >= 0) return { message: `${n}: choice ${empty + 1} is empty; write it or remove it.`, field: `choice-${empty}` };
    const right = d.choices.filter((c) => c.right).length;
    if (d.kind === 'single' && right !== 1) return { message: `${n}: mark the one right choice.`, field: 'choice-0' };
    if (d.kind === 'multiple' && right < 1) return { message: `${n}: mark at least one right choice.`, field: 'choice-0' };
  }
  if (d.kind === 'true_false' && d.truth === null) return { message: `${n}: say whether the statement is true or false.`, field: 'truth' };
  if (d.kind === 'number') {
    if (parseNumber(d.number) === null) return { message: `${n}: give the right number.`, field: 'number' };
    const tolerance = d.tolerance.trim() === '' ? 0 : parseNumber(d.tolerance);
    if (tolerance === null || tolerance < 0) return { message: `${n}: the tolerance is a number of 0 or more.`, field: 'tolerance' };
  }
  if (d.kind === 'short_text' && !acceptedAnswers(d.accepted).length) {
    return { message: `${n}: give at least one accepted answer.`, field: 'accepted' };
  }
  const points = Number(d.points);
  if (!Number.isInteger(points) || points < 1 || points > 100) return { message: `${n}: it is worth 1 to 100 points.`, field: 'points' };
  return null;
}

/** A checked draft → what the server takes. Right choices go as their 0-based positions (the
 *  server turns them into the choices' ids, new or kept). */
export function questionFields(d: QuestionDraft, video: boolean): QuestionFields {
  const choiceKind = d.kind === 'single' || d.kind === 'multiple';
  const at = video ? parseClock(d.at) : null;
  return {
    id: d.id ?? null,
    kind: d.kind,
    prompt: d.prompt.trim(),
    choices: choiceKind ? d.choices.map((c) => (c.id ? { id: c.id, text: c.text.trim() } : { text: c.text.trim() })) : [],
    key: {
      correct_choices: choiceKind ? d.choices.flatMap((c, i) => (c.right ? [String(i)] : [])) : [],
      truth: d.kind === 'true_false' ? d.truth : null,
      number: d.kind === 'number' ? parseNumber(d.number) : null,
      tolerance: d.kind === 'number' ? (parseNumber(d.tolerance) ?? 0) : 0,
      accepted: d.kind === 'short_text' ? acceptedAnswers(d.accepted) : [],
    },
    feedback: d.feedback.trim(),
    points: Number(d.points),
    at_ms: at === null ? null : Math.round(at * 1000),
  };
}

/** A video's questions in the order the video asks them (by moment; unreadable times last). */
export function byMoment(drafts: QuestionDraft[]): QuestionDraft[] {
  const t = (d: QuestionDraft) => parseClock(d.at) ?? Number.POSITIVE_INFINITY;
  return [...drafts].sort((a, b) => t(a) - t(b));
}

/** The time limit field (minutes; blank for none) → seconds, or a sentence when it cannot be. */
export function timeLimitSeconds(minutes: string): { seconds: number | null } | { problem: string } {
  const v = minutes.trim();
  if (!v) return { seconds: null };
  const n = parseNumber(v);
  const seconds = n === null ? NaN : Math.round(n * 60);
  if (!(seconds >= 30 && seconds <= 86_400)) return { problem: 'A time limit is half a minute to 1440 minutes (a day); leave it empty for none.' };
  return { seconds };
}

/** Seconds → the time limit field's minutes ("" for none; 90 → "1.5"). */
export function timeLimitMinutes(seconds: number | null | undefined): string {
  if (!seconds) return '';
  return String(Math.round((seconds / 60) * 100) / 100);
}

/** "3 of 4 points (75%)". */
export function scoreText(score: number, max: number): string {
  const pts = max === 1 ? 'point' : 'points';
  return max > 0 ? `${score} of ${max} ${pts} (${Math.floor((score * 100) / max)}%)` : `${score} ${pts}`;
}

/** A share already in percent, 0 to 100 (66.7 stays 66.7, 50 is 50) → "66.7%"; "—" for none. */
export function percentText(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  return `${Math.round(p * 10) / 10}%`;
}

/** "1 attempt", "3 attempts". */
export function attemptsCount(n: number): string {
  return `${n} ${n === 1 ? 'attempt' : 'attempts'}`;
}

/** What a learner's submission reads as. */
export const SUBMISSION_STATUS_LABEL: Record<SubmissionStatus, string> = {
  waiting: 'Waiting for a trainer',
  needs_work: 'Needs work',
  accepted: 'Accepted',
};

/** The chip colours of the practice screens, by a submission's status. */
export const SUBMISSION_CHIP: Record<SubmissionStatus, string> = {
  waiting: 'practice-waiting',
  needs_work: 'practice-needs_work',
  accepted: 'practice-done',
};

/** The points a marked answer earns as typed ("" = all when right, none when wrong), or a sentence. */
export function markPoints(value: string, max: number): { points: number | null } | { problem: string } {
  const v = value.trim();
  if (!v) return { points: null };
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > max) return { problem: `The answer earns 0 to ${max} points.` };
  return { points: n };
}
