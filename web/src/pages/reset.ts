// A password reset link /reset?token=… (public): the new password twice → POST
// /api/v1/auth/password/reset {token, new_password}, which signs the person in (and ends their
// other sessions); then home. A used, expired or unknown link is answered 400 with a sentence,
// shown with a way to ask for a new link.

import { MIN_PASSWORD, newPasswordProblem } from '../account';
import { resetPassword } from '../api';
import { reloadBranding, setTitle } from '../branding';
import { brandPanel } from '../components/brandPanel';
import { errorBox } from '../components/errorBox';
import { field } from '../components/field';
import { h, replace } from '../dom';
import { navigate, type PageContext } from '../router';
import { forgetUser } from '../session';

function newPasswordInput(name: string): HTMLInputElement {
  return h('input', { type: 'password', name, autocomplete: 'new-password', required: true, minlength: MIN_PASSWORD });
}

export function resetPage({ main, query }: PageContext): void {
  setTitle('Choose a new password');
  const token = query.get('token') ?? '';
  const askAgain = h('p', { class: 'small muted invite-signin' }, h('a', { href: '/forgot' }, 'Ask for a new link'), ' · ', h('a', { href: '/signin' }, 'Back to sign in'));
  if (!token) {
    replace(
      main,
      h(
        'div',
        { class: 'auth-card' },
        brandPanel('Choose a new password'),
        errorBox(new Error('This reset link is incomplete. Open the whole link from your email again, or ask for a new one.')),
        askAgain,
      ),
    );
    return;
  }

  const password = newPasswordInput('new_password');
  const repeat = newPasswordInput('repeat_password');
  const submit = h('button', { type: 'submit', class: 'button button-primary button-block' }, 'Save new password');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });

  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    field('New password', password, `At least ${MIN_PASSWORD} characters.`),
    field('Repeat new password', repeat),
    status,
    submit,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    replace(status);
    const problem = newPasswordProblem(password.value, repeat.value);
    if (problem) {
      replace(status, errorBox(new Error(problem.message)));
      (problem.field === 'new' ? password : repeat).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Saving…';
    try {
      await resetPassword(token, password.value);
      forgetUser();
      reloadBranding();
      navigate('/', { replace: true });
    } catch (e) {
      replace(status, errorBox(e));
      submit.disabled = false;
      submit.textContent = 'Save new password';
    }
  });

  replace(main, h('div', { class: 'auth-card' }, brandPanel('Choose a new password'), form, askAgain));
  password.focus();
}
