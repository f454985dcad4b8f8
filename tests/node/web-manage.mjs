// The manage screens of issue 16, the upload queue and brand colours, on a phone (Debian's
// Chromium at 390x844, touch), key screens again at 1280x800 and checked for sideways scrolling
// at 320 px:
//  1. an admin picks a yellow primary colour (#ffff00): the branding form's live preview wears the
//     derived colours (text on the bar, the button, the link and the bar on the page must reach
//     WCAG AA, computed here from the page's computed styles), saves it, and the app bar, a
//     primary button, the current page in the bottom navigation, a focus ring and a link of the
//     running app pass too; turns on "Review uploads";
//  2. on "Invitations" withdraws one invitation and resends another (a new link with Copy, and
//     whether it was emailed; the old link stops working, the new one works);
//  3. on "People" changes a person's role to trainer, then deactivates them (asked first);
//  4. a member picks two files at once on the Upload page (a real clip and a text file named .mp4):
//     each row shows its upload, the clip "Transcoding n%" and then ready with its poster, the
//     other failed with the server's sentence;
//  5. a trainer approves the clip from "Reviews" (it was held);
//  6. the trainer changes one assignee's due date and removes another on a playlist's report,
//     then opens the first person's report across playlists (and its CSV);
//  7. the admin rotates the playback signing key on the organisation screen: a playback link made
//     before stops working, one made after works.
// Everything the script needs it makes through the API first (two people who accept invitations,
// two invitations, a playlist with a link assigned to two people).
//
//   node web-manage.mjs ORIGIN ADMIN_EMAIL ADMIN_PASSWORD TRAINER_EMAIL TRAINER_PASSWORD \
//        MEMBER_EMAIL MEMBER_PASSWORD CLIP_MP4 NOT_A_VIDEO_MP4 SCREENSHOT_DIR
//
// The three must be of one organisation, with the roles their names say; CLIP_MP4 a short clip
// (about 30 s at 640x360, so that its transcoding takes a few seconds), NOT_A_VIDEO_MP4 a text file named .mp4. Prints one JSON line and exits 0 when
// every screen worked; exits 1 with the failing step otherwise.
import { DESKTOP, PHONE, launch } from './lib/pages.mjs';
import fs from 'node:fs';
import path from 'node:path';

const [origin, adminEmail, adminPassword, trainerEmail, trainerPassword, memberEmail, memberPassword, clip, notVideo, shots] =
  process.argv.slice(2);
if (!shots) {
  console.error('usage: node web-manage.mjs ORIGIN ADMIN_EMAIL ADMIN_PASSWORD TRAINER_EMAIL TRAINER_PASSWORD MEMBER_EMAIL MEMBER_PASSWORD CLIP_MP4 NOT_A_VIDEO_MP4 SCREENSHOT_DIR');
  process.exit(2);
}
for (const f of [clip, notVideo]) {
  if (!fs.existsSync(f)) {
    console.error(`no file at ${f}`);
    process.exit(2);
  }
}
fs.mkdirSync(shots, { recursive: true });
const browser = await launch();
const YELLOW = '#ffff00';
const LAPTOP = DESKTOP;
const problems = [];
const seen = {};
let step = 'starting';

