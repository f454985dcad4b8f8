// Progress report /manage/playlists/:id/report (trainers and admins): one card per assignee
// (GET /api/v1/playlists/{id}/report) with done/total, percent (a partly watched video counts by
// the share watched), completed date, last activity, due date and an overdue badge, and a
// folded list of each item with its state for that person ("Watched 40%"); overdue first,
// completed last (cards: components/reportCard.ts; the name opens the person's report across
// playlists). Each card has "Change due date" and "Remove" (asked about first); the report is
// asked for again after either. "Download CSV" asks for the same report as text/csv and saves it. The
// "Assign" form gives the playlist to picked people of the organisation (GET /api/v1/users;
// those who already have it are shown ticked and are not sent again) and/or to everyone with a
// role / in a cohort, with an optional due date (POST …/assignments).

import {
  assignPlaylist,
  getPlaylist,
  listPeople,
  playlistReport,
  playlistReportCsv,
  type NewAssignments,
  type Person,
  type Role,
} from '../api';
import { setTitle } from '../branding';
import { checkbox, trainerOrNote } from '../components/checkbox';
import { errorBox, isAbort } from '../components/errorBox';
import { field } from '../components/field';
import { reportCard, saveBlob } from '../components/reportCard';
import { h, replace } from '../dom';
import { assignedSummary, byUrgency, csvFileName, dueAtFromDateInput } from '../manage';
import type { PageContext } from '../router';

