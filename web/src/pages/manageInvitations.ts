// Open invitations /manage/invitations (trainers and admins): every invitation not yet accepted
// nor withdrawn (GET /api/v1/invitations), newest first, with who (email), role, cohort, when it
// was sent and when its link expires (or expired). Each has "Resend" (POST …/resend: a new link,
// the old one stops working, the expiry renewed; shown with Copy, and whether it was emailed) and
// "Withdraw", asked about first (DELETE /api/v1/invitations/{id}). Trainers handle members'
// invitations: those of trainers and admins are counted, not listed (admins handle them). The
// server decides; its sentence (a 403) is shown where the button was.

import { listInvitations, resendInvitation, withdrawInvitation, type CreatedInvitation, type Invitation, type Me } from '../api';
import { setTitle } from '../branding';
import { trainerOrNote } from '../components/checkbox';
import { confirmControl } from '../components/confirmAction';
import { copyField } from '../components/copyField';
import { errorBox, isAbort } from '../components/errorBox';
import { manageNav } from '../components/manageNav';
import { h, replace } from '../dom';
import { formatDate, toDate } from '../format';
import type { PageContext } from '../router';

const ROLE_LABEL: Record<Invitation['role'], string> = { member: 'Member', trainer: 'Trainer', admin: 'Admin' };

/** "Sent 3 Dec 2025 · expires 10 Dec 2025" (or "expired"). */
function dates(inv: Pick<Invitation, 'created_at' | 'expires_at'>, now = Date.now()): string {
  const sent = toDate(inv.created_at);
  const expires = toDate(inv.expires_at);
  const parts = [sent ? `Sent ${formatDate(sent)}` : null, expires ? `${inv.expires_at < now ? 'expired' : 'expires'} ${formatDate(expires)}` : null];
  return parts.filter(Boolean).join(' · ');
}

function invitationItem(inv: Invitation, gone: (inv: Invitation, message: string) => void): HTMLElement {
  const when = h('span', { class: 'small muted invitation-dates' }, dates(inv));
  const expired = h('span', { class: 'badge badge-overdue', hidden: inv.expires_at >= Date.now() }, 'Expired');
  const result = h('div', { class: 'reset-result', 'aria-live': 'polite' });
  const resend = h(
    'button',
    { type: 'button', class: 'button button-secondary button-small' },
    'Resend',
    h('span', { class: 'visually-hidden' }, ` to ${inv.email}`),
  );
  resend.addEventListener('click', async () => {
    resend.disabled = true;
    replace(result, h('p', { class: 'small muted' }, 'Making a new link…'));
    try {
      const fresh = await resendInvitation(inv.id);
      when.textContent = dates({ created_at: inv.created_at, expires_at: fresh.expires_at });
      expired.hidden = true;
      replace(result, ...resent(fresh));
    } catch (e) {
      replace(result, errorBox(e));
    } finally {
      resend.disabled = false;
    }
  });
  const withdraw = confirmControl({
    label: 'Withdraw',
    labelDetail: `the invitation of ${inv.email}`,
    question: `Withdraw the invitation of ${inv.email}? Its link stops working at once.`,
    yes: 'Yes, withdraw',
    busy: 'Withdrawing…',
    small: true,
    run: () => withdrawInvitation(inv.id),
    done: () => gone(inv, `Withdrew the invitation of ${inv.email}.`),
  });
  return h(
    'li',
    { class: 'manage-item invitation', 'data-invitation': inv.id },
    h(
      'span',
      { class: 'manage-item-text' },
      h(
        'span',
        null,
        h('span', { class: 'manage-item-title' }, inv.email, ' ', expired),
        h('span', { class: 'small invitation-role' }, ROLE_LABEL[inv.role], inv.cohort ? ` · cohort ${inv.cohort}` : null),
        when,
      ),
    ),
    h('div', { class: 'button-row item-actions' }, resend, withdraw),
    result,
  );
}

/** The new link with Copy, whether it was emailed, and until when it works. */
function resent(inv: CreatedInvitation): HTMLElement[] {
  const expires = toDate(inv.expires_at);
  return [
    h(
      'p',
      { class: 'small resend-note' },
      inv.emailed
        ? `A new link was emailed to ${inv.email}. The old link no longer works. You can also send this one yourself:`
        : `Email is not set up, so send this new link to ${inv.email} yourself. The old link no longer works.`,
    ),
    copyField(inv.accept_url, `New invitation link for ${inv.email}`, 'invitation_link').el,
    expires ? h('p', { class: 'small muted' }, `It works until ${formatDate(expires)}.`) : h('span'),
  ];
}

/** What a person may handle: admins everything, trainers members' invitations. */
function handles(me: Me, inv: Invitation): boolean {
  return me.role === 'admin' || inv.role === 'member';
}

export async function manageInvitationsPage({ main, signal }: PageContext): Promise<void> {
  setTitle('Invitations');
  const me = await trainerOrNote(main, 'Invitations');
  if (!me) return;
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const list = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading invitations…'));
  replace(
    main,
    manageNav(me, '/manage/invitations'),
    h('h1', null, 'Open invitations'),
    h(
      'p',
      { class: 'muted' },
      'Invitations nobody has accepted yet. Resend one for a new link (the old one stops working), or withdraw it. ',
      h('a', { href: '/manage/invite' }, 'Invite someone'),
    ),
    status,
    list,
  );

  function gone(inv: Invitation, message: string): void {
    list.querySelector(`[data-invitation="${CSS.escape(inv.id)}"]`)?.remove();
    replace(status, h('p', { class: 'saved', role: 'status' }, message));
    if (!list.querySelector('[data-invitation]')) void load();
  }

  async function load(): Promise<void> {
    list.setAttribute('aria-busy', 'true');
    try {
      const all = await listInvitations(signal);
      const mine = all.filter((inv) => handles(me!, inv));
      const others = all.length - mine.length;
      replace(
        list,
        mine.length
          ? h('ul', { class: 'manage-items card manage-card invitation-list' }, mine.map((inv) => invitationItem(inv, gone)))
          : h('p', { class: 'empty' }, 'No open invitations.'),
        others
          ? h(
              'p',
              { class: 'small muted' },
              others === 1
                ? '1 more invitation is for a trainer or admin: an admin handles it.'
                : `${others} more invitations are for trainers or admins: an admin handles them.`,
            )
          : null,
      );
    } catch (e) {
      if (isAbort(e)) return;
      replace(list, errorBox(e, () => void load()));
    } finally {
      list.removeAttribute('aria-busy');
    }
  }
  await load();
}
