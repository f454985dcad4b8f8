// Unit tests of the learner's rules (resume point, progress wording, next item, quality label,
// transcoding bar, handouts opening inline): `npm test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  aspectRatio,
  itemsProgress,
  itemStateText,
  nextItem,
  opensInline,
  overallProgress,
  progressCaption,
  qualityLabel,
  resumeAt,
  savedPosition,
  transcodeView,
  watchedText,
} from '../src/learning.ts';

test('resume: in the middle of a long video', () => {
  assert.equal(resumeAt(39.5, 120), 39.5);
  assert.equal(resumeAt(4, 120), null); // the first seconds: start over
  assert.equal(resumeAt(116, 120), null); // within 5 s of the end
  assert.equal(resumeAt(120, 120), null); // at the end
});

test('resume: a short clip keeps a smaller margin', () => {
  assert.equal(resumeAt(4, 10), 4); // 40% of a 10 s clip
  assert.equal(resumeAt(0.5, 10), null);
  assert.equal(resumeAt(9.2, 10), null);
  assert.equal(resumeAt(13, 13.01), null); // watched to the end: no "Resuming at 0:13"
  assert.equal(resumeAt(11.9, 13), null);
});

test('resume: unknown duration or position', () => {
  assert.equal(resumeAt(30, null), 30);
  assert.equal(resumeAt(3, null), null);
  assert.equal(resumeAt(null, 100), null);
  assert.equal(resumeAt(Number.NaN, 100), null);
});

test('saved position: the server first, this browser only as a fallback', () => {
  assert.equal(savedPosition({ position_s: 4.2 }, '30'), 4.2);
  assert.equal(savedPosition({ position_s: 0 }, '30'), 0);
  assert.equal(savedPosition(null, '30'), 30);
  assert.equal(savedPosition(undefined, null), null);
  assert.equal(savedPosition(null, 'junk'), null);
});

test('watched wording', () => {
  assert.equal(watchedText({ fraction: 0.394, completed: false }), 'Watched 39%');
  assert.equal(watchedText({ fraction: 0.96, completed: true }), '✓ Completed · watched 96%');
  assert.equal(watchedText({ fraction: 0, completed: false }), '');
  assert.equal(watchedText(null), '');
});

test('playlist progress counts partly watched videos', () => {
  assert.equal(overallProgress(0, 2, 0.2), 0.2);
  assert.equal(overallProgress(1, 2, undefined), 0.5);
  assert.equal(overallProgress(0, 0, undefined), 0);
  assert.equal(progressCaption(0, 2, 0.2), '0 of 2 done · 20%');
  assert.equal(progressCaption(1, 4), '1 of 4 done · 25%');
  assert.equal(itemsProgress([{ completed: true }, { completed: false, progress: 0.4 }, { completed: false }]), 1.4 / 3);
  assert.equal(itemsProgress([]), 0);
});

test('item states', () => {
  assert.equal(itemStateText({ kind: 'video', completed: false, progress: 0.4 }), 'Watched 40%');
  assert.equal(itemStateText({ kind: 'video', completed: true, progress: 1 }), 'Done');
  assert.equal(itemStateText({ kind: 'handout', completed: false, progress: 0 }), 'Not started');
  assert.equal(itemStateText({ kind: 'resource', completed: false }), 'Not started');
});

test('the next item after a video in a playlist', () => {
  const items = [
    { kind: 'video' as const, item_id: 'v1' },
    { kind: 'handout' as const, item_id: 'h1' },
    { kind: 'video' as const, item_id: 'v2' },
  ];
  assert.deepEqual(nextItem(items, 'v1'), items[1]);
  assert.equal(nextItem(items, 'v2'), null);
  assert.equal(nextItem(items, 'h1'), null); // not a video
  assert.equal(nextItem(items, 'nope'), null);
});

test('quality is the short side of the biggest rung', () => {
  assert.equal(qualityLabel([{ width: 320, height: 180, bandwidth: 1 }, { width: 1280, height: 720, bandwidth: 2 }]), 'up to 720p');
  assert.equal(qualityLabel([{ width: 406, height: 720, bandwidth: 1 }, { width: 720, height: 1280, bandwidth: 2 }]), 'up to 720p');
  assert.equal(qualityLabel([{ width: 0, height: 480, bandwidth: 1 }]), 'up to 480p'); // no width known: the height
  assert.equal(qualityLabel([]), '');
});

test('aspect ratio follows the upright size', () => {
  assert.equal(aspectRatio(720, 1280), '720 / 1280');
  assert.equal(aspectRatio(1920, 1080), '1920 / 1080');
  assert.equal(aspectRatio(null, 1080), null);
  assert.equal(aspectRatio(0, 0), null);
});

test('the transcoding bar never shows 100% while moving', () => {
  assert.deepEqual(transcodeView('queued', 0), { fraction: null, text: 'Waiting to be processed…' });
  assert.deepEqual(transcodeView('processing', 0), { fraction: null, text: 'Processing the video…' });
  assert.deepEqual(transcodeView('processing', 42), { fraction: 0.42, text: 'Processing the video… 42%' });
  assert.deepEqual(transcodeView('processing', 100), { fraction: 1, text: 'Finishing…' });
  for (const s of ['uploading', 'queued', 'processing', 'ready', 'failed'] as const) {
    for (const p of [0, 50, 100, null]) {
      const v = transcodeView(s, p);
      assert.ok(!(v.fraction === null && /100%/.test(v.text)), `${s} ${p}`);
    }
  }
});

test('PDFs and pictures open in the viewer', () => {
  assert.equal(opensInline('application/pdf'), true);
  assert.equal(opensInline('image/jpeg'), true);
  assert.equal(opensInline('Image/PNG; charset=binary'), true);
  assert.equal(opensInline('application/vnd.openxmlformats-officedocument.wordprocessingml.document'), false);
  assert.equal(opensInline('image/svg+xml'), false);
  assert.equal(opensInline(null), false);
});
