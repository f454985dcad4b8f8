// Shared pieces of the browser scripts (tests/node/web-*.mjs): Debian's Chromium through
// playwright-core, a phone and a laptop context, signing in through the API, accessibility checks
// with axe-core, the keyboard focus walk, the 320 px overflow check, screenshots, and a few API
// calls to set up what the screens show.
//
//   import { launch, phone, desktop, signIn, axeCheck, focusCheck, overflowAt, shot } from './lib/pages.mjs';
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** axe-core's browser build (tests/node/node_modules, from package.json). */
export const AXE_PATH = path.join(here, '..', 'node_modules', 'axe-core', 'axe.min.js');

/** The sizes the scripts look at: a phone (touch) and a laptop. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 800 } };
/** The narrowest phone the app must work on without sideways scrolling. */
export const NARROW = { width: 320, height: 640 };

/** axe rules run: WCAG 2.0/2.1/2.2 level A and AA, and axe's best practices (reported, and
 *  failing only when serious or critical, like the rest). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Debian's Chromium, headless (with `extraArgs`, such as an autoplay policy). */
export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/** A fresh browser context (own cookies and localStorage) at a phone's size. */
export async function phone(browser, options = {}) {
  const context = await browser.newContext({ ...PHONE, ...options });
  context.setDefaultTimeout(15000);
  return context;
}

/** A fresh browser context at a laptop's size. */
export async function desktop(browser, options = {}) {
  const context = await browser.newContext({ ...DESKTOP, ...options });
  context.setDefaultTimeout(15000);
  return context;
}

/** Signs the context in through the API (its cookie jar then holds the session). */
export async function signIn(context, origin, email, password) {
  const res = await context.request.post(`${origin}/api/v1/auth/login`, { data: { email, password } });
  if (!res.ok()) throw new Error(`sign-in of ${email} answered ${res.status()}: ${await res.text()}`);
  return res.json();
}

/** Waits until the page has settled: no `aria-busy` region, no "Loading…" placeholder, fonts
 *  laid out, network quiet for a moment. */
export async function settle(page, timeout = 15000) {
  await page.waitForLoadState('networkidle', { timeout }).catch(() => {});
  await page.waitForFunction(
    () => !document.querySelector('[aria-busy="true"]') && !/^Loading…$/.test(document.querySelector('main')?.innerText.trim() ?? ''),
    null,
    { timeout },
  ).catch(() => {});
  await page.evaluate(() => document.fonts?.ready).catch(() => {});
  // transitions (progress bars) finish before colours are measured
  await page.waitForTimeout(350);
}

let axeSource = null;
/**
 * Runs axe-core on the page as it is now and returns its serious and critical violations, each
 * `{ page, id, impact, help, helpUrl, targets, count, summary }` (a few targets, with what axe says
 * is wrong about the first). `all` (optional array) receives every violation of any impact;
 * `exclude` (CSS selectors) leaves parts of the page out.
 */
export async function axeCheck(page, name, { tags = AXE_TAGS, all = null, exclude = [] } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // evaluated through the DevTools protocol, which the app's Content-Security-Policy (no
    // inline scripts) does not stop, unlike a <script> tag
    axeSource ??= fs.readFileSync(AXE_PATH, 'utf8');
    await page.evaluate(axeSource);
  }
  const result = await page.evaluate(
    async ({ tags, exclude }) => {
      const context = exclude.length ? { include: [document], exclude: exclude.map((s) => [s]) } : document;
      const r = await window.axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        // inside shadow roots a target is a selector per level
        targets: v.nodes.slice(0, 4).map((n) => n.target.join(' >>> ')),
        count: v.nodes.length,
        summary: (v.nodes[0]?.failureSummary ?? '').split('\n').slice(0, 3).join(' ').slice(0, 300),
      }));
    },
    { tags, exclude },
  );
  const found = result.map((v) => ({ page: name, ...v }));
  if (all) all.push(...found);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Resizes the page to 320×640, measures whether anything makes it scroll sideways, and puts the
 * old size back (`whileNarrow(page)`, when given, runs at the narrow size first: a screenshot). Answers null when it fits, else `{ page, scrollWidth, culprits }` with the
 * elements that stick out furthest.
 */
export async function overflowAt(page, name, size = NARROW, whileNarrow = null) {
  const before = page.viewportSize();
  await page.setViewportSize(size);
  await page.waitForTimeout(300);
  if (whileNarrow) await whileNarrow(page);
  const seen = await page.evaluate((width) => {
    const scrollWidth = document.scrollingElement.scrollWidth;
    if (scrollWidth <= width) return { scrollWidth, culprits: [] };
    const describe = (el) => {
      let s = el.tagName.toLowerCase();
      if (el.id) s += `#${el.id}`;
      if (typeof el.className === 'string' && el.className.trim()) s += `.${el.className.trim().split(/\s+/).join('.')}`;
      return s;
    };
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 0.5) continue;
      // only the outermost offender of a branch (its children stick out with it)
      if (el.parentElement && el.parentElement.getBoundingClientRect().right > width + 0.5) continue;
      out.push({ el: describe(el), right: Math.round(r.right), text: (el.innerText ?? '').slice(0, 40) });
    }
    return { scrollWidth, culprits: out.slice(0, 6) };
  }, size.width);
  await page.setViewportSize(before);
  await page.waitForTimeout(150);
  return seen.scrollWidth > size.width ? { page: name, ...seen } : null;
}

/** A full-page screenshot `DIR/NAME.png` (the folder is made when missing). */
export async function shot(page, dir, name) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** A JSON call with the context's session: `{ status, body }` (body null when not JSON). */
export async function api(context, origin, method, url, data) {
  const res = await context.request.fetch(`${origin}${url}`, { method, data });
  const text = await res.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status(), body };
}

