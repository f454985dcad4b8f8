// A person's own account in the web app, on a phone: Debian's Chromium at 390x844, each flow in a
// fresh context (no cookies). Two modes:
//
//   node web-account.mjs ORIGIN account EMAIL PASSWORD NEW_PASSWORD SCREENSHOT_DIR
//     Signs in with EMAIL/PASSWORD, opens "Account" from the app bar, tries to change the password
//     with a wrong current password (recording what the page answers), then changes it properly
//     (PASSWORD → NEW_PASSWORD), creates an API token "laptop" expiring in 30 days, reads it from
//     the one-time field, finds "laptop" in the token list, and revokes it (confirming).
//     Prints {"wrong_current": "…the alert…", "changed": "…the status…", "token": "rh_…",
//             "token_item": "laptop Created … · never used · expires …", "revoked": "…the status…",
//             "laptop_gone": true, "problems": […]}
//     EMAIL should have no token named "laptop" before.
//
//   node web-account.mjs ORIGIN reset RESET_URL RESET_PASSWORD SCREENSHOT_DIR
//     Opens RESET_URL (the whole link, http://…/reset?token=…), sets RESET_PASSWORD twice and
//     saves; the app must land on the home page signed in. Then, in another fresh context, opens
//     the same link again and submits another password (RESET_PASSWORD + "-again").
//     Prints {"heading": "Hi, …", "second_use": "…the alert…", "problems": […]}
//     When the second use signs in too, second_use says so: "the link worked again: …".
//
// The texts are the page's as shown (the app gives the server's sentences a capital first letter
// and a final full stop); whether they are the right ones is for the caller to decide. Where an
// answer could be either an alert or a status (the two password changes, the revocation), the
// one that came is recorded. "problems" lists uncaught page errors, and in account mode a "laptop"
// item whose text does not say "expires".
// Exits 0 when the flow ran; 1 with the step, the URL and the page's visible text on stderr when
// it broke (a selector never came within 15 s, sign-in or the first use of the reset link was
// refused, creating the token was refused); 2 on bad arguments. Screenshot account.png or
// reset.png (full page) into SCREENSHOT_DIR at the end, also when the flow broke.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const USAGE = [
  'usage: node web-account.mjs ORIGIN account EMAIL PASSWORD NEW_PASSWORD SCREENSHOT_DIR',
  '       node web-account.mjs ORIGIN reset RESET_URL RESET_PASSWORD SCREENSHOT_DIR',
].join('\n');
const ARITY = { account: 3, reset: 2 };
const [origin, mode, ...rest] = process.argv.slice(2);
if (!origin || !(mode in ARITY) || rest.length !== ARITY[mode] + 1 || rest.some((a) => !a)) {
  console.error(USAGE);
  process.exit(2);
}
const shots = rest.pop();
let home;
try {
  home = new URL(origin);
} catch {
  console.error(`ORIGIN is not a URL: ${origin}`);
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });

const STEP_MS = 15000;
const VIEWPORT = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
let step = 'starting Chromium';
// Never outlive the caller's patience: a run takes a few seconds.
const watchdog = setTimeout(() => {
  console.error(`web-account.mjs (${mode}) gave up after 120 s while ${step}`);
  process.exit(1);
}, 120000);
watchdog.unref();

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const problems = [];
let page = null; // the page of the step under way, for the error message and the screenshot
const shotPath = path.join(shots, mode === 'account' ? 'account.png' : 'reset.png');

/** A fresh context (no cookies) and its page, page errors collected. */
async function freshPage() {
  const context = await browser.newContext(VIEWPORT);
  context.setDefaultTimeout(STEP_MS);
  context.setDefaultNavigationTimeout(STEP_MS);
  const p = await context.newPage();
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page = p;
  return p;
}

