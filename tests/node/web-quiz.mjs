// Taking quizzes on a phone, and the questions a video asks in its player (issue 18, the
// learner's side), in Debian's Chromium at 390x844 with touch; the new screens also checked for
// sideways scrolling at 320 px:
//  1. set up through the API as the trainer: a quiz of three questions (single choice, true/false,
//     short text; pass mark 100%, no limit on attempts) and a sequential published playlist
//     [the quiz, a link after it] assigned to the member; CLIP_MP4 uploaded as a video (waited
//     until ready) with a video quiz (pass mark 50%) of one true/false question at 2000 ms;
//  2. the member's playlist shows the quiz open (kind "Quiz", linking to /quizzes/ID?playlist=…)
//     and the link after it locked;
//  3. the member opens the quiz: the intro says 3 questions and the pass mark; starts; one
//     question a screen ("Question 1 of 3"), the single-choice one answered WRONG: its verdict
//     (role=status) says "Not quite" with that question's feedback text; the others right;
//     "See my result" submits: failed ("Not passed"), no right answer shown (they come once the
//     quiz is passed or no attempt is left); the playlist (page and API) keeps the link locked;
//  4. "Try again" from the quiz's intro, everything right: passed; "Back to the playlist" shows
//     the quiz done and the link unlocked;
//  5. the video page: "1 question in this video"; played, the player PAUSES at about 2 s
//     (video.paused, currentTime within 1.5–3.0 s) and the question shows under it with the
//     keyboard on its prompt; answered, the verdict and feedback show; "Continue watching" plays on
//     (not paused, currentTime moving); the video's attempt is scored ("passed"); after a reload,
//     played from 0 the video is NOT paused again at the answered question;
//  6. no response the member's page received before the first submit (GET /api/v1/quizzes/{id},
//     POST …/attempts, the answers, GET …/videos/{id}/questions) carries an answer key: not the
//     short answer's accepted text, no "correct_choices" with an entry, no `"key":{…}`; the second
//     attempt's POST …/attempts neither (also fetched from the page's own session).
//
//   node web-quiz.mjs ORIGIN TRAINER_EMAIL TRAINER_PASSWORD MEMBER_EMAIL MEMBER_PASSWORD CLIP_MP4 \
//        SCREENSHOT_DIR
//
// The two of one organisation (the trainer a trainer or admin, the member a member); CLIP_MP4 a
// few seconds long (6 s: the question is at 2 s); the server needs a transcode worker. Prints one
// JSON line of what was seen and exits 0 when it all worked; exits 1 naming the failing step.
import fs from 'node:fs';
import { NARROW, api, apiOk, launch, overflowAt, phone, shot, signIn, uploadFile, waitReady } from './lib/pages.mjs';

