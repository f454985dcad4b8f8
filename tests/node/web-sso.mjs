// Single sign-on in the web app, on a phone: Debian's Chromium at 390x844 in a fresh context (no
// cookies) opens the sign-in page, types an email, waits for "Sign in with <provider>", follows it
// to the identity provider (tests/node/oidc-provider.mjs), signs in there as LOGIN and comes back
// through the server's callback. It reports where the browser ended: signed in on the home page,
// or back on the sign-in page with the server's refusal shown as an alert.
//
//   node web-sso.mjs ORIGIN EMAIL LOGIN SCENARIO SCREENSHOT_DIR
//
// EMAIL is typed on the sign-in page (it picks the provider by its domain); LOGIN is the account
// typed on the provider's login page (its email may differ from EMAIL). SCENARIO:
//   ok           the normal flow
//   refused      the normal flow, for an account the server should refuse (the same as ok here;
//                the name only says what the caller expects)
//   wrong-state  the browser's request to /api/v1/auth/oidc/callback goes out with another `state`
//   wrong-nonce  the browser's request to the provider's authorization endpoint goes out with
//                another `nonce` (the provider then puts that nonce into the ID token)
//
// Prints one line of JSON on stdout and exits 0 whenever the outcome could be told:
//   {"outcome":"signed-in","me":{…GET /api/v1/auth/me…},"heading":"Hi, Alice","url":"…/","problems":[]}
//   {"outcome":"refused","sentence":"…the [role=alert] text…","sso_error":"…as the server sent it, or null…",
//    "url":"…/signin?sso_error=…","problems":[]}
// (the app shows the server's sentence with a capital first letter and a final full stop added.)
// wrong-state and wrong-nonce add "tampered": {"param","original","sent","url"} (the request as sent).
// Whether the outcome is the right one is for the caller to decide. Exits 1 with what went wrong on
// stderr when the flow broke (a selector or page never came, the provider refused the login, the
// callback answered without redirecting, the interception never happened); 2 on bad arguments.
// "problems" lists uncaught page errors. A screenshot sso-SCENARIO.png goes to SCREENSHOT_DIR at
// the end, also when the flow broke.
import { chromium } from 'playwright-core';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const SCENARIOS = ['ok', 'refused', 'wrong-state', 'wrong-nonce'];
const [origin, email, login, scenario, shots] = process.argv.slice(2);
if (!origin || !email || !login || !scenario || !shots || !SCENARIOS.includes(scenario)) {
  console.error(`usage: node web-sso.mjs ORIGIN EMAIL LOGIN ${SCENARIOS.join('|')} SCREENSHOT_DIR`);
  process.exit(2);
}
let home;
try {
  home = new URL(origin);
} catch {
  console.error(`ORIGIN is not a URL: ${origin}`);
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });

