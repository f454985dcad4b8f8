// A real OpenID Connect provider on loopback for the Rust integration tests, built on the
// certified `oidc-provider` package, with a minimal login page of its own and key rotation.
//
//   OIDC_PORT=0 OIDC_CLIENT_ID=reelhouse OIDC_CLIENT_SECRET=s3cret \
//   OIDC_REDIRECT_URI=http://127.0.0.1:8080/auth/oidc/callback \
//   OIDC_ACCOUNTS='[{"id":"alice","email":"alice@acme.test","email_verified":true,"name":"Alice Able"}]' \
//   node oidc-provider.mjs
//
// Optional: OIDC_POST_LOGOUT_REDIRECT_URI (registered for RP-initiated logout at /session/end).
//
// Listens on 127.0.0.1 over plain http (OIDC_PORT=0 picks a free port). When ready it prints
// exactly one line to stdout, `{"issuer": "http://127.0.0.1:PORT"}`, and nothing else ever goes
// to stdout (the provider's notices are sent to stderr). Runs until SIGTERM/SIGINT, then exits 0.
//
// Endpoints (issuer http://127.0.0.1:PORT, no trailing slash):
//   /.well-known/openid-configuration, /auth, /token, /me (userinfo), /jwks, /session/end
//   GET  /interaction/:uid        the login page: <input name="login"> + <button>Continue</button>
//   POST /interaction/:uid/login  logs the account in and grants openid email profile (no consent page)
//   POST /__rotate                new RS256 signing key with a new kid (old key leaves the JWKS); 204
//
// Rotation builds a fresh Provider around the new key; sessions, interactions, grants and codes
// live in one in-memory store shared by every instance (and cookies use the same keys), so a
// flow that is in progress when the key rotates still completes (its ID token is signed with the
// new key).

import * as crypto from 'node:crypto';
import * as http from 'node:http';

// oidc-provider prints its notices with console.info (stdout); stdout is reserved for the ready line.
console.info = (...args) => console.error(...args);
console.log = (...args) => console.error(...args);

const { default: Provider } = await import('oidc-provider');

function fail(message) {
  console.error(`oidc-provider.mjs: ${message}`);
  process.exit(2);
}

const env = process.env;
const port = Number(env.OIDC_PORT ?? '0');
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`OIDC_PORT is not a port: ${env.OIDC_PORT}`);
for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI', 'OIDC_ACCOUNTS']) {
  if (!env[name]) fail(`${name} is required`);
}
let accountList;
try {
  accountList = JSON.parse(env.OIDC_ACCOUNTS);
} catch (e) {
  fail(`OIDC_ACCOUNTS is not JSON: ${e.message}`);
}
if (!Array.isArray(accountList)) fail('OIDC_ACCOUNTS must be a JSON array');
const accounts = new Map();
for (const a of accountList) {
  if (!a || typeof a.id !== 'string' || !a.id) fail(`every account needs a string "id": ${JSON.stringify(a)}`);
  accounts.set(a.id, a);
}

// ---------------------------------------------------------------------------------------------
// One in-memory store shared by all Provider instances (so key rotation keeps flows alive).

const store = new Map(); // `${model}:${id}` -> { payload, expiresAt (ms, Infinity if none) }
const epoch = () => Math.floor(Date.now() / 1000);

function live(key) {
  const entry = store.get(key);
  if (!entry) return undefined;
  if (entry.expiresAt <= Date.now()) {
    store.delete(key);
    return undefined;
  }
  return entry.payload;
}

class SharedMemoryAdapter {
  constructor(model) {
    this.model = model;
  }

  key(id) {
    return `${this.model}:${id}`;
  }

  async upsert(id, payload, expiresIn) {
    const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Infinity;
    store.set(this.key(id), { payload, expiresAt });
  }

  async find(id) {
    return live(this.key(id));
  }

  async findByUid(uid) {
    for (const [key, entry] of store) {
      if (key.startsWith('Session:') && entry.payload.uid === uid) return live(key);
    }
    return undefined;
  }

  async findByUserCode(userCode) {
    for (const [key, entry] of store) {
      if (key.startsWith(`${this.model}:`) && entry.payload.userCode === userCode) return live(key);
    }
    return undefined;
  }

  async consume(id) {
    const payload = live(this.key(id));
    if (payload) payload.consumed = epoch();
  }

  async destroy(id) {
    store.delete(this.key(id));
  }

