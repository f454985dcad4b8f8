// Small formatting helpers shared by the pages.

import type { Timestamp } from './api';

/** 1536 → "1.5 KB" (decimal units, as phones show file sizes). */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${n >= 100 || i === 0 ? Math.round(n) : n.toFixed(1)} ${units[i]}`;
}

/**
 * A stored size as the server says it (src/upload/quota.rs `size`, in its quota messages):
 * 1_500_000_000 → "1.5 GB", 320_000_000 → "320 MB", 2_500_000 → "2.5 MB", 12_000 → "12 kB".
 * Decimal units; one decimal for GB and below 10 MB; under 1 MB whole kB rounded up (1 → "1 kB",
 * 0 → "0 kB"). Negative counts as 0.
 */
export function formatSize(bytes: number): string {
  const b = Number.isFinite(bytes) ? Math.max(0, bytes) : 0;
  if (b >= 1e9) return `${fixed(b / 1e9, 1)} GB`;
  if (b >= 1e7) return `${fixed(b / 1e6, 0)} MB`;
  if (b >= 1e6) return `${fixed(b / 1e6, 1)} MB`;
  return `${Math.ceil(b / 1e3)} kB`;
}

/** `x` with `digits` decimals as Rust's `{:.N}` writes it: like toFixed, except that an exact
 *  tie goes to the even neighbour (Rust: 1.25 → "1.2", 12.5 → "12"; toFixed: "1.3", "13"). */
function fixed(x: number, digits: 0 | 1): string {
  const scale = 10 ** digits;
  const twice = Math.round(x * scale * 2);
  // x is exactly halfway between two candidates only if it equals twice / (2·scale) and that
  // fraction is a binary one (5^digits divides twice), so the division below is exact.
  if (twice % 2 === 1 && twice % 5 ** digits === 0 && twice / (2 * scale) === x) {
    const lower = (twice - 1) / 2;
    return ((lower % 2 === 0 ? lower : lower + 1) / scale).toFixed(digits);
  }
  return x.toFixed(digits);
}

/** 3723 → "1:02:03", 65 → "1:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** Unix milliseconds → Date (null when missing or unreadable). */
export function toDate(t: Timestamp | null | undefined): Date | null {
  if (t === null || t === undefined) return null;
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "12 Mar 2025" in the person's locale. */
export function formatDate(d: Date): string {
  return d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** "12 Mar 2025, 14:35" in the person's locale (for what expires within hours). */
export function formatDateTime(d: Date): string {
  return d.toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/** 0.426 → "43%". */
export function percent(fraction: number): string {
  return `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;
}

/** What a file is, in words, from its type and name: "PDF", "Picture (PNG)", "Video (MP4)",
 *  "DOCX document", "File". */
export function fileKindText(contentType: string | null | undefined, filename = ''): string {
  const type = (contentType ?? '').toLowerCase().split(';')[0]!.trim();
  const ext = /\.([a-z0-9]{1,8})$/i.exec(filename)?.[1]?.toUpperCase();
  const sub = type.includes('/') ? type.slice(type.indexOf('/') + 1).toUpperCase() : '';
  if (type === 'application/pdf') return 'PDF';
  if (type.startsWith('image/')) return `Picture (${ext ?? sub})`;
  if (type.startsWith('video/')) return `Video (${ext ?? sub})`;
  if (type.startsWith('audio/')) return `Sound (${ext ?? sub})`;
  if (type.startsWith('text/') && !ext) return 'Text';
  return ext ? `${ext} document` : 'File';
}