const STEP_MS = 15000;
let step = 'starting Chromium';
// Whatever happens, never outlive the caller's patience: the whole run takes a few seconds.
const watchdog = setTimeout(() => {
  console.error(`web-sso.mjs gave up after 120 s while ${step}`);
  process.exit(1);
}, 120000);
watchdog.unref();

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let page;
let tamperError = null;
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  context.setDefaultTimeout(STEP_MS);
  context.setDefaultNavigationTimeout(STEP_MS);
  const problems = [];
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

  // --- the tampering of the two scenarios that change a parameter on its way ---
  // Playwright routes only the first request of a redirect chain, and both requests to change are
  // redirect targets (/start → 303 → the provider's /auth?…nonce…; the provider's login form
  // POST → 303 /auth/<uid> → 303 ORIGIN/api/v1/auth/oidc/callback?…state…). So the head of the
  // chain is routed and its redirects are walked with route.fetch / context.request (maxRedirects 0,
  // the context's cookies, whose Set-Cookie land in the context too) until a Location points at
  // the target; the head is then answered with that redirect, its Location carrying the changed
  // parameter, and Chromium itself sends the changed request.
  let tampered = null;
  const tampering = {
    'wrong-state': {
      param: 'state',
      what: 'callback',
      isTarget: (url) => url.origin === home.origin && url.pathname === '/api/v1/auth/oidc/callback' && url.searchParams.has('state'),
      isHead: (url) => url.origin !== home.origin, // the provider's login form, posted
    },
    'wrong-nonce': {
      param: 'nonce',
      what: 'authorization',
      isTarget: (url) => url.origin !== home.origin && url.searchParams.has('code_challenge') && url.searchParams.has('nonce'),
      isHead: (url) => url.origin === home.origin && url.pathname.startsWith('/api/v1/auth/oidc/'), // …/<org>/start
    },
  }[scenario];
  const change = (target) => {
    const url = new URL(target);
    const original = url.searchParams.get(tampering.param);
    let sent = crypto.randomBytes(16).toString('base64url');
    if (sent === original) sent = `x${sent}`;
    url.searchParams.set(tampering.param, sent);
    tampered = { param: tampering.param, original, sent, url: url.href };
    return url.href;
  };
  const isRedirect = (response) => response.status() >= 300 && response.status() < 400 && !!response.headers().location;
  if (tampering) {
    await page.route((url) => !tampered && (tampering.isTarget(url) || tampering.isHead(url)), async (route) => {
      const request = route.request();
      const first = new URL(request.url());
      if (tampered || !request.isNavigationRequest()) return route.continue();
      try {
        if (tampering.isTarget(first)) {
          // The target is itself the head of a chain: send the browser to the changed URL instead.
          return await route.fulfill({ status: 303, headers: { location: change(first.href), 'cache-control': 'no-store' } });
        }
        let response = await route.fetch({ maxRedirects: 0 });
        let at = first;
        for (let hop = 0; isRedirect(response) && hop < 8; hop += 1) {
          const next = new URL(response.headers().location, at);
          if (tampering.isTarget(next)) {
            return await route.fulfill({ response, headers: { ...response.headers(), location: change(next.href) } });
          }
          response = await context.request.get(next.href, { maxRedirects: 0 });
          at = next;
        }
        // No target in this chain: the head's own answer, or (after hops walked here) the browser
        // is sent to where the chain ended, which it then asks for once more.
        if (at === first) return await route.fulfill({ response });
        return await route.fulfill({ status: 303, headers: { location: at.href, 'cache-control': 'no-store' } });
      } catch (e) {
        tamperError = `intercepting ${request.method()} ${first.href} failed: ${e.message.split('\n')[0]}`;
        return route.abort().catch(() => {});
      }
    });
  }

  step = 'opening the sign-in page';
  await page.goto(new URL('/signin', home).href);
  const emailInput = page.locator('input[name=email]');
  await emailInput.waitFor();

  step = `typing ${email} and waiting for its "Sign in with …" button`;
  await emailInput.fill(email);
  const ssoButton = page.locator('.sso-providers button', { hasText: /^\s*Sign in with / }).first();
  await ssoButton.waitFor();

  step = 'following the "Sign in with …" button to the identity provider';
  await ssoButton.click();
  await page.waitForURL((url) => url.origin !== home.origin);
  const loginInput = page.locator('input[name=login]');
  await loginInput.waitFor();

  step = `signing in as ${login} on the identity provider's page`;
  await loginInput.fill(login);
  await page.getByRole('button', { name: 'Continue' }).click();

  step = 'coming back from the identity provider';
  const end = await waitForEnd(page, home);

  let result;
  if (end.kind === 'refused') {
    result = { outcome: 'refused', sentence: end.sentence, sso_error: new URL(page.url()).searchParams.get('sso_error'), url: page.url() };
  } else {
    step = 'reading /api/v1/auth/me from the page';
    const me = await page.evaluate(async () => {
      const r = await fetch('/api/v1/auth/me', { headers: { Accept: 'application/json' } });
      return { status: r.status, text: await r.text() };
    });
    if (me.status !== 200) throw new Error(`the home page greets "${end.heading}" but /api/v1/auth/me answered ${me.status}: ${me.text.slice(0, 300)}`);
    result = { outcome: 'signed-in', me: JSON.parse(me.text), heading: end.heading, url: page.url() };
    // for the screenshot: let the home page finish loading (not part of the outcome)
    await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'), null, { timeout: 5000 }).catch(() => {});
  }
  if (tampering) {
    step = `checking the ${tampering.what} request was changed`;
    if (!tampered) throw new Error(`the ${tampering.what} request was never intercepted`);
    result.tampered = tampered;
  }
  result.problems = problems;
  await page.screenshot({ path: path.join(shots, `sso-${scenario}.png`), fullPage: true });
  console.log(JSON.stringify(result));
  process.exitCode = 0;
} catch (e) {
  let where = '';
  if (page) {
    where = ` (at ${page.url()}`;
    const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    if (text.trim()) where += `, the page says: ${JSON.stringify(text.trim().replace(/\s+/g, ' ').slice(0, 400))}`;
    where += ')';
    await page.screenshot({ path: path.join(shots, `sso-${scenario}.png`), fullPage: true }).catch(() => {});
  }
  const routed = tamperError ? `; ${tamperError}` : '';
  console.error(`single sign-on did not work while ${step}: ${e.message.split('\n')[0]}${where}${routed}`);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await browser.close();
}

