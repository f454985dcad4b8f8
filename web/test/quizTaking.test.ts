// Unit tests of taking a quiz, the pure parts (src/quizTaking.ts): answers from what the controls
// hold, numbers as typed, answers and right answers in words, where an attempt goes on, the
// countdown, scores, and which question a video asks as playback moves: `npm test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  answerText,
  attemptsText,
  countdownText,
  countdownWords,
  EMPTY_DRAFT,
  firstUnanswered,
  limitText,
  parseNumber,
  percentOf,
  questionDue,
  questionsInVideoText,
  responseFrom,
  rightAnswerText,
  scoreText,
  verdictText,
} from '../src/quizTaking.ts';

const choices = [
  { id: 'a', text: 'Green' },
  { id: 'b', text: 'Red' },
  { id: 'c', text: 'Blue' },
];
const key = (k: object) => ({ correct_choices: [], truth: null, number: null, tolerance: 0, accepted: [], ...k });

test('parseNumber: decimal commas and dots, spaces and thousands; nonsense is null', () => {
  assert.equal(parseNumber('12'), 12);
  assert.equal(parseNumber(' 12.5 '), 12.5);
  assert.equal(parseNumber('12,5'), 12.5);
  assert.equal(parseNumber('-0,25'), -0.25);
  assert.equal(parseNumber('1 000'), 1000);
  assert.equal(parseNumber('1,000.5'), 1000.5);
  assert.equal(parseNumber('.5'), 0.5);
  assert.equal(parseNumber('−3'), -3);
  assert.equal(parseNumber(''), null);
  assert.equal(parseNumber('twelve'), null);
  assert.equal(parseNumber('1.2.3'), null);
  assert.equal(parseNumber('12 kg'), null);
  assert.equal(parseNumber('Infinity'), null);
});

test('responseFrom: each kind answers its own field, or says what is missing', () => {
  assert.deepEqual(responseFrom('single', { ...EMPTY_DRAFT, choices: ['b'] }), { response: { choices: ['b'] } });
  assert.deepEqual(responseFrom('single', EMPTY_DRAFT), { problem: 'Choose an answer.' });
  assert.deepEqual(responseFrom('multiple', { ...EMPTY_DRAFT, choices: ['a', 'c'] }), { response: { choices: ['a', 'c'] } });
  assert.deepEqual(responseFrom('multiple', EMPTY_DRAFT), { problem: 'Choose at least one answer.' });
  assert.deepEqual(responseFrom('true_false', { ...EMPTY_DRAFT, truth: false }), { response: { truth: false } });
  assert.deepEqual(responseFrom('true_false', EMPTY_DRAFT), { problem: 'Choose True or False.' });
  assert.deepEqual(responseFrom('number', { ...EMPTY_DRAFT, number: '3,5' }), { response: { number: 3.5 } });
  assert.ok('problem' in responseFrom('number', { ...EMPTY_DRAFT, number: 'abc' }));
  assert.deepEqual(responseFrom('number', { ...EMPTY_DRAFT, number: '  ' }), { problem: 'Type a number.' });
  assert.deepEqual(responseFrom('short_text', { ...EMPTY_DRAFT, text: '  lock out  ' }), { response: { text: 'lock out' } });
  assert.deepEqual(responseFrom('free_text', { ...EMPTY_DRAFT, text: ' ' }), { problem: 'Write an answer.' });
});

