// The everyday flows of the web app end to end, on a phone (Debian's Chromium at 390x844):
//  a) a trainer uploads a video through the Upload page's file input and sees it become ready
//     with its poster there; attaches a PDF on the video page (and renames it); adds a link in
//     the library; builds a playlist of the three in the editor, publishes it and assigns it to
//     the hire on the report page;
//  b) the hire plays the video to about 40% and pauses (the watch tracker reports); in a fresh
//     browser context (another device: no localStorage) the player starts near that point, the
//     page names the next item, home shows the partial progress, and the trainer's report shows
//     it for that item;
//     and a library search for "forklifts" finds the video and offers the expert on forklifts;
//  c) the hire uploads a file that is not a video by mistake: the Upload page shows the server's
//     sentence, the trainer's library search does not find it, and the hire deletes it there.
//
//   node web-everyday.mjs ORIGIN TRAINER_EMAIL TRAINER_PASSWORD HIRE_EMAIL HIRE_PASSWORD \
//        CLIP_MP4 HANDOUT_PDF NOT_A_VIDEO_MP4 SCREENSHOT_DIR
//
// CLIP_MP4 is a short clip (about 10 s, with sound), HANDOUT_PDF a small PDF, NOT_A_VIDEO_MP4 a
// file that is not a video (text or PDF) named .mp4. The hire must be a member of the trainer's
// organisation with nothing assigned. Prints one JSON line {"video_id", "playlist_id",
// "handout_id", "resource_id", "poster_shown", "handout_inline", "items", "saved_position",
// "resume_at", "watched", "resume_note", "next", "home_progress", "report_progress",
// "report_item", "search_titles", "search_experts", "failed_video_id", "failed_sentence", "failed_in_trainer_search", "deleted",
// "problems"} and exits 0 when every screen worked; exits 1 with the failing step otherwise.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const [origin, trainerEmail, trainerPassword, hireEmail, hirePassword, clip, pdf, notVideo, shots] = process.argv.slice(2);
if (!shots) {
  console.error('usage: node web-everyday.mjs ORIGIN TRAINER_EMAIL TRAINER_PASSWORD HIRE_EMAIL HIRE_PASSWORD CLIP_MP4 HANDOUT_PDF NOT_A_VIDEO_MP4 SCREENSHOT_DIR');
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const VIDEO_TITLE = 'Forklift walkthrough';
const HANDOUT_TITLE = 'Forklift checklist';
const LINK_TITLE = 'Forklift maker’s guide';
const PLAYLIST_TITLE = 'Forklift basics';
const MISTAKE_TITLE = 'Shift notes by mistake';
const problems = [];
const seen = {};
let step = 'starting';

/** A signed-in phone: a fresh browser context (its own cookies and localStorage). */
async function phone(email, password, who) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  context.setDefaultTimeout(15000);
  // the link's site is outside this machine: answer for it here
  await context.route('https://example.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Guide</title><p>The guide.</p>' }));
  const signedIn = await context.request.post(`${origin}/api/v1/auth/login`, { data: { email, password } });
  if (!signedIn.ok()) throw new Error(`sign-in of ${email} answered ${signedIn.status()}`);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${who}: page error: ${e.message}`));
  return { context, page };
}
const shot = (page, name) => page.screenshot({ path: path.join(shots, name), fullPage: true });
const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

async function api(context, method, url) {
  const res = await context.request.fetch(`${origin}${url}`, { method });
  return { status: res.status(), body: res.ok() ? await res.json().catch(() => null) : null };
}

try {
  // --- a) the trainer ---------------------------------------------------------------------
  const trainer = await phone(trainerEmail, trainerPassword, 'trainer');
  let page = trainer.page;

  step = 'uploading the video through the Upload page';
  await page.goto(`${origin}/upload`);
  await page.getByLabel('Title', { exact: true }).fill(VIDEO_TITLE);
  await page.locator('input[name="video-file"]').setInputFiles(clip);
  step = 'waiting for the video to be ready on the Upload page';
  await page.locator('.upload-panel .upload-ready').waitFor({ timeout: 120000 });
  seen.poster_shown = await page.waitForFunction(() => {
    const img = document.querySelector('img.upload-poster');
    return img && img.complete && img.naturalWidth > 0;
  }, null, { timeout: 10000 }).then(() => true, () => false);
  const open = page.getByRole('link', { name: 'Open the video' });
  seen.video_id = decodeURIComponent((await open.getAttribute('href')).split('/').pop());
  await page.locator('.upload-list [data-video]').first().waitFor();
  await shot(page, 'everyday-upload-ready.png');
  if (!seen.poster_shown) throw new Error('the poster did not show on the Upload page');

  step = 'attaching the PDF on the video page';
  await open.click();
  await page.waitForURL(`**/videos/${encodeURIComponent(seen.video_id)}`);
  await page.getByRole('heading', { name: VIDEO_TITLE, level: 1 }).waitFor();
  await page.locator('input[name="handout-files"]').setInputFiles(pdf);
  const handoutRow = page.locator('.handout-items li[data-handout]').first();
  await handoutRow.waitFor();
  seen.handout_id = await handoutRow.getAttribute('data-handout');
  step = 'renaming the handout';
  await handoutRow.getByRole('button', { name: /^Rename/ }).click();
  await page.getByLabel(/^New title for/).fill(HANDOUT_TITLE);
  await page.locator('.handout-items form').getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('.handouts .saved', { hasText: 'Renamed' }).waitFor();
  const handoutLink = page.locator('.handout-items a.download').first();
  seen.handout_inline = (await handoutLink.getAttribute('target')) === '_blank' && (await handoutLink.getAttribute('href')).includes('inline=true');
  await shot(page, 'everyday-video-handout.png');

  step = 'adding a link in the library';
  await page.goto(`${origin}/library`);
  await page.locator('summary', { hasText: 'Add a link' }).click();
  await page.getByLabel('Link title').fill(LINK_TITLE);
  await page.getByLabel('Address (URL)').fill('https://example.com/forklift-guide');
  await page.getByLabel('Tag-line').fill('The maker’s own safety guide.');
  await page.getByLabel('Tags', { exact: true }).fill('forklift, safety');
  await page.getByRole('button', { name: 'Add link' }).click();
  await page.locator('.saved', { hasText: 'Added the link' }).waitFor();
  await page.locator('.results li', { hasText: LINK_TITLE }).first().waitFor();
  await shot(page, 'everyday-library-link.png');

  step = 'creating the playlist';
  await page.goto(`${origin}/manage/playlists`);
  await page.getByLabel('Title').fill(PLAYLIST_TITLE);
  await page.getByRole('button', { name: 'Create playlist' }).click();
  await page.waitForURL(/\/manage\/playlists\/[^/]+$/);
  seen.playlist_id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
  await page.getByRole('heading', { name: PLAYLIST_TITLE, level: 1 }).waitFor();
  const items = page.locator('ol.manage-items li');
  const search = page.getByLabel('Search the library');
  for (const title of [VIDEO_TITLE, HANDOUT_TITLE, LINK_TITLE]) {
    step = `adding "${title}" to the playlist`;
    const before = await items.count();
    await search.fill(title);
    const result = page.locator('.add-results li', { has: page.locator('.add-result-title', { hasText: exactly(title) }) });
    await result.first().waitFor();
    await result.first().getByRole('button', { name: /^Add/ }).click();
    await page.waitForFunction((n) => document.querySelectorAll('ol.manage-items li').length === n, before + 1);
    // once in the playlist, the result says so instead of offering Add again
    await result.first().locator('.in-playlist:not([hidden])').waitFor();
  }
  seen.items = await page.$$eval('ol.manage-items .manage-item-title', (els) => els.map((e) => e.textContent));
  step = 'publishing the playlist';
  await page.getByRole('checkbox', { name: /^Published/ }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('.saved', { hasText: 'published' }).waitFor();
  await shot(page, 'everyday-playlist-editor.png');

  step = 'assigning the playlist to the hire';
  await page.getByRole('link', { name: 'Progress report' }).click();
  await page.waitForURL(/\/report$/);
  const hireBox = page.getByRole('checkbox', { name: new RegExp(hireEmail.replace(/[.+]/g, '\\$&')) });
  await hireBox.check();
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await page.locator('.saved', { hasText: 'Assigned to 1 person' }).waitFor();
  await page.locator('.report-card', { hasText: hireEmail }).waitFor();
  if (!(await hireBox.isChecked()) || !(await hireBox.isDisabled())) problems.push('the assigned hire is not shown ticked');
  await shot(page, 'everyday-report-assigned.png');

  // --- b) the hire watches 40% on one phone, then carries on on another device ---------------
  step = 'the hire opens the video from the playlist';
  const hire = await phone(hireEmail, hirePassword, 'hire');
  page = hire.page;
  await page.goto(`${origin}/playlists/${encodeURIComponent(seen.playlist_id)}`);
  await page.locator('ol.steps li', { hasText: VIDEO_TITLE }).locator('.step-inner').click();
  await page.waitForURL(/\/videos\/[^/]+\?playlist=/);
  const video = page.locator('video');
  await video.waitFor();
  step = 'the hire watches about 40%';
  await page.waitForFunction(() => document.querySelector('video')?.readyState >= 1, null, { timeout: 20000 });
  const duration = await page.evaluate(() => document.querySelector('video').duration);
  const target = (Number.isFinite(duration) && duration > 0 ? duration : 10) * 0.4;
  await page.evaluate(() => {
    const v = document.querySelector('video');
    v.muted = true;
    return v.play();
  });
  await page.waitForFunction((t) => document.querySelector('video').currentTime >= t, target, { timeout: 30000 });
  const reported = page.waitForResponse((r) => r.url().includes('/progress') && r.request().method() === 'POST' && r.ok());
  await page.evaluate(() => document.querySelector('video').pause());
  await reported;
  await page.locator('.watched', { hasText: /Watched \d+%/ }).waitFor();
  seen.watched = (await page.locator('.watched').textContent()).trim();
  await shot(page, 'everyday-hire-watched.png');
  const afterWatch = await api(hire.context, 'GET', `/api/v1/videos/${encodeURIComponent(seen.video_id)}`);
  seen.saved_position = afterWatch.body?.my_progress?.position_s ?? null;
  if (seen.saved_position === null) throw new Error(`the server has no saved position (${JSON.stringify(afterWatch.body?.my_progress)})`);
  await hire.context.close();

  step = 'the hire opens the video on another device';
  const other = await phone(hireEmail, hirePassword, 'hire, other device');
  page = other.page;
  await page.goto(`${origin}/videos/${encodeURIComponent(seen.video_id)}?playlist=${encodeURIComponent(seen.playlist_id)}`);
  await page.locator('.resume-note').waitFor();
  await page.waitForFunction(() => { const v = document.querySelector('video'); return v && v.readyState >= 1 && v.currentTime > 0; });
  seen.resume_at = await page.evaluate(() => document.querySelector('video').currentTime);
  seen.resume_note = (await page.locator('.resume-note').textContent()).trim();
  seen.next = (await page.locator('.next .next-title').textContent()).trim();
  await page.locator('.watched', { hasText: /Watched \d+%/ }).waitFor();
  await shot(page, 'everyday-hire-resumed.png');
  if (Math.abs(seen.resume_at - seen.saved_position) > 2) {
    throw new Error(`the player started at ${seen.resume_at} s, the saved position is ${seen.saved_position} s`);
  }

  step = 'the hire’s home shows the partial progress';
  await page.goto(`${origin}/`);
  const card = page.locator('.assignment', { hasText: PLAYLIST_TITLE });
  await card.waitFor();
  seen.home_progress = (await card.locator('.progress-text').textContent()).trim();
  await shot(page, 'everyday-hire-home.png');
  if (!/\b([1-9]\d?)%/.test(seen.home_progress)) throw new Error(`home shows "${seen.home_progress}"`);

  step = 'the trainer’s report shows the partial progress for that item';
  page = trainer.page;
  await page.reload();
  const row = page.locator('.report-card', { hasText: hireEmail });
  await row.waitFor();
  seen.report_progress = (await row.locator('.progress-text').textContent()).trim();
  await row.locator('summary', { hasText: 'Items' }).click();
  const item = row.locator('.report-item', { hasText: VIDEO_TITLE });
  seen.report_item = (await item.locator('.report-item-state').textContent()).trim();
  await shot(page, 'everyday-report-items.png');
  if (!/Watched \d+%/.test(seen.report_item)) throw new Error(`the report says "${seen.report_item}" for the video`);

  step = 'the hire searches the library for a plural and finds the video and its expert';
  page = other.page;
  await page.goto(`${origin}/library`);
  await page.getByLabel('Search the library').fill('forklifts');
  await page.locator('.results .card-title', { hasText: VIDEO_TITLE }).first().waitFor();
  seen.search_titles = await page.$$eval('.results .card-title', (els) => els.map((e) => e.textContent.trim()));
  await page.locator('.experts .expert-list').waitFor();
  seen.search_experts = await page.$$eval('.experts .expert-list li', (els) => els.map((e) => e.textContent.trim()));
  await shot(page, 'everyday-hire-search.png');

  // --- c) a file that is not a video, uploaded by mistake ------------------------------------
  step = 'the hire uploads a file that is not a video';
  page = other.page;
  await page.goto(`${origin}/upload`);
  await page.getByLabel('Title', { exact: true }).fill(MISTAKE_TITLE);
  await page.locator('input[name="video-file"]').setInputFiles(notVideo);
  const failed = page.locator('.upload-panel .upload-failed');
  await failed.waitFor({ timeout: 120000 });
  seen.failed_sentence = (await failed.locator('.failed-reason').textContent()).trim();
  seen.failed_video_id = await page.locator('.upload-panel [data-video]').getAttribute('data-video');
  // "Your uploads" lists it too, failed, so it can be found later
  await page.locator(`.upload-list li.is-failed[data-video="${seen.failed_video_id}"]`).waitFor();
  await page.getByRole('button', { name: 'Try another file' }).waitFor();
  await shot(page, 'everyday-upload-failed.png');
  const found = await api(trainer.context, 'GET', `/api/v1/library?q=${encodeURIComponent(MISTAKE_TITLE)}`);
  seen.failed_in_trainer_search = (found.body?.items ?? []).some((i) => i.id === seen.failed_video_id);

  step = 'the hire deletes the failed upload';
  const panel = page.locator('.upload-panel');
  await panel.getByRole('button', { name: 'Delete', exact: true }).click();
  await panel.locator('.notice-confirm').waitFor();
  await panel.getByRole('button', { name: /^Yes, delete/ }).click();
  await panel.locator('.saved', { hasText: 'Deleted' }).waitFor();
  await page.waitForFunction((id) => !document.querySelector(`.upload-list [data-video="${id}"]`), seen.failed_video_id);
  const gone = await api(other.context, 'GET', `/api/v1/videos/${encodeURIComponent(seen.failed_video_id)}`);
  seen.deleted = gone.status === 404;
  await shot(page, 'everyday-upload-deleted.png');

  console.log(JSON.stringify({ ...seen, problems }));
  const ok = seen.deleted && !seen.failed_in_trainer_search && seen.handout_inline && seen.items.length === 3;
  if (!ok) console.error('the everyday flows did not all hold: see the JSON above');
  process.exitCode = ok && problems.length === 0 ? 0 : 1;
} catch (e) {
  console.error(`the everyday flows did not work while ${step}: ${e.message}`);
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
