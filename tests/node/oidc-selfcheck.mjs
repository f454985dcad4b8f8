// Self-check for oidc-provider.mjs, without a browser: starts the provider with two accounts,
// reads discovery and the JWKS, runs a full authorization code + PKCE flow with fetch, manual
// redirects and a cookie jar, checks the ID token's claims, checks the unknown-login error page
// and client_secret_post, then rotates the signing key and checks the JWKS changed (and that a
// flow started before the rotation still completes and is signed with the new key).
//
//   node oidc-selfcheck.mjs
//
// Prints "ok" and exits 0, or explains what went wrong and exits 1.

import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CLIENT_ID = 'reelhouse-test';
const CLIENT_SECRET = 'test-secret-0123456789';
const REDIRECT_URI = 'http://127.0.0.1:9/auth/oidc/callback';
const ACCOUNTS = [
  { id: 'alice', email: 'alice@acme.test', email_verified: true, name: 'Alice Able' },
  { id: 'bob', email: 'bob@acme.test', email_verified: false, name: 'Bob Baker' },
];

class Failure extends Error {}
function check(condition, message) {
  if (!condition) throw new Failure(message);
}

const child = spawn(process.execPath, [fileURLToPath(new URL('./oidc-provider.mjs', import.meta.url))], {
  env: {
    ...process.env,
    OIDC_PORT: '0',
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_REDIRECT_URI: REDIRECT_URI,
    OIDC_ACCOUNTS: JSON.stringify(ACCOUNTS),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let stderr = '';
child.stderr.on('data', (d) => { stderr += d; });
const stdoutLines = [];

async function readyLine() {
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Failure('the provider printed no ready line within 20s')), 20000);
    child.on('exit', (code) => reject(new Failure(`the provider exited early with ${code}`)));
    lines.on('line', (line) => {
      stdoutLines.push(line);
      if (stdoutLines.length === 1) {
        clearTimeout(timer);
        resolve(line);
      }
    });
  });
}

// A cookie jar that is good enough for one host: name -> value, honouring deletions.
class Jar {
  cookies = new Map();