/** An element's visible text, whitespace runs made single spaces. */
async function textOf(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** Waits for the first of `locators` to be visible; answers its index. */
async function firstVisible(...locators) {
  await locators.reduce((a, b) => a.or(b)).first().waitFor();
  for (let i = 0; i < locators.length; i += 1) {
    if (await locators[i].first().isVisible()) return i;
  }
  return 0; // it appeared and went again at once: take the first
}

const greeting = (p) => p.locator('h1', { hasText: /^\s*Hi,/ });

async function accountFlow(email, password, newPassword) {
  const p = await freshPage();

  step = 'opening the sign-in page';
  await p.goto(new URL('/signin', home).href);
  await p.locator('input[name=email]').waitFor();

  step = `signing in as ${email}`;
  await p.fill('input[name=email]', email);
  await p.fill('input[name=password]', password);
  await p.click('button[type=submit]');
  const signInRefused = p.locator('main [role=alert]');
  if ((await firstVisible(greeting(p), signInRefused)) === 1) {
    throw new Error(`the sign-in was refused: ${await textOf(signInRefused.first())}`);
  }

  step = 'opening Account from the app bar';
  await p.locator('header a.account-link').click();
  await p.waitForURL((url) => url.pathname === '/account');
  const pwd = p.locator('section[aria-labelledby=password-heading]');
  await pwd.locator('input[name=current_password]').waitFor();

  const answer = pwd.locator('[role=alert], [role=status]');
  const changePassword = async (current) => {
    await pwd.locator('input[name=current_password]').fill(current);
    await pwd.locator('input[name=new_password]').fill(newPassword);
    await pwd.locator('input[name=repeat_password]').fill(newPassword);
    await answer.first().waitFor({ state: 'hidden' }); // typing clears the last answer
    await pwd.getByRole('button', { name: 'Change password', exact: true }).click();
    await answer.first().waitFor();
    return textOf(answer.first());
  };

  step = 'changing the password with a wrong current password';
  const wrongCurrent = await changePassword(`wrong-${password}`);

  step = 'changing the password with the right current password';
  const changed = await changePassword(password);

  step = 'creating the API token "laptop", expiring in 30 days';
  const tokens = p.locator('section[aria-labelledby=tokens-heading]');
  await tokens.locator('input[name=token_name]').fill('laptop');
  await tokens.locator('select[name=token_expiry]').selectOption('30');
  await tokens.getByRole('button', { name: 'Create token', exact: true }).click();
  const newToken = tokens.locator('input[name=new_token]');
  const createRefused = tokens.locator('form [role=alert]');
  if ((await firstVisible(newToken, createRefused)) === 1) {
    throw new Error(`creating the token was refused: ${await textOf(createRefused.first())}`);
  }
  const token = await newToken.inputValue();

  step = 'finding "laptop" in the token list';
  const laptop = tokens
    .locator('li.token-item')
    .filter({ has: p.locator('.manage-item-title', { hasText: /^\s*laptop\s*$/ }) });
  await laptop.first().waitFor();
  const tokenItem = await textOf(laptop.first().locator('.manage-item-text'));
  if (!/\bexpires\b/.test(tokenItem)) problems.push(`the "laptop" item does not say when it expires: ${JSON.stringify(tokenItem)}`);

  step = 'revoking "laptop"';
  await laptop.first().getByRole('button', { name: 'Revoke token laptop', exact: true }).click();
  await laptop.first().getByRole('button', { name: 'Yes, revoke', exact: true }).click();
  const revokedStatus = tokens.locator('[role=status]');
  const revokeRefused = laptop.locator('[role=alertdialog] [role=alert]');
  const which = await firstVisible(revokedStatus, revokeRefused);
  const revoked = await textOf((which === 0 ? revokedStatus : revokeRefused).first());

  step = 'waiting for "laptop" to leave the token list';
  const laptopGone = await laptop
    .first()
    .waitFor({ state: 'detached' })
    .then(() => true, () => false);

  await p.evaluate(() => window.scrollTo(0, 0)); // the sticky app bar at the top of the shot
  await p.screenshot({ path: shotPath, fullPage: true });
  return { wrong_current: wrongCurrent, changed, token, token_item: tokenItem, revoked, laptop_gone: laptopGone };
}

/** Opens the reset link in a fresh context and saves `password`: the home page's greeting, or
 *  the alert shown instead. */
async function useResetLink(resetUrl, password, which) {
  const p = await freshPage();

  step = `opening the reset link (${which} use)`;
  await p.goto(resetUrl);
  const input = p.locator('input[name=new_password]');
  const broken = p.locator('main [role=alert]');
  if ((await firstVisible(input, broken)) === 1) {
    throw new Error(`the reset page shows no form, only: ${await textOf(broken.first())}`);
  }

  step = `saving a new password through the reset link (${which} use)`;
  await input.fill(password);
  await p.locator('input[name=repeat_password]').fill(password);
  await p.getByRole('button', { name: 'Save new password', exact: true }).click();
  const refused = p.locator('main [role=alert]');
  if ((await firstVisible(greeting(p), refused)) === 1) return { alert: await textOf(refused.first()) };
  return { heading: await textOf(greeting(p).first()) };
}

async function resetFlow(link, password) {
  let resetUrl;
  try {
    resetUrl = new URL(link, home).href;
  } catch {
    throw new Error(`RESET_URL is not a URL: ${link}`);
  }
  const first = await useResetLink(resetUrl, password, 'first');
  if (first.alert !== undefined) throw new Error(`the reset link was refused on its first use: ${first.alert}`);
  await page.context().close();
  page = null;

  const second = await useResetLink(resetUrl, `${password}-again`, 'second');
  await page.screenshot({ path: shotPath, fullPage: true });
  const secondUse = second.alert ?? `the link worked again: the home page says ${JSON.stringify(second.heading)}`;
  return { heading: first.heading, second_use: secondUse };
}

try {
  const result = mode === 'account' ? await accountFlow(...rest) : await resetFlow(...rest);
  console.log(JSON.stringify({ ...result, problems }));
  process.exitCode = 0;
} catch (e) {
  let where = '';
  if (page && !page.isClosed()) {
    where = ` (at ${page.url()}`;
    const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    if (text.trim()) where += `, the page says: ${JSON.stringify(text.trim().replace(/\s+/g, ' ').slice(0, 500))}`;
    where += ')';
    await page.screenshot({ path: shotPath, fullPage: true }).catch(() => {});
  }
  const errors = problems.length ? `; ${problems.join('; ')}` : '';
  console.error(`the account screens (${mode}) did not work while ${step}: ${e.message.split('\n')[0]}${where}${errors}`);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await browser.close();
}
