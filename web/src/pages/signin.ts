// Sign in: email + password → POST /api/v1/auth/login, then on to where the person was going
// (?next=/path) or home; someone who must set a new password first goes to /account?first=1.
// Wears the organisation's branding.
//
// Single sign-on: once the email looks like an address (400 ms after the last key, or when the
// field is left), GET /api/v1/auth/oidc/providers?email= names the identity provider covering
// its domain; each is offered as "Sign in with <name>", which sends the browser to its start
// URL. When that organisation turned passwords off, the password field and button go away.
// A refused single sign-on comes back here as ?sso_error=<sentence>, shown as an alert.

import { FIRST_PASSWORD_PATH, looksLikeEmail, PROVIDER_LOOKUP_DELAY_MS, providerLookup } from '../account';
import { login, ssoProviders, type SsoProvider, type SsoProviders } from '../api';
import { reloadBranding, setTitle } from '../branding';
import { brandPanel } from '../components/brandPanel';
import { errorBox } from '../components/errorBox';
import { field } from '../components/field';
import { h, replace } from '../dom';
import { navigate, type Cleanup, type PageContext } from '../router';
import { forgetUser } from '../session';
import { externalUrl } from '../text';

/** Only in-app paths are followed after sign-in (no open redirect to another site). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/api/')) return '/';
  return next.startsWith('/signin') ? '/' : next;
}

/** Leaves the app for the identity provider (through the server's start URL). */
function startSso(provider: SsoProvider): void {
  const url = externalUrl(new URL(provider.start_url, location.href).href);
  if (url) location.assign(url);
}

export function signInPage({ main, query }: PageContext): Cleanup {
  setTitle('Sign in');
  const next = safeNext(query.get('next'));
  const ssoError = query.get('sso_error');

  const email = h('input', {
    type: 'email',
    name: 'email',
    autocomplete: 'username',
    inputmode: 'email',
    autocapitalize: 'none',
    spellcheck: 'false',
    required: true,
  });
  const password = h('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const passwordField = field('Password', password);
  const forgot = h('p', { class: 'small forgot-link' }, h('a', { href: '/forgot' }, 'Forgot your password?'));
  const providersSlot = h('div', { class: 'sso-providers', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'button button-primary button-block' }, 'Sign in');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });

  // --- which identity provider covers the email ---
  let answer: SsoProviders | null = null;
  let lastAsked: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lookup: AbortController | null = null;

  /** The providers of `a` as buttons; without passwords (`password_sign_in` false), only them. */
  function showProviders(a: SsoProviders | null): void {
    answer = a;
    const ssoOnly = a !== null && !a.password_sign_in;
    const kind = ssoOnly ? 'button-primary' : 'button-secondary';
    replace(
      providersSlot,
      (a?.providers ?? []).map((p) =>
        h('button', { type: 'button', class: `button ${kind} button-block`, onClick: () => startSso(p) }, `Sign in with ${p.name}`),
      ),
    );
    passwordField.hidden = ssoOnly;
    forgot.hidden = ssoOnly;
    submit.hidden = ssoOnly;
    password.required = !ssoOnly;
  }

  async function lookUp(): Promise<void> {
    clearTimeout(timer);
    const address = providerLookup(email.value, lastAsked);
    if (address === null) {
      if (!looksLikeEmail(email.value) && lastAsked !== null) {
        lastAsked = null;
        lookup?.abort();
        showProviders(null);
      }
      return;
    }
    lastAsked = address;
    lookup?.abort();
    const controller = new AbortController();
    lookup = controller;
    try {
      const a = await ssoProviders(address, controller.signal);
      if (lookup === controller) showProviders(a);
    } catch {
      // a passing problem (or a server without single sign-on): passwords as always
      if (lookup === controller) showProviders(null);
    }
  }

  email.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void lookUp(), PROVIDER_LOOKUP_DELAY_MS);
  });
  email.addEventListener('change', () => void lookUp());
  email.addEventListener('blur', () => void lookUp());

  const form = h(
    'form',
    { class: 'stack' },
    field('Email', email),
    providersSlot,
    passwordField,
    status,
    submit,
    forgot,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (submit.hidden) {
      // passwords are off for this address: Enter in the email field means its provider
      if (answer?.providers.length === 1) startSso(answer.providers[0]!);
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Signing in…';
    replace(status);
    try {
      const me = await login(email.value.trim(), password.value);
      forgetUser();
      reloadBranding();
      navigate(me.must_change_password ? FIRST_PASSWORD_PATH : next, { replace: true });
    } catch (e) {
      replace(status, errorBox(e));
      password.select();
      submit.disabled = false;
      submit.textContent = 'Sign in';
    }
  });

  replace(
    main,
    h(
      'div',
      { class: 'auth-card' },
      brandPanel(),
      ssoError ? errorBox(new Error(ssoError)) : null,
      form,
      h('p', { class: 'muted small' }, 'New here? Use the invitation link from your email to set up your account.'),
    ),
  );
  email.focus();

  return () => {
    clearTimeout(timer);
    lookup?.abort();
  };
}
