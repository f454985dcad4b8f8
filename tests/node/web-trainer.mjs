// A trainer builds an on-boarding playlist in the web app, on a phone: Debian's Chromium at
// 390x844, signed in through the API, opens the manage screen from the app bar, creates
// "Week one", adds "Beta guide" then "Alpha guide" through the library search, moves
// "Alpha guide" up so it comes first, ticks Published and saves. The order and the published
// flag are then read back from the server (GET /api/v1/playlists/{id}).
//
//   node web-trainer.mjs ORIGIN EMAIL PASSWORD SCREENSHOT_DIR
//
// The organisation must already hold two resources titled "Alpha guide" and "Beta guide".
// Prints {"playlist_id", "titles", "published", "problems"} and exits 0 when the screens
// worked; exits 1 with what went wrong otherwise.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const [origin, email, password, shots] = process.argv.slice(2);
if (!origin || !email || !password || !shots) {
  console.error('usage: node web-trainer.mjs ORIGIN EMAIL PASSWORD SCREENSHOT_DIR');
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let step = 'starting';
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  context.setDefaultTimeout(10000);
  const problems = [];
  step = 'signing in';
  const signedIn = await context.request.post(`${origin}/api/v1/auth/login`, { data: { email, password } });
  if (!signedIn.ok()) throw new Error(`sign-in answered ${signedIn.status()}`);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const shot = (name) => page.screenshot({ path: path.join(shots, name), fullPage: true });

  step = 'opening the manage screen from the app bar';
  await page.goto(`${origin}/`);
  await page.locator('nav.nav a', { hasText: 'Manage' }).click();
  await page.waitForURL('**/manage/playlists');
  await page.getByRole('heading', { name: 'New playlist' }).waitFor();
  await shot('trainer-manage.png');

  step = 'creating the playlist';
  await page.getByLabel('Title').fill('Week one');
  await page.getByRole('button', { name: 'Create playlist' }).click();
  await page.waitForURL(/\/manage\/playlists\/[^/]+$/);
  const playlistId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
  await page.getByRole('heading', { name: 'Week one', level: 1 }).waitFor();

  const items = page.locator('ol.manage-items li');
  const shownTitles = () => page.$$eval('ol.manage-items .manage-item-title', (els) => els.map((e) => e.textContent));
  const search = page.getByLabel('Search the library');
  async function add(title) {
    step = `adding "${title}"`;
    const before = await items.count();
    await search.fill(title);
    // the result list follows the query after a short pause: wait for exactly this title
    const result = page.locator('.add-results li', { has: page.locator('.add-result-title', { hasText: new RegExp(`^${title}$`) }) });
    await result.first().waitFor();
    await result.first().getByRole('button', { name: /^Add/ }).click();
    await page.waitForFunction((n) => document.querySelectorAll('ol.manage-items li').length === n, before + 1);
  }
  await add('Beta guide');
  await add('Alpha guide');
  await shot('trainer-added.png');
  const added = await shownTitles();
  if (JSON.stringify(added) !== JSON.stringify(['Beta guide', 'Alpha guide'])) {
    throw new Error(`after adding, the list shows ${JSON.stringify(added)}`);
  }

  step = 'moving "Alpha guide" up';
  await items.filter({ hasText: 'Alpha guide' }).getByRole('button', { name: /^Up/ }).click();
  await page.waitForFunction(() =>
    document.querySelector('ol.manage-items .manage-item-title')?.textContent === 'Alpha guide');

  step = 'publishing';
  await page.getByRole('checkbox', { name: /^Published/ }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('.saved', { hasText: 'published' }).waitFor();
  await shot('trainer-saved.png');

  step = 'opening the report';
  await page.getByRole('link', { name: 'Progress report' }).click();
  await page.waitForURL(/\/report$/);
  await page.getByRole('heading', { name: 'Assign', exact: true }).waitFor();
  await page.locator('#main [aria-busy="true"]').waitFor({ state: 'detached' }).catch(() => {});
  await shot('trainer-report.png');

  step = 'reading the playlist back';
  const res = await context.request.get(`${origin}/api/v1/playlists/${encodeURIComponent(playlistId)}`);
  if (!res.ok()) throw new Error(`GET /api/v1/playlists/${playlistId} answered ${res.status()}`);
  const view = await res.json();
  const titles = (view.items ?? []).map((i) => i.title);
  const published = view.published === true;
  console.log(JSON.stringify({ playlist_id: playlistId, titles, published, problems }));
  const ok = JSON.stringify(titles) === JSON.stringify(['Alpha guide', 'Beta guide']) && published;
  if (!ok) console.error(`the server has ${JSON.stringify(titles)}, published ${published}`);
  process.exitCode = ok && problems.length === 0 ? 0 : 1;
} catch (e) {
  console.error(`the trainer screens did not work while ${step}: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
