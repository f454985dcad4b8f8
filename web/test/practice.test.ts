// Unit tests of active learning's pure rules (src/practice.ts): threads of comments, marks on a
// time bar, scores in words, the rubric's checks, notification kinds in words: `npm test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attemptsText, inboxLabel, kindsPhrase, markFraction, momentText, practiceStatusText, rubricProblem, scoreLines, scoresLongText, scoresText, scoreSummary, threads } from '../src/practice.ts';

const c = (id: string, parent_id: string | null, created_at: number, at_s: number | null = null) => ({ id, parent_id, created_at, at_s });

test('momentText: "at 0:07", nothing without a time', () => {
  assert.equal(momentText(7.4), 'at 0:07');
  assert.equal(momentText(62), 'at 1:02');
  assert.equal(momentText(null), '');
  assert.equal(momentText(undefined), '');
});

test('threads: replies (and replies to replies) under their top comment, oldest first', () => {
  const list = [c('a', null, 1), c('b', null, 2), c('r1', 'a', 3), c('r2', 'r1', 4), c('r3', 'b', 5)];
  const t = threads(list);
  assert.deepEqual(t.map((x) => x.comment.id), ['a', 'b']);
  assert.deepEqual(t[0]!.replies.map((x) => x.id), ['r1', 'r2']);
  assert.deepEqual(t[1]!.replies.map((x) => x.id), ['r3']);
});

test('threads: a reply whose parent is gone stands alone; byMoment sorts pinned ones by time', () => {
  const list = [c('a', null, 1, 9), c('orphan', 'gone', 2), c('b', null, 3, 2)];
  assert.deepEqual(threads(list).map((x) => x.comment.id), ['a', 'orphan', 'b']);
  assert.deepEqual(threads(list, true).map((x) => x.comment.id), ['b', 'a', 'orphan']);
});

test('markFraction: where a moment sits on the bar, clamped; null without a duration', () => {
  assert.equal(markFraction(1, 4), 0.25);
  assert.equal(markFraction(9, 4), 1);
  assert.equal(markFraction(-1, 4), 0);
  assert.equal(markFraction(1, 0), null);
  assert.equal(markFraction(null, 4), null);
  assert.equal(markFraction(1, Number.NaN), null);
});

test('scoreLines and scoreSummary: in the rubric order, named, unknown ones skipped', () => {
  const levels = [{ name: 'Not yet' }, { name: 'Nearly' }, { name: 'Meets' }];
  const rubric = [
    { id: 'x', name: 'Greeting', levels },
    { id: 'y', name: 'Safety', levels },
    { id: 'z', name: 'Closing', levels },
  ];
  const lines = scoreLines(rubric, { y: 2, x: 0, z: 7, gone: 1 });
  assert.deepEqual(lines, [
    { criterion: 'Greeting', level: 'Not yet', points: 1, outOf: 3 },
    { criterion: 'Safety', level: 'Meets', points: 3, outOf: 3 },
  ]);
  assert.equal(scoreSummary(lines), 'Scored 2 criteria: 1 at the top level');
  assert.equal(scoreSummary([]), '');
  assert.deepEqual(scoreLines(rubric, null), []);
});

test('rubricProblem: names, 2 to 6 levels, at least one criterion', () => {
  const lv = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `L${i}` }));
  assert.equal(rubricProblem([]), 'Add at least one criterion to the rubric.');
  assert.equal(rubricProblem([{ name: ' ', levels: lv(3) }]), 'Criterion 1 needs a name.');
  assert.equal(rubricProblem([{ name: 'Tone', levels: lv(1) }]), '“Tone” needs 2 to 6 levels.');
  assert.equal(rubricProblem([{ name: 'Tone', levels: [{ name: 'a' }, { name: '' }] }]), 'Every level of “Tone” needs a name.');
  assert.equal(rubricProblem([{ name: 'Tone', levels: lv(6) }]), null);
});

test('kindsPhrase and inboxLabel', () => {
  assert.equal(kindsPhrase(['reply']), 'replies to your comments');
  assert.equal(kindsPhrase(['reply', 'mention', 'feedback']), 'replies to your comments, mentions and feedback on your practice');
  assert.equal(inboxLabel(0), 'Inbox');
  assert.equal(inboxLabel(3), 'Inbox, 3 unread');
});

test('a practice state in reports: status in words, attempts, latest scores compact and spoken', () => {
  assert.equal(practiceStatusText(null), 'Not started');
  assert.equal(practiceStatusText(undefined), 'Not started');
  assert.equal(practiceStatusText('waiting'), 'Waiting for review');
  assert.equal(practiceStatusText('needs_work'), 'Needs another attempt');
  assert.equal(practiceStatusText('done'), 'Done');
  assert.equal(attemptsText(0), 'No attempts');
  assert.equal(attemptsText(1), '1 attempt');
  assert.equal(attemptsText(3), '3 attempts');
  const scores = [
    { criterion: 'Eye contact', level: 'Meets the standard', points: 3, out_of: 3 },
    { criterion: 'Tone', level: 'Nearly', points: 2, out_of: 3 },
  ];
  assert.equal(scoresText(scores), 'Eye contact 3/3 · Tone 2/3');
  assert.equal(scoresText([]), '');
  assert.equal(scoresText(null), '');
  assert.equal(scoresLongText(scores), 'Eye contact: Meets the standard, 3 of 3; Tone: Nearly, 2 of 3');
});
