// Unit tests of the watched-interval bookkeeping (no browser needed): `npm test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WatchedIntervals } from '../src/watchTracker.ts';

const STEP = 3;

function play(w: WatchedIntervals, from: number, to: number, every = 0.25): void {
  for (let t = from; t <= to + 1e-9; t += every) w.tick(Math.round(t * 100) / 100, STEP);
}

test('continuous playback is one interval', () => {
  const w = new WatchedIntervals();
  play(w, 0, 10);
  assert.deepEqual(w.take(), [[0, 10]]);
});

test('seeking closes the interval, so the jump is not counted', () => {
  const w = new WatchedIntervals();
  play(w, 0, 5);
  w.cut(); // seeking
  play(w, 50, 52);
  assert.deepEqual(w.take(), [
    [0, 5],
    [50, 52],
  ]);
});

test('a jump without a seeking event still starts a new interval', () => {
  const w = new WatchedIntervals();
  play(w, 0, 5);
  play(w, 90, 91);
  assert.deepEqual(w.take(), [
    [0, 5],
    [90, 91],
  ]);
});

test('going backwards starts a new interval', () => {
  const w = new WatchedIntervals();
  play(w, 10, 20);
  play(w, 12, 14);
  assert.deepEqual(w.take(), [
    [10, 20],
    [12, 14],
  ]);
});

test('take() reports the open interval and carries on from its end', () => {
  const w = new WatchedIntervals();
  play(w, 0, 4);
  assert.deepEqual(w.take(), [[0, 4]]);
  play(w, 4.25, 8);
  assert.deepEqual(w.take(), [[4, 8]]);
  assert.deepEqual(w.take(), []);
});

test('zero-length intervals (a seek while paused) are not reported', () => {
  const w = new WatchedIntervals();
  w.tick(30, STEP);
  w.cut();
  w.tick(60, STEP);
  assert.deepEqual(w.take(), []);
});

test('restore() puts back spans of a failed report before newer ones', () => {
  const w = new WatchedIntervals();
  play(w, 0, 3);
  const failed = w.take();
  w.cut();
  play(w, 20, 21);
  w.cut();
  w.restore(failed);
  assert.deepEqual(w.take(), [
    [0, 3],
    [20, 21],
  ]);
});
