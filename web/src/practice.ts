// Active learning, the pure parts (unit-tested in test/practice.test.ts): what an attempt's status
// and a review's verdict read as, comments grouped into threads, where a comment's mark sits on a
// time bar, a review's scores in words, the default rubric of a new practice step, and the
// notification kinds in words. Kept free of the DOM and of api.ts's values so node --test runs it.

/** 42.5 → "0:42" (moments.ts's clock, repeated so this module stands alone under node --test). */
export function clock(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

export type AttemptStatusLike = 'waiting' | 'needs_work' | 'done';
export type VerdictLike = 'comment' | 'needs_work' | 'done';

/** The chip of an attempt or a practice item. */
export const ATTEMPT_STATUS_LABEL: Record<AttemptStatusLike, string> = {
  waiting: 'Waiting for review',
  needs_work: 'Needs another attempt',
  done: 'Done',
};

export const VERDICT_LABEL: Record<VerdictLike, string> = {
  comment: 'Feedback',
  needs_work: 'Asked for another attempt',
  done: 'Meets the standard',
};

/** "at 0:07": the moment a comment is pinned to. */
export function momentText(atS: number | null | undefined): string {
  return typeof atS === 'number' && Number.isFinite(atS) ? `at ${clock(atS)}` : '';
}

/** What threads need of a comment. */
export interface CommentLike {
  id: string;
  parent_id: string | null;
  at_s?: number | null;
  created_at: number;
}

export interface Thread<C extends CommentLike> {
  comment: C;
  replies: C[];
}

/**
 * Comments (oldest first, as the server sends them) as threads: each top-level comment with the
 * replies to it and to its replies, oldest first. A reply whose parent is not in the list (hidden,
 * or deleted) becomes a thread of its own rather than being lost. With `byMoment`, threads pinned
 * to a moment are sorted by it (then the unpinned ones, by time written).
 */
export function threads<C extends CommentLike>(comments: readonly C[], byMoment = false): Thread<C>[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (c: C): C => {
    let at = c;
    const seen = new Set<string>();
    while (at.parent_id && byId.has(at.parent_id) && !seen.has(at.id)) {
      seen.add(at.id);
      at = byId.get(at.parent_id)!;
    }
    return at;
  };
  const list: Thread<C>[] = [];
  const index = new Map<string, Thread<C>>();
  for (const c of comments) {
    const root = rootOf(c);
    if (root === c) {
      const t = { comment: c, replies: [] as C[] };
      index.set(c.id, t);
      list.push(t);
    }
  }
  for (const c of comments) {
    const root = rootOf(c);
    if (root !== c) index.get(root.id)?.replies.push(c);
  }
  for (const t of list) t.replies.sort((a, b) => a.created_at - b.created_at);
  if (byMoment) {
    const key = (t: Thread<C>) => (typeof t.comment.at_s === 'number' ? t.comment.at_s : Infinity);
    list.sort((a, b) => key(a) - key(b) || a.comment.created_at - b.comment.created_at);
  }
  return list;
}

/** Where a mark for `atS` sits along a bar, 0 to 1 (clamped); null without a usable duration. */
export function markFraction(atS: number | null | undefined, duration: number | null | undefined): number | null {
  if (typeof atS !== 'number' || !Number.isFinite(atS)) return null;
  if (typeof duration !== 'number' || !Number.isFinite(duration) || duration <= 0) return null;
  return Math.min(1, Math.max(0, atS / duration));
}

export interface CriterionLike {
  id: string;
  name: string;
  levels: { name: string }[];
}

export interface ScoreLine {
  criterion: string;
  level: string;
  /** 1 for the lowest level */
  points: number;
  outOf: number;
}

/** A review's scores (criterion id → level index) in the rubric's order, named; criteria the
 *  review left out, or levels the rubric no longer has, are skipped. */
export function scoreLines(rubric: readonly CriterionLike[], scores: Record<string, number> | null | undefined): ScoreLine[] {
  const out: ScoreLine[] = [];
  for (const c of rubric) {
    const i = scores?.[c.id];
    if (typeof i !== 'number') continue;
    const level = c.levels[i];
    if (!level) continue;
    out.push({ criterion: c.name, level: level.name, points: i + 1, outOf: c.levels.length });
  }
  return out;
}

/** "2 of 3 criteria meet the top level" style summary: "Scored 3 criteria: 2 at the top level". */
export function scoreSummary(lines: readonly ScoreLine[]): string {
  if (lines.length === 0) return '';
  const top = lines.filter((l) => l.points === l.outOf).length;
  const n = lines.length === 1 ? '1 criterion' : `${lines.length} criteria`;
  return `Scored ${n}: ${top} at the top level`;
}

/** Where a person stands on a practice step, in words: null (no attempt yet) → "Not started". */
export function practiceStatusText(status: AttemptStatusLike | null | undefined): string {
  return status ? ATTEMPT_STATUS_LABEL[status] : 'Not started';
}

/** "1 attempt", "3 attempts", "No attempts". */
export function attemptsText(n: number): string {
  return n <= 0 ? 'No attempts' : n === 1 ? '1 attempt' : `${n} attempts`;
}

/** The latest scores, compact: "Eye contact 3/3 · Tone 2/3" ('' without scores). */
export function scoresText(scores: readonly { criterion: string; points: number; out_of: number }[] | null | undefined): string {
  return (scores ?? []).map((s) => `${s.criterion} ${s.points}/${s.out_of}`).join(' · ');
}

/** Spoken in full for screen readers: "Eye contact: Meets the standard, 3 of 3; Tone: Nearly, 2 of 3". */
export function scoresLongText(scores: readonly { criterion: string; level: string; points: number; out_of: number }[] | null | undefined): string {
  return (scores ?? []).map((s) => `${s.criterion}: ${s.level}, ${s.points} of ${s.out_of}`).join('; ');
}

/** The levels a new criterion starts with. */
export const DEFAULT_LEVELS = ['Not yet', 'Nearly', 'Meets the standard'];
export const MIN_LEVELS = 2;
export const MAX_LEVELS = 6;
export const MAX_CRITERIA = 12;

export interface RubricDraft {
  id?: string | null;
  name: string;
  description?: string;
  levels: { name: string; description?: string }[];
}

/** What is wrong with a rubric before it is sent, as a sentence; null when it can go. */
export function rubricProblem(rubric: readonly RubricDraft[]): string | null {
  if (rubric.length === 0) return 'Add at least one criterion to the rubric.';
  if (rubric.length > MAX_CRITERIA) return `A rubric has at most ${MAX_CRITERIA} criteria.`;
  for (const [i, c] of rubric.entries()) {
    const which = c.name.trim() ? `“${c.name.trim()}”` : `Criterion ${i + 1}`;
    if (!c.name.trim()) return `Criterion ${i + 1} needs a name.`;
    if (c.levels.length < MIN_LEVELS || c.levels.length > MAX_LEVELS) return `${which} needs ${MIN_LEVELS} to ${MAX_LEVELS} levels.`;
    if (c.levels.some((l) => !l.name.trim())) return `Every level of ${which} needs a name.`;
  }
  return null;
}

export type KindLike =
  | 'assigned'
  | 'due_soon'
  | 'overdue'
  | 'review_requested'
  | 'feedback'
  | 'reply'
  | 'mention'
  | 'exercise_marked'
  | 'quiz_marked';

/** The notification kinds as the settings list them, in this order. */
export const KIND_TEXT: Record<KindLike, string> = {
  assigned: 'A playlist is assigned to me',
  due_soon: 'A playlist is due soon',
  overdue: 'A playlist is overdue',
  review_requested: 'Someone asks me to review',
  feedback: 'Feedback on my practice',
  reply: 'Replies to my comments',
  mention: 'Someone mentions me',
  exercise_marked: 'An exercise I handed in is marked',
  quiz_marked: 'My quiz answers are marked',
};

/** The kinds an unsubscribe link stopped, as one phrase: "replies to your comments and mentions". */
export const KIND_ABOUT: Record<KindLike, string> = {
  assigned: 'new assignments',
  due_soon: 'due dates coming up',
  overdue: 'overdue playlists',
  review_requested: 'requests to review',
  feedback: 'feedback on your practice',
  reply: 'replies to your comments',
  mention: 'mentions',
  exercise_marked: 'marked exercises',
  quiz_marked: 'marked quiz answers',
};

export function kindsPhrase(kinds: readonly string[]): string {
  const words = kinds.map((k) => KIND_ABOUT[k as KindLike] ?? k.replace(/_/g, ' '));
  if (words.length === 0) return 'these notifications';
  if (words.length === 1) return words[0]!;
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "Inbox, 3 unread" (the bell's accessible name). */
export function inboxLabel(unread: number): string {
  return unread > 0 ? `Inbox, ${unread} unread` : 'Inbox';
}
