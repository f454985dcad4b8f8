// Accept an invitation: /invite/:token (or /accept?token=) → name + password →
// POST /api/v1/invitations/accept {token, name, password}, which signs the person in; then home.

import { acceptInvitation } from '../api';
import { branding, reloadBranding, setTitle } from '../branding';
import { brandPanel } from '../components/brandPanel';
import { errorBox } from '../components/errorBox';
import { field } from '../components/field';
import { h, replace } from '../dom';
import { navigate, type PageContext } from '../router';
import { forgetUser } from '../session';

// the server's rule (src/auth/password.rs MIN_LENGTH); the server checks it again
const MIN_PASSWORD = 10;

export function invitePage({ main, params, query }: PageContext): void {
  setTitle('Join');
  const token = params.token ?? query.get('token') ?? '';
  if (!token) {
    replace(
      main,
      h(
        'div',
        { class: 'auth-card' },
        brandPanel('Invitation'),
        errorBox(new Error('This invitation link is incomplete. Open the link from your email again.')),
        h('a', { class: 'button button-secondary button-block', href: '/signin' }, 'Go to sign in'),
      ),
    );
    return;
  }

  const name = h('input', { type: 'text', name: 'name', autocomplete: 'name', required: true, maxlength: 100 });
  const password = h('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'new-password',
    required: true,
    minlength: MIN_PASSWORD,
  });
  const submit = h('button', { type: 'submit', class: 'button button-primary button-block' }, 'Create my account');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });

  const form = h(
    'form',
    { class: 'stack' },
    field('Your name', name, 'As your colleagues know you.'),
    field('Choose a password', password, `At least ${MIN_PASSWORD} characters.`),
    status,
    submit,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    replace(status);
    if (password.value.length < MIN_PASSWORD) {
      replace(status, errorBox(new Error(`Choose a password of at least ${MIN_PASSWORD} characters.`)));
      password.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Creating your account…';
    try {
      await acceptInvitation(token, name.value.trim(), password.value);
      forgetUser();
      reloadBranding();
      navigate('/', { replace: true });
    } catch (e) {
      replace(status, errorBox(e));
      submit.disabled = false;
      submit.textContent = 'Create my account';
    }
  });

  replace(
    main,
    h('div', { class: 'auth-card' }, brandPanel(`Join ${branding().name}`), form),
  );
  name.focus();
}