export async function playlistReportPage({ main, params, signal }: PageContext): Promise<void> {
  setTitle('Progress report');
  if (!(await trainerOrNote(main, 'Progress report'))) return;
  const id = params.id!;
  const enc = encodeURIComponent(id);
  const heading = h('h1', null, 'Progress report');
  const summary = h('p', { class: 'muted' });
  const list = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading the report…'));
  const changeStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const csvStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  let title = 'playlist';

  const csvButton = h('button', { type: 'button', class: 'button button-secondary' }, 'Download CSV');
  csvButton.addEventListener('click', async () => {
    csvButton.disabled = true;
    replace(csvStatus);
    try {
      saveBlob(await playlistReportCsv(id), csvFileName(title, 'playlist'));
    } catch (e) {
      replace(csvStatus, errorBox(e));
    } finally {
      csvButton.disabled = false;
    }
  });

  // --- assign ----------------------------------------------------------------------------
  const peopleSlot = h('div', { class: 'people-picker' }, h('p', { class: 'muted small' }, 'Loading people…'));
  const peopleFilter = h('input', { type: 'search', name: 'people-filter', autocomplete: 'off' });
  const role = h(
    'select',
    { name: 'role' },
    h('option', { value: '' }, 'Nobody by role'),
    h('option', { value: 'member' }, 'Everyone who is a member'),
    h('option', { value: 'trainer' }, 'Everyone who is a trainer'),
    h('option', { value: 'admin' }, 'Everyone who is an admin'),
  );
  const cohort = h('input', { type: 'text', name: 'cohort', autocomplete: 'off', maxlength: 100 });
  const due = h('input', { type: 'date', name: 'due' });
  const assignButton = h('button', { type: 'submit', class: 'button button-primary' }, 'Assign');
  const assignStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const assignForm = h(
    'form',
    { class: 'stack card manage-card', 'aria-labelledby': 'assign-heading' },
    h('h2', { id: 'assign-heading' }, 'Assign'),
    h(
      'fieldset',
      { class: 'stack plain-fieldset' },
      h('legend', null, 'People'),
      field('Find a person', peopleFilter),
      peopleSlot,
    ),
    field('And/or by role', role, 'Also gives it to people who join with this role later.'),
    field('And/or cohort', cohort, 'Everyone invited into this cohort, now and later.'),
    field('Due date (optional)', due),
    assignStatus,
    h('div', { class: 'button-row' }, assignButton),
  );

  /** People who already have the playlist: ticked, and left out of the next assigning. */
  let assigned = new Set<string>();
  function markAssigned(): void {
    for (const box of peopleSlot.querySelectorAll<HTMLInputElement>('input[name="user"]')) {
      const has = assigned.has(box.value);
      if (has) box.checked = true;
      else if (box.disabled) box.checked = false;
      box.disabled = has;
      const hint = box.closest('label')?.querySelector('.already');
      if (hint) hint.toggleAttribute('hidden', !has);
    }
  }

  function showPeople(people: Person[]): void {
    const active = people.filter((p) => p.active !== false).sort((a, b) => (a.name || a.email).localeCompare(b.name || b.email));
    replace(
      peopleSlot,
      active.length
        ? h(
            'ul',
            { class: 'plain-list people-list' },
            active.map((p) =>
              h(
                'li',
                { 'data-search': `${p.name} ${p.email}`.toLowerCase() },
                checkbox(p.name || p.email, h('input', { type: 'checkbox', name: 'user', value: p.id }), `${p.email} · ${p.role}`),
              ),
            ),
          )
        : h('p', { class: 'muted small' }, 'Nobody in the organisation yet.'),
    );
    for (const label of peopleSlot.querySelectorAll('label.check')) {
      label.querySelector('.check-label')?.append(h('span', { class: 'already small', hidden: true }, ' · already assigned'));
    }
    markAssigned();
  }
  peopleFilter.addEventListener('input', () => {
    const q = peopleFilter.value.trim().toLowerCase();
    for (const li of peopleSlot.querySelectorAll<HTMLElement>('li[data-search]')) {
      li.hidden = !!q && !li.dataset.search!.includes(q);
    }
  });

  assignForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const who: NewAssignments = {
      user_ids: [...peopleSlot.querySelectorAll<HTMLInputElement>('input[name="user"]:checked:not(:disabled)')]
        .map((i) => i.value)
        .filter((uid) => !assigned.has(uid)),
    };
    if (role.value) who.role = role.value as Role;
    if (cohort.value.trim()) who.cohort = cohort.value.trim();
    if (due.value) who.due_at = dueAtFromDateInput(due.value); // the end of that day, here
    if (!who.user_ids!.length && !who.role && !who.cohort) {
      replace(assignStatus, errorBox(new Error(assigned.size ? 'Pick people who do not have it yet, a role or a cohort.' : 'Pick people, a role or a cohort.')));
      return;
    }
    assignButton.disabled = true;
    replace(assignStatus);
    try {
      const { assigned: n } = await assignPlaylist(id, who);
      replace(assignStatus, h('p', { class: 'saved' }, n === 1 ? 'Assigned to 1 person.' : `Assigned to ${n} people.`));
      for (const uid of who.user_ids ?? []) assigned.add(uid);
      markAssigned();
      role.value = '';
      cohort.value = '';
      void load();
    } catch (e) {
      replace(assignStatus, errorBox(e));
    } finally {
      assignButton.disabled = false;
    }
  });

  replace(
    main,
    h('a', { class: 'back-link', href: `/manage/playlists/${enc}` }, '← Edit playlist'),
    heading,
    summary,
    h('div', { class: 'button-row' }, csvButton),
    csvStatus,
    h('section', { 'aria-labelledby': 'people-heading' }, h('h2', { id: 'people-heading' }, 'Assignees'), changeStatus, list),
    assignForm,
  );

  async function load(): Promise<void> {
    list.setAttribute('aria-busy', 'true');
    try {
      const rows = (await playlistReport(id, signal)).sort((a, b) =>
        byUrgency({ ...a, label: a.name || a.email }, { ...b, label: b.name || b.email }));
      assigned = new Set(rows.map((r) => r.user_id));
      markAssigned();
      summary.textContent = assignedSummary(rows);
      replace(
        list,
        rows.length
          ? h('ul', { class: 'cards' }, rows.map((r) => reportCard(r, { title: 'person', manage: { changed } })))
          : h('p', { class: 'empty' }, 'Nobody has this playlist yet. Assign it below.'),
      );
    } catch (e) {
      if (isAbort(e)) return;
      replace(list, errorBox(e, () => void load()));
    } finally {
      list.removeAttribute('aria-busy');
    }
  }
  /** After a due date changed or an assignment was removed: says so, and asks for the report again. */
  function changed(message: string): void {
    replace(changeStatus, h('p', { class: 'saved', role: 'status' }, message));
    void load();
  }
  async function loadTitle(): Promise<void> {
    try {
      const p = await getPlaylist(id, signal);
      title = p.title;
      heading.textContent = `Report: ${p.title}`;
      setTitle(`Report: ${p.title}`);
    } catch {
      // the report itself says what is wrong
    }
  }
  async function loadPeople(): Promise<void> {
    try {
      showPeople(await listPeople(signal));
    } catch (e) {
      if (isAbort(e)) return;
      replace(peopleSlot, errorBox(e, () => void loadPeople()));
    }
  }
  await Promise.all([load(), loadTitle(), loadPeople()]);
}
