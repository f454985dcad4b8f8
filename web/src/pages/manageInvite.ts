// Invite someone /manage/invite (trainers and admins): email, role (trainers invite members
// only; admins any role), cohort, the published on-boarding playlists to assign on joining, and
// "due in N days" → POST /api/v1/invitations. Shows the accept link with a Copy button, since the
// server may have no email configured (then the trainer sends the link themselves), and clears
// the form for the next person (role back to Member).

import { createInvitation, listPlaylists, type CreatedInvitation, type NewInvitation, type Role } from '../api';
import { setTitle } from '../branding';
import { checkbox, trainerOrNote } from '../components/checkbox';
import { copyText } from '../components/copyField';
import { errorBox, isAbort } from '../components/errorBox';
import { field } from '../components/field';
import { manageNav } from '../components/manageNav';
import { h, replace } from '../dom';
import { formatDate, toDate } from '../format';
import type { PageContext } from '../router';

function resultBox(inv: CreatedInvitation): HTMLElement {
  const link = h('input', { type: 'text', readonly: true, value: inv.accept_url, class: 'copy-input', 'aria-label': 'Invitation link' });
  const copied = h('span', { class: 'saved', 'aria-live': 'polite' });
  const copy = h('button', { type: 'button', class: 'button button-secondary' }, 'Copy');
  copy.addEventListener('click', async () => {
    copied.textContent = (await copyText(inv.accept_url, link)) ? 'Copied.' : 'Select the link and copy it.';
  });
  link.addEventListener('focus', () => link.select());
  const expires = toDate(inv.expires_at);
  return h(
    'section',
    { class: 'notice invite-result', 'aria-labelledby': 'invited-heading' },
    h('h2', { id: 'invited-heading', tabindex: -1 }, `Invitation for ${inv.email}`),
    h(
      'p',
      null,
      inv.emailed
        ? 'It was sent by email. You can also send this link yourself:'
        : 'Email is not set up, so send this link to the person yourself:',
    ),
    h('div', { class: 'copy-row' }, link, copy),
    copied,
    expires ? h('p', { class: 'small muted' }, `The link works until ${formatDate(expires)}.`) : null,
  );
}

export async function manageInvitePage({ main, signal }: PageContext): Promise<void> {
  setTitle('Invite someone');
  const me = await trainerOrNote(main, 'Invite someone');
  if (!me) return;

  const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false' });
  const roles: Role[] = me.role === 'admin' ? ['member', 'trainer', 'admin'] : ['member'];
  const role = h(
    'select',
    { name: 'role', disabled: roles.length === 1 },
    roles.map((r) => h('option', { value: r }, r.charAt(0).toUpperCase() + r.slice(1))),
  );
  const cohort = h('input', { type: 'text', name: 'cohort', autocomplete: 'off', maxlength: 100 });
  const dueDays = h('input', { type: 'number', name: 'due_in_days', min: 1, max: 365, inputmode: 'numeric', class: 'input-short' });
  const playlistsSlot = h('div', null, h('p', { class: 'muted small' }, 'Loading playlists…'));
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, 'Create invitation');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const result = h('div');

  const form = h(
    'form',
    { class: 'stack card manage-card' },
    field('Email', email),
    field('Role', role, roles.length === 1 ? 'Trainers invite members; an admin can invite trainers.' : undefined),
    field('Cohort (optional)', cohort, 'For example “March 2025 starters”: playlists can be assigned to a whole cohort.'),
    h('fieldset', { class: 'stack plain-fieldset' }, h('legend', null, 'On-boarding playlists'), playlistsSlot),
    field('Due in (days, optional)', dueDays, 'Counted from when the person joins.'),
    status,
    h('div', { class: 'button-row' }, submit),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const address = email.value.trim();
    if (!address || !email.checkValidity()) {
      replace(status, errorBox(new Error('Enter the email address of the person to invite.')));
      email.focus();
      return;
    }
    const invitation: NewInvitation = { email: address, role: role.value as Role };
    if (cohort.value.trim()) invitation.cohort = cohort.value.trim();
    const ids = [...playlistsSlot.querySelectorAll<HTMLInputElement>('input[name="playlist"]:checked')].map((i) => i.value);
    if (ids.length) invitation.playlist_ids = ids;
    if (dueDays.value) {
      const n = Number(dueDays.value);
      if (!Number.isInteger(n) || n < 1) {
        replace(status, errorBox(new Error('The due date is a whole number of days, 1 or more.')));
        dueDays.focus();
        return;
      }
      invitation.due_in_days = n;
    }
    submit.disabled = true;
    replace(status);
    try {
      const inv = await createInvitation(invitation);
      replace(result, resultBox(inv));
      result.querySelector<HTMLElement>('h2')?.focus();
      // ready for the next person: nothing of this one carries over (role back to Member)
      email.value = '';
      role.value = 'member';
      cohort.value = '';
      dueDays.value = '';
      for (const box of playlistsSlot.querySelectorAll<HTMLInputElement>('input[name="playlist"]')) box.checked = false;
    } catch (e) {
      replace(status, errorBox(e));
    } finally {
      submit.disabled = false;
    }
  });

  replace(
    main,
    manageNav(me, '/manage/invite'),
    h('h1', null, 'Invite someone'),
    h('p', null, h('a', { href: '/manage/invitations' }, 'Open invitations'), ': withdraw one, or send a new link.'),
    result,
    form,
  );

  try {
    const onboarding = (await listPlaylists(signal)).filter((p) => p.published && p.onboarding);
    replace(
      playlistsSlot,
      onboarding.length
        ? h(
            'ul',
            { class: 'plain-list' },
            onboarding.map((p) => h('li', null, checkbox(p.title, h('input', { type: 'checkbox', name: 'playlist', value: p.id })))),
          )
        : h('p', { class: 'muted small' }, 'No published on-boarding playlists yet.'),
    );
  } catch (e) {
    if (isAbort(e)) return;
    replace(playlistsSlot, errorBox(e));
  }
}
