// An upload survives a lost connection and a reload, on a phone (issue 16): Debian's Chromium at
// 390x844, a member picks a video of several of the uploader's 8 MiB chunks through the Upload
// page's file input, and
//   1. once the first chunk is in, the network "drops": every PATCH to /api/v1/uploads/… is
//      aborted (playwright route interception). The page must say it is retrying, not that the
//      upload failed (no error box);
//   2. the network comes back: the upload carries on by itself, and one more chunk goes through;
//   3. the next chunk never arrives (held) and the page is reloaded, as when the phone drops the tab;
//      the Upload page lists the unfinished upload, and choosing the same file again resumes it
//      (tus-js-client's fingerprint in localStorage): the first PATCH after the reload must start
//      where the server stopped, not at 0, and no second upload is created;
//   4. it completes, and the original file downloaded back (GET /api/v1/videos/{id}/download?
//      rendition=original; the script lets the organisation allow downloads first, as the admin)
//      is the same, byte for byte (SHA-256).
// axe-core also checks the page while it retries and once it resumed.
//
//   node web-upload-resume.mjs ORIGIN MEMBER_EMAIL MEMBER_PASSWORD ADMIN_EMAIL ADMIN_PASSWORD \
//        VIDEO_FILE SCREENSHOT_DIR
//
// VIDEO_FILE must be more than two chunks (over 16 MiB; about 20 MiB is right). Prints one JSON
// line {"size", "chunk_size", "upload_url", "video_id", "creations", "patches": [{phase, offset,
// status, to}], "cut_at", "retry_text", "error_box", "reload_at", "unfinished_note",
// "resumed_note", "resumed_from", "sent_after_reload", "sha256_file", "sha256_download", "same",
// "violations", "problems"} and exits 0 when all of the above held; 1 otherwise.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { launch, phone, signIn, axeCheck, shot, apiOk, settle } from './lib/pages.mjs';

const [origin, memberEmail, memberPassword, adminEmail, adminPassword, file, shots] = process.argv.slice(2);
if (!shots) {
  console.error('usage: node web-upload-resume.mjs ORIGIN MEMBER_EMAIL MEMBER_PASSWORD ADMIN_EMAIL ADMIN_PASSWORD VIDEO_FILE SCREENSHOT_DIR');
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });
const CHUNK = 8 * 1024 * 1024; // src/uploader.ts CHUNK_SIZE
const bytes = fs.readFileSync(file);
const sha256 = (b) => crypto.createHash('sha256').update(b).digest('hex');
const out = {
  size: bytes.length,
  chunk_size: CHUNK,
  patches: [],
  creations: 0,
  violations: [],
  problems: [],
  sha256_file: sha256(bytes),
};
if (bytes.length <= 2 * CHUNK) {
  console.error(`${file} is ${bytes.length} bytes: it must span more than two ${CHUNK}-byte chunks`);
  process.exit(2);
}

/**
 * What happens to each PATCH: 'open' lets it through; 'cut' aborts it (the network is gone);
 * 'one-more' lets one through and then holds the next ones ('hold': never answered, until the
 * page is reloaded); 'resumed' after the reload lets everything through.
 */
