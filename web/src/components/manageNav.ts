// The manage area's own navigation, at the top of each of its screens (the app bar's "Manage"
// opens the first): playlists, inviting, open invitations, people, the review queue, marking (quiz
// answers, exercises), quizzes, objectives
// (the team report, /team), the expert log, and for
// admins the organisation. Pills that wrap onto a second line on a narrow phone.

import type { Me } from '../api';
import { h } from '../dom';

const LINKS: { href: string; label: string; admin?: boolean }[] = [
  { href: '/manage/playlists', label: 'Playlists' },
  { href: '/manage/invite', label: 'Invite' },
  { href: '/manage/invitations', label: 'Invitations' },
  { href: '/manage/people', label: 'People' },
  { href: '/manage/reviews', label: 'Reviews' },
  { href: '/manage/marking', label: 'Marking' },
  { href: '/manage/quizzes', label: 'Quizzes' },
  { href: '/team', label: 'Objectives' },
  { href: '/manage/experts', label: 'Experts' },
  { href: '/manage/organisation', label: 'Organisation', admin: true },
];

/** `current`: the path of the screen it is shown on (marked as the current page). */
export function manageNav(me: Me, current: string): HTMLElement {
  return h(
    'nav',
    { class: 'manage-nav', 'aria-label': 'Manage' },
    h(
      'ul',
      null,
      LINKS.filter((l) => !l.admin || me.role === 'admin').map((l) =>
        h('li', null, h('a', { href: l.href, 'aria-current': l.href === current ? 'page' : null }, l.label)),
      ),
    ),
  );
}
