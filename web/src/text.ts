// Pure helpers for text the server sends or the person types: plain-text paragraphs, the tags
// input, external links, colour fields. No DOM here, so test/text.test.ts runs them under node.

/** Plain text with paragraphs separated by blank lines → the paragraphs, trimmed, none empty. */
export function paragraphs(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\s+|\s+$/g, ''))
    .filter((p) => p !== '');
}

/**
 * "Safety, forklift  training, #safety" → ["Safety", "forklift training"]: comma (or line)
 * separated, trimmed, a leading # dropped, inner spaces collapsed, duplicates (ignoring case)
 * left out. The server normalises further (lower case, spaces become hyphens).
 */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of input.split(/[,\n]/)) {
    const tag = raw.trim().replace(/^#+/, '').trim().replace(/\s+/g, ' ');
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

/** The tags input's text for a list of tags: ["a", "b"] → "a, b". */
export function tagsText(tags: readonly string[]): string {
  return tags.join(', ');
}

/** Only http(s) links are followed out of the app; anything else (javascript:, data:) is null. */
export function externalUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A mailto: link to `email`, with an optional subject; null when it is not an address. */
export function mailtoHref(email: string, subject?: string): string | null {
  const address = email.trim();
  if (!/^[^\s@<>()",;:]+@[^\s@<>()",;:]+$/.test(address)) return null;
  const to = encodeURIComponent(address).replace(/%40/g, '@');
  return subject ? `mailto:${to}?subject=${encodeURIComponent(subject)}` : `mailto:${to}`;
}

/** A colour field's text as the server wants it: "#ABC", "abc", " #AaBbCc " → "#aabbcc";
 *  "" → null (the default colour); anything else → undefined (not a #rrggbb colour). */
export function normalizeHex(input: string): string | null | undefined {
  const v = input.trim().replace(/^#/, '').toLowerCase();
  if (v === '') return null;
  if (/^[0-9a-f]{3}$/.test(v)) return '#' + [...v].map((c) => c + c).join('');
  if (/^[0-9a-f]{6}$/.test(v)) return '#' + v;
  return undefined;
}

/**
 * A tag as the server keeps it (src/db/library.rs normalize_tags), the same for videos,
 * handouts, links and expertise: lower case, inner spaces as hyphens, at most 40 characters.
 * "Forklift  Safety" → "forklift-safety". Shown under tag fields, so nobody is surprised.
 */
export function normalizeTag(tag: string): string {
  const t = tag.trim().replace(/^#+/, '').trim().toLowerCase().split(/\s+/).filter(Boolean).join('-');
  return [...t].slice(0, 40).join('');
}

/** The tags input's text as the server will keep it: normalised, no duplicates, at most 20. */
export function normalizeTags(input: string): string[] {
  const out: string[] = [];
  for (const t of parseTags(input)) {
    const n = normalizeTag(t);
    if (n && !out.includes(n)) out.push(n);
  }
  return out.slice(0, 20);
}

/** The one hint of every tags field (content and expertise are matched on the same tags). */
export const TAGS_HINT =
  'Separate tags with commas. A tag is a word people search for, like forklift or safety; a phrase becomes one tag with hyphens (first aid → first-aid).';

/**
 * The question before deleting: what goes and which playlists lose it, said up front.
 * ("handout", "Checklist", ["Week one"]) → "Delete the handout “Checklist”? It is in 1
 * playlist, which loses it: Week one."
 */
export function deleteQuestion(what: string, title: string, playlists: readonly string[], extra = ''): string {
  const head = `Delete the ${what} “${title}”?`;
  const used =
    playlists.length === 0
      ? ' It is in no playlist.'
      : playlists.length === 1
        ? ` It is in 1 playlist, which loses it: ${playlists[0]}.`
        : ` It is in ${playlists.length} playlists, which lose it: ${playlists.join(', ')}.`;
  return `${head}${used}${extra ? ` ${extra}` : ''} This cannot be undone.`;
}

/** Why an invitation link cannot be used any more, or null while it is open. */
export function invitationProblem(state: string): string | null {
  switch (state) {
    case 'open':
      return null;
    case 'accepted':
      return 'This invitation was already used to create an account. Sign in instead.';
    case 'expired':
      return 'This invitation has expired. Ask the person who invited you for a new one, or sign in if you already have an account.';
    case 'withdrawn':
      return 'This invitation was withdrawn. Ask the person who invited you for a new one, or sign in if you already have an account.';
    default:
      return 'This invitation can no longer be used. Sign in if you already have an account.';
  }
}

/** `list` with the element at `index` moved by `delta` (−1 up, +1 down); null at an edge. */
export function moved<T>(list: readonly T[], index: number, delta: number): T[] | null {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return null;
  const out = list.slice();
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}
