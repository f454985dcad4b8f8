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