const [origin, trainerEmail, trainerPassword, memberEmail, memberPassword, clip, shots] = process.argv.slice(2);
if (!shots) {
  console.error('usage: node web-quiz.mjs ORIGIN TRAINER_EMAIL TRAINER_PASSWORD MEMBER_EMAIL MEMBER_PASSWORD CLIP_MP4 SCREENSHOT_DIR');
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

// the short answer's accepted text: the learner types it differently ("Lockout-Tagout", the same
// once normalised), so an answer echoed back is not mistaken for a key
const ACCEPTED = `lockout tagout ${run}`;
const TYPED = `Lockout-Tagout, ${run.toUpperCase()}`;
const WRONG_FEEDBACK = 'Red means stop: it is the colour of every stop sign.';
const VIDEO_FEEDBACK = 'The test card shows its colour bars from the first second.';

async function narrow(page, name) {
  const over = await overflowAt(page, name, NARROW, (p) => shot(p, shots, `${name}-320`));
  if (over) seen.sideways.push(`${name}: ${JSON.stringify(over.culprits)}`);
}

/** What gives an answer away, in a response body a learner receives before submitting. */
function leaks(body) {
  const found = [];
  if (body.includes(ACCEPTED)) found.push('the accepted short answer');
  if (/"correct_choices"\s*:\s*\[\s*"/.test(body)) found.push('correct_choices with an entry');
  if (/"key"\s*:\s*\{/.test(body)) found.push('an answer key');
  return found;
}

/** Answers the question on screen (found by its kind): `right` or deliberately wrong. */
async function answer(page, right) {
  const q = page.locator('main .question').last();
  await q.waitFor();
  const kind = await q.getAttribute('data-kind');
  const label = (await q.locator('.question-label').innerText()).trim();
  if (kind === 'single') await q.getByLabel(right ? 'Red' : 'Green', { exact: true }).check();
  else if (kind === 'true_false') await q.getByLabel('True', { exact: true }).check();
  else if (kind === 'short_text') await q.getByLabel('Your answer').fill(right ? TYPED : 'switching it off');
  else throw new Error(`a question of kind ${kind}`);
  await q.getByRole('button', { name: 'Check answer' }).click();
  const verdict = q.locator('.question-verdict[role=status] .question-verdict-box');
  await verdict.waitFor();
  return { kind, label, verdict: (await verdict.innerText()).trim().replace(/\s+/g, ' ') };
}

/** Takes the quiz from its first question to the result; answers the single choice wrong when
 *  asked. Answers what each verdict said. */
async function takeQuiz(page, { wrongSingle, shotWrong }) {
  const verdicts = [];
  for (let i = 0; i < 3; i++) {
    await page.locator('main .question-label', { hasText: `Question ${i + 1} of 3` }).waitFor();
    const got = await answer(page, !(wrongSingle && (await page.locator('main .question').getAttribute('data-kind')) === 'single'));
    verdicts.push(got);
    if (shotWrong && /Not quite/.test(got.verdict)) {
      await shot(page, shots, 'quiz-question-wrong-phone');
      await narrow(page, 'quiz-question');
    }
    const next = page.getByRole('button', { name: i < 2 ? 'Next question' : 'See my result' });
    if (!(await next.evaluate((el) => el === document.activeElement))) problems.push(`after question ${i + 1} the keyboard is not on "${i < 2 ? 'Next question' : 'See my result'}"`);
    await next.click();
  }
  await page.locator('main .quiz-result').waitFor({ timeout: 20000 });
  return verdicts;
}

/** The playlist's rows as their classes ("step-todo", "step-locked", "step-done"). */
async function rows(page, enc) {
  await page.goto(`${origin}/playlists/${enc}`);
  const list = page.locator('ol.steps > li');
  await list.nth(1).waitFor();
  return list.evaluateAll((els) => els.map((e) => e.className.replace('step ', '')));
}

try {
  step = 'preparing: the quiz, the playlist, the video and its question through the API';
  const trainerContext = await phone(browser);
  await signIn(trainerContext, origin, trainerEmail, trainerPassword);
  const memberContext = await phone(browser);
  const me = await signIn(memberContext, origin, memberEmail, memberPassword);
  const quiz = await apiOk(trainerContext, origin, 'POST', '/api/v1/quizzes', {
    title: `Shop floor safety ${run}`,
    description: 'Three questions on staying safe on the shop floor.',
    pass_percent: 100,
    max_attempts: 0,
    questions: [
      {
        kind: 'single',
        prompt: 'Which colour means stop?',
        choices: [{ text: 'Green' }, { text: 'Red' }],
        key: { correct_choices: ['1'] },
        feedback: WRONG_FEEDBACK,
      },
      { kind: 'true_false', prompt: 'Helmets must be worn on the shop floor.', key: { truth: true }, feedback: 'Always, even for a moment.' },
      {
        kind: 'short_text',
        prompt: 'What do we call making a machine safe before servicing it? (two words and the code on the poster)',
        key: { accepted: [ACCEPTED] },
        feedback: 'It keeps the machine from starting while someone works on it.',
      },
    ],
  });
  const playlist = await apiOk(trainerContext, origin, 'POST', '/api/v1/playlists', {
    title: `Safety first ${run}`,
    published: true,
    sequential: true,
    onboarding: true,
  });
  const enc = encodeURIComponent(playlist.id);
  const resource = await apiOk(trainerContext, origin, 'POST', '/api/v1/resources', { title: `Safety poster ${run}`, url: 'https://example.com/safety-poster' });
  await apiOk(trainerContext, origin, 'POST', `/api/v1/playlists/${enc}/items`, { kind: 'quiz', item_id: quiz.id });
  await apiOk(trainerContext, origin, 'POST', `/api/v1/playlists/${enc}/items`, { kind: 'resource', item_id: resource.id });
  await apiOk(trainerContext, origin, 'POST', `/api/v1/playlists/${enc}/assignments`, { user_ids: [me.id] });
  const videoId = await uploadFile(trainerContext, origin, clip, `Test card ${run}`);
  await waitReady(trainerContext, origin, videoId);
  const videoQuiz = await apiOk(trainerContext, origin, 'POST', '/api/v1/quizzes', {
    title: `Test card questions ${run}`,
    video_id: videoId,
    pass_percent: 50,
    questions: [{ kind: 'true_false', prompt: 'The picture shows colour bars.', key: { truth: true }, feedback: VIDEO_FEEDBACK, at_ms: 2000 }],
  });

  const page = await memberContext.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // every API answer the member's page receives until the first submit, checked for keys
  let submitted = false;
  const checked = [];
  const leaked = [];
  page.on('response', async (res) => {
    const url = new URL(res.url());
    if (!url.pathname.startsWith('/api/v1/') || submitted) return;
    const submit = /\/quiz-attempts\/[^/]+\/submit$/.test(url.pathname);
    if (submit) submitted = true;
    const body = await res.text().catch(() => '');
    if (submit) return;
    checked.push(`${res.request().method()} ${url.pathname.replace(/[0-9a-f-]{36}/g, '{id}')}`);
    const found = leaks(body);
    if (found.length) leaked.push(`${url.pathname}: ${found.join(', ')}`);
  });

  step = 'the member’s playlist shows the quiz open and the link after it locked';
  seen.playlist_before = await rows(page, enc);
  if (!/step-todo/.test(seen.playlist_before[0]) || !/step-locked/.test(seen.playlist_before[1])) {
    throw new Error(`the playlist rows are ${JSON.stringify(seen.playlist_before)}`);
  }
  const quizRow = page.locator('ol.steps > li').first();
  seen.quiz_row_kind = (await quizRow.locator('.kind').innerText()).trim();
  if (!/^quiz$/i.test(seen.quiz_row_kind)) throw new Error(`the quiz's row says ${seen.quiz_row_kind}`);
  const href = await quizRow.locator('a').getAttribute('href');
  if (href !== `/quizzes/${encodeURIComponent(quiz.id)}?playlist=${enc}`) throw new Error(`the quiz's row links to ${href}`);
  await shot(page, shots, 'quiz-playlist-phone');

  step = 'the member opens the quiz: its intro';
  await quizRow.locator('a').click();
  await page.locator('main h1', { hasText: quiz.title }).waitFor();
  await page.locator('.quiz-facts').waitFor();
  seen.intro_facts = await page.locator('.quiz-facts > div').evaluateAll((els) => els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
  if (!seen.intro_facts.includes('Questions 3') || !seen.intro_facts.includes('Pass mark 100%')) throw new Error(`the intro says ${JSON.stringify(seen.intro_facts)}`);
  // the page's own session, asked directly: no questions, no answers
  const direct = await page.evaluate(async (id) => (await fetch(`/api/v1/quizzes/${id}`)).text(), quiz.id);
  if (leaks(direct).length || /"prompt"/.test(direct)) throw new Error(`GET /api/v1/quizzes/{id} gives away ${JSON.stringify(leaks(direct))}`);
  await shot(page, shots, 'quiz-intro-phone');
  await narrow(page, 'quiz-intro');

  step = 'the member takes the quiz, the single-choice question wrong';
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  const first = await takeQuiz(page, { wrongSingle: true, shotWrong: true });
  seen.first_verdicts = first.map((v) => `${v.label}: ${v.verdict}`);
  const wrong = first.find((v) => v.kind === 'single');
  if (!/^✗? ?Not quite/.test(wrong.verdict) || !wrong.verdict.includes(WRONG_FEEDBACK)) throw new Error(`the wrong answer's verdict says ${wrong.verdict}`);
  if (first.filter((v) => /^✓? ?Right/.test(v.verdict)).length !== 2) throw new Error(`the verdicts are ${JSON.stringify(seen.first_verdicts)}`);

  step = 'the first result: not passed, the right answers kept back while attempts remain';
  seen.first_status = await page.locator('main .quiz-result').getAttribute('data-status');
  seen.first_heading = (await page.locator('#quiz-result-heading').innerText()).trim();
  if (seen.first_status !== 'failed' || !/Not passed/.test(seen.first_heading)) throw new Error(`the result is ${seen.first_status}: ${seen.first_heading}`);
  seen.first_score = (await page.locator('.quiz-score').innerText()).trim();
  seen.right_answers_shown = await page.locator('.result-right').count();
  if (seen.right_answers_shown !== 0) throw new Error(`a failed attempt with attempts left shows ${seen.right_answers_shown} right answers`);
  seen.keys_later = (await page.locator('.quiz-keys-later').innerText()).trim();
  seen.result_focused = await page.evaluate(() => document.activeElement?.id === 'quiz-result-heading');
  if (!seen.result_focused) problems.push('the keyboard is not on the result heading');
  await shot(page, shots, 'quiz-result-failed-phone');
  await narrow(page, 'quiz-result');
  seen.keys_checked = checked.length;
  seen.responses_checked = [...new Set(checked)];
  if (leaked.length) throw new Error(`before submitting the page received answers: ${leaked.join('; ')}`);
  if (!checked.some((c) => c === 'POST /api/v1/quizzes/{id}/attempts')) throw new Error(`the POST …/attempts answer was not seen: ${JSON.stringify(seen.responses_checked)}`);

  step = 'failed: the link after the quiz stays locked';
  const afterFail = await apiOk(memberContext, origin, 'GET', `/api/v1/playlists/${enc}`);
  if (afterFail.items[0].completed || !afterFail.items[1].locked) throw new Error(`after failing the items are ${JSON.stringify(afterFail.items.map((i) => [i.kind, i.completed, i.locked]))}`);
  await page.getByRole('link', { name: 'Back to the playlist' }).last().click();
  await page.waitForURL(new RegExp(`/playlists/${enc}$`));
  await page.locator('ol.steps > li').nth(1).waitFor();
  seen.playlist_failed = await page.locator('ol.steps > li').evaluateAll((els) => els.map((e) => e.className.replace('step ', '')));
  if (!/step-locked/.test(seen.playlist_failed[1])) throw new Error(`after failing the rows are ${JSON.stringify(seen.playlist_failed)}`);

  step = 'the member tries again and answers everything right';
  await page.locator('ol.steps > li').first().locator('a').click();
  await page.locator('.attempt-row[data-status="failed"]').waitFor();
  const second = page.waitForResponse((r) => /\/api\/v1\/quizzes\/[^/]+\/attempts$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Try again' }).click();
  const secondBody = await (await second).text();
  if (leaks(secondBody).length) throw new Error(`the second attempt's start gives away ${leaks(secondBody).join(', ')}`);
  const again = await takeQuiz(page, { wrongSingle: false, shotWrong: false });
  seen.second_verdicts = again.map((v) => v.verdict.split(' ').slice(0, 2).join(' '));
  seen.second_status = await page.locator('main .quiz-result').getAttribute('data-status');
  if (seen.second_status !== 'passed') throw new Error(`the second attempt is ${seen.second_status}`);
  seen.second_score = (await page.locator('.quiz-score').innerText()).trim();
  await shot(page, shots, 'quiz-result-passed-phone');

  step = 'passed: back on the playlist the quiz is done and the link unlocked';
  await page.getByRole('link', { name: 'Back to the playlist' }).last().click();
  await page.waitForURL(new RegExp(`/playlists/${enc}$`));
  await page.locator('ol.steps > li.step-done').first().waitFor();
  seen.playlist_after = await page.locator('ol.steps > li').evaluateAll((els) => els.map((e) => e.className.replace('step ', '')));
  if (!/step-done/.test(seen.playlist_after[0]) || /step-locked/.test(seen.playlist_after[1])) throw new Error(`after passing the rows are ${JSON.stringify(seen.playlist_after)}`);
  await shot(page, shots, 'quiz-playlist-done-phone');

  step = 'the video page says it asks a question';
  const videoQuestionsSeen = [];
  page.on('response', async (res) => {
    if (/\/api\/v1\/videos\/[^/]+\/questions$/.test(new URL(res.url()).pathname) && res.request().method() === 'GET') {
      videoQuestionsSeen.push(await res.text().catch(() => ''));
    }
  });
  await page.goto(`${origin}/videos/${encodeURIComponent(videoId)}`);
  await page.waitForFunction(() => (document.querySelector('main video')?.readyState ?? 0) >= 1, null, { timeout: 60000 });
  await page.locator('.video-questions-count').waitFor();
  seen.video_count = (await page.locator('.video-questions-count').innerText()).trim();
  if (!/^1 question in this video/.test(seen.video_count)) throw new Error(`the video says ${seen.video_count}`);
  const beforeAnswer = videoQuestionsSeen.find((b) => leaks(b).length);
  if (beforeAnswer) throw new Error(`GET …/videos/{id}/questions gives away ${leaks(beforeAnswer).join(', ')} before it is answered`);

  step = 'played, the video pauses at about 2 s and asks its question';
  await page.evaluate(() => {
    const v = document.querySelector('main video');
    v.muted = true;
    return v.play();
  });
  const panelQuestion = page.locator('.video-question-panel:not([hidden]) .question');
  await panelQuestion.waitFor({ timeout: 20000 });
  // let a late timeupdate pass: the video must stay paused where the question stopped it
  await page.waitForTimeout(400);
  const at = await page.evaluate(() => {
    const v = document.querySelector('main video');
    return { paused: v.paused, t: v.currentTime, focused: document.activeElement?.classList.contains('question-prompt') ?? false };
  });
  seen.video_paused_at = Math.round(at.t * 100) / 100;
  seen.video_paused = at.paused;
  seen.video_question_focused = at.focused;
  if (!at.paused || at.t < 1.5 || at.t > 3.0) throw new Error(`when the question shows the video is ${at.paused ? 'paused' : 'playing'} at ${at.t} s`);
  if (!at.focused) problems.push('the keyboard did not move to the video’s question');
  seen.video_question = (await panelQuestion.locator('.question-prompt').innerText()).trim();
  await shot(page, shots, 'video-question-phone');
  await narrow(page, 'video-question');

  step = 'the member answers the video’s question; the feedback shows; playback goes on';
  await panelQuestion.getByLabel('True', { exact: true }).check();
  await panelQuestion.getByRole('button', { name: 'Check answer' }).click();
  const videoVerdict = panelQuestion.locator('.question-verdict[role=status] .question-verdict-box');
  await videoVerdict.waitFor();
  seen.video_verdict = (await videoVerdict.innerText()).trim().replace(/\s+/g, ' ');
  if (!/Right/.test(seen.video_verdict) || !seen.video_verdict.includes(VIDEO_FEEDBACK)) throw new Error(`the video's verdict says ${seen.video_verdict}`);
  await shot(page, shots, 'video-question-answered-phone');
  await page.getByRole('button', { name: 'Continue watching' }).click();
  await page.waitForFunction((t0) => {
    const v = document.querySelector('main video');
    return !v.paused && v.currentTime > t0 + 0.3;
  }, at.t, { timeout: 10000 });
  seen.video_resumed = true;
  if (await page.locator('.video-question-panel:not([hidden])').count()) throw new Error('the question stays open after "Continue watching"');
  await page.locator('.video-questions-score').waitFor();
  seen.video_score = (await page.locator('.video-questions-score').innerText()).trim();
  seen.video_attempt = await page.locator('.video-questions-score').getAttribute('data-status');
  if (seen.video_attempt !== 'passed') throw new Error(`the video's attempt is ${seen.video_attempt}: ${seen.video_score}`);
  const videoApi = await apiOk(memberContext, origin, 'GET', `/api/v1/videos/${encodeURIComponent(videoId)}/questions`);
  if (videoApi.quiz_id !== videoQuiz.id || videoApi.attempt?.status !== 'passed') throw new Error(`the API says ${JSON.stringify(videoApi.attempt)}`);

  step = 'after a reload the answered question is not asked again';
  await page.goto(`${origin}/videos/${encodeURIComponent(videoId)}?t=0`);
  await page.waitForFunction(() => (document.querySelector('main video')?.readyState ?? 0) >= 1, null, { timeout: 60000 });
  await page.locator('.video-questions-count').waitFor();
  await page.evaluate(() => {
    const v = document.querySelector('main video');
    v.muted = true;
    v.currentTime = 0;
    return v.play();
  });
  await page.waitForFunction(() => {
    const v = document.querySelector('main video');
    return v.currentTime > 3 || v.paused;
  }, null, { timeout: 15000 });
  const replay = await page.evaluate(() => ({ paused: document.querySelector('main video').paused, t: document.querySelector('main video').currentTime }));
  if (replay.paused || (await page.locator('.video-question-panel:not([hidden])').count())) throw new Error(`played again, the video stopped at ${replay.t} s`);
  seen.replay_passed_question = true;

  const after = await api(memberContext, origin, 'GET', `/api/v1/quizzes/${encodeURIComponent(quiz.id)}`);
  seen.passed = Boolean(after.body?.passed_at);
  seen.attempts = after.body?.my_attempts?.map((a) => `${a.status} ${a.score}/${a.max_score}`);
  if (!seen.passed) throw new Error('the quiz is not passed in the API');
  if (seen.sideways.length) throw new Error(`sideways scrolling at 320 px: ${seen.sideways.join('; ')}`);
  if (problems.length) throw new Error(problems.join('; '));
  console.log(JSON.stringify({ ok: true, quiz_id: quiz.id, playlist_id: playlist.id, video_id: videoId, video_quiz_id: videoQuiz.id, ...seen }));
  process.exitCode = 0;
} catch (e) {
  console.error(`taking quizzes did not work while ${step}: ${e.message.split('\n')[0]}`);
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
