// Account /account (everyone), linked from the app bar:
// - Password: current, new, repeat → POST /api/v1/auth/password; every other session of the
//   person ends. People who sign in only through their organisation's identity provider have no
//   password here, and are told so instead of the form.
// - API tokens: the person's tokens (created, last used, expiry) with Revoke → DELETE
//   /api/v1/auth/tokens/{id}; a new one (name, expiry) → POST /api/v1/auth/tokens, shown once
//   with a Copy button.
// Someone signed in with a password chosen by someone else (`must_change_password`) is sent here
// as /account?first=1 from every page (main.ts) and sees only the password form, headed "Set a
// new password"; once it is changed, home.

import { DEFAULT_TOKEN_EXPIRY, expiryDays, MIN_PASSWORD, newPasswordProblem, TOKEN_EXPIRY_CHOICES, tokenFacts } from '../account';
import { ApiError, changePassword, createToken, listTokens, revokeToken, type CreatedToken, type Me, type TokenInfo } from '../api';
import { setTitle } from '../branding';
import { confirmControl } from '../components/confirmAction';
import { copyField } from '../components/copyField';
import { errorBox, isAbort } from '../components/errorBox';
import { field } from '../components/field';
import { setFlash } from '../components/flash';
import { h, replace } from '../dom';
import { formatDate, toDate } from '../format';
import { navigate, type PageContext } from '../router';
import { currentUser, forgetUser } from '../session';

const PASSWORD_CHANGED = 'Password changed. You are signed out everywhere else.';

/** A unix-ms time as a date ("12 Mar 2025"). */
function day(ms: number): string {
  const d = toDate(ms);
  return d ? formatDate(d) : '';
}

export async function accountPage({ main, signal }: PageContext): Promise<void> {
  const me = await currentUser();
  if (!me) return;

  if (me.must_change_password) {
    setTitle('Set a new password');
    replace(
      main,
      h('h1', { id: 'password-heading' }, 'Set a new password'),
      h(
        'p',
        { class: 'lead' },
        'Your account was set up with a password someone else chose, so your first sign-in needs a new one that only you know. Choose it now to go on.',
      ),
      h('div', { class: 'card manage-card' }, passwordForm(true)),
    );
    main.querySelector<HTMLInputElement>('input')?.focus();
    return;
  }

  setTitle('Account');
  replace(
    main,
    h('a', { class: 'back-link', href: '/' }, '← Home'),
    h('h1', null, 'Account'),
    h('p', { class: 'muted account-who' }, `${me.name} · ${me.email}`),
    passwordSection(me),
    tokensSection(signal),
  );
}

// --- password ------------------------------------------------------------------------------

function passwordSection(me: Me): HTMLElement {
  return h(
    'section',
    { class: 'stack card manage-card', 'aria-labelledby': 'password-heading' },
    h('h2', { id: 'password-heading' }, 'Password'),
    me.has_password
      ? passwordForm(false)
      : h(
          'p',
          { class: 'sso-only' },
          'Your account signs in through your company’s identity provider (single sign-on), so it has no password here. To change your password, change it there.',
        ),
  );
}

function passwordInput(name: string, autocomplete: string): HTMLInputElement {
  return h('input', { type: 'password', name, autocomplete, required: true });
}

/** Current, new and repeated password → POST /api/v1/auth/password. `first`: the must-change
 *  form, which goes home once the password is changed. */
function passwordForm(first: boolean): HTMLElement {
  const current = passwordInput('current_password', 'current-password');
  const password = passwordInput('new_password', 'new-password');
  const repeat = passwordInput('repeat_password', 'new-password');
  password.minLength = MIN_PASSWORD;
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, 'Change password');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });

  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    field('Current password', current, first ? 'The password you just signed in with.' : undefined),
    field('New password', password, `At least ${MIN_PASSWORD} characters.`),
    field('Repeat new password', repeat),
    status,
    h('div', { class: 'button-row' }, submit),
  );
  form.addEventListener('input', () => replace(status));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    replace(status);
    for (const input of [current, password, repeat]) input.removeAttribute('aria-invalid');
    const wrong = (message: string, input: HTMLInputElement) => {
      replace(status, errorBox(new Error(message)));
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    };
    if (!current.value) return wrong('Enter your current password.', current);
    const problem = newPasswordProblem(password.value, repeat.value);
    if (problem) return wrong(problem.message, problem.field === 'new' ? password : repeat);

    submit.disabled = true;
    submit.textContent = 'Changing…';
    try {
      await changePassword(current.value, password.value);
      if (first) {
        // the cached person still says must_change_password: ask again on the next page
        forgetUser();
        setFlash(PASSWORD_CHANGED);
        navigate('/', { replace: true });
        return;
      }
      form.reset();
      replace(status, h('p', { class: 'saved', role: 'status' }, PASSWORD_CHANGED));
    } catch (e) {
      replace(status, errorBox(e));
      // 403 "the current password is wrong"; 422 is about the new one
      if (e instanceof ApiError && e.status === 403) {
        current.setAttribute('aria-invalid', 'true');
        current.select();
      } else if (e instanceof ApiError && e.status === 422) {
        password.setAttribute('aria-invalid', 'true');
      }
    } finally {
      submit.disabled = false;
      submit.textContent = 'Change password';
    }
  });
  return form;
}