  store(response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attrs] = header.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const path = attrs.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const expired = attrs.some((a) => /^\s*expires=.*1970/i.test(a)) || attrs.some((a) => /^\s*max-age=0$/i.test(a));
      const key = `${name}\u0000${path}`;
      if (expired || value === '') this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path });
    }
  }

  header(url) {
    const { pathname } = new URL(url);
    return [...this.cookies.values()]
      .filter((c) => pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`).join('; ');
  }
}

async function request(jar, url, init = {}) {
  const headers = { ...(init.headers ?? {}) };
  const cookie = jar.header(url);
  if (cookie) headers.cookie = cookie;
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.store(response);
  return response;
}

// Follows redirects until one leaves the issuer (returns that URL) or a page answers (returns it).
async function follow(jar, issuer, response, from) {
  let url = from;
  for (let hops = 0; hops < 10; hops += 1) {
    if (response.status < 300 || response.status >= 400) return { response, url };
    const location = response.headers.get('location');
    check(location, `redirect ${response.status} from ${url} without a Location`);
    url = new URL(location, url).href;
    if (!url.startsWith(`${issuer}/`)) return { redirect: url };
    response = await request(jar, url);
  }
  throw new Failure('too many redirects');
}

const b64url = (buf) => Buffer.from(buf).toString('base64url');
function decodeJwt(jwt) {
  const [header, payload] = jwt.split('.');
  return { header: JSON.parse(Buffer.from(header, 'base64url')), payload: JSON.parse(Buffer.from(payload, 'base64url')) };
}

async function authorize(discovery, jar) {
  const verifier = b64url(crypto.randomBytes(32));
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  const state = b64url(crypto.randomBytes(16));
  const nonce = b64url(crypto.randomBytes(16));
  const auth = new URL(discovery.authorization_endpoint);
  auth.search = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  const first = await request(jar, auth.href);
  const landed = await follow(jar, discovery.issuer, first, auth.href);
  return { verifier, state, nonce, landed };
}

async function startFlow(discovery, jar) {
  const { landed, ...flow } = await authorize(discovery, jar);
  check(landed.response, `the authorization request did not reach a login page but redirected to ${landed.redirect}`);
  const html = await landed.response.text();
  check(landed.response.status === 200, `login page answered ${landed.response.status}: ${html.slice(0, 500)}`);
  check(/<input[^>]*name="login"/.test(html), `no input name="login" on the login page: ${html.slice(0, 500)}`);
  check(/<button[^>]*>Continue<\/button>/.test(html), 'no "Continue" button on the login page');
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  check(action, 'no form action on the login page');
  return { ...flow, loginUrl: landed.url, action: new URL(action.replace(/&amp;/g, '&'), landed.url).href };
}

async function submitLogin(discovery, jar, flow, login) {
  const response = await request(jar, flow.action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login }).toString(),
  });
  return follow(jar, discovery.issuer, response, flow.action);
}

async function redeem(discovery, flow, redirect, authMethod) {
  check(redirect, 'the login did not redirect back to the client');
  check(redirect.startsWith(`${REDIRECT_URI}?`), `redirected to ${redirect}, not to the redirect URI`);
  const params = new URL(redirect).searchParams;
  check(!params.get('error'), `authorization error: ${params.get('error')} ${params.get('error_description')}`);
  check(params.get('state') === flow.state, `state mismatch: ${params.get('state')}`);
  const code = params.get('code');
  check(code, `no code in ${redirect}`);
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: flow.verifier,
  });
  const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (authMethod === 'client_secret_basic') {
    const enc = (s) => encodeURIComponent(s);
    headers.authorization = `Basic ${Buffer.from(`${enc(CLIENT_ID)}:${enc(CLIENT_SECRET)}`).toString('base64')}`;
  } else {
    body.set('client_id', CLIENT_ID);
    body.set('client_secret', CLIENT_SECRET);
  }
  const response = await fetch(discovery.token_endpoint, { method: 'POST', headers, body: body.toString() });
  const tokens = await response.json();
  check(response.status === 200, `token endpoint (${authMethod}) answered ${response.status}: ${JSON.stringify(tokens)}`);
  check(tokens.id_token, `no id_token: ${JSON.stringify(tokens)}`);
  check(tokens.access_token, `no access_token: ${JSON.stringify(tokens)}`);
  return tokens;
}

function checkIdToken(discovery, jwks, flow, idToken, account) {
  const { header, payload } = decodeJwt(idToken);
  check(header.alg === 'RS256', `ID token alg ${header.alg}`);
  const key = jwks.keys.find((k) => k.kid === header.kid);
  check(key, `ID token kid ${header.kid} is not in the JWKS`);
  const [h, p, s] = idToken.split('.');
  const valid = crypto.verify('RSA-SHA256', Buffer.from(`${h}.${p}`), crypto.createPublicKey({ key, format: 'jwk' }),
    Buffer.from(s, 'base64url'));
  check(valid, 'ID token signature does not verify against the JWKS');
  const expect = {
    iss: discovery.issuer,
    aud: CLIENT_ID,
    sub: account.id,
    nonce: flow.nonce,
    email: account.email,
    email_verified: account.email_verified,
    name: account.name,
  };
  for (const [claim, value] of Object.entries(expect)) {
    check(payload[claim] === value, `ID token ${claim} is ${JSON.stringify(payload[claim])}, expected ${JSON.stringify(value)}: ${JSON.stringify(payload)}`);
  }
  check(Math.abs(payload.iat - Date.now() / 1000) < 60, `ID token iat ${payload.iat} is off`);
  check(payload.exp > payload.iat, 'ID token exp is not after iat');
  return header.kid;
}

async function main() {
  const line = await readyLine();
  check(/^\{"issuer": "http:\/\/127\.0\.0\.1:\d+"\}$/.test(line), `unexpected ready line: ${line}`);
  const { issuer } = JSON.parse(line);

  // Discovery and JWKS.
  const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
  check(discovery.issuer === issuer, `discovery issuer ${discovery.issuer} != ${issuer}`);
  for (const m of ['client_secret_basic', 'client_secret_post']) {
    check(discovery.token_endpoint_auth_methods_supported?.includes(m), `discovery lacks ${m}`);
  }
  check(JSON.stringify(discovery.code_challenge_methods_supported) === '["S256"]', 'discovery: PKCE is not S256-only');
  check(discovery.scopes_supported?.includes('email') && discovery.scopes_supported?.includes('profile'), 'discovery lacks email/profile scopes');
  const jwks = await (await fetch(discovery.jwks_uri)).json();
  check(jwks.keys?.length === 1 && jwks.keys[0].kid && jwks.keys[0].kty === 'RSA', `unexpected JWKS: ${JSON.stringify(jwks)}`);
  check(!('d' in jwks.keys[0]), 'the JWKS leaks the private key');

  // PKCE is required.
  const noPkce = new URL(discovery.authorization_endpoint);
  noPkce.search = new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: 'openid', state: 'x' }).toString();
  const noPkceResponse = await fetch(noPkce, { redirect: 'manual' });
  const noPkceLocation = noPkceResponse.headers.get('location') ?? '';
  check(noPkceLocation.includes('error=invalid_request'), `an authorization request without PKCE was not refused: ${noPkceResponse.status} ${noPkceLocation}`);

  // The full flow for alice, with an unknown login first.
  const jar = new Jar();
  const flow = await startFlow(discovery, jar);
  const unknown = await submitLogin(discovery, jar, flow, 'mallory');
  check(unknown.response, 'an unknown login redirected instead of showing the form again');
  const unknownHtml = await unknown.response.text();
  check(/Unknown account/.test(unknownHtml) && /name="login"/.test(unknownHtml), `no error text for an unknown login: ${unknownHtml.slice(0, 500)}`);
  const done = await submitLogin(discovery, jar, flow, 'alice');
  if (done.response) {
    throw new Failure(`logging in as alice ended on a page (${done.response.status}): ${(await done.response.text()).slice(0, 800)}`);
  }
  const tokens = await redeem(discovery, flow, done.redirect, 'client_secret_basic');
  const kid = checkIdToken(discovery, jwks, flow, tokens.id_token, ACCOUNTS[0]);

  // The userinfo endpoint answers for the access token too.
  const me = await (await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.access_token}` } })).json();
  check(me.sub === 'alice' && me.email === 'alice@acme.test', `unexpected userinfo: ${JSON.stringify(me)}`);

  // The code is single-use.
  const replay = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: new URL(done.redirect).searchParams.get('code'), redirect_uri: REDIRECT_URI,
      code_verifier: flow.verifier, client_id: CLIENT_ID, client_secret: CLIENT_SECRET,
    }).toString(),
  });
  check(replay.status === 400, `a replayed code answered ${replay.status}`);

  // bob in a fresh jar, redeemed with client_secret_post; his flow starts before a key rotation.
  const bobJar = new Jar();
  const bobFlow = await startFlow(discovery, bobJar);

  const rotate = await fetch(`${issuer}/__rotate`, { method: 'POST' });
  check(rotate.status === 204, `POST /__rotate answered ${rotate.status}`);
  const rotated = await (await fetch(discovery.jwks_uri)).json();
  check(rotated.keys?.length === 1, `unexpected JWKS after rotation: ${JSON.stringify(rotated)}`);
  check(rotated.keys[0].kid !== kid, `the kid did not change on rotation (${kid})`);
  check(!rotated.keys.some((k) => k.kid === kid), 'the old key is still in the JWKS');
  const discoveryAfter = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
  check(discoveryAfter.issuer === issuer, 'the issuer changed on rotation');

  const bobDone = await submitLogin(discovery, bobJar, bobFlow, 'bob');
  if (bobDone.response) {
    throw new Failure(`logging in as bob across a rotation ended on a page (${bobDone.response.status}): ${(await bobDone.response.text()).slice(0, 800)}`);
  }
  const bobTokens = await redeem(discovery, bobFlow, bobDone.redirect, 'client_secret_post');
  const bobKid = checkIdToken(discovery, rotated, bobFlow, bobTokens.id_token, ACCOUNTS[1]);
  check(bobKid === rotated.keys[0].kid, 'the ID token after rotation is not signed with the new key');

  // alice's session survives the rotation: a new flow in her jar skips the login page entirely.
  const again = await authorize(discovery, jar);
  check(!again.landed.response, `a signed-in session saw a page again (${again.landed.response?.status})`);
  const againTokens = await redeem(discovery, again, again.landed.redirect, 'client_secret_basic');
  checkIdToken(discovery, rotated, again, againTokens.id_token, ACCOUNTS[0]);

  check(stdoutLines.length === 1, `the provider wrote more than one line to stdout: ${JSON.stringify(stdoutLines)}`);
}

let exitCode = 0;
try {
  await main();
  console.log('ok');
} catch (e) {
  exitCode = 1;
  console.error(`oidc self-check failed: ${e instanceof Failure ? e.message : e.stack}`);
  if (stderr.trim()) console.error(`--- provider stderr ---\n${stderr.trim()}`);
} finally {
  child.kill('SIGTERM');
  const code = await new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (c, signal) => resolve(signal ? signal : c));
  });
  if (exitCode === 0 && code !== 0) {
    console.error(`the provider did not exit cleanly on SIGTERM: ${code}`);
    exitCode = 1;
  }
}
process.exit(exitCode);