let phase = 'open';
let held = [];
const browser = await launch();
let step = 'starting';
try {
  step = 'allowing downloads (as the admin)';
  const adminCtx = await phone(browser);
  await signIn(adminCtx, origin, adminEmail, adminPassword);
  await apiOk(adminCtx, origin, 'PUT', '/api/v1/org/settings', { allow_downloads: true });
  await adminCtx.close();

  step = 'signing in the member';
  const context = await phone(browser);
  await signIn(context, origin, memberEmail, memberPassword);
  const page = await context.newPage();
  page.on('pageerror', (e) => out.problems.push(`page error: ${e.message}`));
  // leaving the page while an upload runs asks first: answer "leave"
  page.on('dialog', (d) => (d.type() === 'beforeunload' ? d.accept() : d.dismiss()));

  let firstDone = null;
  const firstChunkIn = new Promise((r) => (firstDone = r));
  let oneMoreDone = null;
  const oneMoreIn = new Promise((r) => (oneMoreDone = r));
  const records = new Map(); // request → its line in out.patches
  page.on('request', (req) => {
    if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/v1/uploads') out.creations++;
  });
  page.on('response', (res) => {
    const req = res.request();
    if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/v1/uploads' && res.status() === 201) {
      out.upload_url = new URL(res.headers()['location'], origin).pathname;
    }
    const record = records.get(req);
    if (!record) return;
    record.status = res.status();
    record.to = Number(res.headers()['upload-offset']);
    if (record.phase === 'open' && record.to > 0) firstDone(record.to);
    if (record.phase === 'one-more' && record.to > 0) oneMoreDone(record.to);
  });
  page.on('requestfailed', (req) => {
    const record = records.get(req);
    if (record && !record.status) record.status = `failed: ${req.failure()?.errorText}`;
  });
  await context.route('**/api/v1/uploads/**', async (route) => {
    const req = route.request();
    if (req.method() !== 'PATCH') return route.continue();
    // one PATCH goes through while open (or right after the network is back), the next ones
    // are cut (or held)
    if (phase === 'open' && out.patches.some((p) => p.phase === 'open')) phase = 'cut';
    if (phase === 'one-more' && out.patches.some((p) => p.phase === 'one-more')) phase = 'hold';
    const record = { phase, offset: Number(req.headers()['upload-offset']) };
    out.patches.push(record);
    records.set(req, record);
    if (phase === 'cut') {
      record.status = 'aborted';
      return route.abort('internetdisconnected');
    }
    if (phase === 'hold') {
      record.status = 'held';
      held.push(route);
      return; // never answered: the reload cancels it
    }
    return route.continue();
  });

  step = 'choosing the file on the Upload page';
  await page.goto(`${origin}/upload`);
  await page.getByRole('heading', { name: 'Upload a video', level: 1 }).waitFor();
  await settle(page);
  await page.getByLabel('Title', { exact: true }).fill('Resumed upload');
  await page.locator('input[name="video-file"]').setInputFiles(file);
  out.cut_at = await firstChunkIn;

  step = 'waiting for the page to say it retries';
  const panel = page.locator('.upload-panel');
  const status = panel.locator('.upload-status');
  await status.filter({ hasText: /retrying/i }).waitFor({ timeout: 20000 });
  // a couple of attempts later it still says so, and shows no error
  await page.waitForFunction(() => /attempt [3-9]/i.test(document.querySelector('.upload-panel .upload-status')?.textContent ?? ''), null, { timeout: 20000 })
    .catch(() => {});
  out.retry_text = (await status.textContent()).trim();
  out.error_box = await panel.locator('.notice-error').count() > 0;
  await shot(page, shots, 'upload-retrying');
  out.violations.push(...(await axeCheck(page, 'upload (retrying)')));
  if (!/retrying/i.test(out.retry_text) || out.error_box) {
    throw new Error(`while the network is gone the page says "${out.retry_text}"${out.error_box ? ' with an error box' : ''}`);
  }

  step = 'restoring the network';
  phase = 'one-more';
  const atReload = await Promise.race([
    oneMoreIn,
    new Promise((_, reject) => setTimeout(() => reject(new Error('no chunk went through after the network came back')), 60000)),
  ]);
  await status.filter({ hasText: /^Uploading/ }).waitFor({ timeout: 5000 }).catch(() => {});
  await shot(page, shots, 'upload-back-online');

  step = 'reloading the page mid-way';
  out.reload_at = atReload;
  await page.reload();
  held = [];
  phase = 'resumed';
  const reloadIndex = out.patches.length;
  await page.getByRole('heading', { name: 'Upload a video', level: 1 }).waitFor();
  await settle(page);
  const unfinished = page.locator('.notice', { hasText: 'did not finish' });
  await unfinished.waitFor({ timeout: 10000 }).catch(() => {});
  out.unfinished_note = (await unfinished.count()) ? (await unfinished.innerText()).replace(/\s+/g, ' ').trim() : null;
  await shot(page, shots, 'upload-after-reload');

  step = 'choosing the same file again';
  await page.locator('input[name="video-file"]').setInputFiles(file);
  const resumedNote = page.locator('.upload-panel p', { hasText: 'Continuing your earlier upload' });
  await resumedNote.waitFor({ timeout: 10000 }).catch(() => {});
  out.resumed_note = await resumedNote.isVisible();
  out.violations.push(...(await axeCheck(page, 'upload (resumed)')));

  step = 'waiting for the upload to complete';
  await page.locator('.upload-panel .upload-status', { hasText: /^Uploaded/ }).waitFor({ timeout: 120000 });
  await shot(page, shots, 'upload-resumed-done');
  const after = out.patches.slice(reloadIndex);
  out.resumed_from = after[0]?.offset ?? null;
  out.sent_after_reload = after.filter((p) => typeof p.to === 'number').reduce((n, p) => n + (p.to - p.offset), 0);
  if (out.resumed_from === null) throw new Error('no PATCH was sent after the reload');
  if (!(out.resumed_from > 0)) throw new Error(`after the reload the upload started over at ${out.resumed_from}`);
  if (out.creations !== 1) throw new Error(`${out.creations} uploads were created, not one`);

  step = 'downloading the original back';
  const state = await apiOk(context, origin, 'GET', out.upload_url);
  out.video_id = state.video_id;
  if (!out.video_id) throw new Error(`the complete upload has no video: ${JSON.stringify(state)}`);
  const res = await context.request.get(`${origin}/api/v1/videos/${encodeURIComponent(out.video_id)}/download?rendition=original`);
  if (!res.ok()) throw new Error(`the download answered ${res.status()}: ${(await res.text()).slice(0, 200)}`);
  const back = await res.body();
  out.sha256_download = sha256(back);
  out.same = out.sha256_download === out.sha256_file && back.length === bytes.length;
  if (!out.same) throw new Error(`the downloaded original (${back.length} bytes) differs from the file (${bytes.length} bytes)`);
} catch (e) {
  out.problems.push(`${step}: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close().catch(() => {});
}
console.log(JSON.stringify(out));
process.exit(out.problems.length || out.violations.length ? 1 : 0);
