// A new hire's on-boarding playlist in the web app, on a phone: Debian's Chromium at 390x844,
// signed in, opens the playlist, which shows the organisation's logo, the playlist's cover and
// introduction and its items in order (the later ones locked); opening the external resource
// (a new tab) completes it, and the next item unlocks.
//
//   node web-playlist.mjs ORIGIN EMAIL PASSWORD PLAYLIST_ID SCREENSHOT_DIR
//
// Prints {"logo", "cover", "intro", "before", "after", "opened", "problems"} and exits 0 when
// the page worked; exits 1 with what went wrong otherwise.
import { chromium } from 'playwright-core';
import path from 'node:path';

const [origin, email, password, playlistId, shots] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  // The resource's site is outside this machine: answer for it here.
  await context.route('https://example.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Guide</title><p>The guide.</p>' }));
  const problems = [];
  const signedIn = await context.request.post(`${origin}/api/v1/auth/login`, { data: { email, password } });
  if (!signedIn.ok()) throw new Error(`sign-in answered ${signedIn.status()}`);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${origin}/playlists/${playlistId}`);
  await page.waitForSelector('ol.steps li');
  const loaded = (selector) => page.waitForFunction(
    (s) => { const img = document.querySelector(s); return img && img.complete && img.naturalWidth > 0; },
    selector, { timeout: 10000 }).then(() => true, () => false);
  const logo = await loaded('img.brand-logo');
  const cover = await loaded('img.cover');
  const intro = await page.$$eval('.intro p', (ps) => ps.map((p) => p.textContent));
  const states = () => page.$$eval('ol.steps li', (lis) =>
    lis.map((li) => ['done', 'locked', 'todo'].find((s) => li.classList.contains(`step-${s}`))));
  const before = await states();
  await page.screenshot({ path: path.join(shots, 'playlist.png') });
  const [tab] = await Promise.all([
    context.waitForEvent('page'),
    page.click('ol.steps li.step-todo .step-inner'),
  ]);
  await tab.waitForURL('https://example.com/**', { timeout: 10000 });
  const opened = tab.url();
  await page.waitForFunction(() => document.querySelector('ol.steps li')?.classList.contains('step-done'), null, { timeout: 10000 });
  const after = await states();
  await page.screenshot({ path: path.join(shots, 'playlist-after.png') });
  console.log(JSON.stringify({ logo, cover, intro, before, after, opened, problems }));
  process.exit(problems.length ? 1 : 0);
} catch (e) {
  console.error(`the playlist page did not work: ${e.message}`);
  process.exit(1);
} finally {
  await browser.close();
}