// --- API tokens ----------------------------------------------------------------------------

function tokensSection(signal: AbortSignal): HTMLElement {
  const list = h('div', { 'aria-live': 'polite' }, h('p', { class: 'muted small', 'aria-busy': 'true' }, 'Loading your tokens…'));
  const listStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const created = h('div');

  async function load(): Promise<void> {
    try {
      const tokens = await listTokens(signal);
      replace(
        list,
        tokens.length
          ? h('ul', { class: 'manage-items token-list' }, tokens.map(tokenItem))
          : h('p', { class: 'muted small' }, 'You have no API tokens.'),
      );
    } catch (e) {
      if (isAbort(e)) return;
      replace(list, errorBox(e, () => void load()));
    }
  }

  function tokenItem(t: TokenInfo): HTMLElement {
    return h(
      'li',
      { class: 'manage-item token-item' },
      h(
        'span',
        { class: 'manage-item-text' },
        h('span', null, h('span', { class: 'manage-item-title' }, t.name), h('span', { class: 'small muted' }, tokenFacts(t, Date.now(), day).join(' · '))),
      ),
      confirmControl({
        label: 'Revoke',
        labelDetail: `token ${t.name}`,
        question: `Revoke the token “${t.name}”? Anything using it stops working at once.`,
        yes: 'Yes, revoke',
        busy: 'Revoking…',
        small: true,
        run: () => revokeToken(t.id),
        done: () => {
          replace(listStatus, h('p', { class: 'saved', role: 'status' }, `Token “${t.name}” revoked.`));
          void load();
        },
      }),
    );
  }

  const name = h('input', { type: 'text', name: 'token_name', required: true, maxlength: 100, autocomplete: 'off' });
  const expiry = h(
    'select',
    { name: 'token_expiry' },
    TOKEN_EXPIRY_CHOICES.map((c) => h('option', { value: c.value, selected: c.value === DEFAULT_TOKEN_EXPIRY }, c.label)),
  );
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, 'Create token');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'stack', 'aria-labelledby': 'new-token-heading', novalidate: true },
    h('h3', { id: 'new-token-heading' }, 'New token'),
    field('Token name', name, 'What it is for, to recognise it later: “Reports script”.'),
    field('Expires', expiry),
    status,
    h('div', { class: 'button-row' }, submit),
  );
  form.addEventListener('input', () => replace(status));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    replace(status);
    replace(listStatus);
    if (!name.value.trim()) {
      replace(status, errorBox(new Error('Give the token a name.')));
      name.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Creating…';
    try {
      const token = await createToken(name.value.trim(), expiryDays(expiry.value));
      replace(created, createdBox(token));
      created.querySelector<HTMLElement>('h3')?.focus();
      name.value = '';
      expiry.value = DEFAULT_TOKEN_EXPIRY;
      void load();
    } catch (e) {
      replace(status, errorBox(e));
    } finally {
      submit.disabled = false;
      submit.textContent = 'Create token';
    }
  });

  void load();
  return h(
    'section',
    { class: 'stack card manage-card', 'aria-labelledby': 'tokens-heading' },
    h('h2', { id: 'tokens-heading' }, 'API tokens'),
    h(
      'p',
      { class: 'small muted' },
      'For scripts and other tools: a token acts as you, with your role, sent as “Authorization: Bearer TOKEN”. Revoke one you no longer use.',
    ),
    created,
    list,
    listStatus,
    form,
  );
}

/** The new token, shown this once. */
function createdBox(token: CreatedToken): HTMLElement {
  const expires = toDate(token.expires_at);
  return h(
    'section',
    { class: 'notice token-result', 'aria-labelledby': 'created-token-heading' },
    h('h3', { id: 'created-token-heading', tabindex: -1 }, `Your new token “${token.name}”`),
    h('p', null, 'Copy it now: it will not be shown again.'),
    copyField(token.token, 'New API token', 'new_token').el,
    h('p', { class: 'small muted' }, expires ? `It works until ${formatDate(expires)}.` : 'It never expires: it works until you revoke it.'),
  );
}
