// Team /team: where the objectives of the people one manages stand ("My team"; trainers and
// admins see everyone, "Objectives", and one manager's team with ?manager_id=). GET
// /api/v1/reports/objectives: each person with their open / overdue / met / dropped objectives
// and their next review, linking to their development page (/people/:id/development); for
// trainers also the teams (the people sharing a manager) with the same counts, each linking to
// that team alone; "Download CSV" (the same people as text/csv).

import { objectivesReport, objectivesReportCsv, type ObjectivesReport } from '../api';
import { setTitle } from '../branding';
import { errorBox, isAbort } from '../components/errorBox';
import { manageNav } from '../components/manageNav';
import { saveBlob } from '../components/reportCard';
import { h, replace } from '../dom';
import { formatDate, toDate } from '../format';
import { csvFileName } from '../manage';
import type { PageContext } from '../router';
import { currentUser, isTrainer } from '../session';

type Counts = { open: number; overdue: number; met: number; dropped: number };

/** The counts as small labelled figures: "2 open", "1 overdue" (what there is). */
function countChips(c: Counts): HTMLElement {
  const parts = (['open', 'overdue', 'met', 'dropped'] as const).filter((k) => c[k] > 0);
  return h(
    'span',
    { class: 'team-counts' },
    parts.length
      ? parts.map((k) => h('span', { class: `objective-chip objective-${k}`, 'data-count': k }, `${c[k]} ${k}`))
      : h('span', { class: 'small muted' }, 'No objectives'),
  );
}

export async function teamPage({ main, query, signal }: PageContext): Promise<void> {
  const me = (await currentUser())!;
  const trainer = isTrainer(me);
  const managerId = trainer ? (query.get('manager_id') ?? '') : '';
  const heading = trainer ? 'Objectives' : 'My team';
  setTitle(heading);
  const list = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading…'));
  const teams = h('div');
  const scope = h('p', { class: 'muted' });
  const csvStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const csvButton = h('button', { type: 'button', class: 'button button-secondary' }, 'Download CSV');
  csvButton.addEventListener('click', async () => {
    csvButton.disabled = true;
    replace(csvStatus);
    try {
      saveBlob(await objectivesReportCsv(managerId || undefined), csvFileName('objectives', 'objectives'));
    } catch (e) {
      replace(csvStatus, errorBox(e));
    } finally {
      csvButton.disabled = false;
    }
  });
  replace(
    main,
    trainer ? manageNav(me, '/team') : h('a', { class: 'back-link', href: '/me' }, '← My expertise'),
    h('h1', null, heading),
    scope,
    h('div', { class: 'button-row' }, csvButton, h('a', { class: 'button button-secondary', href: '/development' }, 'My development')),
    csvStatus,
    h('section', { 'aria-labelledby': 'people-heading' }, h('h2', { id: 'people-heading' }, 'People'), list),
    teams,
  );

  function draw(report: ObjectivesReport): void {
    const team = managerId ? report.teams[0] : null;
    scope.textContent = trainer
      ? managerId
        ? `The people ${team?.manager_name ?? 'this manager'} manages, with where their objectives stand.`
        : 'Everyone in your organisation, with where their objectives stand.'
      : 'The people you manage, with where their objectives stand. Open someone to set objectives and record reviews.';
    if (managerId) scope.append(' ', h('a', { href: '/team' }, 'Show everyone'));
    replace(
      list,
      report.people.length
        ? h(
            'ul',
            { class: 'manage-items card manage-card team-people' },
            report.people.map((p) => {
              const next = toDate(p.next_review_at);
              return h(
                'li',
                { class: 'manage-item team-person', 'data-user': p.user_id },
                h(
                  'span',
                  { class: 'manage-item-text' },
                  h(
                    'span',
                    null,
                    h('a', { class: 'manage-item-title', href: `/people/${encodeURIComponent(p.user_id)}/development` }, p.name || p.email),
                    h('span', { class: 'small muted person-email' }, p.email),
                    trainer && p.manager_name ? h('span', { class: 'small muted' }, `Manager: ${p.manager_name}`) : null,
                    next ? h('span', { class: 'small' }, `Next review: ${formatDate(next)}`) : null,
                  ),
                ),
                countChips(p),
              );
            }),
          )
        : h(
            'p',
            { class: 'empty' },
            trainer ? 'Nobody here yet.' : 'Nobody has you as their manager yet. An admin sets managers on the People screen.',
          ),
    );
    replace(
      teams,
      trainer && !managerId && report.teams.length
        ? h(
            'section',
            { 'aria-labelledby': 'teams-heading' },
            h('h2', { id: 'teams-heading' }, 'Teams'),
            h(
              'ul',
              { class: 'manage-items card manage-card team-list' },
              report.teams.map((t) =>
                h(
                  'li',
                  { class: 'manage-item team', 'data-manager': t.manager_id ?? '' },
                  h(
                    'span',
                    { class: 'manage-item-text' },
                    h(
                      'span',
                      null,
                      t.manager_id
                        ? h('a', { class: 'manage-item-title', href: `/team?manager_id=${encodeURIComponent(t.manager_id)}` }, `${t.manager_name ?? 'A manager'}’s team`)
                        : h('span', { class: 'manage-item-title' }, 'No manager'),
                      h('span', { class: 'small muted' }, `${t.people} ${t.people === 1 ? 'person' : 'people'}`),
                    ),
                  ),
                  countChips(t),
                ),
              ),
            ),
          )
        : null,
    );
  }

  async function load(): Promise<void> {
    list.setAttribute('aria-busy', 'true');
    try {
      draw(await objectivesReport(managerId || undefined, signal));
    } catch (e) {
      if (isAbort(e)) return;
      replace(list, errorBox(e, () => void load()));
    } finally {
      list.removeAttribute('aria-busy');
    }
  }
  await load();
}
