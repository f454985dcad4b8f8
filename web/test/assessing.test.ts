// Unit tests of the quiz editor's and the reports' pure rules (src/assessing.ts): drafts from a
// quiz and back to the fields the server takes, the checks before saving, moments, time limits,
// scores and marks in words: `npm test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  acceptedAnswers,
  attemptsCount,
  byMoment,
  changeKind,
  clockText,
  draftOf,
  markPoints,
  newQuestion,
  parseClock,
  parseNumber,
  percentText,
  questionFields,
  questionProblem,
  scoreText,
  timeLimitMinutes,
  timeLimitSeconds,
} from '../src/assessing.ts';

test('clockText and parseClock: minutes and seconds both ways', () => {
  assert.equal(clockText(65), '1:05');
  assert.equal(clockText(65.9), '1:05');
  assert.equal(clockText(3723), '1:02:03');
  assert.equal(parseClock('1:05'), 65);
  assert.equal(parseClock(' 1:02:03 '), 3723);
  assert.equal(parseClock('65'), 65);
  assert.equal(parseClock('1:05.5'), 65.5);
  assert.equal(parseClock('1:5'), null);
  assert.equal(parseClock('9:99'), null);
  assert.equal(parseClock('1:75:00'), null);
  assert.equal(parseClock('75:00'), 4500);
  assert.equal(parseClock('soon'), null);
  assert.equal(parseClock(''), null);
});

test('draftOf: a stored question becomes the editor’s draft (right choices marked, moment as a clock)', () => {
  const d = draftOf(
    {
      id: 'q1',
      kind: 'single',
      prompt: 'Which fork?',
      choices: [
        { id: 'a', text: 'Left' },
        { id: 'b', text: 'Right' },
      ],
      key: { correct_choices: ['b'], accepted: [], tolerance: 0 },
      feedback: 'The right one.',
      points: 2,
      at_ms: 65_400,
    },
    7,
  );
  assert.equal(d.key, 7);
  assert.equal(d.id, 'q1');
  assert.deepEqual(d.choices.map((c) => [c.id, c.right]), [['a', false], ['b', true]]);
  assert.equal(d.points, '2');
  assert.equal(d.at, '1:05');
});

test('questionFields: right choices go as their positions, ids kept, other kinds’ keys empty', () => {
  const d = newQuestion(0, 'multiple');
  d.id = 'q1';
  d.prompt = '  Which are safe? ';
  d.choices = [
    { id: 'a', text: ' Helmet ', right: true },
    { text: 'Sandals', right: false },
    { text: 'Gloves', right: true },
  ];
  const f = questionFields(d, false);
  assert.equal(f.id, 'q1');
  assert.equal(f.prompt, 'Which are safe?');
  assert.deepEqual(f.choices, [{ id: 'a', text: 'Helmet' }, { text: 'Sandals' }, { text: 'Gloves' }]);
  assert.deepEqual(f.key?.correct_choices, ['0', '2']);
  assert.equal(f.key?.truth, null);
  assert.equal(f.at_ms, null);
});

test('questionFields: number, short answer, free text and a video’s moment', () => {
  const n = { ...newQuestion(0, 'number'), prompt: 'Max load?', number: '2,5', tolerance: '0.1', at: '0:42' };
  const nf = questionFields(n, true);
  assert.equal(nf.key?.number, 2.5);
  assert.equal(nf.key?.tolerance, 0.1);
  assert.equal(nf.at_ms, 42_000);
  assert.deepEqual(nf.choices, []);
  const s = { ...newQuestion(1, 'short_text'), prompt: 'Say it', accepted: ' forks up \n\n Forks up!\n' };
  assert.deepEqual(questionFields(s, false).key?.accepted, ['forks up', 'Forks up!']);
  const t = { ...newQuestion(2, 'true_false'), prompt: 'True?', truth: false };
  assert.equal(questionFields(t, false).key?.truth, false);
  const free = { ...newQuestion(3, 'free_text'), prompt: 'Explain' };
  assert.deepEqual(questionFields(free, false).key?.correct_choices, []);
});