test('answerText and rightAnswerText: in words, by kind; no key before submitting', () => {
  const given = (response: object) => ({ response: { choices: [], truth: null, number: null, text: null, ...response }, correct: false, points: 0, comment: '' });
  assert.equal(answerText({ kind: 'multiple', choices, answer: given({ choices: ['c', 'a'] }) }), 'Blue; Green');
  assert.equal(answerText({ kind: 'true_false', choices: [], answer: given({ truth: false }) }), 'False');
  assert.equal(answerText({ kind: 'number', choices: [], answer: given({ number: 0.1 + 0.2 }) }), '0.3');
  assert.equal(answerText({ kind: 'short_text', choices: [], answer: given({ text: 'loto' }) }), 'loto');
  assert.equal(answerText({ kind: 'single', choices, answer: null }), '');

  assert.equal(rightAnswerText({ kind: 'single', choices, key: null }), null);
  assert.equal(rightAnswerText({ kind: 'single', choices, key: key({ correct_choices: ['b'] }) }), 'Red');
  assert.equal(rightAnswerText({ kind: 'true_false', choices: [], key: key({ truth: true }) }), 'True');
  assert.equal(rightAnswerText({ kind: 'number', choices: [], key: key({ number: 12.5 }) }), '12.5');
  assert.equal(rightAnswerText({ kind: 'number', choices: [], key: key({ number: 10, tolerance: 0.5 }) }), '10 (give or take 0.5)');
  assert.equal(rightAnswerText({ kind: 'short_text', choices: [], key: key({ accepted: ['Lock out', 'LOTO'] }) }), 'Lock out or LOTO');
  assert.equal(rightAnswerText({ kind: 'free_text', choices: [], key: key({}) }), null);
});

test('verdictText: right, not quite, and a written answer waiting for a trainer', () => {
  assert.equal(verdictText(true), 'Right');
  assert.equal(verdictText(false), 'Not quite');
  assert.match(verdictText(null), /trainer will mark/);
  assert.equal(verdictText(null, true), 'Waiting for a trainer’s mark');
});

test('firstUnanswered: where an attempt goes on', () => {
  const a = { answer: { response: {}, correct: true, points: 1, comment: '' } };
  const none = { answer: null };
  assert.equal(firstUnanswered([a, none, none]), 1);
  assert.equal(firstUnanswered([none, a]), 0);
  assert.equal(firstUnanswered([a, a]), 2);
});

test('countdown, limits, scores and attempts in words', () => {
  assert.equal(countdownText(245_000), '4:05');
  assert.equal(countdownText(244_100), '4:05');
  assert.equal(countdownText(3_723_000), '1:02:03');
  assert.equal(countdownText(-5), '0:00');
  assert.equal(countdownWords(300_000), '5 minutes left');
  assert.equal(countdownWords(60_000), '1 minute left');
  assert.equal(countdownWords(10_000), '10 seconds left');
  assert.equal(limitText(90), '1 minute 30 seconds');
  assert.equal(limitText(1800), '30 minutes');
  assert.equal(limitText(3600), '1 hour');
  assert.equal(percentOf(2, 3), 66);
  assert.equal(percentOf(0, 0), 100);
  assert.equal(scoreText(2, 3), '2 of 3 points (66%)');
  assert.equal(scoreText(1, 1), '1 of 1 point (100%)');
  assert.equal(attemptsText(1, 3), '1 of 3 used');
  assert.equal(attemptsText(0, 0), 'None yet, no limit');
  assert.equal(attemptsText(2, 0), '2 so far, no limit');
  assert.equal(questionsInVideoText(1), '1 question in this video');
  assert.equal(questionsInVideoText(2), '2 questions in this video');
});

test('questionDue: asked when playback crosses its moment, also by a jump; never when answered', () => {
  const qs = [
    { id: 'q1', at_ms: 2000 },
    { id: 'q2', at_ms: 5000 },
    { id: 'q0', at_ms: 0 },
  ];
  const none = () => false;
  assert.equal(questionDue(qs, -1, 0.2, none)?.id, 'q0');
  assert.equal(questionDue(qs, 0, 1.75, none), null);
  assert.equal(questionDue(qs, 1.75, 2.0, none)?.id, 'q1');
  assert.equal(questionDue(qs, 1.75, 1.96, none)?.id, 'q1'); // a hair early
  // a jump from 1 s to 8 s asks the first one it passed over first
  assert.equal(questionDue(qs, 1, 8, none)?.id, 'q1');
  assert.equal(questionDue(qs, 2, 8, none)?.id, 'q2');
  // answered: not asked again
  assert.equal(questionDue(qs, 1, 8, (q) => q.id === 'q1')?.id, 'q2');
  // going back asks nothing
  assert.equal(questionDue(qs, 8, 1, none), null);
  assert.equal(questionDue(qs, 3, 3, none), null);
});
