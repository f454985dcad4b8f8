// The organisation's branding (GET /api/v1/branding): name, logo, colours and welcome message.
// Colours become CSS custom properties on <html> (--primary, --on-primary, --accent,
// --on-accent), so the whole app, the sign-in page and the player controls follow them.
// When the call fails, the neutral Reelhouse defaults stay in place.

import { getBranding, type Branding } from './api';

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
  const root = document.documentElement.style;
  const primary = b.primary_color ?? DEFAULT_BRANDING.primary_color!;
  const accent = b.accent_color ?? DEFAULT_BRANDING.accent_color!;
  root.setProperty('--primary', primary);
  root.setProperty('--on-primary', readableOn(primary));
  root.setProperty('--accent', accent);
  root.setProperty('--on-accent', readableOn(accent));
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', primary);
}

/** Accepts only values the browser reads as a colour (no url(), no injected declarations). */
function safeColor(value: string | null | undefined): string | null {
  if (!value || value.length > 64 || /[;{}]/.test(value)) return null;
  return CSS.supports('color', value) ? value : null;
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

/** Black or white, whichever reads better on `color` (WCAG relative luminance). */
function readableOn(color: string): string {
  const rgb = toRgb(color);
  if (!rgb) return '#ffffff';
  const lin = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
  // contrast with white vs. with black: pick the larger
  return (1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05) ? '#ffffff' : '#111111';
}

/** Any CSS colour → [r, g, b], by letting a canvas parse it. */
function toRgb(color: string): [number, number, number] | null {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#000000';
  ctx.fillStyle = color;
  const hex = String(ctx.fillStyle);
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m) return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
  const r = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(hex);
  return r ? [Number(r[1]), Number(r[2]), Number(r[3])] : null;
}

/** Sets the tab title: "Library · Acme Academy". */
export function setTitle(page?: string): void {
  document.title = page ? `${page} · ${current.name}` : current.name;
}
