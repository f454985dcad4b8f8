// Plays an HLS stream with hls.js in headless Chromium (Debian's, driven by playwright-core)
// and reports how far playback got.
//
//   node hls-play.mjs ORIGIN MASTER_URL [BEARER_TOKEN]
//
// The test page is served at ORIGIN (the server's own origin) through Playwright's routing, so
// the player's requests are same-origin, as for the real web app. Requests to other origins
// (presigned store URLs) get the CORS header a bucket's CORS rule would add; the S3 test server
// has no CORS support of its own. Prints {"currentTime": …, "levels": …} and exits 0 when
// playback passed 3 seconds; exits 1 with the player's error otherwise.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [origin, master, token] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const hlsJs = path.join(here, 'node_modules/hls.js/dist/hls.min.js');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
});
try {
  const page = await browser.newPage();
  const requests = [];
  page.on('response', (r) => requests.push(`${r.status()} ${r.url().replace(origin, '').slice(0, 90)}`));
  page.on('console', (m) => requests.push(`console ${m.type()}: ${m.text().slice(0, 200)}`));
  await page.route(`${origin}/__test/player.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><video id="v" muted playsinline></video>
<script src="/__test/hls.js"></script>
<script>
  window.HLS_DEBUG = ${JSON.stringify(!!process.env.HLS_DEBUG)};
  const video = document.getElementById('v');
  const hls = new Hls({ debug: !!window.HLS_DEBUG, xhrSetup(xhr, url) {
    if (${JSON.stringify(token ?? '')} && url.startsWith(${JSON.stringify(origin)})) {
      xhr.setRequestHeader('Authorization', 'Bearer ${token ?? ''}');
    }
  }});
  window.failure = null;
  window.notes = [];
  hls.on(Hls.Events.ERROR, (_, data) => {
    window.notes.push(data.details + (data.error ? ' ' + data.error.message : ''));
    if (data.fatal) window.failure = data.type + ': ' + data.details;
  });
  video.addEventListener('error', () => window.notes.push('media error ' + (video.error && video.error.message)));
  hls.loadSource(${JSON.stringify(master)});
  hls.attachMedia(video);
  hls.on(Hls.Events.MANIFEST_PARSED, () => video.play().catch((e) => window.notes.push('play: ' + e.message)));
  window.levels = () => hls.levels.length;
</script>`,
  }));
  await page.route(`${origin}/__test/hls.js`, (route) => route.fulfill({ path: hlsJs, contentType: 'text/javascript' }));
  await page.route((url) => !url.href.startsWith(origin), async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
  });
  await page.goto(`${origin}/__test/player.html`);
  const deadline = Date.now() + 30000;
  let state;
  while (Date.now() < deadline) {
    state = await page.evaluate(() => {
      const v = document.getElementById('v');
      return { currentTime: v.currentTime, readyState: v.readyState, buffered: v.buffered.length ? v.buffered.end(0) : 0,
        failure: window.failure, levels: window.levels(), notes: window.notes.slice(0, 5) };
    });
    if (state.failure || state.currentTime > 3) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(JSON.stringify(state));
  if (!(state && !state.failure && state.currentTime > 3)) console.error(requests.slice(0, 30).join('\n'));
  process.exit(state && !state.failure && state.currentTime > 3 ? 0 : 1);
} finally {
  await browser.close();
}