/** Like `api`, but throws unless the answer is 2xx. */
export async function apiOk(context, origin, method, url, data) {
  const r = await api(context, origin, method, url, data);
  if (r.status < 200 || r.status > 299) throw new Error(`${method} ${url} answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Uploads a file in one tus request (creation-with-upload) and answers its video's id. */
export async function uploadFile(context, origin, file, title) {
  const bytes = fs.readFileSync(file);
  const b64 = (s) => Buffer.from(s).toString('base64');
  const res = await context.request.post(`${origin}/api/v1/uploads`, {
    headers: {
      'tus-resumable': '1.0.0',
      'upload-length': String(bytes.length),
      'upload-metadata': `filename ${b64(path.basename(file))},title ${b64(title)}`,
      'content-type': 'application/offset+octet-stream',
    },
    data: bytes,
  });
  if (res.status() !== 201) throw new Error(`upload answered ${res.status()}: ${await res.text()}`);
  const location = res.headers()['location'];
  const status = await apiOk(context, origin, 'GET', new URL(location, origin).pathname);
  if (!status.video_id) throw new Error(`the complete upload has no video: ${JSON.stringify(status)}`);
  return status.video_id;
}

/** Waits until a video is ready (throws when it failed or takes longer than `ms`). */
export async function waitReady(context, origin, id, ms = 180000) {
  const until = Date.now() + ms;
  for (;;) {
    const v = await apiOk(context, origin, 'GET', `/api/v1/videos/${encodeURIComponent(id)}`);
    if (v.status === 'ready') return v;
    if (v.status === 'failed') throw new Error(`video ${id} failed: ${v.error}`);
    if (Date.now() > until) throw new Error(`video ${id} is not ready after ${ms / 1000} s (${v.status})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Moves the keyboard focus through the page with Tab (at most `max` stops) and answers what a
 * keyboard user could not see: `{ page, el, problem }` where a focused element shows no focus
 * ring (no outline or box-shadow on it, or on the visible box of a hidden native input), or is
 * entirely hidden under the sticky app bar or the phone's bottom navigation (WCAG 2.4.7 and
 * 2.4.11).
 */
export async function focusCheck(page, name, max = 80) {
  await page.evaluate(() => {
    document.activeElement?.blur?.();
    window.scrollTo(0, 0);
  });
  const issues = [];
  const seen = new Set();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return { done: true };
      const describe = (e) => {
        let s = e.tagName.toLowerCase();
        if (e.id) s += `#${e.id}`;
        if (typeof e.className === 'string' && e.className.trim()) s += `.${e.className.trim().split(/\s+/).join('.')}`;
        const label = (e.getAttribute('aria-label') || e.innerText || e.value || '').trim().slice(0, 30);
        return label ? `${s} "${label}"` : s;
      };
      const ring = (e) => {
        const cs = getComputedStyle(e);
        return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
      };
      // a native control drawn by its neighbour (chips: an invisible radio and its span)
      const cs = getComputedStyle(el);
      const hiddenNative = parseFloat(cs.opacity) === 0 || el.classList.contains('visually-hidden');
      const shown = ring(el) || (hiddenNative && el.nextElementSibling && ring(el.nextElementSibling));
      // the part of it that is not under the app bar or the bottom navigation
      const box = el.getBoundingClientRect();
      let top = 0;
      let bottom = window.innerHeight;
      const inside = (sel) => el.closest(sel);
      const header = document.querySelector('header.app-header');
      if (header && !inside('header.app-header') && getComputedStyle(header).position === 'sticky') {
        top = Math.max(top, header.getBoundingClientRect().bottom);
      }
      const nav = document.querySelector('nav.nav');
      if (nav && !inside('nav.nav') && getComputedStyle(nav).position === 'fixed') {
        bottom = Math.min(bottom, nav.getBoundingClientRect().top);
      }
      const visible = Math.min(box.bottom, bottom) - Math.max(box.top, top);
      // drawn above the bars (the skip link) is not hidden: what is on top at its middle?
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      const onTop = hit && (hit === el || el.contains(hit) || hit.contains(el) || (el.labels && [...el.labels].some((l) => l.contains(hit))));
      return { done: false, key: describe(el) + Math.round(box.top + window.scrollY), el: describe(el), shown, obscured: box.height > 0 && visible <= 0 && !onTop };
    });
    if (r.done || seen.has(r.key)) break;
    seen.add(r.key);
    if (!r.shown) issues.push({ page: name, el: r.el, problem: 'no visible focus ring' });
    if (r.obscured) issues.push({ page: name, el: r.el, problem: 'hidden under the app bar or the navigation' });
  }
  return issues;
}

/** Uploads a file as an attempt at practice step `stepId` (tus Upload-Metadata `practice_step`, as
 *  the practice page sends it) and answers the recording's video id. */
export async function uploadAttempt(context, origin, file, stepId) {
  const bytes = fs.readFileSync(file);
  const b64 = (s) => Buffer.from(s).toString('base64');
  const res = await context.request.post(`${origin}/api/v1/uploads`, {
    headers: {
      'tus-resumable': '1.0.0',
      'upload-length': String(bytes.length),
      'upload-metadata': `filename ${b64(path.basename(file))},title ${b64('Attempt')},practice_step ${b64(stepId)}`,
      'content-type': 'application/offset+octet-stream',
    },
    data: bytes,
  });
  if (res.status() !== 201) throw new Error(`the attempt's upload answered ${res.status()}: ${await res.text()}`);
  const status = await apiOk(context, origin, 'GET', new URL(res.headers()['location'], origin).pathname);
  if (!status.video_id) throw new Error(`the complete upload has no video: ${JSON.stringify(status)}`);
  return status.video_id;
}
