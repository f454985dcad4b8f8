// One person's report /manage/people/:id (trainers and admins): every playlist assigned to them
// (GET /api/v1/users/{id}/report) as a card with progress, due date, overdue and the items
// (components/reportCard.ts, titled by the playlist and linking to its report), overdue first;
// "Change due date" and "Remove" on each, as on a playlist's report; "Download CSV" (the same
// report as text/csv). Who it is comes from the report, or GET /api/v1/users when nothing is
// assigned to them.

import { listPeople, personReport, personReportCsv, type Person, type ReportRow } from '../api';
import { setTitle } from '../branding';
import { trainerOrNote } from '../components/checkbox';
import { errorBox, isAbort } from '../components/errorBox';
import { reportCard, saveBlob } from '../components/reportCard';
import { h, replace } from '../dom';
import { assignedSummary, byUrgency, csvFileName } from '../manage';
import type { PageContext } from '../router';

const ROLE_LABEL: Record<Person['role'], string> = { member: 'Member', trainer: 'Trainer', admin: 'Admin' };

export async function personReportPage({ main, params, signal }: PageContext): Promise<void> {
  setTitle('Report');
  if (!(await trainerOrNote(main, 'Report'))) return;
  const id = params.id!;
  const heading = h('h1', null, 'Report');
  const who = h('p', { class: 'muted person-who' });
  const summary = h('p', { class: 'muted' });
  const changeStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const list = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading the report…'));
  const csvStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  let name = 'person';

  const csvButton = h('button', { type: 'button', class: 'button button-secondary' }, 'Download CSV');
  csvButton.addEventListener('click', async () => {
    csvButton.disabled = true;
    replace(csvStatus);
    try {
      saveBlob(await personReportCsv(id), csvFileName(name, 'person'));
    } catch (e) {
      replace(csvStatus, errorBox(e));
    } finally {
      csvButton.disabled = false;
    }
  });

  replace(
    main,
    h('a', { class: 'back-link', href: '/manage/people' }, '← People'),
    heading,
    who,
    summary,
    h('div', { class: 'button-row' }, csvButton),
    csvStatus,
    h('section', { 'aria-labelledby': 'assignments-heading' }, h('h2', { id: 'assignments-heading' }, 'Assigned playlists'), changeStatus, list),
  );

  function named(person: { name: string; email: string; role?: Person['role']; active?: boolean }): void {
    name = person.name || person.email;
    heading.textContent = `Report: ${name}`;
    setTitle(`Report: ${name}`);
    const facts = [person.email, person.role ? ROLE_LABEL[person.role] : null, person.active === false ? 'deactivated' : null];
    who.textContent = facts.filter(Boolean).join(' · ');
  }

  function changed(message: string): void {
    replace(changeStatus, h('p', { class: 'saved', role: 'status' }, message));
    void load();
  }

  async function load(): Promise<void> {
    list.setAttribute('aria-busy', 'true');
    try {
      const rows: ReportRow[] = (await personReport(id, signal)).sort((a, b) =>
        byUrgency({ ...a, label: a.playlist_title }, { ...b, label: b.playlist_title }));
      if (rows[0] && name === 'person') named(rows[0]);
      summary.textContent = assignedSummary(rows);
      replace(
        list,
        rows.length
          ? h('ul', { class: 'cards' }, rows.map((r) => reportCard(r, { title: 'playlist', manage: { changed } })))
          : h('p', { class: 'empty' }, 'No playlists are assigned to them. Assign one from its progress report.'),
      );
    } catch (e) {
      if (isAbort(e)) return;
      replace(list, errorBox(e, () => void load()));
    } finally {
      list.removeAttribute('aria-busy');
    }
  }

  /** Role and activation (and the name when nothing is assigned): from the list of people. */
  async function loadPerson(): Promise<void> {
    try {
      const person = (await listPeople(signal)).find((p) => p.id === id);
      if (person) named(person);
    } catch {
      // the report says what is wrong, if anything
    }
  }
  await Promise.all([load(), loadPerson()]);
}
