// Unit tests of the upload queue's rules (phases, turns, titles, what the bar says): `npm test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bytesBar,
  floorPercent,
  needsPage,
  next,
  PHASE_LINE,
  titlesFor,
  toStart,
  transcodeBar,
  UPLOADS_AT_ONCE,
  type Phase,
  type UploadEvent,
} from '../src/uploadQueue.ts';

function run(events: UploadEvent[], from: Phase = 'waiting'): Phase[] {
  const seen: Phase[] = [];
  let p = from;
  for (const ev of events) {
    p = next(p, ev);
    seen.push(p);
  }
  return seen;
}

test('a clip: waiting, uploading, then its video queued, transcoding and ready', () => {
  assert.deepEqual(
    run([
      { type: 'start' },
      { type: 'progress' },
      { type: 'progress' },
      { type: 'sent' },
      { type: 'video', status: 'queued' },
      { type: 'video', status: 'processing' },
      { type: 'video', status: 'processing' },
      { type: 'video', status: 'ready' },
    ]),
    ['starting', 'uploading', 'uploading', 'finishing', 'queued', 'transcoding', 'transcoding', 'ready'],
  );
});

test('a file that is not a video: uploaded, then failed, and it stays failed', () => {
  const seen = run([
    { type: 'start' },
    { type: 'progress' },
    { type: 'sent' },
    { type: 'video', status: 'failed' },
    { type: 'video', status: 'processing' },
    { type: 'cancel' },
    { type: 'resume' },
  ]);
  assert.deepEqual(seen.slice(3), ['failed', 'failed', 'failed', 'failed']);
});

test('pause and resume; bytes reported after Pause do not undo it', () => {
  assert.deepEqual(
    run([{ type: 'start' }, { type: 'progress' }, { type: 'pause' }, { type: 'progress' }, { type: 'resume' }, { type: 'progress' }]),
    ['starting', 'uploading', 'paused', 'paused', 'starting', 'uploading'],
  );
});

test('connection trouble: retrying, stopped, resumed', () => {
  assert.deepEqual(
    run([{ type: 'start' }, { type: 'progress' }, { type: 'retry' }, { type: 'error' }, { type: 'resume' }, { type: 'progress' }, { type: 'sent' }]),
    ['starting', 'uploading', 'starting', 'stopped', 'starting', 'uploading', 'finishing'],
  );
});

test('an upload that cannot begin fails; cancelling works until the bytes are in', () => {
  assert.equal(next('starting', { type: 'error', fatal: true }), 'failed');
  assert.equal(next('waiting', { type: 'cancel' }), 'cancelled');
  assert.equal(next('paused', { type: 'cancel' }), 'cancelled');
  assert.equal(next('transcoding', { type: 'cancel' }), 'transcoding');
  assert.equal(next('cancelled', { type: 'start' }), 'cancelled');
  // a video status before the bytes are in means nothing to the row
  assert.equal(next('uploading', { type: 'video', status: 'ready' }), 'uploading');
});

test('two at a time: the next waiting file starts when one frees its turn', () => {
  assert.equal(UPLOADS_AT_ONCE, 2);
  assert.deepEqual(toStart(['waiting', 'waiting', 'waiting']), [0, 1]);
  assert.deepEqual(toStart(['uploading', 'starting', 'waiting']), []);
  // transcoding, failed, paused and stopped rows hold no turn
  assert.deepEqual(toStart(['transcoding', 'uploading', 'waiting', 'waiting']), [2]);
  assert.deepEqual(toStart(['failed', 'stopped', 'paused', 'waiting', 'waiting']), [3, 4]);
  assert.deepEqual(toStart(['waiting'], 1), [0]);
});

test('what keeps the page: bytes not all in', () => {
  assert.deepEqual(
    (['waiting', 'uploading', 'paused', 'stopped', 'finishing', 'transcoding', 'ready', 'failed', 'cancelled'] as Phase[]).filter(needsPage),
    ['waiting', 'uploading', 'paused', 'stopped'],
  );
});

test('titles: one file takes the typed title, several are numbered or named after their files', () => {
  assert.deepEqual(titlesFor(1, ' Forklift '), ['Forklift']);
  assert.deepEqual(titlesFor(1, ''), ['']);
  assert.deepEqual(titlesFor(3, 'Week one'), ['Week one (1)', 'Week one (2)', 'Week one (3)']);
  assert.deepEqual(titlesFor(2, ''), ['', '']);
});

test('the bar never says 100% while bytes move, and always has a number', () => {
  const size = (n: number) => `${n} B`;
  assert.equal(floorPercent(0.996), '99%');
  assert.equal(floorPercent(1), '100%');
  assert.deepEqual(bytesBar('uploading', 996, 1000, size, '5 B/s'), { fraction: 0.99, text: 'Uploading 99% · 996 B of 1000 B · 5 B/s' });
  assert.equal(bytesBar('waiting', 0, 1000, size).text, 'Waiting to upload · 1000 B');
  assert.equal(bytesBar('paused', 500, 1000, size).text, 'Paused at 50% · 500 B of 1000 B');
  // the last chunk is sent, the server has not said "done" yet
  assert.deepEqual(bytesBar('uploading', 1000, 1000, size), { fraction: 0.99, text: 'Uploading 99% · 1000 B of 1000 B' });
});

test('after the upload: "Transcoding n%" from progress_pct, never 100% until ready', () => {
  assert.deepEqual(transcodeBar('queued', 0), { fraction: 0, text: 'Uploaded · waiting to transcode' });
  assert.deepEqual(transcodeBar(null, undefined), { fraction: 0, text: 'Uploaded · waiting to transcode' });
  assert.deepEqual(transcodeBar('processing', 0), { fraction: 0, text: 'Transcoding 0%' });
  assert.deepEqual(transcodeBar('processing', 42), { fraction: 0.42, text: 'Transcoding 42%' });
  assert.deepEqual(transcodeBar('processing', 100), { fraction: 0.99, text: 'Transcoding 99%' });
  assert.deepEqual(transcodeBar('ready', 100), { fraction: 1, text: 'Transcoded · ready' });
  for (const status of ['queued', 'processing', 'ready', 'failed'] as const) {
    assert.equal(typeof transcodeBar(status, 50).fraction, 'number');
  }
});

test('every phase has a status line', () => {
  for (const line of Object.values(PHASE_LINE)) assert.ok(line.endsWith('.') || line.endsWith('…'), line);
});
