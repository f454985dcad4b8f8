// Unit tests of the account rules (src/account.ts): when the sign-in page asks which identity
// provider covers an email, the new-password checks, the API token expiry choices and lines, the
// email domains field of single sign-on, and where someone who must set a new password is sent;
// and the two forms of the server's error body (src/api.ts): `npm test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_TOKEN_EXPIRY,
  domainsText,
  expiryDays,
  FIRST_PASSWORD_PATH,
  isExpired,
  looksLikeEmail,
  MIN_PASSWORD,
  newPasswordProblem,
  parseDomains,
  passwordRedirect,
  providerLookup,
  TOKEN_EXPIRY_CHOICES,
  tokenFacts,
} from '../src/account.ts';
import { errorFromBody } from '../src/api.ts';

test('an email looks like one with something, an @ and a domain with a dot', () => {
  for (const ok of ['a@example.com', ' Ann.Lee+x@mail.example.co.uk ', 'x@b.c']) assert.ok(looksLikeEmail(ok), ok);
  for (const no of ['', 'ann', 'ann@', '@example.com', 'ann@example', 'ann@example.', 'a b@example.com', 'a@@example.com', 'ann@.com']) {
    assert.ok(!looksLikeEmail(no), no);
  }
});

test('the provider lookup asks about an address once, trimmed and in lower case', () => {
  assert.equal(providerLookup(' Ann@Example.COM ', null), 'ann@example.com');
  assert.equal(providerLookup('ann@example.com', 'ann@example.com'), null, 'not again for the same address');
  assert.equal(providerLookup('ANN@example.com', 'ann@example.com'), null, 'nor for the same one in other case');
  assert.equal(providerLookup('ann@example.org', 'ann@example.com'), 'ann@example.org');
  assert.equal(providerLookup('ann@exam', null), null, 'not while it is being typed');
  assert.equal(providerLookup('', 'ann@example.com'), null);
});

test('a new password is long enough, not too long, and repeated the same', () => {
  const ok = 'x'.repeat(MIN_PASSWORD);
  assert.equal(newPasswordProblem(ok, ok), null);
  assert.equal(newPasswordProblem('short', 'short')?.field, 'new');
  assert.match(newPasswordProblem('short', 'short')!.message, /at least 10 characters/);
  assert.equal(newPasswordProblem('x'.repeat(MIN_PASSWORD - 1), 'x'.repeat(MIN_PASSWORD - 1))?.field, 'new');
  assert.equal(newPasswordProblem('x'.repeat(1025), 'x'.repeat(1025))?.field, 'new');
  assert.equal(newPasswordProblem('x'.repeat(1024), 'x'.repeat(1024)), null);
  const different = newPasswordProblem(ok, ok + 'y');
  assert.equal(different?.field, 'repeat');
  assert.equal(different?.message, 'The two new passwords are not the same.');
});

test('the token expiry choices give expires_in_days, and "never" none', () => {
  assert.deepEqual(
    TOKEN_EXPIRY_CHOICES.map((c) => expiryDays(c.value)),
    [7, 30, 90, 365, undefined],
  );
  assert.equal(TOKEN_EXPIRY_CHOICES.at(-1)?.value, 'never');
  assert.ok(TOKEN_EXPIRY_CHOICES.some((c) => c.value === DEFAULT_TOKEN_EXPIRY));
  assert.equal(expiryDays('0'), undefined);
  assert.equal(expiryDays('3650'), 3650);
  assert.equal(expiryDays('3651'), undefined);
  assert.equal(expiryDays('1.5'), undefined);
  assert.equal(expiryDays(''), undefined);
});

test('a token line says when it was made, used and expires', () => {
  const date = (ms: number) => `day ${ms}`;
  assert.deepEqual(tokenFacts({ created_at: 1, last_used_at: null, expires_at: null }, 5, date), [
    'Created day 1',
    'never used',
    'never expires',
  ]);
  assert.deepEqual(tokenFacts({ created_at: 1, last_used_at: 3, expires_at: 9 }, 5, date), [
    'Created day 1',
    'last used day 3',
    'expires day 9',
  ]);
  assert.deepEqual(tokenFacts({ created_at: 1, last_used_at: 3, expires_at: 5 }, 5, date)[2], 'expired day 5');
  assert.ok(isExpired(5, 5));
  assert.ok(!isExpired(6, 5));
  assert.ok(!isExpired(null, 5));
});

test('the email domains field: commas or spaces, lower case, no @, no duplicates', () => {
  assert.deepEqual(parseDomains('Example.com, @example.org  example.com\nsub.example.net;other.io.'), [
    'example.com',
    'example.org',
    'sub.example.net',
    'other.io',
  ]);
  assert.deepEqual(parseDomains(''), []);
  assert.deepEqual(parseDomains(' , ,@ '), []);
  assert.equal(domainsText(['a.com', 'b.com']), 'a.com, b.com');
  assert.deepEqual(parseDomains(domainsText(['a.com', 'b.com'])), ['a.com', 'b.com']);
});

test('someone who must set a new password goes to /account?first=1 from every other page', () => {
  const must = { must_change_password: true };
  assert.equal(FIRST_PASSWORD_PATH, '/account?first=1');
  assert.equal(passwordRedirect(must, '/', ''), FIRST_PASSWORD_PATH);
  assert.equal(passwordRedirect(must, '/library', '?q=x'), FIRST_PASSWORD_PATH);
  assert.equal(passwordRedirect(must, '/account', ''), FIRST_PASSWORD_PATH);
  assert.equal(passwordRedirect(must, '/account', '?first=1'), null);
  assert.equal(passwordRedirect({ must_change_password: false }, '/library', ''), null);
  assert.equal(passwordRedirect(null, '/library', ''), null);
});

test('the server error body is read in both forms', () => {
  const long = errorFromBody(409, JSON.stringify({ error: { code: 'conflict', message: 'that domain is taken' } }));
  assert.equal(long.status, 409);
  assert.equal(long.code, 'conflict');
  assert.equal(long.message, 'that domain is taken');
  const short = errorFromBody(400, JSON.stringify({ error: 'this reset link is not valid any more; ask for a new one' }));
  assert.equal(short.status, 400);
  assert.equal(short.message, 'this reset link is not valid any more; ask for a new one');
  assert.equal(errorFromBody(502, '<html>').message, 'The server had a problem (502). Please try again in a moment.');
  assert.equal(errorFromBody(404, '{"error": ""}').message, 'The request failed (404).');
});
