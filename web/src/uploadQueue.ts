// The upload queue's rules, pure and unit-tested (test/uploadQueue.test.ts): each picked file is
// a row that goes waiting → uploading (paused, stopped, retried) → its video queued → transcoding
// n% → ready or failed (or cancelled); at most UPLOADS_AT_ONCE send bytes at a time, the others
// wait their turn, and a row that stops, fails or is paused frees its turn for the next. The
// row's one bar says where it is, and is never an unmoving 100% nor a stripe without a number.
// components/uploadPanel.ts draws a row, pages/upload.ts runs the queue.

import type { VideoStatus } from './api';

/** Two files send their bytes at once; more wait for a turn. */
export const UPLOADS_AT_ONCE = 2;

export type Phase =
  /** picked, waiting for a turn */
  | 'waiting'
  /** starting, resuming, or retrying after connection trouble */
  | 'starting'
  | 'uploading'
  | 'paused'
  /** the upload stopped with an error; Resume may continue it */
  | 'stopped'
  /** the bytes are in; asking which video they became */
  | 'finishing'
  /** the video waits for a transcoding worker */
  | 'queued'
  | 'transcoding'
  | 'ready'
  /** the server could not make a video of it (or the upload could not begin at all) */
  | 'failed'
  | 'cancelled';

export type UploadEvent =
  | { type: 'start' }
  | { type: 'progress' }
  | { type: 'retry' }
  | { type: 'pause' }
  | { type: 'resume' }
  /** `fatal`: nothing to resume (the upload could not begin) */
  | { type: 'error'; fatal?: boolean }
  /** every byte is in */
  | { type: 'sent' }
  /** the video, as GET /api/v1/videos/{id} says */
  | { type: 'video'; status: VideoStatus }
  | { type: 'cancel' };

const SENDING: Phase[] = ['starting', 'uploading', 'paused', 'stopped'];
const FOLLOWING: Phase[] = ['finishing', 'queued', 'transcoding'];
const OVER: Phase[] = ['ready', 'failed', 'cancelled'];

/** Where a row goes on an event; an event that does not apply leaves it where it is. */
export function next(phase: Phase, ev: UploadEvent): Phase {
  if (OVER.includes(phase)) return phase;
  switch (ev.type) {
    case 'start':
      return phase === 'waiting' ? 'starting' : phase;
    case 'progress':
      // bytes reported after Pause (tus finishing a chunk) do not undo the pause
      return phase === 'starting' || phase === 'uploading' || phase === 'stopped' ? 'uploading' : phase;
    case 'retry':
      return phase === 'uploading' || phase === 'starting' ? 'starting' : phase;
    case 'pause':
      return phase === 'uploading' || phase === 'starting' ? 'paused' : phase;
    case 'resume':
      return phase === 'paused' || phase === 'stopped' ? 'starting' : phase;
    case 'error':
      if (ev.fatal && (phase === 'waiting' || SENDING.includes(phase))) return 'failed';
      return phase === 'uploading' || phase === 'starting' ? 'stopped' : phase;
    case 'sent':
      return SENDING.includes(phase) ? 'finishing' : phase;
    case 'video':
      return FOLLOWING.includes(phase) ? videoPhase(ev.status) : phase;
    case 'cancel':
      return phase === 'waiting' || SENDING.includes(phase) ? 'cancelled' : phase;
  }
}

/** The video's status as a row's phase. */
export function videoPhase(status: VideoStatus): Phase {
  switch (status) {
    case 'uploading':
    case 'queued':
      return 'queued';
    case 'processing':
      return 'transcoding';
    case 'ready':
      return 'ready';
    case 'failed':
      return 'failed';
  }
}

/** Sending bytes now: holds one of the turns. */
export function holdsTurn(phase: Phase): boolean {
  return phase === 'starting' || phase === 'uploading';
}

/** Its bytes are not all in yet: leaving the page would lose (or pause) it. */
export function needsPage(phase: Phase): boolean {
  return phase === 'waiting' || SENDING.includes(phase);
}

/** Which waiting rows start now (their indexes, oldest first): as many as there are free turns. */
export function toStart(phases: readonly Phase[], limit = UPLOADS_AT_ONCE): number[] {
  let free = limit - phases.filter(holdsTurn).length;
  const out: number[] = [];
  phases.forEach((p, i) => {
    if (p === 'waiting' && free > 0) {
      out.push(i);
      free--;
    }
  });
  return out;
}

/** The title each file gets: one file takes the typed title (empty: the server names it after the
 *  file); several take "Title (1)", "Title (2)"… or, with no title typed, their file names. */
export function titlesFor(count: number, typed: string): string[] {
  const t = typed.trim();
  if (count === 1) return [t];
  return Array.from({ length: count }, (_, i) => (t ? `${t} (${i + 1})` : ''));
}

export interface BarView {
  /** 0 to 1 (never null: the bar always has a number) */
  fraction: number;
  text: string;
}

/** 0.996 → "99%": a bar still moving never says 100%. */
export function floorPercent(fraction: number): string {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return `${Math.floor(f * 100)}%`;
}

/** `size(bytes)` formats sizes ("1.2 MB"); `rate` is "2.1 MB/s" or "". */
export function bytesBar(phase: Phase, sent: number, total: number, size: (n: number) => string, rate = ''): BarView {
  // every byte sent is not yet every byte stored: 99% until the server says the upload is done
  const f = total > 0 ? Math.min(0.99, sent / total) : 0;
  const amount = `${size(sent)} of ${size(total)}`;
  switch (phase) {
    case 'waiting':
      return { fraction: 0, text: `Waiting to upload · ${size(total)}` };
    case 'paused':
      return { fraction: f, text: `Paused at ${floorPercent(f)} · ${amount}` };
    case 'stopped':
      return { fraction: f, text: `Stopped at ${floorPercent(f)} · ${amount}` };
    default:
      return { fraction: f, text: `Uploading ${floorPercent(f)} · ${amount}${rate ? ` · ${rate}` : ''}` };
  }
}

/** The bar once the bytes are in: "Transcoding 42%" from the video's `progress_pct`. */
export function transcodeBar(status: VideoStatus | null, progressPct: number | null | undefined): BarView {
  if (status === 'ready') return { fraction: 1, text: 'Transcoded · ready' };
  if (status === 'processing') {
    const pct = typeof progressPct === 'number' && Number.isFinite(progressPct) ? Math.min(99, Math.max(0, Math.floor(progressPct))) : 0;
    return { fraction: pct / 100, text: `Transcoding ${pct}%` };
  }
  if (status === 'failed') return { fraction: 0, text: 'Could not be transcoded' };
  return { fraction: 0, text: 'Uploaded · waiting to transcode' };
}

/** The row's status line: what is happening, in a sentence (announced when it changes). */
export const PHASE_LINE: Record<Phase, string> = {
  waiting: 'Waiting for its turn…',
  starting: 'Starting…',
  uploading: 'Uploading…',
  paused: 'Paused. Tap Resume to continue.',
  stopped: 'The upload stopped.',
  finishing: 'Uploaded. Preparing the video…',
  queued: 'Uploaded. Waiting to be transcoded…',
  transcoding: 'Uploaded. Transcoding…',
  ready: 'Ready to watch.',
  failed: 'This file could not be made into a video.',
  cancelled: 'Upload cancelled.',
};