async function signedIn(email, password, who, device = PHONE) {
  const context = await browser.newContext(device);
  context.setDefaultTimeout(15000);
  const res = await context.request.post(`${origin}/api/v1/auth/login`, { data: { email, password } });
  if (!res.ok()) throw new Error(`sign-in of ${email} answered ${res.status()}`);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${who}: page error: ${e.message}`));
  return { context, page };
}

/** A call of the API as the context's person; throws on an unexpected status. */
async function api(context, method, url, data, expect = [200, 201, 204]) {
  const res = await context.request.fetch(`${origin}${url}`, { method, data, headers: data ? { 'content-type': 'application/json' } : {} });
  const text = await res.text();
  if (!expect.includes(res.status())) throw new Error(`${method} ${url} answered ${res.status()}: ${text}`);
  return { status: res.status(), body: text && res.headers()['content-type']?.includes('json') ? JSON.parse(text) : text };
}

const shot = (page, name) => page.screenshot({ path: path.join(shots, name), fullPage: true });
/** True when the page scrolls sideways (something does not fit the width). */
const overflows = (page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

/** In the page: the WCAG contrast of an element's text colour against the background it sits on
 *  (its own, or the first of its ancestors that has one), or of `property` against the element's
 *  parent background. */
async function contrastOf(locator, property = 'color', against = 'self') {
  return locator.evaluate((el, [property, against]) => {
    const rgb = (s) => (s.match(/[\d.]+/g) ?? []).slice(0, 4).map(Number);
    const lum = ([r, g, b]) => {
      const f = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const backgroundOf = (node) => {
      for (let n = node; n; n = n.parentElement) {
        const c = rgb(getComputedStyle(n).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c;
      }
      return [255, 255, 255];
    };
    const fg = rgb(getComputedStyle(el)[property]);
    const bg = backgroundOf(against === 'parent' ? el.parentElement : el);
    const [a, b] = [lum(fg), lum(bg)];
    return Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100;
  }, [property, against]);
}

try {
  const admin = await signedIn(adminEmail, adminPassword, 'admin');
  const trainer = await signedIn(trainerEmail, trainerPassword, 'trainer');

  // --- what the screens act on, made through the API ----------------------------------------
  step = 'making two people, two invitations and an assigned playlist through the API';
  const stamp = Date.now().toString(36);
  const person = async (name) => {
    const email = `${name.toLowerCase()}-${stamp}@example.com`;
    const inv = (await api(admin.context, 'POST', '/api/v1/invitations', { email, role: 'member' })).body;
    const guest = await browser.newContext();
    await api(guest, 'POST', '/api/v1/invitations/accept', { token: inv.token, name: `${name} Example`, password: 'a long enough password' });
    await guest.close();
    const people = (await api(admin.context, 'GET', '/api/v1/users')).body;
    return people.find((p) => p.email === email);
  };
  const pat = await person('Pat');
  const sam = await person('Sam');
  const withdrawEmail = `withdraw-${stamp}@example.com`;
  const resendEmail = `resend-${stamp}@example.com`;
  await api(admin.context, 'POST', '/api/v1/invitations', { email: withdrawEmail, role: 'member' });
  const toResend = (await api(admin.context, 'POST', '/api/v1/invitations', { email: resendEmail, role: 'trainer' })).body;
  const members = (await api(trainer.context, 'GET', '/api/v1/users')).body;
  const member = members.find((p) => p.email === memberEmail);
  if (!member) throw new Error(`${memberEmail} is not among the trainer's people`);
  const resource = (await api(trainer.context, 'POST', '/api/v1/resources', { title: `Safety guide ${stamp}`, url: 'https://example.com/guide' })).body;
  const playlist = (await api(trainer.context, 'POST', '/api/v1/playlists', { title: `Week one ${stamp}`, published: true, onboarding: true })).body;
  await api(trainer.context, 'POST', `/api/v1/playlists/${playlist.id}/items`, { kind: 'resource', item_id: resource.id });
  const firstDue = new Date(2031, 0, 15, 23, 59, 59).getTime();
  await api(trainer.context, 'POST', `/api/v1/playlists/${playlist.id}/assignments`, { user_ids: [member.id, sam.id], due_at: firstDue });
  Object.assign(seen, { playlist_id: playlist.id, pat_id: pat.id, sam_id: sam.id, withdraw_email: withdrawEmail, resend_email: resendEmail });

  // --- 1. brand colours ------------------------------------------------------------------------
  let page = admin.page;
  step = 'opening the organisation screen from the manage area';
  await page.goto(`${origin}/manage/playlists`);
  await page.locator('nav.manage-nav').getByRole('link', { name: 'Organisation', exact: true }).click();
  await page.waitForURL('**/manage/organisation');
  await page.getByRole('heading', { name: 'Branding' }).waitFor();

  step = 'picking a yellow primary colour: the preview';
  const preview = page.locator('.brand-preview');
  await page.getByLabel('Primary colour', { exact: true }).fill(YELLOW);
  await page.waitForFunction(() => {
    const bar = document.querySelector('.brand-preview .preview-bar');
    return bar && getComputedStyle(bar).backgroundColor === 'rgb(255, 255, 0)';
  });
  seen.preview = {
    bar_text: await contrastOf(preview.locator('.preview-bar .preview-brand')),
    button_text: await contrastOf(preview.locator('.preview-button')),
    button_edge: await contrastOf(preview.locator('.preview-button'), 'borderTopColor', 'parent'),
    link: await contrastOf(preview.locator('.preview-link')),
    bar_fill: await contrastOf(preview.locator('.progress-fill'), 'backgroundColor', 'parent'),
    facts: (await preview.locator('.preview-facts').innerText()).trim(),
  };
  seen.too_light_refusal = await page.locator('form[aria-labelledby="branding-heading"] .notice-error').count();
  await preview.scrollIntoViewIfNeeded();
  await shot(page, 'manage-branding-preview.png');

  step = 'saving the yellow branding';
  const brandingForm = page.locator('form[aria-labelledby="branding-heading"]');
  await page.getByRole('button', { name: 'Save branding' }).click();
  await brandingForm.locator('.saved, .notice-error').first().waitFor();
  if (await brandingForm.locator('.notice-error').count()) {
    throw new Error(`the branding was refused: ${(await brandingForm.locator('.notice-error').innerText()).trim()}`);
  }
  seen.saved_primary = (await api(admin.context, 'GET', '/api/v1/branding')).body.primary_color;
  const nameField = page.getByLabel('Name', { exact: true });
  await nameField.focus();
  seen.app = {
    bar_text: await contrastOf(page.locator('header.app-header .brand-name')),
    button_text: await contrastOf(page.getByRole('button', { name: 'Save branding' })),
    current_nav: await contrastOf(page.locator('.nav a[aria-current="page"]')),
    focus_ring: await contrastOf(nameField, 'outlineColor', 'parent'),
  };

  step = 'turning on the review of uploads';
  await page.getByRole('checkbox', { name: /^Review uploads/ }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.locator('form[aria-labelledby="settings-heading"] .saved', { hasText: 'Settings saved' }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'manage-organisation-yellow.png');

  // --- 2. invitations ----------------------------------------------------------------------------
  step = 'opening the invitations';
  await page.locator('nav.manage-nav').getByRole('link', { name: 'Invitations', exact: true }).click();
  await page.waitForURL('**/manage/invitations');
  const invitation = (email) => page.locator('li.invitation', { hasText: email });
  await invitation(withdrawEmail).waitFor();
  // a link in the page's text, in the shade derived from yellow
  seen.app.link = await contrastOf(page.locator('main p a[href="/manage/invite"]'));
  await shot(page, 'manage-invitations.png');

  step = 'withdrawing an invitation';
  await invitation(withdrawEmail).getByRole('button', { name: /^Withdraw/ }).click();
  await invitation(withdrawEmail).getByRole('button', { name: 'Yes, withdraw' }).click();
  await page.locator('.saved', { hasText: `Withdrew the invitation of ${withdrawEmail}` }).waitFor();
  await invitation(withdrawEmail).waitFor({ state: 'detached' });
  seen.withdrawn = !(await api(admin.context, 'GET', '/api/v1/invitations')).body.some((i) => i.email === withdrawEmail);

  step = 'resending an invitation';
  await invitation(resendEmail).getByRole('button', { name: /^Resend/ }).click();
  const newLink = invitation(resendEmail).locator('input.copy-input');
  await newLink.waitFor();
  seen.resend_link = await newLink.inputValue();
  seen.resend_note = (await invitation(resendEmail).locator('.resend-note').innerText()).trim();
  await invitation(resendEmail).getByRole('button', { name: 'Copy' }).waitFor();
  const guest = await browser.newContext();
  const lookup = async (token) => (await api(guest, 'POST', '/api/v1/invitations/lookup', { token }, [200, 404])).body?.state ?? 'unknown';
  seen.old_link_state = await lookup(toResend.token);
  seen.new_link_state = await lookup(seen.resend_link.split('/invite/')[1] ?? '');
  await guest.close();
  await shot(page, 'manage-invitations-resent.png');

  // --- 3. people -----------------------------------------------------------------------------------
  step = 'opening People';
  await page.locator('nav.manage-nav').getByRole('link', { name: 'People', exact: true }).click();
  await page.waitForURL('**/manage/people');
  const patRow = page.locator(`li.person[data-user="${pat.id}"]`);
  await patRow.waitFor();
  await shot(page, 'manage-people.png');

  step = 'changing a person’s role';
  await patRow.getByRole('button', { name: /^Change role/ }).click();
  await patRow.getByLabel(/^Role of /).selectOption('trainer');
  await patRow.getByRole('button', { name: 'Save role' }).click();
  await patRow.locator('.saved', { hasText: 'is now a trainer' }).waitFor();
  seen.role_shown = (await patRow.locator('.person-role').innerText()).trim();

  step = 'deactivating the person';
  await patRow.getByRole('button', { name: /^Deactivate/ }).click();
  await patRow.locator('.notice-confirm').waitFor();
  await shot(page, 'manage-people-deactivate.png');
  await patRow.getByRole('button', { name: 'Yes, deactivate' }).click();
  await patRow.locator('.saved', { hasText: 'is deactivated' }).waitFor();
  seen.active_shown = (await patRow.locator('.person-active').innerText()).trim();
  await patRow.getByRole('button', { name: /^Reactivate/ }).waitFor();
  const patNow = (await api(admin.context, 'GET', '/api/v1/users')).body.find((p) => p.id === pat.id);
  seen.pat = { role: patNow.role, active: patNow.active };

  // --- 4. a member uploads two files at once -----------------------------------------------------
  step = 'the member picks two files on the Upload page';
  const memberPhone = await signedIn(memberEmail, memberPassword, 'member');
  page = memberPhone.page;
  await page.goto(`${origin}/upload`);
  await page.getByLabel('Title', { exact: true }).fill(`Dock tour ${stamp}`);
  // every text the rows' bars and status lines show, as they change
  await page.evaluate(() => {
    window.__rows = {};
    const record = () => {
      for (const row of document.querySelectorAll('.upload-queue .upload-panel')) {
        const name = row.querySelector('.upload-file strong')?.textContent ?? '?';
        const texts = (window.__rows[name] ??= { bar: [], status: [] });
        for (const [key, selector] of [['bar', '.progress-text'], ['status', '.upload-status']]) {
          const el = row.querySelector(selector);
          const t = el?.textContent.trim();
          const list = texts[key];
          if (t && !el.closest('[hidden]') && list[list.length - 1] !== t) list.push(t);
        }
      }
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.locator('input[name="video-file"]').setInputFiles([clip, notVideo]);
  const rows = page.locator('.upload-queue .upload-panel');
  await page.waitForFunction(() => document.querySelectorAll('.upload-queue .upload-panel').length === 2);
  const clipRow = rows.nth(0);
  const badRow = rows.nth(1);
  await shot(page, 'manage-upload-queue.png');
  step = 'waiting for the clip to be ready and the other file to fail';
  await badRow.locator('.upload-failed').waitFor({ timeout: 120000 });
  await clipRow.locator('.upload-ready').waitFor({ timeout: 180000 });
  seen.poster_shown = await clipRow.locator('img.upload-poster').evaluate((img) =>
    img.complete ? img.naturalWidth > 0 : new Promise((r) => { img.onload = () => r(true); img.onerror = () => r(false); }));
  seen.failed_sentence = (await badRow.locator('.failed-reason').innerText()).trim();
  seen.upload_texts = await page.evaluate(() => window.__rows);
  seen.clip_title = (await clipRow.locator('.upload-file strong').innerText()).trim();
  seen.clip_video_id = await clipRow.locator('[data-video]').getAttribute('data-video');
  await shot(page, 'manage-upload-done.png');

  // --- 5. the trainer approves the clip from the review queue --------------------------------------
  page = trainer.page;
  step = 'opening Reviews from the manage area';
  await page.goto(`${origin}/manage/playlists`);
  await page.locator('nav.manage-nav').getByRole('link', { name: 'Reviews', exact: true }).click();
  await page.waitForURL('**/manage/reviews');
  const heldRow = page.locator(`li.review-item[data-video="${seen.clip_video_id}"]`);
  await heldRow.waitFor();
  seen.review_row = (await heldRow.innerText()).replace(/\s+/g, ' ').trim();
  await shot(page, 'manage-reviews.png');
  step = 'approving the clip';
  await heldRow.getByRole('button', { name: /^Approve/ }).click();
  await page.locator('.saved', { hasText: 'Approved' }).waitFor();
  await heldRow.waitFor({ state: 'detached' });
  seen.approved = (await api(trainer.context, 'GET', `/api/v1/videos/${seen.clip_video_id}`)).body.held === false;

  // --- 6. assignments on the playlist's report, and a person's report -----------------------------
  step = 'opening the playlist’s report';
  await page.goto(`${origin}/manage/playlists/${encodeURIComponent(playlist.id)}/report`);
  const card = (id) => page.locator(`li.report-card[data-user="${id}"]`);
  await card(member.id).waitFor();
  await card(sam.id).waitFor();
  await shot(page, 'manage-report.png');
  step = 'changing the member’s due date';
  await card(member.id).getByRole('button', { name: /^Change due date/ }).click();
  await card(member.id).locator('input[type="date"]').fill('2031-02-20');
  await card(member.id).getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('.saved', { hasText: 'now has until' }).waitFor();
  step = 'removing Sam’s assignment';
  await card(sam.id).getByRole('button', { name: /^Remove/ }).click();
  await card(sam.id).getByRole('button', { name: 'Yes, remove' }).click();
  await page.locator('.saved', { hasText: 'Removed' }).waitFor();
  await card(sam.id).waitFor({ state: 'detached' });
  const report = (await api(trainer.context, 'GET', `/api/v1/playlists/${playlist.id}/report`)).body;
  const line = report.find((r) => r.user_id === member.id);
  const due = line ? new Date(line.due_at) : null;
  seen.due_after = due ? `${due.getFullYear()}-${due.getMonth() + 1}-${due.getDate()}` : null;
  seen.assignees_after = report.map((r) => r.email);
  await shot(page, 'manage-report-changed.png');

  step = 'opening the member’s report from the card';
  await card(member.id).locator('a.report-title').click();
  await page.waitForURL(`**/manage/people/${encodeURIComponent(member.id)}`);
  const personCard = page.locator(`li.report-card[data-playlist="${playlist.id}"]`);
  await personCard.waitFor();
  seen.person_heading = (await page.locator('h1').innerText()).trim();
  seen.person_card = (await personCard.innerText()).replace(/\s+/g, ' ').trim();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csv = await download;
  seen.person_csv = { name: csv.suggestedFilename(), lines: fs.readFileSync(await csv.path(), 'utf8').trim().split('\n').length };
  await shot(page, 'manage-person-report.png');

  // --- 7. the admin rotates the signing key ------------------------------------------------------------
  page = admin.page;
  step = 'making a playback link before rotating';
  await api(admin.context, 'PUT', '/api/v1/org/settings', { allow_public_links: true });
  const before = (await api(admin.context, 'POST', `/api/v1/videos/${seen.clip_video_id}/playback-links`, { hours: 1 })).body;
  step = 'rotating the signing key';
  await page.goto(`${origin}/manage/organisation`);
  const keySection = page.locator('section[aria-labelledby="signing-key-heading"]');
  await keySection.getByRole('button', { name: 'Rotate the signing key' }).click();
  seen.rotate_question = (await keySection.locator('.notice-confirm').innerText()).trim();
  await keySection.scrollIntoViewIfNeeded();
  await shot(page, 'manage-rotate-question.png');
  await keySection.getByRole('button', { name: 'Yes, rotate' }).click();
  await keySection.locator('.saved', { hasText: 'Done' }).waitFor();
  seen.rotate_done = (await keySection.locator('.saved').innerText()).trim();
  const anonymous = await browser.newContext();
  // The link names the server's public URL, which may not be where this test reaches it.
  const plays = async (url) => {
    const link = new URL(url);
    return (await anonymous.request.get(`${origin}${link.pathname}${link.search}`)).status();
  };
  seen.old_link_status = await plays(before.url);
  const after = (await api(admin.context, 'POST', `/api/v1/videos/${seen.clip_video_id}/playback-links`, { hours: 1 })).body;
  seen.new_link_status = await plays(after.url);
  await anonymous.close();

  // --- the key screens at 1280x800, and nothing scrolls sideways at 320 px -------------------------
  step = 'the key screens on a laptop and on a narrow phone';
  const screens = ['/manage/organisation', '/manage/invitations', '/manage/people', `/manage/people/${encodeURIComponent(member.id)}`,
    `/manage/playlists/${encodeURIComponent(playlist.id)}/report`, '/manage/reviews', '/upload'];
  const laptop = await signedIn(adminEmail, adminPassword, 'admin, laptop', LAPTOP);
  const narrow = await signedIn(adminEmail, adminPassword, 'admin, 320 px', { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  seen.sideways = [];
  for (const url of screens) {
    const name = url.split('/').filter(Boolean).slice(0, 2).join('-') + (url.includes('/report') ? '-report' : url.match(/people\/./) ? '-person' : '');
    for (const [device, suffix] of [[laptop, 'laptop'], [narrow, '320']]) {
      await device.page.goto(`${origin}${url}`);
      await device.page.locator('h1').first().waitFor();
      await device.page.locator('#main [aria-busy="true"]').waitFor({ state: 'detached' }).catch(() => {});
      await shot(device.page, `${name}-${suffix}.png`);
      if (suffix === '320' && (await overflows(device.page))) seen.sideways.push(url);
    }
  }

  console.log(JSON.stringify({ ...seen, problems }));
  const wrong = [];
  const aa = (v, min) => typeof v === 'number' && v >= min;
  for (const [k, min] of [['bar_text', 4.5], ['button_text', 4.5], ['button_edge', 3], ['link', 4.5], ['bar_fill', 3]]) {
    if (!aa(seen.preview[k], min)) wrong.push(`preview ${k} contrast ${seen.preview[k]} < ${min}`);
  }
  for (const [k, min] of [['bar_text', 4.5], ['button_text', 4.5], ['link', 4.5], ['current_nav', 4.5], ['focus_ring', 3]]) {
    if (!aa(seen.app[k], min)) wrong.push(`app ${k} contrast ${seen.app[k]} < ${min}`);
  }
  if (seen.saved_primary !== YELLOW) wrong.push(`the server has the primary colour ${seen.saved_primary}`);
  if (seen.too_light_refusal) wrong.push('the branding form showed a refusal');
  if (!seen.withdrawn) wrong.push('the withdrawn invitation is still open');
  if (seen.old_link_state === 'open' || seen.new_link_state !== 'open') wrong.push(`after resending: old link ${seen.old_link_state}, new ${seen.new_link_state}`);
  if (!/emailed|Email is not set up/.test(seen.resend_note)) wrong.push(`the resend note says ${JSON.stringify(seen.resend_note)}`);
  if (seen.pat.role !== 'trainer' || seen.pat.active !== false) wrong.push(`the person is ${JSON.stringify(seen.pat)}`);
  const clipTexts = seen.upload_texts[seen.clip_title]?.bar ?? [];
  if (!clipTexts.some((t) => /^Uploading \d+%/.test(t))) wrong.push('the clip’s row never showed "Uploading n%"');
  if (!clipTexts.some((t) => /^Transcoding \d+%$/.test(t))) wrong.push('the clip’s row never showed "Transcoding n%"');
  if (Object.values(seen.upload_texts).some((r) => r.bar.some((t) => /^Uploading 100%/.test(t)))) wrong.push('a moving bar said 100%');
  if (!seen.poster_shown) wrong.push('the poster did not show');
  if (!(seen.failed_sentence.length > 20)) wrong.push(`the failed row says ${JSON.stringify(seen.failed_sentence)}`);
  if (!seen.approved) wrong.push('the clip is still held');
  if (seen.due_after !== '2031-2-20') wrong.push(`the due date is ${seen.due_after}`);
  if (seen.assignees_after.length !== 1) wrong.push(`assignees after removing: ${seen.assignees_after}`);
  if (!seen.person_card.includes(playlist.title)) wrong.push('the person’s report lacks the playlist');
  if (seen.person_csv.lines < 2) wrong.push('the person’s CSV has no lines');
  if (seen.old_link_status !== 401 || seen.new_link_status !== 200) wrong.push(`playback links after rotating: old ${seen.old_link_status}, new ${seen.new_link_status}`);
  if (seen.sideways.length) wrong.push(`sideways scrolling at 320 px: ${seen.sideways.join(', ')}`);
  if (problems.length) wrong.push(`${problems.length} page error(s)`);
  if (wrong.length) console.error(wrong.join('\n'));
  process.exitCode = wrong.length ? 1 : 0;
} catch (e) {
  console.error(`the manage screens did not work while ${step}: ${e.message}`);
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
