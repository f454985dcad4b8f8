// Readable colours from any brand colour (WCAG 2.x contrast), pure and unit-tested
// (test/contrast.test.ts). An organisation may pick any #rrggbb; from it the app derives:
// - the text on it (app bar, primary buttons, chips): black or white, whichever reads better
//   (one of the two always reaches 4.5:1);
// - a shade for text and links on the page (≥ 4.5:1 against the page and the cards) and one for
//   controls, borders, focus rings and bars (≥ 3:1): the colour itself when it already reaches
//   that, otherwise the nearest darker shade of the same hue and saturation (a lighter one on a
//   dark background).
// branding.ts puts the result in force as CSS custom properties; the organisation screen shows it
// in its live preview.

export type Rgb = [number, number, number];

/** WCAG AA: normal text. */
export const TEXT_RATIO = 4.5;
/** WCAG AA: user-interface components and graphical objects. */
export const CONTROL_RATIO = 3;

/** What text and links sit on: the cards (--surface) and the page (--bg) of style.css. */
export const PAGE_BACKGROUNDS = ['#ffffff', '#f5f6f8'];
/** What controls and bars sit on: the page, and the track of a progress bar. */
export const CONTROL_BACKGROUNDS = [...PAGE_BACKGROUNDS, '#e3e6ec'];

export const BLACK = '#000000';
export const WHITE = '#ffffff';

/** "#ffcc00" or "#fc0" (any case) → [255, 204, 0]; anything else → null. */
export function parseHex(color: string): Rgb | null {
  const v = color.trim().replace(/^#/, '').toLowerCase();
  const full = /^[0-9a-f]{3}$/.test(v) ? [...v].map((c) => c + c).join('') : v;
  if (!/^[0-9a-f]{6}$/.test(full)) return null;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

export function toHex(rgb: Rgb): string {
  return '#' + rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('');
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrast(a: Rgb | string, b: Rgb | string): number {
  const la = luminance(typeof a === 'string' ? mustParse(a) : a);
  const lb = luminance(typeof b === 'string' ? mustParse(b) : b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** "4.58:1" → "4.5:1": rounded down, so a ratio shown never claims more than it has. */
export function ratioText(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}

/** Black or white: the text colour that reads better on `background`. */
export function textOn(background: string): string {
  const bg = mustParse(background);
  return contrast(BLACK, bg) >= contrast(WHITE, bg) ? BLACK : WHITE;
}

/** The lowest contrast of `color` against any of `backgrounds`. */
export function worstContrast(color: string, backgrounds: string[]): number {
  return Math.min(...backgrounds.map((bg) => contrast(color, bg)));
}

/**
 * `color` itself when it reaches `ratio` against every background; otherwise the shade of the
 * same hue and saturation nearest to it that does: darker on light backgrounds, lighter on dark
 * ones. (HSL lightness moves every channel the same way, so the contrast changes monotonically
 * and a bisection finds the nearest shade.)
 */
export function readableShade(color: string, backgrounds: string[], ratio: number): string {
  const rgb = mustParse(color);
  const hex = toHex(rgb);
  if (worstContrast(hex, backgrounds) >= ratio) return hex;
  const lightBackground = backgrounds.every((bg) => textOn(bg) === BLACK);
  const [hue, sat, light] = toHsl(rgb);
  const passes = (l: number) => worstContrast(toHex(fromHsl(hue, sat, l)), backgrounds) >= ratio;
  // the end of the range (black or white) always passes on these backgrounds
  let ok = lightBackground ? 0 : 1;
  let bad = light;
  for (let i = 0; i < 30; i++) {
    const mid = (ok + bad) / 2;
    if (passes(mid)) ok = mid;
    else bad = mid;
  }
  const shade = toHex(fromHsl(hue, sat, ok));
  return worstContrast(shade, backgrounds) >= ratio ? shade : lightBackground ? BLACK : WHITE;
}

/** Everything the app paints with one brand colour. */
export interface Derived {
  /** the colour as given: the app bar's, a primary button's background */
  base: string;
  /** black or white text on `base` */
  on: string;
  /** text and links on the page (≥ 4.5:1) */
  text: string;
  /** controls, borders, focus rings and bars on the page (≥ 3:1) */
  control: string;
}

export function derive(color: string): Derived {
  const base = toHex(mustParse(color));
  return {
    base,
    on: textOn(base),
    text: readableShade(base, PAGE_BACKGROUNDS, TEXT_RATIO),
    control: readableShade(base, CONTROL_BACKGROUNDS, CONTROL_RATIO),
  };
}

export interface Theme {
  primary: Derived;
  accent: Derived;
}

/** The app's colours from the organisation's primary and accent colours (#rrggbb). */
export function deriveTheme(primary: string, accent: string): Theme {
  return { primary: derive(primary), accent: derive(accent) };
}

/** The CSS custom properties of a theme (set on <html>, or on the organisation screen's preview). */
export function themeProperties(theme: Theme): Record<string, string> {
  return {
    '--primary': theme.primary.base,
    '--on-primary': theme.primary.on,
    '--primary-text': theme.primary.text,
    '--primary-control': theme.primary.control,
    '--accent': theme.accent.base,
    '--on-accent': theme.accent.on,
    '--accent-text': theme.accent.text,
    '--accent-control': theme.accent.control,
    '--focus': theme.primary.control,
  };
}

function mustParse(color: string): Rgb {
  const rgb = parseHex(color);
  if (!rgb) throw new Error(`not a #rrggbb colour: ${color}`);
  return rgb;
}

/** [hue 0–360, saturation 0–1, lightness 0–1] */
function toHsl([r, g, b]: Rgb): [number, number, number] {
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return [0, 0, l];
  const s = d / (1 - Math.abs(2 * l - 1));
  let hue: number;
  if (max === rn) hue = ((gn - bn) / d) % 6;
  else if (max === gn) hue = (bn - rn) / d + 2;
  else hue = (rn - gn) / d + 4;
  return [(hue * 60 + 360) % 360, s, l];
}

function fromHsl(hue: number, s: number, l: number): Rgb {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    hue < 60 ? [c, x, 0] : hue < 120 ? [x, c, 0] : hue < 180 ? [0, c, x] : hue < 240 ? [0, x, c] : hue < 300 ? [x, 0, c] : [c, 0, x];
  return [(r + m) * 255, (g + m) * 255, (b + m) * 255];
}

/** The hue of a colour in degrees (for the tests: a derived shade keeps its colour's hue). */
export function hueOf(color: string): number {
  return toHsl(mustParse(color))[0];
}
