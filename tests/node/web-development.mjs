// Development and the expert log in the web app (issue 18), on a phone throughout (Debian's
// Chromium at 390x844, touch), the new screens also checked for sideways scrolling at 320 px:
//  1. the admin sets the member's manager to the manager on the People screen ("Change manager");
//  2. the manager opens "My team" (/team): the member is listed and links to their development
//     page; the CSV download holds the member;
//  3. on the member's development page the manager adds the objective "Finish the first week"
//     linked to a playlist (made, published and assigned to the member with one link in it by the
//     admin through the API beforehand) and records a review rated 4 with next steps;
//  4. the member opens /development: the objective is Open, the review shows its notes, "4 of 5"
//     and the next steps; the member opens the playlist's link (POST /api/v1/resources/{id}/open,
//     which completes the playlist); after a reload the objective is Met, its link ticked done;
//  5. the peer (not the member's manager) opening /people/MEMBER_ID/development gets "Not found"
//     (and the API 404);
//  6. the admin (trainer rights) adds an outside expert "Dana Field", channel email, tag
//     "forklifts", in the expert log (/manage/experts); the member's library search for
//     "forklift" offers Dana under "Ask an expert"; its #forklifts tag opens the topic page
//     /experts/forklifts, which lists her with a mailto: link; there the member endorses the
//     manager (who declared forklifts as expertise through the API): "Endorsed", aria-pressed.
//
//   node web-development.mjs ORIGIN ADMIN_EMAIL ADMIN_PASSWORD MANAGER_EMAIL MANAGER_PASSWORD \
//        MEMBER_EMAIL MEMBER_PASSWORD PEER_EMAIL PEER_PASSWORD SCREENSHOT_DIR
//
// The four must be of one organisation: the admin an admin; the manager, member and peer members
// (the manager becomes the member's manager; the peer must not be it). No transcode worker or
// email is needed. May run again on the same server (names carry a run id). Prints one JSON line
// (what was seen) and exits 0 when it all worked; exits 1 naming the failing step otherwise.
import fs from 'node:fs';
import { NARROW, api, apiOk, launch, overflowAt, phone, shot, signIn } from './lib/pages.mjs';

const [origin, adminEmail, adminPassword, managerEmail, managerPassword, memberEmail, memberPassword, peerEmail, peerPassword, shots] =
  process.argv.slice(2);
if (!shots) {
  console.error(
    'usage: node web-development.mjs ORIGIN ADMIN_EMAIL ADMIN_PASSWORD MANAGER_EMAIL MANAGER_PASSWORD MEMBER_EMAIL MEMBER_PASSWORD PEER_EMAIL PEER_PASSWORD SCREENSHOT_DIR',
  );
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });

let step = 'starting';
const problems = [];
const seen = { sideways: [] };
const browser = await launch();
const run = Date.now().toString(36);

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

