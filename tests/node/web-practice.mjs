// Active learning in the web app (issue 17), on a phone throughout (Debian's Chromium at 390x844,
// touch), the new screens also checked for sideways scrolling at 320 px:
//  1. the trainer adds a practice step with a three-criterion rubric to a sequential playlist
//     through the playlist editor's "Add a practice step" form (the playlist, a link after the
//     step and the assignment to the member are made through the API);
//  2. the member opens the playlist: the step is open, the link after it locked; opens the step,
//     uploads CLIP_MP4 through "Choose a file" (the tus upload with `practice_step`), sees it in
//     "My attempts" waiting for review, and asks the peer to review it (found by typing the start
//     of the peer's email in the people search, GET /api/v1/people?q=);
//  3. the peer finds the attempt under "Practice to review" on their home page, opens it, waits
//     until it plays, seeks to 1 s, writes a comment (which takes that time), scores the rubric
//     and sends feedback; the trainer does the same at 2.5 s from the review queue
//     (/manage/reviews) and asks for another attempt;
//  4. the member's app bar shows unread notifications, the inbox lists the feedback; the attempt
//     page shows two marks along the bar under the player at those moments (their centres at
//     at_s / duration of the bar's width) and the two comments in the list; the member replies to
//     the trainer's comment, and uploads a second attempt, which the trainer marks "Meets the
//     standard": the playlist shows the step done and the link unlocked;
//  5. on a library video (uploaded by the trainer through the API at the start) the member comments
//     at the current time in the discussion, mentioning the peer (found through the same people
//     search; the peer is told); the trainer replies; the member sees the reply;
//  6. the member chooses "Daily digest" for replies in the notification settings: it is still
//     chosen after a reload; /unsubscribe with a made-up token (signed out) says the link is not
//     valid;
//  7. the trainer's report of the playlist (/manage/playlists/:id/report) shows the member's step
//     as "Done" with its attempts and the latest scores ("Eye contact 3/3").
//
//   node web-practice.mjs ORIGIN TRAINER_EMAIL TRAINER_PASSWORD MEMBER_EMAIL MEMBER_PASSWORD \
//        PEER_EMAIL PEER_PASSWORD CLIP_MP4 SCREENSHOT_DIR
//
// The three must be of one organisation (the trainer a trainer or admin, the others members); the
// server needs a transcode worker; no email is needed. People are found by the start of their
// name or email (a name may be the email itself). Prints one JSON line (what was seen: statuses, mark positions, …) and exits 0 when it
// all worked; exits 1 naming the failing step otherwise.
import fs from 'node:fs';
import { NARROW, api, apiOk, launch, overflowAt, phone, shot, signIn, uploadFile, waitReady } from './lib/pages.mjs';

const [origin, trainerEmail, trainerPassword, memberEmail, memberPassword, peerEmail, peerPassword, clip, shots] = process.argv.slice(2);
if (!shots) {
  console.error('usage: node web-practice.mjs ORIGIN TRAINER_EMAIL TRAINER_PASSWORD MEMBER_EMAIL MEMBER_PASSWORD PEER_EMAIL PEER_PASSWORD CLIP_MP4 SCREENSHOT_DIR');
  process.exit(2);
}
if (!fs.existsSync(clip)) {
  console.error(`no such file: ${clip}`);
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });

let step = 'starting';
const problems = [];
const seen = { sideways: [] };
const browser = await launch(['--autoplay-policy=no-user-gesture-required']);
const run = Date.now().toString(36);

