// Pure rules of the account screens (sign-in, passwords, API tokens, single sign-on), unit-tested
// in test/account.test.ts (no DOM here): when an email is worth asking the server about its
// identity provider, the new-password checks, the token expiry choices, the email domains field
// of the single sign-on form, and where a person who must set a new password is sent.

// the server's rules (src/auth/password.rs); the server checks them again
export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 1024;

/** Where a person signed in with a password chosen by someone else sets their own. */
export const FIRST_PASSWORD_PATH = '/account?first=1';

/** How long the sign-in page waits after the last key in the email field before it asks which
 *  identity provider covers the address. */
export const PROVIDER_LOOKUP_DELAY_MS = 400;

/** "a@example.com": something, an @, and a domain with a dot. Loose on purpose: the server decides. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value.trim());
}

/**
 * The address to ask GET /api/v1/auth/oidc/providers about, or null: not while it does not look
 * like an email, and not again for the address last asked about (compared trimmed, ignoring case).
 */
export function providerLookup(value: string, lastAsked: string | null): string | null {
  const email = value.trim().toLowerCase();
  if (!looksLikeEmail(email)) return null;
  return email === lastAsked ? null : email;
}

export interface PasswordProblem {
  /** the field to correct: the new password, or its repetition */
  field: 'new' | 'repeat';
  message: string;
}

/** What is wrong with a new password and its repetition; null when both are fine. */
export function newPasswordProblem(password: string, repeat: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD) return { field: 'new', message: `Choose a password of at least ${MIN_PASSWORD} characters.` };
  if (password.length > MAX_PASSWORD) return { field: 'new', message: `Choose a password of at most ${MAX_PASSWORD} characters.` };
  if (password !== repeat) return { field: 'repeat', message: 'The two new passwords are not the same.' };
  return null;
}

// --- API tokens ------------------------------------------------------------------------------

/** The choices of "Expires" when creating an API token; `value` is the select's value. */
export const TOKEN_EXPIRY_CHOICES: readonly { value: string; label: string }[] = [
  { value: '7', label: 'In 7 days' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
  { value: 'never', label: 'Never' },
];

/** The choice a new token starts with. */
export const DEFAULT_TOKEN_EXPIRY = '90';

/** The select's value → `expires_in_days` (1 to 3650), or undefined for a token that never
 *  expires (and for anything that is not a whole number of days in range). */
export function expiryDays(choice: string): number | undefined {
  if (!/^\d+$/.test(choice)) return undefined;
  const days = Number(choice);
  return days >= 1 && days <= 3650 ? days : undefined;
}

/** Whether a token with this expiry (unix ms, or null for never) has stopped working at `now`. */
export function isExpired(expiresAt: number | null | undefined, now: number): boolean {
  return expiresAt !== null && expiresAt !== undefined && expiresAt <= now;
}

/**
 * What a token's line says besides its name: ["Created 12 Mar 2025", "last used 14 Mar 2025",
 * "expires 12 Jun 2025"] — "never used", "never expires", "expired 1 Mar 2025" as it may be.
 * `date` writes a unix-ms time as a date (format.ts in the app).
 */
export function tokenFacts(
  token: { created_at: number; last_used_at: number | null; expires_at: number | null },
  now: number,
  date: (ms: number) => string,
): string[] {
  const expiry =
    token.expires_at === null
      ? 'never expires'
      : isExpired(token.expires_at, now)
        ? `expired ${date(token.expires_at)}`
        : `expires ${date(token.expires_at)}`;
  return [
    `Created ${date(token.created_at)}`,
    token.last_used_at === null ? 'never used' : `last used ${date(token.last_used_at)}`,
    expiry,
  ];
}

// --- single sign-on ---------------------------------------------------------------------------

/**
 * The email domains field of the single sign-on form: "Example.com, @example.org  example.com"
 * → ["example.com", "example.org"]: separated by commas, spaces or lines, lower case, a leading
 * @ and a trailing dot dropped, duplicates left out. The server checks each.
 */
export function parseDomains(input: string): string[] {
  const domains: string[] = [];
  for (const raw of input.split(/[\s,;]+/)) {
    const domain = raw.trim().replace(/^@+/, '').replace(/\.+$/, '').toLowerCase();
    if (domain && !domains.includes(domain)) domains.push(domain);
  }
  return domains;
}

/** The domains field's text for a list of domains: ["a.com", "b.com"] → "a.com, b.com". */
export function domainsText(domains: readonly string[]): string {
  return domains.join(', ');
}

// --- must change password ---------------------------------------------------------------------

/**
 * Where a signed-in person must go instead of `path` + `search`, or null to stay: someone who must
 * set a new password first goes to FIRST_PASSWORD_PATH from every other page (the server refuses
 * them everything else until they do).
 */
export function passwordRedirect(
  person: { must_change_password?: boolean } | null | undefined,
  path: string,
  search: string,
): string | null {
  if (!person?.must_change_password) return null;
  const first = path === '/account' && new URLSearchParams(search).get('first') === '1';
  return first ? null : FIRST_PASSWORD_PATH;
}
