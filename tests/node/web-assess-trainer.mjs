// Quizzes and workbook exercises, the trainer's side (issue 18), on a phone throughout (Debian's
// Chromium at 390x844, touch), the new screens also checked for sideways scrolling at 320 px:
//  1. the trainer writes, in the playlist editor, a quiz through "Add a quiz" — a free-text question
//     and a single-choice question (the second choice right), pass mark 50% — and an exercise
//     through "Add an exercise"; both land in the playlist as items (the playlist itself and the
//     member's assignment are made through the API); the quiz as stored has the two questions with
//     the right key;
//  2. the member (through the API) starts an attempt, writes a free-text answer, picks the wrong
//     choice and submits: the attempt waits for marking;
//  3. the member opens the exercise's page (/exercises/:id), hands in a text and a small .txt file
//     written to a temporary folder, and sees the submission waiting with "Download <file>";
//  4. the trainer opens /manage/marking (from the manage navigation's "Marking"), marks the
//     free-text answer "Right" with a comment, downloads the handed-in file from the exercise queue
//     (the same bytes) and accepts the work with feedback; both rows leave their queues;
//  5. the quiz list (/manage/quizzes, "Quizzes" in the navigation) shows the quiz; its "Report"
//     opens /manage/quizzes/:id/report: the member's best score "1 of 2 points (50%)", 1 attempt,
//     "Passed"; the question statistics: the free-text question 1 answered, 1 right, 0 wrong, 0
//     waiting, 100%; the single-choice question 1 wrong and marked "Most missed" (also named above
//     the list), its right choice marked and the wrong one picked once; "Download CSV" of the scores
//     gives a file naming the member's email;
//  6. the member's exercise page says "Accepted" with the trainer's feedback, and no hand-in form.
//
//   node web-assess-trainer.mjs ORIGIN TRAINER_EMAIL TRAINER_PASSWORD MEMBER_EMAIL MEMBER_PASSWORD SCREENSHOT_DIR
//
// The two must be of one organisation (the trainer a trainer or admin, the member a member). No
// transcode worker or email is needed. Prints one JSON line (what was seen) and exits 0 when it all
// worked; exits 1 naming the failing step otherwise.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NARROW, api, apiOk, launch, overflowAt, phone, shot, signIn } from './lib/pages.mjs';

const [origin, trainerEmail, trainerPassword, memberEmail, memberPassword, shots] = process.argv.slice(2);
if (!shots) {
  console.error('usage: node web-assess-trainer.mjs ORIGIN TRAINER_EMAIL TRAINER_PASSWORD MEMBER_EMAIL MEMBER_PASSWORD SCREENSHOT_DIR');
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });

let step = 'starting';
const problems = [];
const seen = { sideways: [] };
const browser = await launch();
const run = Date.now().toString(36);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-assess-'));

