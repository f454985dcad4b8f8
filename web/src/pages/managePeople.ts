// People /manage/people (trainers and admins; changing people is for admins): everyone in the
// organisation (GET /api/v1/users) with their role and whether they are active, each with a link
// to their report (/manage/people/:id, every assignment across playlists). Admins also get, for
// everyone but themselves: "Change role" (an inline choice → PATCH /api/v1/users/{id} {role}) and
// "Deactivate" / "Reactivate", asked about first (→ PATCH {active}; deactivating ends the person's
// sessions and API tokens at once). The server keeps one active admin; its sentence (409) is shown
// at the person. Admins also set anyone's manager ("Change manager": the active people, or
// nobody → PATCH {manager_id}), who then sets their objectives and holds their development
// reviews (pages/development.ts); the manager is named in the person's facts.

import { listPeople, updatePerson, type Me, type Person, type Role } from '../api';
import { setTitle } from '../branding';
import { trainerOrNote } from '../components/checkbox';
import { confirmControl } from '../components/confirmAction';
import { errorBox, isAbort } from '../components/errorBox';
import { field } from '../components/field';
import { manageNav } from '../components/manageNav';
import { h, replace } from '../dom';
import type { PageContext } from '../router';

const ROLES: { value: Role; label: string }[] = [
  { value: 'member', label: 'Member' },
  { value: 'trainer', label: 'Trainer' },
  { value: 'admin', label: 'Admin' },
];
const ROLE_LABEL = Object.fromEntries(ROLES.map((r) => [r.value, r.label])) as Record<Role, string>;
const A_ROLE: Record<Role, string> = { member: 'a member', trainer: 'a trainer', admin: 'an admin' };

/** Everyone, as last loaded: the managers to choose from and their names. */
let everyone: Person[] = [];

/** Active people first, then by name. */
function byName(a: Person, b: Person): number {
  if (a.active !== b.active) return a.active ? -1 : 1;
  return (a.name || a.email).localeCompare(b.name || b.email);
}

export function personReportHref(id: string): string {
  return `/manage/people/${encodeURIComponent(id)}`;
}

