// Pure rules of the learner's screens, unit-tested in test/learning.test.ts (no DOM here):
// where to resume a video, how progress reads, which playlist item comes next, how a video's
// size and transcoding are shown, which handouts open in the phone's viewer.

import type { EntryKind, Rendition, VideoStatus } from './api';

/** 0.426 → "43%" (the same as format.ts, kept here so this module stands alone). */
function pct(fraction: number): string {
  return `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;
}

// --- resuming -------------------------------------------------------------------------------

/**
 * Where to start a video the person watched before, or null to start at 0:00: not for a position
 * in the first seconds (nothing to skip) nor one at or within a few seconds of the end (watched
 * to the end: starting there would show the last frame). "A few seconds" shrinks for short
 * clips: at most 5 s, at least 1 s, a tenth of the length in between.
 */
export function resumeAt(position: number | null | undefined, duration: number | null | undefined): number | null {
  if (typeof position !== 'number' || !Number.isFinite(position)) return null;
  const known = typeof duration === 'number' && Number.isFinite(duration) && duration > 0;
  const margin = known ? Math.min(5, Math.max(1, duration * 0.1)) : 5;
  if (position < margin) return null;
  if (known && position >= duration - margin) return null;
  return position;
}

/** The position to resume from: the server's (any device) when it has one, else this browser's. */
export function savedPosition(server: { position_s: number } | null | undefined, local: string | null): number | null {
  if (server && typeof server.position_s === 'number') return server.position_s;
  const n = local === null ? NaN : Number(local);
  return Number.isFinite(n) ? n : null;
}

/** "✓ Completed · watched 95%", "Watched 40%", or '' before any watching. */
export function watchedText(p: { fraction: number; completed: boolean } | null | undefined): string {
  if (!p) return '';
  if (p.completed) return `✓ Completed · watched ${pct(p.fraction)}`;
  return p.fraction > 0 ? `Watched ${pct(p.fraction)}` : '';
}

// --- progress on playlists -----------------------------------------------------------------------

/** The share done: the server's `progress` (partly watched videos count by the share watched)
 *  when it sends one, else completed items over all. */
export function overallProgress(done: number, total: number, progress?: number | null): number {
  if (typeof progress === 'number' && Number.isFinite(progress)) return Math.min(1, Math.max(0, progress));
  return total > 0 ? done / total : 0;
}

/** "1 of 3 done · 47%" */
export function progressCaption(done: number, total: number, progress?: number | null): string {
  return `${done} of ${total} done · ${pct(overallProgress(done, total, progress))}`;
}

/** One item's state in words: "Done", "Watched 40%", "Opened"… or "Not started". */
export function itemStateText(item: { kind: EntryKind; completed: boolean; progress?: number | null }): string {
  if (item.completed) return 'Done';
  const p = typeof item.progress === 'number' ? item.progress : 0;
  if (p > 0) return item.kind === 'video' ? `Watched ${pct(p)}` : `${pct(p)} done`;
  return 'Not started';
}

/** The partial progress of a playlist's items, averaged (completed items count fully). */
export function itemsProgress(items: { completed: boolean; progress?: number | null }[]): number {
  if (items.length === 0) return 0;
  const sum = items.reduce((s, i) => s + (i.completed ? 1 : Math.min(1, Math.max(0, i.progress ?? 0))), 0);
  return sum / items.length;
}

/** The item after the video `videoId` in a playlist (its first entry), or null at the end. */
export function nextItem<T extends { kind: string; item_id: string }>(items: T[], videoId: string): T | null {
  const at = items.findIndex((i) => i.kind === 'video' && i.item_id === videoId);
  return at >= 0 && at + 1 < items.length ? items[at + 1]! : null;
}

// --- videos ----------------------------------------------------------------------------------

/** "up to 720p": the short side of the biggest rung (a portrait video's 720×1280 rung is 720p). */
export function qualityLabel(renditions: Rendition[]): string {
  let best = 0;
  let bestLines = 0;
  for (const r of renditions) {
    const w = typeof r.width === 'number' && r.width > 0 ? r.width : r.height;
    const area = w * r.height;
    if (area > best) {
      best = area;
      bestLines = Math.min(w, r.height);
    }
  }
  return bestLines > 0 ? `up to ${bestLines}p` : '';
}

/** The CSS aspect-ratio of a video of this upright size ("9 / 16" tall), or null when unknown. */
export function aspectRatio(width: number | null | undefined, height: number | null | undefined): string | null {
  if (!width || !height || width <= 0 || height <= 0) return null;
  return `${width} / ${height}`;
}

/** What the processing bar shows: a fraction (null: moving, amount unknown) and a sentence.
 *  Never "100%" with a moving bar: at 100% the last pieces are being written. */
export function transcodeView(status: VideoStatus, progressPct: number | null | undefined): { fraction: number | null; text: string } {
  switch (status) {
    case 'uploading':
      return { fraction: null, text: 'The upload has not finished yet.' };
    case 'queued':
      return { fraction: null, text: 'Waiting to be processed…' };
    case 'processing': {
      if (typeof progressPct !== 'number' || !Number.isFinite(progressPct) || progressPct <= 0) {
        return { fraction: null, text: 'Processing the video…' };
      }
      if (progressPct >= 100) return { fraction: 1, text: 'Finishing…' };
      const f = progressPct / 100;
      return { fraction: f, text: `Processing the video… ${pct(f)}` };
    }
    case 'ready':
      return { fraction: 1, text: 'Ready.' };
    case 'failed':
      return { fraction: null, text: 'This video could not be processed.' };
  }
}

/** Status words for a list of uploads. */
export const STATUS_LABEL: Record<VideoStatus, string> = {
  uploading: 'Uploading',
  queued: 'Waiting',
  processing: 'Processing',
  ready: 'Ready',
  failed: 'Failed',
};

// --- handouts --------------------------------------------------------------------------------

/** PDFs and pictures open in the phone's own viewer; other documents download. */
export function opensInline(contentType: string | null | undefined): boolean {
  const t = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return t === 'application/pdf' || /^image\/(png|jpeg|gif|webp)$/.test(t);
}
