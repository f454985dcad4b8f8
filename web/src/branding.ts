// The organisation's branding (GET /api/v1/branding): name, logo, colours and welcome message.
// The colours may be any #rrggbb, however light: contrast.ts derives from each the text on it
// (black or white), a shade for text and links on the page (≥ 4.5:1) and one for controls,
// borders, focus rings and bars (≥ 3:1). They become CSS custom properties on <html>
// (--primary, --on-primary, --primary-text, --primary-control, the same for --accent, and
// --focus), so the whole app, the sign-in page and the player controls follow them.
// When the call fails, the neutral Reelhouse defaults stay in place.

import { getBranding, type Branding } from './api';
import { deriveTheme, parseHex, themeProperties, toHex, type Theme } from './contrast';

export const DEFAULT_BRANDING: Branding = {
  name: 'Reelhouse',
  logo_url: null,
  primary_color: '#1f4fd1',
  accent_color: '#0b7a5c',
  welcome_message: 'Short videos, on-boarding and handouts, all in one place.',
};

let current: Branding = DEFAULT_BRANDING;
let loading: Promise<Branding> | null = null;

/** The branding in force (the defaults until loadBranding has answered). */
export function branding(): Branding {
  return current;
}

/** Fetches and applies the branding once; never fails (falls back to the defaults). */
export function loadBranding(): Promise<Branding> {
  loading ??= getBranding()
    .then(sanitize)
    .catch(() => DEFAULT_BRANDING)
    .then((b) => {
      current = b;
      applyBranding(b);
      return b;
    });
  return loading;
}

/** Puts a branding the server just answered (after an admin changed it) in force at once:
 *  colours now; the header's logo and name on the next render, or at once with
 *  refreshAppHeader (components/header.ts). */
export function setBranding(b: Branding): Branding {
  current = sanitize(b);
  loading = Promise.resolve(current);
  applyBranding(current);
  return current;
}

/** The server's branding with unsafe values dropped and missing ones defaulted. */
function sanitize(b: Branding): Branding {
  return {
    name: b.name || DEFAULT_BRANDING.name,
    logo_url: safeUrl(b.logo_url),
    primary_color: safeColor(b.primary_color) ?? DEFAULT_BRANDING.primary_color,
    accent_color: safeColor(b.accent_color) ?? DEFAULT_BRANDING.accent_color,
    welcome_message: b.welcome_message ?? null,
  };
}

/** Asks the server again on the next loadBranding(): after signing in, the branding is the
 *  signed-in person's organisation rather than the default one. */
export function reloadBranding(): void {
  loading = null;
}

export function applyBranding(b: Branding): void {
  const theme = brandTheme(b);
  const root = document.documentElement.style;
  for (const [name, value] of Object.entries(themeProperties(theme))) root.setProperty(name, value);
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', theme.primary.base);
}

/** The colours the app paints with for a branding (empty colours: the Reelhouse defaults). */
export function brandTheme(b: Pick<Branding, 'primary_color' | 'accent_color'>): Theme {
  return deriveTheme(
    safeColor(b.primary_color) ?? DEFAULT_BRANDING.primary_color!,
    safeColor(b.accent_color) ?? DEFAULT_BRANDING.accent_color!,
  );
}

/** A colour as #rrggbb: hex as it is, other CSS colours (not expected from the server) as the
 *  browser reads them; nothing that could inject CSS. */
function safeColor(value: string | null | undefined): string | null {
  if (!value || value.length > 64 || /[;{}]/.test(value)) return null;
  const hex = parseHex(value);
  if (hex) return toHex(hex);
  return CSS.supports('color', value) ? toRgbHex(value) : null;
}

/** Accepts only same-origin paths and http(s) URLs for images. */
function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, location.origin);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Any CSS colour → #rrggbb, by letting a canvas parse it. */
function toRgbHex(color: string): string | null {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#000000';
  ctx.fillStyle = color;
  const value = String(ctx.fillStyle);
  const hex = parseHex(value);
  if (hex) return toHex(hex);
  const r = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(value);
  return r ? toHex([Number(r[1]), Number(r[2]), Number(r[3])]) : null;
}

/** Sets the tab title: "Library · Acme Academy". */
export function setTitle(page?: string): void {
  document.title = page ? `${page} · ${current.name}` : current.name;
}
