// Forgotten password /forgot (public): email → POST /api/v1/auth/password/forgot, then the
// server's sentence, which is the same whether or not the address has an account (the email goes
// out only when the server can send email and the person exists). A link leads back to sign-in.

import { forgotPassword } from '../api';
import { setTitle } from '../branding';
import { brandPanel } from '../components/brandPanel';
import { errorBox } from '../components/errorBox';
import { field } from '../components/field';
import { h, replace } from '../dom';
import type { PageContext } from '../router';

export function forgotPage({ main }: PageContext): void {
  setTitle('Forgot your password');

  const email = h('input', {
    type: 'email',
    name: 'email',
    autocomplete: 'username',
    inputmode: 'email',
    autocapitalize: 'none',
    spellcheck: 'false',
    required: true,
  });
  const submit = h('button', { type: 'submit', class: 'button button-primary button-block' }, 'Send reset link');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });

  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    h('p', { class: 'muted' }, 'Enter the email you sign in with. We send you a link to choose a new password.'),
    field('Email', email),
    status,
    submit,
  );
  form.addEventListener('input', () => replace(status));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    replace(status);
    const address = email.value.trim();
    if (!address || !email.checkValidity()) {
      replace(status, errorBox(new Error('Enter the email address you sign in with.')));
      email.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Sending…';
    try {
      const answer = await forgotPassword(address);
      replace(status, h('p', { class: 'notice', role: 'status' }, answer.message));
    } catch (e) {
      replace(status, errorBox(e));
    } finally {
      submit.disabled = false;
      submit.textContent = 'Send reset link';
    }
  });

  replace(
    main,
    h(
      'div',
      { class: 'auth-card' },
      brandPanel('Forgot your password?'),
      form,
      h('p', { class: 'small muted invite-signin' }, h('a', { href: '/signin' }, 'Back to sign in')),
    ),
  );
  email.focus();
}
