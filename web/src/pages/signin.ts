// Sign in: email + password → POST /api/v1/auth/login, then on to where the person was going
// (?next=/path) or home. Wears the organisation's branding.

import { login } from '../api';
import { reloadBranding, setTitle } from '../branding';
import { brandPanel } from '../components/brandPanel';
import { errorBox } from '../components/errorBox';
import { field } from '../components/field';
import { h, replace } from '../dom';
import { navigate, type PageContext } from '../router';
import { forgetUser } from '../session';

/** Only in-app paths are followed after sign-in (no open redirect to another site). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/api/')) return '/';
  return next.startsWith('/signin') ? '/' : next;
}

export function signInPage({ main, query }: PageContext): void {
  setTitle('Sign in');
  const next = safeNext(query.get('next'));

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
  const submit = h('button', { type: 'submit', class: 'button button-primary button-block' }, 'Sign in');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });

  const form = h(
    'form',
    { class: 'stack' },
    field('Email', email),
    field('Password', password),
    status,
    submit,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    submit.disabled = true;
    submit.textContent = 'Signing in…';
    replace(status);
    try {
      await login(email.value.trim(), password.value);
      forgetUser();
      reloadBranding();
      navigate(next, { replace: true });
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
      form,
      h('p', { class: 'muted small' }, 'New here? Use the invitation link from your email to set up your account.'),
    ),
  );
  email.focus();
}
