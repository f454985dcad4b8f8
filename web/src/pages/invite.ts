// Accept an invitation: /invite/:token (or /accept?token=). First asks what the link is for
// (POST /api/v1/invitations/lookup): says which email, organisation and role it is for, and for
// a link already used, expired or withdrawn says so plainly with a link to sign in instead of
// the form. Then name + password → POST /api/v1/invitations/accept {token, name, password},
// which signs the person in; then home.

import { acceptInvitation, ApiError, lookupInvitation, type InvitationPreview } from '../api';
import { branding, reloadBranding, setTitle } from '../branding';
import { brandPanel } from '../components/brandPanel';
import { errorBox } from '../components/errorBox';
import { field } from '../components/field';
import { h, replace } from '../dom';
import { navigate, type PageContext } from '../router';
import { forgetUser } from '../session';
import { invitationProblem } from '../text';

// the server's rule (src/auth/password.rs MIN_LENGTH); the server checks it again
const MIN_PASSWORD = 10;

const ROLE_WORDS: Record<string, string> = { member: 'a member', trainer: 'a trainer', admin: 'an admin' };

function organisationName(p: InvitationPreview): string {
  return p.organisation || branding().name;
}

/** A link that cannot be used: what happened, and the way to sign in. */
function unusable(main: HTMLElement, message: string): void {
  replace(
    main,
    h(
      'div',
      { class: 'auth-card' },
      brandPanel('Invitation'),
      h('div', { class: 'notice notice-error invite-problem', role: 'alert' }, h('p', null, message)),
      h('a', { class: 'button button-primary button-block', href: '/signin' }, 'Go to sign in'),
    ),
  );
}

export async function invitePage({ main, params, query, signal }: PageContext): Promise<void> {
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

  replace(main, h('div', { class: 'auth-card' }, brandPanel('Invitation'), h('p', { class: 'muted', 'aria-busy': 'true' }, 'Checking the invitation…')));
  let preview: InvitationPreview | null = null;
  try {
    preview = await lookupInvitation(token, signal);
  } catch (e) {
    if (signal.aborted) return;
    if (e instanceof ApiError && e.status === 404) {
      unusable(main, 'This invitation link is not valid. Check that the whole link was opened, or ask for a new invitation.');
      return;
    }
    // a server without the lookup (or a passing problem): the form still works, and the
    // server says what is wrong when it is sent
    preview = null;
  }
  const problem = preview ? invitationProblem(preview.state) : null;
  if (problem) {
    unusable(main, problem);
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

  const orgName = preview ? organisationName(preview) : branding().name;
  replace(
    main,
    h(
      'div',
      { class: 'auth-card' },
      brandPanel(`Join ${orgName}`),
      preview
        ? h(
            'p',
            { class: 'invite-for' },
            'This invitation is for ',
            h('strong', { class: 'invite-email' }, preview.email),
            ` to join ${orgName} as ${ROLE_WORDS[preview.role] ?? preview.role}.`,
          )
        : null,
      form,
      h('p', { class: 'small muted invite-signin' }, 'Already have an account? ', h('a', { href: '/signin' }, 'Sign in')),
    ),
  );
  name.focus();
}
