// Pure rules of the manage screens, unit-tested (test/manage.test.ts): due dates as a date field
// holds them (the end of that day, here), and the order of report cards.

import type { Timestamp } from './api';

/** The line above a report's cards: "3 assigned · 1 done · 1 overdue" ("" for none). */
export function assignedSummary(rows: { completed: boolean; overdue: boolean }[]): string {
  if (!rows.length) return '';
  const done = rows.filter((r) => r.completed).length;
  const overdue = rows.filter((r) => r.overdue).length;
  return `${rows.length} assigned · ${done} done${overdue ? ` · ${overdue} overdue` : ''}`;
}

/** "2025-03-14" from a date field → the end of that day in the browser's time zone (unix ms), so
 *  "due on the 14th" is not overdue during the 14th; "" or anything else → null. */
export function dueAtFromDateInput(value: string): Timestamp | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d, 23, 59, 59);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date.getTime();
}

/** A due date (unix ms) → the "yyyy-mm-dd" a date field shows for it, here; null → "". */
export function dateInputValue(t: Timestamp | null | undefined): string {
  if (t === null || t === undefined || !Number.isFinite(t)) return '';
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The fields of a report line that decide its place. */
export interface Urgency {
  completed: boolean;
  overdue: boolean;
  due_at?: Timestamp | null;
  /** the person's name (playlist report) or the playlist's title (person report) */
  label: string;
}

/** Overdue first, then not done (soonest due first, no due date last), completed last; ties by
 *  label. */
export function byUrgency(a: Urgency, b: Urgency): number {
  if (a.completed !== b.completed) return a.completed ? 1 : -1;
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const da = a.due_at ?? Infinity;
  const db = b.due_at ?? Infinity;
  if (da !== db) return da < db ? -1 : 1;
  return a.label.localeCompare(b.label);
}

/** "forklift-basics-report.csv", "nia-okafor-report.csv" (accents dropped: "Zoë" → "zoe"); a
 *  title with no latin letters or digits → "<fallback>-report.csv". */
export function csvFileName(title: string, fallback: string): string {
  const plain = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const slug = plain.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || fallback;
  return `${slug}-report.csv`;
}
