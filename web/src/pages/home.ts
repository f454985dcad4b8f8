// Home: a greeting, "My on-boarding" (the playlists assigned to me, with progress, due date and
// overdue flag, from GET /api/v1/me/assignments), and the ways into the library and the upload.

import { myAssignments, type Assignment } from '../api';
import { setTitle } from '../branding';
import { assignmentCard } from '../components/assignmentCard';
import { errorBox, isAbort } from '../components/errorBox';
import { icon } from '../components/icon';
import { h, replace } from '../dom';
import { toDate } from '../format';
import type { PageContext } from '../router';
import { currentUser } from '../session';

/** Overdue first, then by due date (none last), completed at the end. */
function byUrgency(a: Assignment, b: Assignment): number {
  if (a.completed !== b.completed) return a.completed ? 1 : -1;
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const da = toDate(a.due_at)?.getTime() ?? Infinity;
  const db = toDate(b.due_at)?.getTime() ?? Infinity;
  return da - db;
}

export async function homePage({ main, signal }: PageContext): Promise<void> {
  setTitle('Home');
  const me = await currentUser();
  const firstName = me?.name.split(' ')[0] ?? '';
  const list = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading your on-boarding…'));

  replace(
    main,
    h('h1', null, firstName ? `Hi, ${firstName}` : 'Welcome'),
    h(
      'section',
      { 'aria-labelledby': 'onboarding-heading' },
      h('h2', { id: 'onboarding-heading' }, 'My on-boarding'),
      list,
    ),
    h(
      'section',
      { class: 'quick-links', 'aria-label': 'Shortcuts' },
      h('a', { class: 'button button-secondary', href: '/library' }, icon('library'), 'Browse the library'),
      h('a', { class: 'button button-secondary', href: '/upload' }, icon('camera'), 'Record or upload a video'),
    ),
  );

  async function load(): Promise<void> {
    list.setAttribute('aria-busy', 'true');
    try {
      const items = (await myAssignments(signal)).sort(byUrgency);
      if (items.length === 0) {
        replace(list, h('p', { class: 'empty' }, 'Nothing is assigned to you right now. Explore the library meanwhile.'));
      } else {
        replace(list, h('ul', { class: 'cards' }, items.map(assignmentCard)));
      }
    } catch (e) {
      if (isAbort(e)) return;
      replace(list, errorBox(e, load));
    } finally {
      list.removeAttribute('aria-busy');
    }
  }
  await load();
}