async function person(email, password, who) {
  const context = await phone(browser);
  const me = await signIn(context, origin, email, password);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${who}: page error: ${e.message}`));
  return { context, page, me };
}

async function narrow(page, name) {
  const over = await overflowAt(page, name, NARROW, (p) => shot(p, shots, `${name}-320`));
  if (over) seen.sideways.push(`${name}: ${JSON.stringify(over.culprits)}`);
}

/** In a people search (labelled `label`, inside `scope`): types the start of the peer's email
 *  and chooses them in the list of people found. */
async function pickPerson(page, scope, label, userId) {
  const box = page.locator(scope).getByLabel(label, { exact: true });
  await box.fill(peerEmail.split('@')[0]);
  const radio = page.locator(`${scope} .person-results input[type=radio][value="${userId}"]`);
  await radio.waitFor();
  seen.people_found = seen.people_found ?? (await page.locator(`${scope} .person-search-status`).innerText()).trim();
  await radio.check();
}

/** Opens an attempt page and waits until its recording can be played and sought. */
async function openPlayable(page, path) {
  if (path) await page.goto(`${origin}${path}`);
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => (document.querySelector('main video')?.readyState ?? 0) >= 1, null, { timeout: 180000 });
}

/** Seeks the player to `t` and waits for it. */
async function seekTo(page, t) {
  await page.evaluate(async (t) => {
    const v = document.querySelector('main video');
    v.pause();
    await new Promise((resolve) => {
      v.addEventListener('seeked', resolve, { once: true });
      v.currentTime = t;
    });
  }, t);
}

/** As a reviewer on an attempt page: a comment at `t`, every criterion scored, a verdict. */
async function review(page, t, text, levels, verdictLabel, summary) {
  await seekTo(page, t);
  const box = page.getByLabel('Comment at this moment');
  await box.click();
  await box.fill(text);
  const at = (await page.locator('.add-moment .moment-now').innerText()).trim();
  await page.locator('.add-moment').click();
  await page.locator('.pending-moment').filter({ hasText: text }).waitFor();
  const groups = page.locator('fieldset.rubric-score');
  const n = await groups.count();
  for (let i = 0; i < n; i++) await groups.nth(i).locator('label.chip').nth(levels[i] ?? 0).click();
  await page.getByLabel('Summary').fill(summary);
  await page.getByRole('button', { name: verdictLabel, exact: true }).click();
  await page.locator('.review-form .saved').waitFor();
  return at;
}

try {
  step = 'preparing: the people, a library video and a playlist through the API';
  const trainer = await person(trainerEmail, trainerPassword, 'trainer');
  const member = await person(memberEmail, memberPassword, 'member');
  const peer = await person(peerEmail, peerPassword, 'peer');
  // replies come in the app to begin with (a run before may have left them in a digest)
  await apiOk(member.context, origin, 'PUT', '/api/v1/me/notification-settings', { items: [{ kind: 'reply', channel: 'app' }] });
  const libraryVideo = await uploadFile(trainer.context, origin, clip, `Greeting a customer ${run}`);
  const playlist = await apiOk(trainer.context, origin, 'POST', '/api/v1/playlists', {
    title: `Front desk ${run}`,
    published: true,
    sequential: true,
    onboarding: true,
  });
  const enc = encodeURIComponent(playlist.id);

  step = 'the trainer adds a practice step with a three-criterion rubric in the playlist editor';
  const tp = trainer.page;
  await tp.goto(`${origin}/manage/playlists/${enc}`);
  await tp.locator('summary', { hasText: 'Add a practice step' }).click();
  const editor = tp.locator('form.practice-editor').first();
  const stepTitle = `Greet a customer ${run}`;
  await editor.getByLabel('Title').fill(stepTitle);
  await editor.getByLabel('Instructions').fill('Record yourself greeting a customer at the desk.\n\nKeep it under a minute.');
  await editor.getByLabel('Model video (optional)').selectOption(libraryVideo).catch(() => {}); // listed once it is ready
  const criteria = ['Eye contact', 'Friendly words', 'Offers help'];
  for (const [i, name] of criteria.entries()) {
    if (i > 0) await editor.getByRole('button', { name: 'Add a criterion' }).click();
    await editor.locator('.criterion-editor').nth(i).getByLabel('What is scored').fill(name);
  }
  seen.default_levels = await editor.locator('.criterion-editor').first().locator('.level-row input').evaluateAll((els) => els.map((e) => e.value));
  await shot(tp, shots, 'practice-editor-phone');
  await editor.getByRole('button', { name: 'Create and add to the playlist' }).click();
  await tp.locator('.manage-item', { hasText: stepTitle }).waitFor();
  const withStep = await apiOk(trainer.context, origin, 'GET', `/api/v1/playlists/${enc}`);
  const practiceItem = withStep.items.find((i) => i.kind === 'practice');
  if (!practiceItem) throw new Error('the playlist holds no practice item');
  const stepId = practiceItem.item_id;
  const stepView = await apiOk(trainer.context, origin, 'GET', `/api/v1/practice-steps/${stepId}`);
  seen.rubric = stepView.rubric.map((c) => `${c.name}: ${c.levels.map((l) => l.name).join(' / ')}`);
  if (stepView.rubric.length !== 3) throw new Error(`the step has ${stepView.rubric.length} criteria`);

  step = 'preparing: a link after the step, the assignment to the member';
  const resource = await apiOk(trainer.context, origin, 'POST', '/api/v1/resources', { title: `Desk guide ${run}`, url: 'https://example.com/desk-guide' });
  await apiOk(trainer.context, origin, 'POST', `/api/v1/playlists/${enc}/items`, { kind: 'resource', item_id: resource.id });
  await apiOk(trainer.context, origin, 'POST', `/api/v1/playlists/${enc}/assignments`, { user_ids: [member.me.id] });

  step = 'the member opens the playlist: the step is open, the link after it locked';
  const mp = member.page;
  await mp.goto(`${origin}/playlists/${enc}`);
  const rows = mp.locator('ol.steps > li');
  await rows.nth(1).waitFor();
  seen.playlist_before = await rows.evaluateAll((els) => els.map((e) => e.className.replace('step ', '')));
  if (!/step-todo/.test(seen.playlist_before[0]) || !/step-locked/.test(seen.playlist_before[1])) {
    throw new Error(`the playlist rows are ${JSON.stringify(seen.playlist_before)}`);
  }
  await shot(mp, shots, 'playlist-practice-phone');

  step = 'the member opens the practice step and uploads an attempt';
  await rows.first().locator('a').click();
  await mp.locator('main h1', { hasText: stepTitle }).waitFor();
  await mp.locator('.rubric-criterion').nth(2).waitFor();
  await mp.setInputFiles('#practice-file', clip);
  await mp.locator('.attempt-row').first().waitFor({ timeout: 60000 });
  seen.first_attempt_chip = (await mp.locator('.attempt-row .practice-chip').first().innerText()).trim();
  if (seen.first_attempt_chip !== 'Waiting for review') throw new Error(`the attempt says ${seen.first_attempt_chip}`);

  step = 'the member asks the peer to review';
  await pickPerson(mp, '.reviewer-form', 'Ask someone to review', peer.me.id);
  await mp.getByRole('button', { name: 'Ask', exact: true }).click();
  await mp.locator(`.reviewer[data-reviewer="${peer.me.id}"]`).waitFor();
  await shot(mp, shots, 'practice-step-phone');
  await narrow(mp, 'practice-step');
  const firstAttempt = await mp.locator('.attempt-row').first().getAttribute('data-attempt');

  step = 'the peer finds the attempt on their home page';
  const pp = peer.page;
  await pp.goto(`${origin}/`);
  const toReview = pp.locator(`.to-review [data-attempt="${firstAttempt}"] a`);
  await toReview.waitFor();
  await toReview.click();
  step = 'the peer waits until the attempt plays';
  await openPlayable(pp, null);
  step = 'the peer comments at 1 s, scores the rubric and sends feedback';
  seen.peer_comment_at = await review(pp, 1, 'Good eye contact here.', [2, 1, 1], 'Send feedback', 'A warm start.');
  await shot(pp, shots, 'attempt-peer-phone');

  step = 'the trainer finds the attempt in the review queue';
  await tp.goto(`${origin}/manage/reviews`);
  await tp.locator(`[data-attempt="${firstAttempt}"] a`).click();
  await openPlayable(tp, null);
  step = 'the trainer comments at 2.5 s and asks for another attempt';
  seen.trainer_comment_at = await review(tp, 2.5, 'Offer help before the customer asks.', [1, 1, 0], 'Ask for another attempt', 'Nearly there.');

  step = 'the member’s app bar shows unread notifications; the inbox lists the feedback';
  await mp.goto(`${origin}/`);
  await mp.waitForFunction(() => /^Inbox, \d+ unread$/.test(document.querySelector('.inbox-link')?.getAttribute('aria-label') ?? ''), null, { timeout: 15000 });
  seen.inbox_label = await mp.locator('.inbox-link').getAttribute('aria-label');
  await mp.locator('.inbox-link').click();
  await mp.locator('.notification').first().waitFor();
  const aboutFirst = mp.locator(`.notification[data-kind="feedback"]:has(a[href="/practice/attempts/${firstAttempt}"])`);
  seen.inbox = await aboutFirst.evaluateAll((els) => els.map((e) => `${e.querySelector('.notification-title')?.textContent}${e.classList.contains('notification-unread') ? ' (unread)' : ''}`));
  if (seen.inbox.length !== 2) throw new Error(`the inbox holds ${JSON.stringify(seen.inbox)} about the attempt`);
  await shot(mp, shots, 'inbox-phone');
  await narrow(mp, 'inbox');

  step = 'the member opens the feedback: two marks on the bar at their moments, and the list';
  const opened = await aboutFirst.first().getAttribute('data-notification');
  await aboutFirst.first().locator('a').click();
  await mp.waitForURL(/\/practice\/attempts\//);
  await openPlayable(mp, null);
  await mp.waitForFunction(() => document.querySelectorAll('.comment-mark:not([hidden])').length === 2);
  await mp.waitForFunction(() => Number.isFinite(document.querySelector('main video').duration));
  const marks = await mp.evaluate(() => {
    const bar = document.querySelector('.comment-marks').getBoundingClientRect();
    const duration = document.querySelector('main video').duration;
    return [...document.querySelectorAll('.comment-mark')].map((m) => {
      const r = m.getBoundingClientRect();
      const at = Number(m.dataset.at);
      return { at, fraction: +((r.left + r.width / 2 - bar.left) / bar.width).toFixed(3), expected: +(at / duration).toFixed(3) };
    });
  });
  seen.marks = marks;
  const ats = marks.map((m) => m.at).sort((a, b) => a - b);
  if (Math.abs(ats[0] - 1) > 0.3 || Math.abs(ats[1] - 2.5) > 0.3) throw new Error(`the marks are at ${ats}`);
  if (marks.some((m) => Math.abs(m.fraction - m.expected) > 0.02)) throw new Error(`the marks sit at ${JSON.stringify(marks)}`);
  seen.feedback_list = await mp.locator('.discussion article.comment').evaluateAll((els) =>
    els.map((e) => `${e.querySelector('.comment-author')?.textContent} ${e.querySelector('.moment-chip')?.textContent?.match(/at \d+:\d\d/)?.[0]}`));
  if (seen.feedback_list.length !== 2) throw new Error(`the feedback list holds ${JSON.stringify(seen.feedback_list)}`);
  seen.reviews = await mp.locator('.review-card .verdict').allInnerTexts();
  const inboxNow = await apiOk(member.context, origin, 'GET', '/api/v1/me/notifications');
  seen.opened_is_read = inboxNow.items.find((n) => n.id === opened)?.read;
  if (seen.opened_is_read !== true) throw new Error('the opened notification is not marked read');
  step = 'a mark seeks the player';
  await mp.locator('.comment-mark').nth(1).click();
  await mp.waitForFunction(() => Math.abs(document.querySelector('main video').currentTime - 2.5) < 0.3);
  await shot(mp, shots, 'attempt-member-phone');
  await narrow(mp, 'attempt');

  step = 'the member replies to the trainer’s comment';
  const trainerComment = mp.locator('article.comment', { hasText: 'Offer help' });
  await trainerComment.getByRole('button', { name: /^Reply/ }).click();
  await mp.locator('.reply-form textarea').fill('Thanks, I will offer help first next time.');
  await mp.getByRole('button', { name: 'Send reply' }).click();
  await mp.locator('.comment-replies .comment', { hasText: 'offer help first' }).waitFor();

  step = 'the member sends a second attempt';
  await mp.getByRole('link', { name: 'Send another attempt' }).click();
  await mp.locator('main h1', { hasText: stepTitle }).waitFor();
  await mp.locator('.attempt-row').first().waitFor();
  await mp.setInputFiles('#practice-file', clip);
  await mp.waitForFunction(() => document.querySelectorAll('.attempt-row').length === 2, null, { timeout: 60000 });
  const secondAttempt = await mp.locator('.attempt-row').first().getAttribute('data-attempt');
  if (secondAttempt === firstAttempt) throw new Error('the newest attempt is not listed first');

  step = 'the trainer marks the second attempt "Meets the standard"';
  await openPlayable(tp, `/practice/attempts/${encodeURIComponent(secondAttempt)}`);
  await tp.locator('.review-form').waitFor();
  await tp.locator('fieldset.rubric-score').nth(0).locator('label.chip').nth(2).click();
  await tp.getByLabel('Summary').fill('Well done.');
  await tp.getByRole('button', { name: 'Meets the standard', exact: true }).click();
  await tp.locator('.review-form .saved').waitFor();
  seen.second_status = (await tp.locator('main > p .practice-chip, main .practice-chip').first().innerText()).trim();

  step = 'the member’s playlist shows the step done and the link unlocked';
  await mp.goto(`${origin}/playlists/${enc}`);
  await rows.nth(1).waitFor();
  seen.playlist_after = await rows.evaluateAll((els) => els.map((e) => e.className.replace('step ', '')));
  if (!/step-done/.test(seen.playlist_after[0]) || /step-locked/.test(seen.playlist_after[1])) {
    throw new Error(`after the review the playlist rows are ${JSON.stringify(seen.playlist_after)}`);
  }
  await shot(mp, shots, 'playlist-done-phone');

  step = 'the member comments on the library video at the current time';
  await waitReady(trainer.context, origin, libraryVideo);
  await mp.goto(`${origin}/videos/${encodeURIComponent(libraryVideo)}`);
  await mp.waitForFunction(() => (document.querySelector('main video')?.readyState ?? 0) >= 1, null, { timeout: 60000 });
  await seekTo(mp, 3);
  const composer = mp.getByLabel('Add a comment');
  await composer.click();
  await composer.fill('Should I greet before or after the phone call?');
  seen.pin_label = (await mp.locator('.comment-form .check-label').first().innerText()).trim();
  await pickPerson(mp, '.comment-form', 'Mention someone (optional)', peer.me.id);
  await mp.getByRole('button', { name: 'Post comment' }).click();
  const memberComment = mp.locator('.discussion article.comment', { hasText: 'before or after the phone call' });
  await memberComment.waitFor();
  seen.video_comment_at = (await memberComment.locator('.moment-chip').innerText()).match(/at \d+:\d\d/)?.[0];
  if (seen.video_comment_at !== 'at 0:03') throw new Error(`the comment is pinned ${seen.video_comment_at}`);
  await shot(mp, shots, 'video-discussion-phone');
  const peerInbox = await apiOk(peer.context, origin, 'GET', '/api/v1/me/notifications');
  seen.peer_mentioned = peerInbox.items.some((n) => n.kind === 'mention' && n.link.includes(libraryVideo));
  if (!seen.peer_mentioned) throw new Error('the peer was not told of the mention');

  step = 'the trainer replies on the video';
  await tp.goto(`${origin}/videos/${encodeURIComponent(libraryVideo)}`);
  const onVideo = tp.locator('.discussion article.comment', { hasText: 'before or after the phone call' });
  await onVideo.getByRole('button', { name: /^Reply/ }).click();
  await tp.locator('.reply-form textarea').fill('After: finish the call first.');
  await tp.getByRole('button', { name: 'Send reply' }).click();
  await tp.locator('.comment-replies .comment', { hasText: 'finish the call' }).waitFor();
  step = 'the member sees the reply';
  await mp.reload();
  await mp.locator('.comment-replies .comment', { hasText: 'finish the call' }).waitFor();
  await narrow(mp, 'video-discussion');

  step = 'the member chooses a daily digest for replies, and it stays after a reload';
  await mp.goto(`${origin}/settings/notifications`);
  const replies = mp.locator('fieldset.setting-group[data-kind="reply"]');
  await replies.locator('label.chip', { hasText: 'Daily digest' }).click();
  await mp.locator('.form-status .saved').waitFor();
  await mp.reload();
  await replies.waitFor();
  seen.reply_channel = await replies.locator('input:checked').getAttribute('value');
  if (seen.reply_channel !== 'digest') throw new Error(`after a reload replies come by ${seen.reply_channel}`);
  seen.email_note = await mp.locator('main .notice').count() > 0;
  await shot(mp, shots, 'notification-settings-phone');
  await narrow(mp, 'notification-settings');

  step = 'an unsubscribe link with a made-up token, signed out';
  const outsider = await phone(browser);
  const op = await outsider.newPage();
  await op.goto(`${origin}/unsubscribe?token=not-a-real-token-${run}`);
  await op.locator('main [role=alert]').waitFor();
  seen.unsubscribe = (await op.locator('main [role=alert]').innerText()).trim();
  if (!/not valid/.test(seen.unsubscribe)) throw new Error(`the unsubscribe page says ${seen.unsubscribe}`);
  await shot(op, shots, 'unsubscribe-invalid-phone');

  step = "the trainer's playlist report shows the member's step done with its scores";
  await tp.goto(`${origin}/manage/playlists/${enc}/report`);
  const card = tp.locator(`.report-card[data-user="${member.me.id}"]`);
  await card.waitFor();
  await card.locator('.report-items summary').click();
  const stepLine = card.locator(`.report-item[data-item="${stepId}"]`);
  await stepLine.waitFor();
  seen.report_step = (await stepLine.locator('.report-item-state').innerText()).trim();
  seen.report_scores = (await stepLine.locator('.report-item-scores [aria-hidden]').innerText().catch(() => '')).trim();
  if (!/^Done\b/.test(seen.report_step) || !/2 attempts/.test(seen.report_step)) throw new Error(`the report says ${seen.report_step}`);
  if (!/Eye contact 3\/3/.test(seen.report_scores)) throw new Error(`the report's scores are ${JSON.stringify(seen.report_scores)}`);
  await shot(tp, shots, 'playlist-report-practice-phone');
  await narrow(tp, 'playlist-report-practice');

  const after = await api(member.context, origin, 'GET', `/api/v1/practice-steps/${stepId}`);
  seen.my_status = after.body?.my_status;
  if (seen.my_status !== 'done') throw new Error(`the member's status is ${seen.my_status}`);
  if (seen.sideways.length) throw new Error(`sideways scrolling at 320 px: ${seen.sideways.join('; ')}`);
  if (problems.length) throw new Error(problems.join('; '));
  console.log(JSON.stringify({ ok: true, step_id: stepId, first_attempt: firstAttempt, second_attempt: secondAttempt, ...seen }));
  process.exitCode = 0;
} catch (e) {
  console.error(`active learning did not work while ${step}: ${e.message.split('\n')[0]}`);
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
