// The web app as a new hire meets it on a phone: Debian's Chromium at 390x844 opens the sign-in
// page, which wears the organisation's branding, signs in, and lands on the home page.
//
//   node web-signin.mjs ORIGIN EMAIL PASSWORD SCREENSHOT_DIR
//
// Prints {"primary": …, "welcome": …, "heading": …, "onboarding": …} and exits 0 when the home
// page greets the person; exits 1 with what went wrong otherwise.
import { chromium } from 'playwright-core';
import path from 'node:path';

const [origin, email, password, shots] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${origin}/signin`);
  await page.waitForSelector('input[name=email]');
  await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--primary').trim() !== '');
  const primary = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--primary').trim());
  const welcome = await page.evaluate(() => document.body.innerText);
  await page.screenshot({ path: path.join(shots, 'signin.png') });
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('h1:has-text("Hi,")', { timeout: 15000 });
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'));
  const heading = await page.textContent('h1');
  const onboarding = await page.textContent('section[aria-labelledby=onboarding-heading]');
  await page.screenshot({ path: path.join(shots, 'home.png') });
  console.log(JSON.stringify({ primary, welcome, heading, onboarding, problems }));
  process.exit(problems.length ? 1 : 0);
} catch (e) {
  console.error(`the web app did not work: ${e.message}`);
  process.exit(1);
} finally {
  await browser.close();
}