// Waits until the browser settles: back on ORIGIN's home page greeted ("Hi, …"), or on ORIGIN's
// /signin with an alert. Throws when the provider refuses the login, shows its error page, or the
// browser stays anywhere else (the callback answering without a redirect, say).
async function waitForEnd(page, home) {
  const deadline = Date.now() + STEP_MS;
  let last = '';
  let refusal = null;
  while (Date.now() < deadline) {
    try {
      const url = new URL(page.url());
      last = url.href;
      if (url.origin === home.origin && url.pathname === '/signin') {
        const alert = page.locator('[role=alert]').filter({ hasText: /\S/ }).first();
        if (await alert.isVisible()) return { kind: 'refused', sentence: (await alert.innerText()).trim() };
      } else if (url.origin === home.origin && url.pathname === '/') {
        const h1 = page.locator('h1').first();
        if (await h1.isVisible()) {
          const heading = (await h1.innerText()).trim();
          // "Hi, <first name>"; the app says "Welcome" to someone without a name
          if (/^(Hi,|Welcome)/.test(heading)) return { kind: 'signed-in', heading };
        }
      } else if (url.origin === home.origin && url.pathname.startsWith('/api/')) {
        // A redirect never becomes the page's URL: the server answered this one with a page of its own.
        const text = await page.locator('body').innerText().catch(() => '');
        refusal = `the server answered ${url.pathname} without redirecting: ${text.replace(/\s+/g, ' ').trim().slice(0, 300)}`;
      } else if (url.origin !== home.origin) {
        const error = page.locator('p.error[role=alert]').first();
        if (await error.isVisible()) refusal = `the identity provider refused the login: ${(await error.innerText()).trim()}`;
        else if (await page.locator('h1', { hasText: 'Sign-in error' }).isVisible()) {
          refusal = `the identity provider showed an error: ${(await page.locator('body').innerText()).replace(/\s+/g, ' ').trim().slice(0, 400)}`;
        }
      }
    } catch (e) {
      // A navigation in flight destroys the page's context under our feet: look again.
      if (!/context was destroyed|navigat|Target closed|detached/i.test(e.message)) throw e;
    }
    if (refusal) throw new Error(refusal);
    await page.waitForTimeout(100);
  }
  throw new Error(`the browser did not end signed in on / nor on /signin with an alert within ${STEP_MS / 1000} s; last at ${last}`);
}