async function person(email, password, who) {
  const context = await phone(browser, { acceptDownloads: true });
  const me = await signIn(context, origin, email, password);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${who}: page error: ${e.message}`));
  return { context, page, me };
}

async function narrow(page, name) {
  const over = await overflowAt(page, name, NARROW, (p) => shot(p, shots, `${name}-320`));
  if (over) seen.sideways.push(`${name}: ${JSON.stringify(over.culprits)}`);
}

/** The text of a statistic (`data-stat`) in a card. */
async function stat(card, key) {
  return (await card.locator(`[data-stat="${key}"]`).innerText()).trim();
}

try {
  step = 'preparing: the playlist and the member’s assignment through the API';
  const trainer = await person(trainerEmail, trainerPassword, 'trainer');
  const member = await person(memberEmail, memberPassword, 'member');
  const playlist = await apiOk(trainer.context, origin, 'POST', '/api/v1/playlists', { title: `Warehouse basics ${run}`, published: true });
  const enc = encodeURIComponent(playlist.id);
  await apiOk(trainer.context, origin, 'POST', `/api/v1/playlists/${enc}/assignments`, { user_ids: [member.me.id] });

  step = 'the trainer writes a quiz with a free-text and a single-choice question in the playlist editor';
  const tp = trainer.page;
  await tp.goto(`${origin}/manage/playlists/${enc}`);
  await tp.locator('summary', { hasText: 'Add a quiz' }).click();
  const quizForm = tp.locator('.add-quiz form.quiz-editor');
  const quizTitle = `Forklift check ${run}`;
  await quizForm.getByLabel('Title', { exact: true }).fill(quizTitle);
  await quizForm.getByLabel('Pass mark (%)').fill('50');
  const q1 = quizForm.locator('.question-editor').nth(0);
  await q1.getByLabel('Kind of answer').selectOption('free_text');
  const freePrompt = 'Describe how you check the forks before lifting.';
  await q1.getByLabel('Question', { exact: true }).fill(freePrompt);
  await quizForm.getByRole('button', { name: 'Add a question', exact: true }).click();
  const q2 = quizForm.locator('.question-editor').nth(1);
  const choicePrompt = 'Where should the forks be when driving?';
  await q2.getByLabel('Question', { exact: true }).fill(choicePrompt);
  await q2.getByLabel('Choice 1', { exact: true }).fill('Raised high');
  await q2.getByLabel('Choice 2', { exact: true }).fill('Just above the floor');
  await q2.locator('.choice-row').nth(1).getByLabel('The right answer').check();
  await q2.getByLabel('Feedback (optional)').fill('Low forks keep the load stable.');
  await shot(tp, shots, 'quiz-editor-phone');
  await narrow(tp, 'quiz-editor');
  await quizForm.getByRole('button', { name: 'Create the quiz and add it to the playlist' }).click();
  await tp.locator('.manage-item', { hasText: quizTitle }).waitFor();

  step = 'the trainer writes an exercise in the playlist editor';
  await tp.locator('summary', { hasText: 'Add an exercise' }).click();
  const exerciseForm = tp.locator('.add-exercise form.exercise-editor');
  const exerciseTitle = `Plan your pre-shift check ${run}`;
  await exerciseForm.getByLabel('Title', { exact: true }).fill(exerciseTitle);
  await exerciseForm.getByLabel('Instructions').fill('Write down the five things you check before a shift.\n\nAttach a photo or a file if you like.');
  await exerciseForm.getByRole('button', { name: 'Create the exercise and add it to the playlist' }).click();
  await tp.locator('.manage-item', { hasText: exerciseTitle }).waitFor();
  seen.items = await tp.locator('.manage-item .kind').allInnerTexts();
  await shot(tp, shots, 'playlist-editor-assess-phone');

  step = 'the playlist holds the quiz and the exercise; the quiz is stored as written';
  const view = await apiOk(trainer.context, origin, 'GET', `/api/v1/playlists/${enc}`);
  const quizItem = view.items.find((i) => i.kind === 'quiz');
  const exerciseItem = view.items.find((i) => i.kind === 'exercise');
  if (!quizItem || !exerciseItem) throw new Error(`the playlist holds ${JSON.stringify(view.items.map((i) => i.kind))}`);
  const quizId = quizItem.item_id;
  const exerciseId = exerciseItem.item_id;
  const stored = await apiOk(trainer.context, origin, 'GET', `/api/v1/quizzes/${encodeURIComponent(quizId)}/edit`);
  seen.stored = stored.questions.map((q) => q.kind);
  if (stored.pass_percent !== 50 || stored.questions.length !== 2) throw new Error(`the quiz is stored as ${JSON.stringify(stored)}`);
  const [freeQ, choiceQ] = stored.questions;
  if (freeQ.kind !== 'free_text' || choiceQ.kind !== 'single') throw new Error(`the questions are ${seen.stored}`);
  const rightChoice = choiceQ.choices.find((c) => c.text === 'Just above the floor');
  const wrongChoice = choiceQ.choices.find((c) => c.text === 'Raised high');
  if (!rightChoice || JSON.stringify(choiceQ.key.correct_choices) !== JSON.stringify([rightChoice.id])) {
    throw new Error(`the single-choice key is ${JSON.stringify(choiceQ.key)}`);
  }

  step = 'the member answers the quiz through the API: free text, the wrong choice, submitted';
  const attempt = await apiOk(member.context, origin, 'POST', `/api/v1/quizzes/${encodeURIComponent(quizId)}/attempts`);
  const answerText = `I look at both forks for cracks and bends ${run}.`;
  await apiOk(member.context, origin, 'PUT', `/api/v1/quiz-attempts/${attempt.id}/answers/${freeQ.id}`, { text: answerText });
  await apiOk(member.context, origin, 'PUT', `/api/v1/quiz-attempts/${attempt.id}/answers/${choiceQ.id}`, { choices: [wrongChoice.id] });
  const submitted = await apiOk(member.context, origin, 'POST', `/api/v1/quiz-attempts/${attempt.id}/submit`);
  seen.attempt_after_submit = submitted.status;
  if (submitted.status !== 'marking') throw new Error(`the submitted attempt is ${submitted.status}`);

  step = 'the member hands in the exercise with a text and a file';
  const fileName = `pre-shift-${run}.txt`;
  const filePath = path.join(tmp, fileName);
  const fileText = `1. Forks\n2. Chains\n3. Horn\n4. Lights\n5. Brakes\n${run}\n`;
  fs.writeFileSync(filePath, fileText);
  const mp = member.page;
  await mp.goto(`${origin}/exercises/${encodeURIComponent(exerciseId)}?playlist=${enc}`);
  await mp.locator('main h1', { hasText: exerciseTitle }).waitFor();
  await mp.getByLabel('Your answer').fill('Forks, chains, horn, lights and brakes.');
  await mp.setInputFiles('#exercise-file', filePath);
  await mp.getByRole('button', { name: 'Hand in' }).click();
  const waiting = mp.locator('.submission[data-status="waiting"]');
  await waiting.waitFor();
  seen.member_waiting = (await waiting.locator('.practice-chip').innerText()).trim();
  seen.member_file = (await waiting.locator('.submission-file').innerText()).trim();
  if (!seen.member_file.includes(fileName)) throw new Error(`the submission offers ${seen.member_file}`);
  if (await mp.locator('form.hand-in').count()) throw new Error('the hand-in form is still offered while the work waits');
  await shot(mp, shots, 'exercise-waiting-phone');
  await narrow(mp, 'exercise-waiting');

  step = 'the trainer opens Marking from the manage navigation';
  await tp.goto(`${origin}/manage/reviews`);
  await tp.locator('nav.manage-nav a', { hasText: 'Marking' }).click();
  await tp.waitForURL(/\/manage\/marking$/);
  const answerRow = tp.locator(`.marking-answer[data-attempt="${attempt.id}"][data-question="${freeQ.id}"]`);
  await answerRow.waitFor();
  seen.marking_answer = (await answerRow.locator('.answer-text').innerText()).trim();
  if (!seen.marking_answer.includes(answerText)) throw new Error(`the marking row shows ${seen.marking_answer}`);
  const submissionRow = tp.locator('.marking-submission', { hasText: exerciseTitle });
  await submissionRow.waitFor();
  await shot(tp, shots, 'marking-phone');
  await narrow(tp, 'marking');

  step = 'the trainer marks the free-text answer right with a comment';
  await answerRow.locator('label.chip', { hasText: 'Right' }).click();
  await answerRow.getByLabel('Comment for the learner (optional)').fill('Good: cracks and bends are the two to look for.');
  await answerRow.getByRole('button', { name: /^Save the mark/ }).click();
  await answerRow.waitFor({ state: 'detached' });
  seen.marked_says = (await tp.locator('section[aria-labelledby="answers-heading"] .saved').innerText()).trim();
  const marked = await apiOk(member.context, origin, 'GET', `/api/v1/quiz-attempts/${attempt.id}`);
  seen.attempt_after_mark = `${marked.status} ${marked.score}/${marked.max_score}`;
  if (marked.status !== 'passed' || marked.score !== 1 || marked.max_score !== 2) throw new Error(`after marking the attempt is ${seen.attempt_after_mark}`);

  step = 'the trainer downloads the handed-in file and accepts the work with feedback';
  const link = submissionRow.locator('a.submission-file');
  seen.trainer_file = (await link.innerText()).trim();
  const [download] = await Promise.all([tp.waitForEvent('download'), link.click()]);
  const got = fs.readFileSync(await download.path(), 'utf8');
  if (got !== fileText) throw new Error(`the downloaded file holds ${JSON.stringify(got)}`);
  seen.downloaded = download.suggestedFilename();
  const feedbackText = `Well done: a complete list ${run}.`;
  await submissionRow.getByLabel('Feedback for the learner').fill(feedbackText);
  await submissionRow.getByRole('button', { name: /^Accept/ }).click();
  await submissionRow.waitFor({ state: 'detached' });
  seen.accepted_says = (await tp.locator('section[aria-labelledby="work-heading"] .saved').innerText()).trim();

  step = 'the quiz list shows the quiz and opens its report';
  await tp.locator('nav.manage-nav a', { hasText: 'Quizzes' }).click();
  await tp.waitForURL(/\/manage\/quizzes$/);
  const quizRow = tp.locator(`.quiz-row[data-quiz="${quizId}"]`);
  await quizRow.waitFor();
  seen.quiz_row = (await quizRow.locator('p').first().innerText()).trim();
  await shot(tp, shots, 'quizzes-phone');
  await narrow(tp, 'quizzes');
  await quizRow.getByRole('link', { name: /^Report/ }).click();
  await tp.waitForURL(/\/manage\/quizzes\/[^/]+\/report$/);

  step = 'the report shows the member’s score';
  const card = tp.locator(`.score-card[data-user="${member.me.id}"]`);
  await card.waitFor();
  seen.report_best = await stat(card, 'best');
  seen.report_attempts = await stat(card, 'attempts');
  seen.report_passed = (await card.locator('.practice-chip').innerText()).trim();
  if (seen.report_best !== '1 of 2 points (50%)' || seen.report_attempts !== '1 attempt' || seen.report_passed !== 'Passed') {
    throw new Error(`the score card says ${seen.report_best} / ${seen.report_attempts} / ${seen.report_passed}`);
  }

  step = 'the question statistics count the free-text answer right and mark the missed question';
  const freeCard = tp.locator(`.question-stat[data-question="${freeQ.id}"]`);
  await freeCard.waitFor();
  seen.free_stats = Object.fromEntries(await Promise.all(['answered', 'right', 'wrong', 'waiting', 'percent_right'].map(async (k) => [k, await stat(freeCard, k)])));
  if (seen.free_stats.answered !== '1' || seen.free_stats.right !== '1' || seen.free_stats.wrong !== '0' || seen.free_stats.waiting !== '0' || seen.free_stats.percent_right !== '100%') {
    throw new Error(`the free-text question's statistics are ${JSON.stringify(seen.free_stats)}`);
  }
  const choiceCard = tp.locator(`.question-stat[data-question="${choiceQ.id}"]`);
  seen.choice_wrong = await stat(choiceCard, 'wrong');
  seen.most_missed = await tp.locator('.question-stat.most-missed').getAttribute('data-question');
  seen.most_missed_badge = await choiceCard.locator('.most-missed-badge').count();
  seen.most_missed_note = (await tp.locator('.most-missed-note').innerText()).trim();
  if (seen.choice_wrong !== '1' || seen.most_missed !== choiceQ.id || seen.most_missed_badge !== 1 || !seen.most_missed_note.includes('question 2')) {
    throw new Error(`the most missed question is ${seen.most_missed} (${seen.most_missed_note})`);
  }
  if (await freeCard.locator('.most-missed-badge').count()) throw new Error('the free-text question is marked most missed');
  seen.choice_picks = await choiceCard.locator('.choice-stat').evaluateAll((els) =>
    els.map((e) => `${e.querySelector('.choice-stat-text span')?.textContent}${e.classList.contains('choice-right') ? ' (right)' : ''}:${e.querySelector('.muted')?.textContent?.trim()}`));
  if (JSON.stringify(seen.choice_picks) !== JSON.stringify(['Raised high:1 picked', 'Just above the floor (right):0 picked'])) {
    throw new Error(`the choices read ${JSON.stringify(seen.choice_picks)}`);
  }
  await shot(tp, shots, 'quiz-report-phone');
  await narrow(tp, 'quiz-report');

  step = 'the scores download as CSV';
  const csvButton = tp.locator('section[aria-labelledby="scores-heading"]').getByRole('button', { name: /^Download CSV/ });
  const [csv] = await Promise.all([tp.waitForEvent('download'), csvButton.click()]);
  const csvText = fs.readFileSync(await csv.path(), 'utf8');
  seen.csv_name = csv.suggestedFilename();
  if (!csvText.startsWith('quiz,name,email') || !csvText.includes(memberEmail)) throw new Error(`the CSV reads ${JSON.stringify(csvText.slice(0, 200))}`);

  step = 'the member’s exercise page says Accepted with the feedback';
  await mp.reload();
  const accepted = mp.locator('.submission[data-status="accepted"]');
  await accepted.waitFor();
  seen.member_status = (await mp.locator('.exercise-status .practice-chip').innerText()).trim();
  seen.member_feedback = (await accepted.locator('.submission-feedback').innerText()).trim();
  if (seen.member_status !== 'Accepted' || !seen.member_feedback.includes(feedbackText)) {
    throw new Error(`the exercise page says ${seen.member_status}: ${seen.member_feedback}`);
  }
  if (await mp.locator('form.hand-in').count()) throw new Error('the hand-in form is still offered after acceptance');
  await shot(mp, shots, 'exercise-accepted-phone');
  await narrow(mp, 'exercise-accepted');

  const after = await api(member.context, origin, 'GET', `/api/v1/exercises/${encodeURIComponent(exerciseId)}`);
  seen.my_status = after.body?.my_status;
  if (seen.my_status !== 'accepted') throw new Error(`the member's exercise status is ${seen.my_status}`);
  if (seen.sideways.length) throw new Error(`sideways scrolling at 320 px: ${seen.sideways.join('; ')}`);
  if (problems.length) throw new Error(problems.join('; '));
  console.log(JSON.stringify({ ok: true, playlist_id: playlist.id, quiz_id: quizId, exercise_id: exerciseId, attempt_id: attempt.id, ...seen }));
  process.exitCode = 0;
} catch (e) {
  console.error(`quizzes and exercises (trainer) did not work while ${step}: ${e.message.split('\n')[0]}`);
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