  async revokeByGrantId(grantId) {
    for (const [key, entry] of store) {
      if (entry.payload.grantId === grantId && !key.startsWith('Grant:')) store.delete(key);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Provider configuration (everything but the signing key is the same for every instance).

const cookieKeys = [crypto.randomBytes(32).toString('base64url')];
const profileClaims = ['name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username',
  'profile', 'picture', 'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'updated_at'];

async function findAccount(_ctx, sub) {
  const account = accounts.get(sub);
  if (!account) return undefined;
  return {
    accountId: sub,
    async claims() {
      const { id, ...rest } = account;
      return { ...rest, sub: id };
    },
  };
}

const client = {
  client_id: env.OIDC_CLIENT_ID,
  client_secret: env.OIDC_CLIENT_SECRET,
  client_name: 'Reelhouse',
  redirect_uris: [env.OIDC_REDIRECT_URI],
  response_types: ['code'],
  grant_types: ['authorization_code'],
  token_endpoint_auth_method: 'client_secret_basic', // client_secret_post is accepted too
  id_token_signed_response_alg: 'RS256',
  ...(env.OIDC_POST_LOGOUT_REDIRECT_URI ? { post_logout_redirect_uris: [env.OIDC_POST_LOGOUT_REDIRECT_URI] } : {}),
};

function newSigningKey() {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: crypto.randomUUID(), alg: 'RS256', use: 'sig' };
}

function buildProvider(issuer, signingKey) {
  const provider = new Provider(issuer, {
    adapter: SharedMemoryAdapter,
    clients: [client],
    jwks: { keys: [signingKey] },
    findAccount,
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: profileClaims,
    },
    scopes: ['openid', 'email', 'profile'],
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    pkce: { required: () => true }, // oidc-provider only implements S256
    conformIdTokenClaims: false, // ID tokens carry the scope's claims even though userinfo exists
    cookies: {
      keys: cookieKeys,
      // Unique names: cookies ignore ports, so these share 127.0.0.1 with the Reelhouse server's.
      names: { session: 'op_session', interaction: 'op_interaction', resume: 'op_interaction_resume' },
      long: { signed: true, httpOnly: true, sameSite: 'lax' },
      short: { signed: true, httpOnly: true, sameSite: 'lax' },
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page('Sign-in error', `<h1>Sign-in error</h1>${Object.entries(out)
        .map(([k, v]) => `<p><strong>${esc(k)}</strong>: <span class="${esc(k)}">${esc(v)}</span></p>`).join('')}`);
    },
  });
  provider.on('server_error', (_ctx, err) => console.error('oidc-provider server_error:', err));
  return { provider, handler: provider.callback() };
}

// ---------------------------------------------------------------------------------------------
// The login page.

function esc(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>body{font-family:sans-serif;max-width:22rem;margin:3rem auto;padding:0 1rem}
label,input,button{display:block;width:100%;box-sizing:border-box;margin:.5rem 0;font-size:1rem}
input,button{padding:.5rem}.error{color:#b00020}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function loginPage(uid, error) {
  return page('Sign in', `<h1>Sign in</h1>
${error ? `<p class="error" role="alert">${esc(error)}</p>\n` : ''}<form method="post" action="/interaction/${esc(uid)}/login">
<label for="login">Account</label>
<input id="login" name="login" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus>
<button type="submit">Continue</button>
</form>`);
}

function send(res, status, body, type = 'text/html; charset=utf-8') {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

async function readForm(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 64 * 1024) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

// Logs `accountId` in and grants what the request asked for (at least openid email profile).
async function finish(provider, req, res, details, accountId) {
  const { prompt, params } = details;
  let grant;
  if (details.grantId) {
    grant = await provider.Grant.find(details.grantId);
  }
  if (!grant || grant.accountId !== accountId) {
    grant = new provider.Grant({ accountId, clientId: params.client_id });
  }
  grant.addOIDCScope('openid email profile');
  const d = prompt.details ?? {};
  if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(' '));
  if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(d.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const grantId = await grant.save();
  const result = { consent: { grantId } };
  if (prompt.name === 'login') result.login = { accountId };
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
}

async function interaction(provider, req, res, uid, action) {
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (e) {
    send(res, 400, page('Sign-in expired', `<h1>Sign-in expired</h1><p class="error" role="alert">${esc(e.message)}</p>`));
    return;
  }
  if (details.uid !== uid) {
    send(res, 400, page('Sign-in expired', '<h1>Sign-in expired</h1><p class="error" role="alert">interaction mismatch</p>'));
    return;
  }
  if (details.prompt.name === 'consent') {
    // Already signed in: consent is automatic, there is no consent screen.
    await finish(provider, req, res, details, details.session.accountId);
    return;
  }
  if (action === undefined && req.method === 'GET') {
    send(res, 200, loginPage(uid));
    return;
  }
  if (action === 'login' && req.method === 'POST') {
    const form = await readForm(req);
    const login = (form.get('login') ?? '').trim();
    if (!accounts.has(login)) {
      send(res, 200, loginPage(uid, login ? `Unknown account "${login}".` : 'Enter an account.'));
      return;
    }
    await finish(provider, req, res, details, login);
    return;
  }
  send(res, 405, page('Not allowed', '<h1>Method not allowed</h1>'));
}

// ---------------------------------------------------------------------------------------------
// The server: one port, one current Provider instance, swapped on rotation.

let current; // { provider, handler }

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname === '/__rotate') {
      if (req.method !== 'POST') {
        send(res, 405, 'POST only\n', 'text/plain; charset=utf-8');
        return;
      }
      current = buildProvider(current.provider.issuer, newSigningKey());
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    const m = /^\/interaction\/([^/]+)(?:\/([a-z]+))?\/?$/.exec(url.pathname);
    if (m) {
      await interaction(current.provider, req, res, m[1], m[2]);
      return;
    }
    current.handler(req, res);
  } catch (e) {
    console.error('oidc-provider.mjs: request failed:', e);
    if (!res.headersSent) send(res, 500, `internal error: ${e.message}\n`, 'text/plain; charset=utf-8');
    else res.destroy();
  }
});

server.listen(port, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  current = buildProvider(issuer, newSigningKey());
  process.stdout.write(`{"issuer": ${JSON.stringify(issuer)}}\n`);
});
server.on('error', (e) => fail(`cannot listen: ${e.message}`));

function shutdown() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