/** "yyyy-mm-dd" `days` from today, as a date field takes it. */
function dayFromNow(days) {
  const d = new Date(Date.now() + days * 86400000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

try {
  step = 'preparing: the people, a published playlist with one link assigned to the member';
  const admin = await person(adminEmail, adminPassword, 'admin');
  const manager = await person(managerEmail, managerPassword, 'manager');
  const member = await person(memberEmail, memberPassword, 'member');
  const peer = await person(peerEmail, peerPassword, 'peer');
  const memberId = member.me.id;
  const managerId = manager.me.id;
  if (peer.me.id === managerId) throw new Error('the peer and the manager are the same person');
  const playlistTitle = `First week ${run}`;
  const link = await apiOk(admin.context, origin, 'POST', '/api/v1/resources', {
    title: `Site map ${run}`,
    url: `https://example.com/site-map-${run}`,
  });
  const playlist = await apiOk(admin.context, origin, 'POST', '/api/v1/playlists', { title: playlistTitle, published: true });
  await apiOk(admin.context, origin, 'POST', `/api/v1/playlists/${playlist.id}/items`, { kind: 'resource', item_id: link.id });
  await apiOk(admin.context, origin, 'POST', `/api/v1/playlists/${playlist.id}/assignments`, { user_ids: [memberId] });
  // a fresh start: no manager, so the People screen's change is what sets it
  await apiOk(admin.context, origin, 'PATCH', `/api/v1/users/${memberId}`, { manager_id: '' });

  step = "the admin sets the member's manager on the People screen";
  const ap = admin.page;
  await ap.goto(`${origin}/manage/people`);
  const row = ap.locator(`li.person[data-user="${memberId}"]`);
  await row.waitFor();
  await row.getByRole('button', { name: /^Change manager/ }).click();
  await row.locator('select[name=manager_id]').selectOption(managerId);
  await shot(ap, shots, 'people-manager-phone');
  await row.getByRole('button', { name: 'Save manager' }).click();
  await row.locator('.saved', { hasText: 'manager is now' }).waitFor();
  seen.people_facts = (await row.locator('.person-manager').innerText()).trim();
  const people = await apiOk(admin.context, origin, 'GET', '/api/v1/users');
  if (people.find((p) => p.id === memberId)?.manager_id !== managerId) throw new Error('the server does not have the manager set');
  await narrow(ap, 'people-manager');

  step = 'the manager opens My team and downloads its CSV';
  const mp = manager.page;
  await mp.goto(`${origin}/me`);
  await mp.getByRole('link', { name: 'My team' }).click();
  const teamRow = mp.locator(`li.team-person[data-user="${memberId}"]`);
  await teamRow.waitFor();
  seen.team_heading = (await mp.locator('main h1').innerText()).trim();
  const [download] = await Promise.all([mp.waitForEvent('download'), mp.getByRole('button', { name: 'Download CSV' }).click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  seen.csv_file = download.suggestedFilename();
  if (!csv.startsWith('name,email,manager') || !csv.includes(memberEmail)) throw new Error(`the CSV is ${JSON.stringify(csv.slice(0, 200))}`);
  await shot(mp, shots, 'team-phone');
  await narrow(mp, 'team');

  step = "the manager opens the member's development page";
  await teamRow.locator('a.manage-item-title').click();
  await mp.waitForURL(`**/people/${memberId}/development`);
  await mp.locator('main h1', { hasText: 'Development' }).waitFor();

  step = 'the manager adds the objective "Finish the first week" linked to the playlist';
  await mp.locator('details.dev-add summary', { hasText: 'Add an objective' }).click();
  const objForm = mp.locator('form.objective-form');
  await objForm.getByLabel('Objective', { exact: true }).fill('Finish the first week');
  await objForm.getByLabel('How it is measured (optional)').fill('Every item of the first week’s playlist done.');
  await objForm.getByLabel('Due date (optional)').fill(dayFromNow(14));
  const tick = objForm.getByRole('checkbox', { name: playlistTitle, exact: true });
  await tick.waitFor();
  await tick.check();
  await shot(mp, shots, 'objective-form-phone');
  await narrow(mp, 'objective-form');
  await objForm.getByRole('button', { name: 'Add objective' }).click();
  const managerObjective = mp.locator('li.objective', { hasText: 'Finish the first week' }).last();
  await managerObjective.waitFor();
  seen.objective_added = await managerObjective.getAttribute('data-status');
  if (seen.objective_added !== 'open') throw new Error(`the new objective is ${seen.objective_added}`);

  step = 'the manager records a review rated 4 with next steps';
  await mp.locator('details.dev-add summary', { hasText: 'Record a review' }).click();
  const revForm = mp.locator('form.dev-review-form');
  const notes = `Settling in well ${run}; asks good questions.`;
  await revForm.getByLabel('Notes', { exact: true }).fill(notes);
  await revForm.getByRole('radio', { name: '4 of 5' }).check();
  await revForm.getByLabel('Next steps (optional)').fill('Shadow the morning forklift check.');
  await revForm.getByLabel('Next review (optional)').fill(dayFromNow(30));
  await narrow(mp, 'review-form');
  await revForm.getByRole('button', { name: 'Record review' }).click();
  await mp.locator('li.dev-review', { hasText: run }).waitFor();
  await shot(mp, shots, 'development-manager-phone');
  await narrow(mp, 'development-manager');

  step = 'the member sees the objective Open and the review on /development';
  const up = member.page;
  await up.goto(`${origin}/me`);
  await up.getByRole('link', { name: 'My development' }).click();
  await up.waitForURL('**/development');
  const memberObjective = up.locator('li.objective', { hasText: 'Finish the first week' }).last();
  await memberObjective.waitFor();
  seen.member_status = (await memberObjective.locator('.objective-chip').innerText()).trim();
  if (seen.member_status !== 'Open') throw new Error(`the objective says ${seen.member_status}`);
  const review = up.locator('li.dev-review', { hasText: run });
  await review.waitFor();
  seen.review_text = (await review.innerText()).replace(/\s+/g, ' ').trim();
  for (const want of [notes, '4 of 5', 'Shadow the morning forklift check.']) {
    if (!seen.review_text.includes(want)) throw new Error(`the review does not say ${JSON.stringify(want)}: ${seen.review_text}`);
  }
  if (await up.locator('details.dev-add').count()) throw new Error('the member is offered to add objectives or reviews');
  await shot(up, shots, 'development-member-phone');
  await narrow(up, 'development-member');

  step = 'the member completes the playlist, and the objective is Met after a reload';
  await apiOk(member.context, origin, 'POST', `/api/v1/resources/${link.id}/open`);
  await up.reload();
  await memberObjective.waitFor();
  seen.member_status_after = (await memberObjective.locator('.objective-chip').innerText()).trim();
  if (seen.member_status_after !== 'Met') throw new Error(`after completing the playlist the objective says ${seen.member_status_after}`);
  seen.link_done = await memberObjective.locator('.objective-link').first().getAttribute('data-done');
  if (seen.link_done !== 'true') throw new Error('the linked playlist is not ticked done');
  await shot(up, shots, 'development-met-phone');

  step = "the peer cannot see the member's development page";
  const pp = peer.page;
  await pp.goto(`${origin}/people/${memberId}/development`);
  const refusal = pp.locator('main [role=alert]');
  await refusal.waitFor();
  seen.peer_sees = (await refusal.innerText()).trim();
  if (!/not found/i.test(seen.peer_sees)) throw new Error(`the peer is told ${seen.peer_sees}`);
  if (await pp.getByText('Finish the first week').count()) throw new Error('the peer sees the objective');
  seen.peer_api = (await api(peer.context, origin, 'GET', `/api/v1/people/${memberId}/development`)).status;
  if (seen.peer_api !== 404) throw new Error(`the API answers the peer ${seen.peer_api}`);

  step = 'the admin adds the outside expert Dana Field to the expert log';
  await ap.goto(`${origin}/manage/experts`);
  await ap.locator('main h1', { hasText: 'Expert log' }).waitFor();
  await ap.locator('details.expert-add summary').click();
  const expForm = ap.locator('form.expert-form');
  await expForm.getByLabel('Name', { exact: true }).fill('Dana Field');
  await expForm.getByLabel('What they are or where they work (optional)').fill('Supplier’s forklift engineer');
  await expForm.getByLabel('Best way to reach them').selectOption('email');
  await expForm.getByLabel('Address, number or handle').fill(`dana.field+${run}@example.com`);
  await expForm.getByLabel('How helpful they have been (optional)').fill('Answered within the hour.');
  await expForm.getByLabel('Topics', { exact: true }).fill('forklifts');
  await narrow(ap, 'expert-form');
  await expForm.getByRole('button', { name: 'Add to the log' }).click();
  await ap.locator('main .saved', { hasText: 'Dana Field' }).waitFor();
  await ap.locator('li.log-entry', { hasText: run }).waitFor();
  await shot(ap, shots, 'expert-log-phone');
  await narrow(ap, 'expert-log');

  step = "the member's library search for forklift offers Dana";
  await apiOk(manager.context, origin, 'PUT', '/api/v1/me/expertise', { tags: ['forklifts'] });
  await up.goto(`${origin}/library?q=forklift`);
  const box = up.locator('section.experts');
  await box.locator('li.expert-outside', { hasText: 'Dana Field' }).first().waitFor();
  seen.library_experts = (await box.innerText()).replace(/\s+/g, ' ').trim().slice(0, 200);
  await shot(up, shots, 'library-experts-phone');

  step = 'the topic page /experts/forklifts lists Dana and the member endorses the manager';
  await box.locator('li.expert-outside', { hasText: 'Dana Field' }).first().getByRole('link', { name: '#forklifts' }).click();
  await up.waitForURL('**/experts/forklifts');
  const dana = up.locator('li.expert-outside', { hasText: run });
  await dana.waitFor();
  seen.dana_mailto = await dana.locator('.expert-reach a').getAttribute('href');
  if (!seen.dana_mailto?.startsWith('mailto:dana.field')) throw new Error(`Dana is reached at ${seen.dana_mailto}`);
  const managerCard = up.locator(`li.expert-card[data-user="${managerId}"]`);
  await managerCard.waitFor();
  const endorse = managerCard.locator('button.endorse');
  if ((await endorse.getAttribute('aria-pressed')) === 'true') {
    await endorse.click(); // from an earlier run: take it back first
    await managerCard.locator('button.endorse[aria-pressed="false"]').waitFor();
  }
  await endorse.click();
  await managerCard.locator('button.endorse[aria-pressed="true"]').waitFor();
  seen.endorse_button = (await endorse.innerText()).trim().split('\n')[0];
  seen.endorsed = (await managerCard.locator('.expert-vouched').innerText()).trim();
  if (!/^Endorsed/.test(seen.endorse_button) || !/Vouched for by \d+ colleague/.test(seen.endorsed)) {
    throw new Error(`after endorsing: ${seen.endorse_button} / ${seen.endorsed}`);
  }
  await shot(up, shots, 'expert-topic-phone');
  await narrow(up, 'expert-topic');

  if (seen.sideways.length) throw new Error(`sideways scrolling at 320 px: ${seen.sideways.join('; ')}`);
  if (problems.length) throw new Error(problems.join('; '));
  console.log(JSON.stringify({ ok: true, member_id: memberId, playlist_id: playlist.id, ...seen }));
  process.exitCode = 0;
} catch (e) {
  console.error(`development did not work while ${step}: ${e.message.split('\n')[0]}`);
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
