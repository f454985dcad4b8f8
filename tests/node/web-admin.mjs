// An admin sets up the organisation in the web app, on a phone: Debian's Chromium at 390x844,
// signed in through the API, opens "Organisation" from the manage screen, first types a primary
// colour too light for white text (#ffeb3b: the live preview must put black text on it, and no
// refusal is shown: any colour is taken, see web-manage.mjs), then
// saves name "Acme Logistics", primary #1a4d8f and a welcome message, uploads a logo through the
// file input, ticks "Review uploads" and saves the settings. Its "Storage" section must say what
// the organisation stores ("0 kB used, no limit", "1.5 GB used of 10.0 GB"). Branding and settings
// are then read back from the server, and the running app must wear them: --primary is #1a4d8f
// and the app bar's logo has loaded.
//
//   node web-admin.mjs ORIGIN EMAIL PASSWORD LOGO_PNG_PATH SCREENSHOT_DIR
//
// EMAIL must be an admin. Prints {"light_preview", "storage_used", "name", "primary_color",
// "logo_loaded", "review_uploads", "css_primary", "problems"} and exits 0 when the screens worked;
// exits 1 with what went wrong otherwise.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const [origin, email, password, logo, shots] = process.argv.slice(2);
if (!origin || !email || !password || !logo || !shots) {
  console.error('usage: node web-admin.mjs ORIGIN EMAIL PASSWORD LOGO_PNG_PATH SCREENSHOT_DIR');
  process.exit(2);
}
if (!fs.existsSync(logo)) {
  console.error(`no logo file at ${logo}`);
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const PRIMARY = '#1a4d8f';
let step = 'starting';
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  context.setDefaultTimeout(10000);
  const problems = [];
  step = 'signing in';
  const signedIn = await context.request.post(`${origin}/api/v1/auth/login`, { data: { email, password } });
  if (!signedIn.ok()) throw new Error(`sign-in answered ${signedIn.status()}`);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const shot = (name) => page.screenshot({ path: path.join(shots, name), fullPage: true });

  step = 'opening the organisation screen from the manage screen';
  await page.goto(`${origin}/manage/playlists`);
  await page.getByRole('link', { name: 'Organisation', exact: true }).click();
  await page.waitForURL('**/manage/organisation');
  await page.getByRole('heading', { name: 'Branding' }).waitFor();

  step = 'reading the storage section';
  // It loads on its own: wait for its summary line, or the error shown instead of it.
  const storage = page.locator('section[aria-labelledby="storage-heading"]');
  await storage.getByRole('heading', { name: 'Storage', exact: true }).waitFor();
  await storage.locator('.usage-summary, .notice-error').first().waitFor();
  const storageUsed = (await storage.locator('.usage-summary').count())
    ? (await storage.locator('.usage-summary').innerText()).trim()
    : `no usage shown: ${(await storage.locator('.notice-error').innerText()).trim()}`;
  const storageVisible = await storage.isVisible();
  await shot('admin-organisation.png');

  const brandingForm = page.locator('form[aria-labelledby="branding-heading"]');
  const primary = page.getByLabel('Primary colour', { exact: true });
  const saveBranding = page.getByRole('button', { name: 'Save branding' });

  step = 'typing a primary colour too light for white text';
  await primary.fill('#ffeb3b');
  const lightFact = brandingForm.locator('.preview-facts li', { hasText: 'Primary colour #ffeb3b' });
  await lightFact.waitFor();
  const lightPreview = (await lightFact.innerText()).trim();
  const refused = await brandingForm.locator('.notice-error').count();
  await shot('admin-too-light.png');

  step = 'saving the branding';
  await page.getByLabel('Name', { exact: true }).fill('Acme Logistics');
  await primary.fill(PRIMARY);
  await page.getByLabel('Welcome message').fill('Welcome to Acme');
  await saveBranding.click();
  await brandingForm.locator('.saved', { hasText: 'Branding saved' }).waitFor();

  step = 'uploading the logo';
  const logoSection = page.locator('section[aria-labelledby="logo-heading"]');
  await logoSection.locator('input[type="file"]').setInputFiles(logo);
  await logoSection.locator('.saved', { hasText: 'Logo saved' }).waitFor();
  await logoSection.locator('img.logo-preview').waitFor();

  step = 'turning on the review of uploads';
  const settingsForm = page.locator('form[aria-labelledby="settings-heading"]');
  await page.getByRole('checkbox', { name: /^Review uploads/ }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await settingsForm.locator('.saved', { hasText: 'Settings saved' }).waitFor();
  await shot('admin-saved.png');

  step = 'reading the branding and settings back';
  const brandingRes = await context.request.get(`${origin}/api/v1/branding`);
  if (!brandingRes.ok()) throw new Error(`GET /api/v1/branding answered ${brandingRes.status()}`);
  const branding = await brandingRes.json();
  const settingsRes = await context.request.get(`${origin}/api/v1/org/settings`);
  if (!settingsRes.ok()) throw new Error(`GET /api/v1/org/settings answered ${settingsRes.status()}`);
  const settings = await settingsRes.json();

  step = 'checking the running app wears the branding';
  const cssPrimary = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--primary').trim().toLowerCase());
  const logoLoaded = await page
    .waitForFunction(() => {
      const img = document.querySelector('header.app-header img.brand-logo');
      return !!img && img.complete && img.naturalWidth > 0;
    }, null, { timeout: 5000 })
    .then(() => true, () => false);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, 'admin-header.png') });

  const result = {
    light_preview: lightPreview,
    storage_used: storageUsed,
    name: branding.name,
    primary_color: branding.primary_color,
    logo_loaded: logoLoaded,
    review_uploads: settings.review_uploads === true,
    css_primary: cssPrimary,
    problems,
  };
  console.log(JSON.stringify(result));
  const wrong = [];
  if (!/text on it is black/.test(lightPreview)) wrong.push(`the preview says ${JSON.stringify(lightPreview)}`);
  if (refused) wrong.push('the light colour was refused');
  if (!storageVisible) wrong.push('the Storage section is not visible');
  // "0 kB used, no limit", "320 MB used of 1.0 GB": a size as the server says it, then "used"
  if (!/^\d+(\.\d)? (kB|MB|GB) used\b/.test(storageUsed)) wrong.push(`the Storage section says ${JSON.stringify(storageUsed)}`);
  if (branding.name !== 'Acme Logistics') wrong.push(`the server has the name ${JSON.stringify(branding.name)}`);
  if (branding.primary_color !== PRIMARY) wrong.push(`the server has the primary colour ${JSON.stringify(branding.primary_color)}`);
  if (branding.welcome_message !== 'Welcome to Acme') wrong.push(`the server has the welcome ${JSON.stringify(branding.welcome_message)}`);
  if (!branding.logo_url) wrong.push('the server has no logo');
  if (!logoLoaded) wrong.push('the app bar shows no loaded logo');
  if (settings.review_uploads !== true) wrong.push('review_uploads is not on');
  if (cssPrimary !== PRIMARY) wrong.push(`--primary is ${JSON.stringify(cssPrimary)}`);
  if (problems.length) wrong.push(`${problems.length} page error(s)`);
  if (wrong.length) console.error(wrong.join('; '));
  process.exitCode = wrong.length === 0 ? 0 : 1;
} catch (e) {
  console.error(`the admin screens did not work while ${step}: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
