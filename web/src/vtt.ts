// WebVTT, pure and unit-tested (test/vtt.test.ts): the cues of a captions file for the
// interactive transcript (components/transcript.ts), the cue being spoken at a time, and a
// chapters file's timestamps. Reads what the server sends (`captions.vtt`, normalised WebVTT) and
// is lenient with what people write by hand: a missing header, SRT's comma before the
// milliseconds, minutes without hours, Windows line ends.

export interface Cue {
  /** seconds */
  start: number;
  /** seconds */
  end: number;
  /** the words, on one line: tags (<v Anna>, <i>, <00:01.000>…) dropped, entities decoded */
  text: string;
  /** the speaker of a <v> tag, when the cue has one */
  voice?: string;
}

/** "01:02:03.500", "02:03.500", "02:03,500" (SRT) → seconds; anything else → null. */
export function parseTimestamp(s: string): number | null {
  const m = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)(?:[.,](\d{1,3}))?$/.exec(s.trim());
  if (!m) return null;
  const hours = m[1] ? Number(m[1]) : 0;
  const ms = m[4] ? Number(m[4].padEnd(3, '0')) : 0;
  return hours * 3600 + Number(m[2]) * 60 + Number(m[3]) + ms / 1000;
}

/** 83.5 → "00:01:23.500" (WebVTT's long form). */
export function vttTimestamp(seconds: number): string {
  const total = Math.max(0, Math.round(seconds * 1000));
  const ms = total % 1000;
  const s = Math.floor(total / 1000) % 60;
  const m = Math.floor(total / 60000) % 60;
  const h = Math.floor(total / 3600000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(h)}:${two(m)}:${two(s)}.${String(ms).padStart(3, '0')}`;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** A cue's payload as plain text on one line, and the speaker of its first <v> tag. */
export function cueText(payload: string): { text: string; voice?: string } {
  const voice = /<v(?:\.[^\s>]*)?\s+([^>]+)>/.exec(payload)?.[1]?.trim();
  const text = decodeEntities(payload.replace(/<[^>]*>/g, ''))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
  return voice ? { text, voice: decodeEntities(voice) } : { text };
}

/**
 * The cues of a WebVTT (or SRT) file, by start time (the file's order among equal starts).
 * NOTE, STYLE and REGION blocks are skipped, as are cues whose timing line does not read and
 * cues without words.
 */
export function parseVtt(source: string): Cue[] {
  const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const cues: Cue[] = [];
  let i = 0;
  // the header block ("WEBVTT" and what follows it up to the first blank line)
  if (/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    while (i < lines.length && lines[i]!.trim() !== '') i++;
  }
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    const block: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') block.push(lines[i++]!);
    if (block.length === 0) break;
    if (/^(NOTE|STYLE|REGION)(\s|$)/.test(block[0]!)) continue;
    const at = block.findIndex((l) => l.includes('-->'));
    if (at < 0 || at > 1) continue; // an identifier line at most before the timing
    const [from, rest] = block[at]!.split('-->') as [string, string];
    const start = parseTimestamp(from);
    const end = parseTimestamp(rest.trim().split(/\s+/)[0] ?? '');
    if (start === null || end === null || end < start) continue;
    const { text, voice } = cueText(block.slice(at + 1).join('\n'));
    if (!text) continue;
    cues.push(voice ? { start, end, text, voice } : { start, end, text });
  }
  return cues
    .map((c, n) => [c, n] as const)
    .sort((a, b) => a[0].start - b[0].start || a[1] - b[1])
    .map(([c]) => c);
}

/** The index of the last cue (of cues sorted by start) starting at or before `t`, or -1. */
function lastStartedBy(cues: readonly Cue[], t: number): number {
  let lo = 0;
  let hi = cues.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.start <= t) {
      last = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return last;
}

/**
 * The index of the cue shown at `t` seconds (of cues sorted by start), or -1 between cues: of
 * overlapping cues the one that started last (a long cue that started more than 20 cues earlier
 * is not looked for).
 */
export function cueIndexAt(cues: readonly Cue[], t: number): number {
  const last = lastStartedBy(cues, t);
  for (let j = last; j >= 0 && j > last - 20; j--) {
    if (cues[j]!.end > t) return j;
  }
  return -1;
}

/**
 * The index of the transcript line to highlight at `t`: the cue being spoken, or between two cues
 * the one just said (so the highlight does not blink off in every pause); -1 before the first.
 */
export function transcriptIndexAt(cues: readonly Cue[], t: number): number {
  const now = cueIndexAt(cues, t);
  return now >= 0 ? now : lastStartedBy(cues, t);
}

/**
 * The captions to show first: the first of the person's languages (navigator.languages) that
 * there are captions in (exactly, else the same language of another region: "pt-PT" takes
 * "pt-BR"), else the first captions; null without any.
 */
export function preferredCaption<C extends { language: string }>(captions: readonly C[], languages: readonly string[]): C | null {
  for (const lang of languages) {
    const l = lang.toLowerCase();
    const exact = captions.find((c) => c.language.toLowerCase() === l);
    if (exact) return exact;
    const base = captions.find((c) => c.language.toLowerCase().split('-')[0] === l.split('-')[0]);
    if (base) return base;
  }
  return captions[0] ?? null;
}