test('questionProblem: each kind’s missing part, named with its question and field', () => {
  const q = newQuestion(0, 'single');
  assert.equal(questionProblem(q, 0, false)?.field, 'prompt');
  q.prompt = 'Which?';
  assert.deepEqual(questionProblem(q, 0, false), { message: 'Question 1: choice 1 is empty; write it or remove it.', field: 'choice-0' });
  q.choices = [
    { text: 'A', right: false },
    { text: 'B', right: false },
  ];
  assert.match(questionProblem(q, 0, false)!.message, /mark the one right choice/);
  q.choices[1]!.right = true;
  assert.equal(questionProblem(q, 0, false), null);
  q.points = '0';
  assert.equal(questionProblem(q, 0, false)?.field, 'points');
  q.points = '3';
  assert.equal(questionProblem(q, 2, true)?.field, 'at');
  q.at = '9:00';
  assert.match(questionProblem(q, 2, true, 120)!.message, /^Question 3: 9:00 is after the end of the video \(2:00\)/);
  q.at = '1:00';
  assert.equal(questionProblem(q, 2, true, 120), null);
  assert.equal(questionProblem({ ...newQuestion(1, 'true_false'), prompt: 'x' }, 0, false)?.field, 'truth');
  assert.equal(questionProblem({ ...newQuestion(1, 'number'), prompt: 'x' }, 0, false)?.field, 'number');
  assert.equal(questionProblem({ ...newQuestion(1, 'number'), prompt: 'x', number: '3', tolerance: '-1' }, 0, false)?.field, 'tolerance');
  assert.equal(questionProblem({ ...newQuestion(1, 'short_text'), prompt: 'x', accepted: ' \n ' }, 0, false)?.field, 'accepted');
  assert.equal(questionProblem({ ...newQuestion(1, 'free_text'), prompt: 'x' }, 0, false), null);
});

test('changeKind: choices kept between the choice kinds (one right for single), two new ones otherwise', () => {
  const m = newQuestion(0, 'multiple');
  m.choices = [
    { text: 'A', right: true },
    { text: 'B', right: true },
    { text: 'C', right: false },
  ];
  const s = changeKind(m, 'single');
  assert.deepEqual(s.choices.map((c) => c.right), [true, false, false]);
  assert.deepEqual(changeKind(newQuestion(1, 'free_text'), 'multiple').choices.length, 2);
  assert.deepEqual(changeKind(m, 'number').choices, []);
});

test('byMoment: a video’s questions by their moments, unreadable ones last', () => {
  const a = { ...newQuestion(0), at: '1:00' };
  const b = { ...newQuestion(1), at: '0:10' };
  const c = { ...newQuestion(2), at: '' };
  assert.deepEqual(byMoment([a, c, b]).map((d) => d.key), [1, 0, 2]);
});

test('time limits: minutes ↔ seconds, 30 s to a day, empty for none', () => {
  assert.deepEqual(timeLimitSeconds(''), { seconds: null });
  assert.deepEqual(timeLimitSeconds('10'), { seconds: 600 });
  assert.deepEqual(timeLimitSeconds('0.5'), { seconds: 30 });
  assert.ok('problem' in timeLimitSeconds('0.25'));
  assert.ok('problem' in timeLimitSeconds('1441'));
  assert.ok('problem' in timeLimitSeconds('ten'));
  assert.equal(timeLimitMinutes(null), '');
  assert.equal(timeLimitMinutes(600), '10');
  assert.equal(timeLimitMinutes(90), '1.5');
});

test('numbers, accepted answers, scores, percentages and marks in words', () => {
  assert.equal(parseNumber(' -2.5 '), -2.5);
  assert.equal(parseNumber('3,75'), 3.75);
  assert.equal(parseNumber('1e3'), 1000);
  assert.equal(parseNumber('two'), null);
  assert.equal(parseNumber(''), null);
  assert.deepEqual(acceptedAnswers('a\n\n b \n'), ['a', 'b']);
  assert.equal(scoreText(3, 4), '3 of 4 points (75%)');
  assert.equal(scoreText(2, 3), '2 of 3 points (66%)');
  assert.equal(scoreText(1, 1), '1 of 1 point (100%)');
  assert.equal(scoreText(0, 0), '0 points');
  assert.equal(percentText(66.7), '66.7%');
  assert.equal(percentText(100), '100%');
  assert.equal(percentText(null), '—');
  assert.equal(attemptsCount(1), '1 attempt');
  assert.equal(attemptsCount(2), '2 attempts');
  assert.deepEqual(markPoints('', 5), { points: null });
  assert.deepEqual(markPoints(' 3 ', 5), { points: 3 });
  assert.ok('problem' in markPoints('6', 5));
  assert.ok('problem' in markPoints('1.5', 5));
});
