// Moments of a video, pure and unit-tested (test/moments.test.ts): every moment is a chapter mark
// on the time bar and a line of the chapter list; a handout or resource moment is also a card
// shown beside the video once playback reaches its time. Also where a video starts (?t= over the
// saved position) and how a search hit's time reads.

/** 42.5 → "0:42", 3723 → "1:02:03" (format.ts's formatDuration, kept here so this module stands
 *  alone under node --test). */
export function clock(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** A time for a field people edit: 130 → "2:10", 130.5 → "2:10.5", 130.257 → "2:10.26"
 *  (parseStartParam reads it back). */
export function clockField(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.max(0, seconds) : 0;
  let whole = Math.floor(s);
  let hundredths = Math.round((s - whole) * 100);
  if (hundredths === 100) {
    whole += 1;
    hundredths = 0;
  }
  return hundredths ? `${clock(whole)}.${String(hundredths).padStart(2, '0').replace(/0$/, '')}` : clock(whole);
}

/** What this module needs of the server's `Moment`. */
export interface MomentLike {
  at_s: number;
  title: string;
  kind: string;
  handout_id?: string | null;
  resource_id?: string | null;
}

export interface Chapter<M extends MomentLike = MomentLike> {
  start: number;
  end: number;
  title: string;
  moment: M;
}

/** The moments by time (the first of equal times first), without those outside the video. */
export function sortedMoments<M extends MomentLike>(moments: readonly M[], duration?: number | null): M[] {
  const known = typeof duration === 'number' && Number.isFinite(duration) && duration > 0;
  return moments
    .map((m, i) => [m, i] as const)
    .filter(([m]) => Number.isFinite(m.at_s) && m.at_s >= 0 && (!known || m.at_s <= duration))
    .sort((a, b) => a[0].at_s - b[0].at_s || a[1] - b[1])
    .map(([m]) => m);
}

/**
 * The chapters: each moment runs to the next one (or the end of the video; without a known
 * length, an hour past the last moment). Moments at the same time make one chapter, named by
 * the first of them. Empty without moments.
 */
export function chapters<M extends MomentLike>(moments: readonly M[], duration?: number | null): Chapter<M>[] {
  const list = sortedMoments(moments, duration);
  const end = typeof duration === 'number' && Number.isFinite(duration) && duration > 0 ? duration : null;
  const out: Chapter<M>[] = [];
  for (const m of list) {
    if (out.length && out[out.length - 1]!.start === m.at_s) continue;
    out.push({ start: m.at_s, end: 0, title: m.title, moment: m });
  }
  for (let i = 0; i < out.length; i++) {
    const next = out[i + 1]?.start;
    out[i]!.end = next ?? Math.max(end ?? out[i]!.start + 3600, out[i]!.start);
  }
  return out;
}

/** The index of the chapter playing at `t` (the last one started), or -1 before the first. */
export function chapterIndexAt(list: readonly Chapter[], t: number): number {
  let at = -1;
  for (let i = 0; i < list.length && list[i]!.start <= t; i++) at = i;
  return at;
}

/** Whether a moment comes with something to open (a handout or a resource): it is a card too. */
export function isCard(m: MomentLike): boolean {
  return (m.kind === 'handout' && !!m.handout_id) || (m.kind === 'resource' && !!m.resource_id);
}

/**
 * The cards to show at `t` seconds: every handout or resource moment whose time playback has
 * reached, the latest first. Seeking back before a moment takes its card away again.
 */
export function cardsDue<M extends MomentLike>(moments: readonly M[], t: number): M[] {
  if (!Number.isFinite(t)) return [];
  // a timeupdate comes every 250 ms: a card at 2:10 shows at 2:09.75 rather than at 2:10.2
  return sortedMoments(moments)
    .filter((m) => isCard(m) && m.at_s <= t + 0.25)
    .reverse();
}

/**
 * `?t=` of a video's address (seconds: "42.5", or "1:02", "1:02:03") → seconds, or null when
 * missing or unreadable. Beyond the end of a known length it is the end.
 */
export function parseStartParam(value: string | null | undefined, duration?: number | null): number | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  let t: number | null = null;
  if (/^\d+(\.\d+)?s?$/.test(v)) t = Number(v.replace(/s$/, ''));
  else {
    const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})(\.\d+)?$/.exec(v);
    if (m) t = (m[1] ? Number(m[1]) * 3600 : 0) + Number(m[2]) * 60 + Number(m[3]) + (m[4] ? Number(m[4]) : 0);
  }
  if (t === null || !Number.isFinite(t)) return null;
  const known = typeof duration === 'number' && Number.isFinite(duration) && duration > 0;
  return known ? Math.min(t, duration) : t;
}

/** The address of a video, at a time when given: `/videos/ID?t=42.5`. */
export function videoHref(id: string, atS?: number | null): string {
  const base = `/videos/${encodeURIComponent(id)}`;
  return typeof atS === 'number' && Number.isFinite(atS) && atS >= 0 ? `${base}?t=${Math.floor(atS * 10) / 10}` : base;
}

/** A search hit found in the captions: "at 0:42 in the captions" ('' when not). */
export function hitTimeText(atS: number | null | undefined): string {
  return typeof atS === 'number' && Number.isFinite(atS) && atS >= 0 ? `at ${clock(atS)} in the captions` : '';
}
