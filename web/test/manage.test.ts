// Unit tests of the manage screens' rules (due dates from a date field, report order, CSV file
// names): `npm test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignedSummary, byUrgency, csvFileName, dateInputValue, dueAtFromDateInput, type Urgency } from '../src/manage.ts';

test('a due date is the end of that day, here, and reads back as the same day', () => {
  const t = dueAtFromDateInput('2025-03-14')!;
  const d = new Date(t);
  assert.deepEqual([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()], [2025, 2, 14, 23, 59]);
  assert.equal(dateInputValue(t), '2025-03-14');
  assert.equal(dateInputValue(new Date(2025, 0, 5, 0, 0, 1).getTime()), '2025-01-05');
});

test('no date, or not a date: null and empty', () => {
  assert.equal(dueAtFromDateInput(''), null);
  assert.equal(dueAtFromDateInput('14/03/2025'), null);
  assert.equal(dueAtFromDateInput('2025-02-30'), null);
  assert.equal(dateInputValue(null), '');
  assert.equal(dateInputValue(undefined), '');
});

test('report order: overdue, then soonest due, no due date, completed last', () => {
  const line = (label: string, o: Partial<Urgency>): Urgency => ({ label, completed: false, overdue: false, due_at: null, ...o });
  const lines = [
    line('Done early', { completed: true, due_at: 1 }),
    line('No date', {}),
    line('Late', { overdue: true, due_at: 5 }),
    line('Next week', { due_at: 300 }),
    line('Tomorrow', { due_at: 200 }),
    line('Also no date', {}),
  ];
  assert.deepEqual(lines.sort(byUrgency).map((l) => l.label), ['Late', 'Tomorrow', 'Next week', 'Also no date', 'No date', 'Done early']);
});

test('CSV file names', () => {
  assert.equal(csvFileName('Forklift basics!', 'playlist'), 'forklift-basics-report.csv');
  assert.equal(csvFileName('Zoë Ñandú', 'person'), 'zoe-nandu-report.csv');
  assert.equal(csvFileName('日本', 'person'), 'person-report.csv');
});

test('a report says how many are assigned, done and overdue', () => {
  assert.equal(assignedSummary([]), '');
  const row = (completed: boolean, overdue: boolean) => ({ completed, overdue });
  assert.equal(assignedSummary([row(true, false), row(false, false)]), '2 assigned · 1 done');
  assert.equal(assignedSummary([row(true, false), row(false, true), row(false, true)]), '3 assigned · 1 done · 2 overdue');
});
