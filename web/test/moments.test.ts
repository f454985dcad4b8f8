// Unit tests of a video's moments (chapters, the cards due at a time), where a video starts
// (?t=) and how a search hit's time reads: `npm test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardsDue, chapterIndexAt, chapters, clock, clockField, hitTimeText, isCard, parseStartParam, sortedMoments, videoHref } from '../src/moments.ts';

const chapter = (at_s: number, title: string) => ({ at_s, title, kind: 'chapter', handout_id: null, resource_id: null });
const handout = (at_s: number, title: string, id = 'h1') => ({ at_s, title, kind: 'handout', handout_id: id, resource_id: null });
const resource = (at_s: number, title: string, id = 'r1') => ({ at_s, title, kind: 'resource', handout_id: null, resource_id: id });

test('clock: minutes and seconds, hours when there are some', () => {
  assert.equal(clock(0), '0:00');
  assert.equal(clock(42.9), '0:42');
  assert.equal(clock(130), '2:10');
  assert.equal(clock(3723), '1:02:03');
  assert.equal(clock(-5), '0:00');
  assert.equal(clock(Number.NaN), '0:00');
});

test('clockField: what the moments editor writes, read back by parseStartParam', () => {
  assert.equal(clockField(130), '2:10');
  assert.equal(clockField(130.5), '2:10.5');
  assert.equal(clockField(130.257), '2:10.26');
  assert.equal(clockField(59.999), '1:00'); // rounds up into the next second
  assert.equal(clockField(3723.05), '1:02:03.05');
  for (const t of [0, 7.5, 130.25, 3723.05]) assert.equal(parseStartParam(clockField(t)), t);
});

test('moments in time order, those outside the video left out', () => {
  const list = [chapter(20, 'b'), chapter(5, 'a'), chapter(20, 'b2'), chapter(-1, 'before'), chapter(99, 'after')];
  assert.deepEqual(sortedMoments(list, 60).map((m) => m.title), ['a', 'b', 'b2']);
  assert.deepEqual(sortedMoments(list).map((m) => m.title), ['a', 'b', 'b2', 'after']); // length unknown
});

test('chapters run to the next moment, the last to the end', () => {
  const list = chapters([handout(130, 'Open the checklist'), chapter(0, 'Intro'), chapter(60, 'Brakes')], 200);
  assert.deepEqual(
    list.map((c) => [c.start, c.end, c.title]),
    [
      [0, 60, 'Intro'],
      [60, 130, 'Brakes'],
      [130, 200, 'Open the checklist'],
    ],
  );
  assert.equal(list[2]!.moment.kind, 'handout');
  assert.deepEqual(chapters([], 10), []);
});

test('chapters: moments at the same time make one; an unknown length ends an hour later', () => {
  const list = chapters([chapter(10, 'first'), resource(10, 'second'), chapter(30, 'third')]);
  assert.deepEqual(list.map((c) => [c.start, c.end, c.title]), [
    [10, 30, 'first'],
    [30, 3630, 'third'],
  ]);
});

test('the chapter playing at a time', () => {
  const list = chapters([chapter(10, 'a'), chapter(30, 'b')], 60);
  assert.equal(chapterIndexAt(list, 0), -1);
  assert.equal(chapterIndexAt(list, 10), 0);
  assert.equal(chapterIndexAt(list, 29.9), 0);
  assert.equal(chapterIndexAt(list, 30), 1);
  assert.equal(chapterIndexAt(list, 60), 1);
});

test('cards: handout and resource moments with something to open', () => {
  assert.equal(isCard(handout(1, 'x')), true);
  assert.equal(isCard(resource(1, 'x')), true);
  assert.equal(isCard(chapter(1, 'x')), false);
  assert.equal(isCard({ at_s: 1, title: 'x', kind: 'handout', handout_id: null }), false);
});

test('cards due: once playback reaches them, the latest first; gone again before their time', () => {
  const list = [chapter(0, 'Intro'), handout(130, 'Open the checklist'), resource(60, 'Read the guide'), handout(200, 'Later')];
  assert.deepEqual(cardsDue(list, 30), []);
  assert.deepEqual(cardsDue(list, 59.8).map((m) => m.title), ['Read the guide']); // a timeupdate early
  assert.deepEqual(cardsDue(list, 59.7), []);
  assert.deepEqual(cardsDue(list, 130).map((m) => m.title), ['Open the checklist', 'Read the guide']);
  assert.deepEqual(cardsDue(list, 500).map((m) => m.title), ['Later', 'Open the checklist', 'Read the guide']);
  assert.deepEqual(cardsDue(list, 10), []); // sought back
  assert.deepEqual(cardsDue(list, Number.NaN), []);
});

test('?t=: seconds or a clock time; capped at the end; nonsense ignored', () => {
  assert.equal(parseStartParam('42.5'), 42.5);
  assert.equal(parseStartParam('42s'), 42);
  assert.equal(parseStartParam('1:02'), 62);
  assert.equal(parseStartParam('1:02:03'), 3723);
  assert.equal(parseStartParam(' 7 '), 7);
  assert.equal(parseStartParam('0'), 0);
  assert.equal(parseStartParam('500', 120), 120);
  assert.equal(parseStartParam(null), null);
  assert.equal(parseStartParam(''), null);
  assert.equal(parseStartParam('-3'), null);
  assert.equal(parseStartParam('abc'), null);
  assert.equal(parseStartParam('1e3'), null);
});

test('a video at a time: the address and the words of a search hit', () => {
  assert.equal(videoHref('v 1'), '/videos/v%201');
  assert.equal(videoHref('v1', 42.46), '/videos/v1?t=42.4'); // a little before the cue, never after
  assert.equal(videoHref('v1', 0), '/videos/v1?t=0');
  assert.equal(videoHref('v1', null), '/videos/v1');
  assert.equal(hitTimeText(42.5), 'at 0:42 in the captions');
  assert.equal(hitTimeText(null), '');
  assert.equal(hitTimeText(undefined), '');
});
