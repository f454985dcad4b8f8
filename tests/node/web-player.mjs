// The player page of issue 16 end to end, at a phone's size with touch (390x844) and on a laptop
// (1280x800), in Debian's Chromium:
//  - a trainer uploads the video through the Upload page, then, on the ready video's page, adds
//    the captions file through its "Captions" section (the second time the same language again,
//    which replaces it) and, the first time, the moments: a chapter and a link shown at its time,
//    through the moments editor;
//  - a member on the video page: picks a quality rung in the settings menu and the playing
//    rendition's height changes to it (the <video>'s videoHeight); sees a storyboard thumbnail
//    while hovering the time bar; turns English captions on in the captions menu and the cue with
//    the search word is the text track's active cue at its time; clicks a transcript line and
//    playback moves there (the line marked current); plays up to the link moment and its card
//    appears only then; on the laptop, "?" opens the keyboard shortcuts; a library search for the
//    word (only in the captions) says where it is said and opens the video at the cue's time.
// Screenshots of the player at both sizes go to SCREENSHOT_DIR.
//
//   node web-player.mjs ORIGIN TRAINER_EMAIL TRAINER_PASSWORD MEMBER_EMAIL MEMBER_PASSWORD \
//        CLIP_MP4 CAPTIONS_VTT SCREENSHOT_DIR
//
// CLIP_MP4: about 20-30 s with sound, at least 640x360 (so the server makes two rungs or more).
// CAPTIONS_VTT: WebVTT in English whose cues fall within the clip, one of them (not the first)
// holding the word "periwinkle", which must be nowhere else (titles, tags, other cues). The
// member must be in the trainer's organisation. Prints one JSON line {"video_id", "phone": {...},
// "laptop": {...}, "search": {...}, "problems"} and exits 0 when everything held; exits 1 with
// the failing step otherwise.
import { DESKTOP, PHONE, launch } from './lib/pages.mjs';
import fs from 'node:fs';
import path from 'node:path';

const [origin, trainerEmail, trainerPassword, memberEmail, memberPassword, clip, captionsFile, shots] = process.argv.slice(2);
if (!shots) {
  console.error('usage: node web-player.mjs ORIGIN TRAINER_EMAIL TRAINER_PASSWORD MEMBER_EMAIL MEMBER_PASSWORD CLIP_MP4 CAPTIONS_VTT SCREENSHOT_DIR');
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });
const WORD = 'periwinkle';
const VIDEO_TITLE = 'Loading dock walkthrough';
const LINK_TITLE = 'Dock safety guide';
const CARD_TITLE = 'Read the dock guide';
const CHAPTER_TITLE = 'Brakes';

const SIZES = {
  phone: PHONE,
  laptop: DESKTOP,
};

// --- the captions file, read here the way a person reads it: its cues and the word's cue -------
function seconds(ts) {
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})$/.exec(ts.trim());
  if (!m) throw new Error(`cannot read the timestamp "${ts}" in ${captionsFile}`);
  return (Number(m[1] ?? 0) * 3600) + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}
const cues = fs.readFileSync(captionsFile, 'utf8').replace(/\r\n?/g, '\n').split(/\n\n+/)
  .map((block) => block.split('\n').filter(Boolean))
  .filter((lines) => lines.some((l) => l.includes('-->')))
  .map((lines) => {
    const at = lines.findIndex((l) => l.includes('-->'));
    const [from, to] = lines[at].split('-->');
    return { start: seconds(from), end: seconds(to.trim().split(/\s+/)[0]), text: lines.slice(at + 1).join(' ').replace(/<[^>]*>/g, '') };
  });
const wordCue = cues.find((c) => c.text.toLowerCase().includes(WORD));
if (!wordCue || cues.indexOf(wordCue) === 0) {
  console.error(`${captionsFile} must hold "${WORD}" in a cue after the first`);
  process.exit(2);
}
/** the transcript line the member clicks: the one before the word's */
const clickCue = cues[cues.indexOf(wordCue) - 1];

const browser = await launch(['--autoplay-policy=no-user-gesture-required']);
const problems = [];
const seen = { video_id: null };
let step = 'starting';
/** the page in use, for a screenshot when a step fails */
let page = null;