/** One person; `me` decides what may be changed. Redraws itself after a change. */
function personItem(me: Me, initial: Person): HTMLElement {
  let person = initial;
  const li = h('li', { class: 'manage-item person' });
  const status = h('div', { class: 'form-status person-status', 'aria-live': 'polite' });

  function draw(message?: string): void {
    const p = person;
    const who = p.name || p.email;
    const isMe = p.id === me.id;
    li.dataset.user = p.id;
    li.dataset.search = `${p.name} ${p.email}`.toLowerCase();
    li.classList.toggle('is-inactive', !p.active);
    li.classList.remove('is-editing');
    const actions: HTMLElement[] = [
      h('a', { class: 'button button-secondary button-small', href: personReportHref(p.id) }, 'Report', h('span', { class: 'visually-hidden' }, ` of ${who}`)),
    ];
    if (me.role === 'admin') actions.push(managerChanger(p));
    if (me.role === 'admin' && !isMe) {
      actions.push(roleChanger(p), activeToggle(p));
    }
    const manager = p.manager_id ? everyone.find((x) => x.id === p.manager_id) : null;
    replace(
      li,
      h(
        'span',
        { class: 'manage-item-text' },
        h(
          'span',
          null,
          h('span', { class: 'manage-item-title' }, who, isMe ? h('span', { class: 'muted' }, ' (you)') : null),
          p.name ? h('span', { class: 'small muted person-email' }, p.email) : null,
          h(
            'span',
            { class: 'small person-facts' },
            h('span', { class: 'person-role' }, ROLE_LABEL[p.role] ?? p.role),
            ' · ',
            p.active ? h('span', { class: 'person-active' }, 'Active') : h('span', { class: 'badge badge-draft person-active' }, 'Deactivated'),
            manager ? [' · ', h('span', { class: 'person-manager' }, `Manager: ${manager.name || manager.email}`)] : null,
          ),
        ),
      ),
      h('div', { class: 'button-row item-actions' }, actions),
      status,
    );
    replace(status, message ? h('p', { class: 'saved', role: 'status' }, message) : null);
  }

  /** "Change role" → a role choice with Save / Cancel, in place of the button. */
  function roleChanger(p: Person): HTMLElement {
    const slot = h('div', { class: 'role-change' });
    const open = h(
      'button',
      { type: 'button', class: 'button button-secondary button-small', 'aria-expanded': 'false' },
      'Change role',
      h('span', { class: 'visually-hidden' }, ` of ${p.name || p.email}`),
    );
    open.addEventListener('click', () => {
      const select = h('select', { name: 'role' }, ROLES.map((r) => h('option', { value: r.value, selected: r.value === p.role }, r.label)));
      const save = h('button', { type: 'submit', class: 'button button-primary button-small' }, 'Save role');
      const cancel = h('button', { type: 'button', class: 'button button-secondary button-small' }, 'Cancel');
      const formStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
      const form = h(
        'form',
        { class: 'stack role-form' },
        field(`Role of ${p.name || p.email}`, select),
        formStatus,
        h('div', { class: 'button-row' }, save, cancel),
      );
      cancel.addEventListener('click', () => draw());
      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const role = select.value as Role;
        if (role === p.role) return draw();
        save.disabled = true;
        save.textContent = 'Saving…';
        try {
          person = await updatePerson(p.id, { role });
          draw(`${person.name || person.email} is now ${A_ROLE[person.role]}.`);
        } catch (e) {
          replace(formStatus, errorBox(e));
          save.disabled = false;
          save.textContent = 'Save role';
        }
      });
      li.classList.add('is-editing');
      replace(slot, form);
      open.hidden = true;
      select.focus();
    });
    return h('div', { class: 'role-control' }, open, slot);
  }

  /** "Change manager" → a choice of the active people (or nobody), in place of the button. */
  function managerChanger(p: Person): HTMLElement {
    const who = p.name || p.email;
    const slot = h('div', { class: 'role-change' });
    const open = h(
      'button',
      { type: 'button', class: 'button button-secondary button-small', 'aria-expanded': 'false' },
      'Change manager',
      h('span', { class: 'visually-hidden' }, ` of ${who}`),
    );
    open.addEventListener('click', () => {
      const choices = everyone.filter((x) => x.active && x.id !== p.id);
      const select = h(
        'select',
        { name: 'manager_id' },
        h('option', { value: '' }, 'No manager'),
        choices.map((x) => h('option', { value: x.id, selected: x.id === p.manager_id }, x.name || x.email)),
      );
      const save = h('button', { type: 'submit', class: 'button button-primary button-small' }, 'Save manager');
      const cancel = h('button', { type: 'button', class: 'button button-secondary button-small' }, 'Cancel');
      const formStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
      const form = h(
        'form',
        { class: 'stack role-form manager-form' },
        field(`Manager of ${who}`, select, 'They set this person’s objectives and hold their development reviews.'),
        formStatus,
        h('div', { class: 'button-row' }, save, cancel),
      );
      cancel.addEventListener('click', () => draw());
      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        if (select.value === (p.manager_id ?? '')) return draw();
        save.disabled = true;
        save.textContent = 'Saving…';
        try {
          person = await updatePerson(p.id, { manager_id: select.value });
          const chosen = choices.find((x) => x.id === person.manager_id);
          draw(chosen ? `${who}’s manager is now ${chosen.name || chosen.email}.` : `${who} has no manager now.`);
        } catch (e) {
          replace(formStatus, errorBox(e));
          save.disabled = false;
          save.textContent = 'Save manager';
        }
      });
      li.classList.add('is-editing');
      replace(slot, form);
      open.hidden = true;
      select.focus();
    });
    return h('div', { class: 'role-control' }, open, slot);
  }

  function activeToggle(p: Person): HTMLElement {
    const who = p.name || p.email;
    return p.active
      ? confirmControl({
          label: 'Deactivate',
          labelDetail: who,
          question: `Deactivate ${who}? They are signed out everywhere at once, their API tokens stop working, and they cannot sign in until reactivated. What they uploaded stays.`,
          yes: 'Yes, deactivate',
          busy: 'Deactivating…',
          small: true,
          run: async () => {
            person = await updatePerson(p.id, { active: false });
          },
          done: () => draw(`${who} is deactivated.`),
        })
      : confirmControl({
          label: 'Reactivate',
          labelDetail: who,
          question: `Reactivate ${who}? They can sign in again with their password (or single sign-on).`,
          yes: 'Yes, reactivate',
          busy: 'Reactivating…',
          small: true,
          run: async () => {
            person = await updatePerson(p.id, { active: true });
          },
          done: () => draw(`${who} can sign in again.`),
        });
  }

  draw();
  return li;
}

export async function managePeoplePage({ main, signal }: PageContext): Promise<void> {
  setTitle('People');
  const me = await trainerOrNote(main, 'People');
  if (!me) return;
  const filter = h('input', { type: 'search', name: 'person_filter', autocomplete: 'off', spellcheck: 'false' });
  const summary = h('p', { class: 'muted' });
  const list = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading people…'));
  replace(
    main,
    manageNav(me, '/manage/people'),
    h('h1', null, 'People'),
    h(
      'p',
      { class: 'muted' },
      me.role === 'admin'
        ? 'Everyone in your organisation. Open a report to see all their assignments; set who manages whom, change a role, or deactivate someone who left.'
        : 'Everyone in your organisation. Open a report to see all their assignments. Roles and accounts are changed by admins.',
    ),
    field('Find a person', filter),
    summary,
    list,
  );
  filter.addEventListener('input', () => {
    const words = filter.value.trim().toLowerCase();
    for (const li of list.querySelectorAll<HTMLElement>('li[data-search]')) {
      li.hidden = !!words && !li.dataset.search!.includes(words);
    }
  });

  async function load(): Promise<void> {
    try {
      const people = (await listPeople(signal)).sort(byName);
      everyone = people;
      const inactive = people.filter((p) => !p.active).length;
      summary.textContent = `${people.length} ${people.length === 1 ? 'person' : 'people'}${inactive ? ` · ${inactive} deactivated` : ''}`;
      replace(
        list,
        people.length
          ? h('ul', { class: 'manage-items card manage-card people-manage' }, people.map((p) => personItem(me!, p)))
          : h('p', { class: 'empty' }, 'Nobody is in the organisation yet.'),
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
