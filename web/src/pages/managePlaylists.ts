// Manage playlists /manage/playlists (trainers and admins): every playlist of the organisation,
// drafts included (GET /api/v1/playlists), each a link to its editor, and a "New playlist" form
// (POST /api/v1/playlists) that opens the editor of the new playlist. Above: the manage area's
// navigation (components/manageNav.ts: invitations, people, reviews, the organisation for admins).

import { createPlaylist, listPlaylists, type PlaylistSummary } from '../api';
import { setTitle } from '../branding';
import { trainerOrNote } from '../components/checkbox';
import { errorBox, isAbort } from '../components/errorBox';
import { field } from '../components/field';
import { manageNav } from '../components/manageNav';
import { h, replace } from '../dom';
import { formatDate, toDate } from '../format';
import type { PageContext } from '../router';
import { navigate } from '../router';

function playlistRow(p: PlaylistSummary): HTMLElement {
  const updated = toDate(p.updated_at);
  return h(
    'li',
    { class: 'card' },
    h(
      'a',
      { class: 'card-link manage-row', href: `/manage/playlists/${encodeURIComponent(p.id)}` },
      h(
        'span',
        { class: 'card-body' },
        h('span', { class: 'card-title' }, p.title || 'Untitled playlist'),
        h(
          'span',
          { class: 'manage-meta small muted' },
          h('span', { class: p.published ? 'badge badge-done' : 'badge badge-draft' }, p.published ? 'Published' : 'Draft'),
          p.onboarding ? ' On-boarding' : null,
          p.sequential ? ' · In order' : null,
          updated ? ` · changed ${formatDate(updated)}` : null,
        ),
      ),
    ),
  );
}

export async function managePlaylistsPage({ main, signal }: PageContext): Promise<void> {
  setTitle('Manage playlists');
  const me = await trainerOrNote(main, 'Manage playlists');
  if (!me) return;

  const list = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading playlists…'));
  const title = h('input', { type: 'text', name: 'title', required: true, maxlength: 200, autocomplete: 'off' });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, 'Create playlist');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'stack card manage-new' },
    h('h2', null, 'New playlist'),
    field('Title', title, 'You can add the description, items and cover next.'),
    status,
    h('div', { class: 'button-row' }, submit),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const t = title.value.trim();
    if (!t) {
      replace(status, errorBox(new Error('Give the playlist a title.')));
      title.focus();
      return;
    }
    submit.disabled = true;
    replace(status);
    try {
      // a new playlist starts as an unpublished on-boarding draft
      const p = await createPlaylist({ title: t, description: '', intro: '', onboarding: true, sequential: false, published: false });
      navigate(`/manage/playlists/${encodeURIComponent(p.id)}`);
    } catch (e) {
      replace(status, errorBox(e));
      submit.disabled = false;
    }
  });

  replace(
    main,
    manageNav(me, '/manage/playlists'),
    h('h1', null, 'Manage playlists'),
    form,
    h('section', { 'aria-labelledby': 'all-heading' }, h('h2', { id: 'all-heading' }, 'All playlists'), list),
  );

  async function load(): Promise<void> {
    list.setAttribute('aria-busy', 'true');
    try {
      const items = await listPlaylists(signal);
      replace(
        list,
        items.length
          ? h('ul', { class: 'cards' }, items.map(playlistRow))
          : h('p', { class: 'empty' }, 'No playlists yet. Create the first one above.'),
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