async function signedIn(email, password, size, who) {
  const context = await browser.newContext(SIZES[size]);
  context.setDefaultTimeout(15000);
  // the link's site is outside this machine: answer for it here
  await context.route('https://example.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Guide</title><p>The guide.</p>' }));
  const res = await context.request.post(`${origin}/api/v1/auth/login`, { data: { email, password } });
  if (!res.ok()) throw new Error(`sign-in of ${email} answered ${res.status()}`);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${who} (${size}): page error: ${e.message}`));
  return { context, page };
}
const shot = (page, name, fullPage = false) => page.screenshot({ path: path.join(shots, name), fullPage });
const videoTime = (page) => page.evaluate(() => document.querySelector('video').currentTime);

/** Seeks the <video> (as the player's own controls do) and waits until it is there. */
async function seekTo(page, t) {
  await page.evaluate((t) => { document.querySelector('video').currentTime = t; }, t);
  await page.waitForFunction((t) => { const v = document.querySelector('video'); return !v.seeking && Math.abs(v.currentTime - t) < 0.5; }, t);
}

/** Opens a media-chrome menu by its button and picks the item named `name` (shadow roots pierced). */
async function pick(page, button, name) {
  await page.locator(button).click();
  await page.getByRole('menuitemradio', { name, exact: true }).click();
}

try {
  // --- the trainer: the video, then a link for a moment to open ----------------------------------
  step = 'the trainer uploads the video through the Upload page';
  let trainer = await signedIn(trainerEmail, trainerPassword, 'phone', 'trainer');
  page = trainer.page;
  await page.goto(`${origin}/upload`);
  await page.getByLabel('Title', { exact: true }).fill(VIDEO_TITLE);
  await page.locator('input[name="video-file"]').setInputFiles(clip);
  await page.locator('.upload-panel .upload-ready').waitFor({ timeout: 180000 });
  const open = page.getByRole('link', { name: 'Open the video' });
  seen.video_id = decodeURIComponent((await open.getAttribute('href')).split('/').pop());
  const videoUrl = `${origin}/videos/${encodeURIComponent(seen.video_id)}`;
  const made = await trainer.context.request.post(`${origin}/api/v1/resources`, { data: { title: LINK_TITLE, url: 'https://example.com/dock-guide' } });
  if (!made.ok()) throw new Error(`making the link answered ${made.status()}`);
  const linkId = (await made.json()).id;
  const duration = (await (await trainer.context.request.get(`${origin}/api/v1/videos/${seen.video_id}`)).json()).duration_s;
  // the card's moment: a few seconds after the clicked line, before the word's cue ends
  const cardAt = Math.round((clickCue.end + 1) * 10) / 10;
  const chapterAt = Math.max(1, Math.floor(cues[0].start));
  if (!(cardAt < duration - 2)) throw new Error(`the clip (${duration} s) is too short for the captions`);
  await trainer.context.close();

  for (const size of ['phone', 'laptop']) {
    const seenHere = {};
    seen[size] = seenHere;

    // --- the trainer adds the captions (and, the first time, the moments) on the page -------------
    step = `${size}: the trainer adds the captions through the video page`;
    trainer = await signedIn(trainerEmail, trainerPassword, size, 'trainer');
    page = trainer.page;
    await page.goto(videoUrl);
    const captions = page.locator('section.captions-section');
    await captions.waitFor();
    // a file that is not captions first: the server's sentence is shown
    await captions.locator('input[name="captions-file"]').setInputFiles({ name: 'notes.vtt', mimeType: 'text/vtt', buffer: Buffer.from('just some notes\n') });
    await captions.locator('input[name="captions-language"]').fill('en');
    await captions.getByRole('button', { name: 'Add captions' }).click();
    seenHere.refused = (await captions.locator('.notice-error').textContent({ timeout: 10000 })).trim();
    await captions.locator('input[name="captions-file"]').setInputFiles(captionsFile);
    await captions.locator('input[name="captions-language"]').fill('en');
    await captions.locator('input[name="captions-label"]').fill('English');
    await captions.getByRole('button', { name: 'Add captions' }).click();
    seenHere.added = (await captions.locator('.saved', { hasText: /(Added|Replaced) the English captions/ }).textContent()).trim();
    await captions.locator('li[data-language="en"]').waitFor();
    // the transcript on the trainer's page follows at once
    await page.locator('.transcript .transcript-line', { hasText: WORD }).waitFor();

    if (size === 'phone') {
      step = `${size}: the trainer adds a chapter and a link moment in the moments editor`;
      const editor = page.locator('section.moments-section');
      // a new moment goes in time order, its title focused
      const added = () => editor.locator('li.moment-row:has(input[name="moment-title"]:focus)');
      await editor.getByRole('button', { name: 'Add at current time' }).click();
      let row = editor.locator(`li.moment-row[data-key="${await added().getAttribute('data-key')}"]`);
      await row.locator('input[name="moment-at"]').fill(String(chapterAt));
      await row.locator('input[name="moment-title"]').fill(CHAPTER_TITLE);
      await editor.getByRole('button', { name: 'Add at current time' }).click();
      row = editor.locator(`li.moment-row[data-key="${await added().getAttribute('data-key')}"]`);
      await row.locator('input[name="moment-at"]').fill(String(cardAt));
      await row.locator('input[name="moment-title"]').fill(CARD_TITLE);
      // the library's links are offered once the editor is used
      await row.locator(`select[name="moment-opens"] option[value="r:${linkId}"]`).waitFor({ state: 'attached' });
      await row.locator('select[name="moment-opens"]').selectOption(`r:${linkId}`);
      await editor.getByRole('button', { name: 'Save moments' }).click();
      seenHere.moments_saved = (await editor.locator('.saved', { hasText: 'Saved 2 moments' }).textContent()).trim();
    }
    await shot(page, `player-${size}-trainer.png`, true);
    await trainer.context.close();

    // --- the member watches ------------------------------------------------------------------------
    step = `${size}: the member opens the video`;
    const member = await signedIn(memberEmail, memberPassword, size, 'member');
    page = member.page;
    await page.goto(videoUrl);
    await page.locator('media-controller.player').waitFor();
    await page.waitForFunction(() => document.querySelector('video')?.readyState >= 1, null, { timeout: 20000 });
    await seekTo(page, 0);

    step = `${size}: the member starts playback with the play button`;
    await page.locator('media-play-button').click();
    await page.waitForFunction(() => { const v = document.querySelector('video'); return !v.paused && v.currentTime > 0.3 && v.videoHeight > 0; }, null, { timeout: 20000 });

    step = `${size}: the member picks a quality rung`;
    const before = await page.evaluate(() => document.querySelector('video').videoHeight);
    await page.locator('media-settings-menu-button').click();
    await page.locator('media-settings-menu-item', { hasText: 'Quality' }).click();
    const rungs = await page.getByRole('menuitemradio').evaluateAll((items) =>
      items.map((i) => i.textContent.trim()).filter((t) => /^\d+p$/.test(t)));
    const rung = rungs.find((r) => parseInt(r, 10) !== before);
    if (!rung) throw new Error(`no other rung than ${before}p in the quality menu (${rungs.join(', ')})`);
    await page.getByRole('menuitemradio', { name: rung, exact: true }).click();
    await page.waitForFunction((h) => document.querySelector('video').videoHeight === h, parseInt(rung, 10), { timeout: 30000 });
    seenHere.quality = { rungs, before, picked: rung, after: await page.evaluate(() => document.querySelector('video').videoHeight) };
    await page.keyboard.press('Escape'); // the menu may still be open

    step = `${size}: the member hovers the time bar and sees a storyboard thumbnail`;
    const bar = page.locator('media-time-range');
    const box = await bar.boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width * 0.62, box.y + box.height / 2);
    await page.waitForFunction(() => {
      const t = document.querySelector('media-time-range')?.shadowRoot?.querySelector('media-preview-thumbnail');
      const img = t?.shadowRoot?.querySelector('img');
      return !!img && /storyboard\/sheet_/.test(img.src) && img.complete && img.naturalWidth > 0 && t.getBoundingClientRect().width > 0;
    }, null, { timeout: 10000 });
    seenHere.thumbnail = await page.evaluate(() => {
      const t = document.querySelector('media-time-range').shadowRoot.querySelector('media-preview-thumbnail');
      return { src: t.shadowRoot.querySelector('img').src.replace(/^.*\/storyboard\//, 'storyboard/'), coords: t.getAttribute('mediapreviewcoords') };
    });
    await shot(page, `player-${size}-thumbnail.png`);
    await page.mouse.move(1, 1);

    step = `${size}: the member turns English captions on and sees the cue at its time`;
    await page.evaluate(() => document.querySelector('video').pause());
    await pick(page, 'media-captions-menu-button', 'English');
    await seekTo(page, wordCue.start + 0.4);
    await page.waitForFunction((word) => {
      const t = Array.from(document.querySelector('video').textTracks).find((x) => x.mode === 'showing' && x.kind === 'subtitles');
      return !!t && Array.from(t.activeCues ?? []).some((c) => c.text.toLowerCase().includes(word));
    }, WORD, { timeout: 10000 });
    seenHere.caption = await page.evaluate(() => {
      const t = Array.from(document.querySelector('video').textTracks).find((x) => x.mode === 'showing' && x.kind === 'subtitles');
      return { language: t.language, cue: t.activeCues[0].text, at: document.querySelector('video').currentTime };
    });
    // the transcript marks the same line
    seenHere.transcript_current = (await page.locator('.transcript-line[aria-current="true"] .transcript-text').textContent()).trim();
    if (!seenHere.transcript_current.toLowerCase().includes(WORD)) throw new Error(`the transcript marks "${seenHere.transcript_current}" at the word's cue`);
    await shot(page, `player-${size}-captions.png`, true);

    step = `${size}: a transcript line click seeks the video`;
    await page.locator('.transcript-line', { hasText: clickCue.text.slice(0, 20) }).click();
    await page.waitForFunction((t) => Math.abs(document.querySelector('video').currentTime - t) < 0.6, clickCue.start, { timeout: 5000 });
    seenHere.transcript_seek = { cue: clickCue.start, at: await videoTime(page) };
    const current = (await page.locator('.transcript-line[aria-current="true"]').getAttribute('data-start'));
    if (Number(current) !== clickCue.start) throw new Error(`after the click the transcript marks the line at ${current}, not ${clickCue.start}`);

    step = `${size}: the link moment's card appears when playback reaches it`;
    const cards = page.locator('.moment-card', { hasText: CARD_TITLE });
    await seekTo(page, Math.max(0, cardAt - 2));
    if (await cards.count()) throw new Error(`the card "${CARD_TITLE}" shows ${2} s before its time`);
    await page.evaluate(() => document.querySelector('video').play());
    await cards.waitFor({ timeout: 10000 });
    const shownAt = await videoTime(page);
    await page.evaluate(() => document.querySelector('video').pause());
    seenHere.card = { at: cardAt, shown_at: shownAt, text: (await cards.textContent()).trim() };
    if (shownAt < cardAt - 0.5) throw new Error(`the card appeared at ${shownAt} s, its moment is at ${cardAt} s`);
    // the chapters are marks on the bar and a list
    seenHere.chapters = await page.locator('.chapter-line').allTextContents();
    await shot(page, `player-${size}.png`);
    await shot(page, `player-${size}-page.png`, true);

    if (size === 'laptop') {
      step = `${size}: "?" opens the keyboard shortcuts`;
      await page.locator('main').focus();
      await page.keyboard.press('Shift+Slash');
      await page.locator('media-keyboard-shortcuts-dialog[open]').waitFor({ timeout: 5000 });
      seenHere.shortcuts = true;
      await shot(page, `player-${size}-shortcuts.png`);
      await page.keyboard.press('Escape');
      step = `${size}: "k" plays and pauses with the page focused`;
      await page.locator('main').focus();
      await page.keyboard.press('k');
      // playing, and the player knows it (else the next "k" would ask to play again)
      await page.waitForFunction(() => !document.querySelector('video').paused && !document.querySelector('media-controller').hasAttribute('mediapaused'), null, { timeout: 5000 });
      step = `${size}: "k" again pauses`;
      await page.keyboard.press('k');
      await page.waitForFunction(() => document.querySelector('video').paused, null, { timeout: 5000 });
      seenHere.keys = true;
    }

    // --- the search finds the word in the captions and opens the video there ------------------------
    step = `${size}: a library search for "${WORD}" opens the video at the cue`;
    await page.goto(`${origin}/library`);
    const search = page.getByRole('searchbox').first();
    await search.fill(WORD);
    await search.press('Enter');
    const hit = page.locator(`li.result:has(a.result-link[href^="/videos/${encodeURIComponent(seen.video_id)}"])`);
    await hit.waitFor();
    const where = (await hit.locator('.hit-time').textContent()).trim();
    const href = await hit.locator('a.result-link').getAttribute('href');
    await hit.locator('a.result-link').click();
    await page.waitForURL(/\/videos\/[^/?]+\?t=/);
    await page.waitForFunction(() => { const v = document.querySelector('video'); return v && v.readyState >= 1 && v.currentTime > 0; }, null, { timeout: 20000 });
    const startedAt = await videoTime(page);
    seen.search = { ...(seen.search ?? {}), [size]: { where, href, started_at: startedAt, cue: wordCue.start } };
    if (Math.abs(startedAt - wordCue.start) > 0.5) throw new Error(`the video opened at ${startedAt} s, the cue starts at ${wordCue.start} s`);
    await member.context.close();
  }

  console.log(JSON.stringify({ ...seen, problems }));
  process.exitCode = problems.length === 0 ? 0 : 1;
  if (problems.length) console.error(problems.join('\n'));
} catch (e) {
  console.error(`the player did not work while ${step}: ${e.message}`);
  await page?.screenshot({ path: path.join(shots, 'player-failed.png'), fullPage: true }).catch(() => {});
  console.log(JSON.stringify({ ...seen, problems, failed: step }));
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
