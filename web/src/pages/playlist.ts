// Playlist page /playlists/:id: cover, title, description and intro, then the items in order
// with what is done. In a sequential playlist, items not yet unlocked are shown greyed and are
// not links (the server decides `locked`).

import { getPlaylist, type Playlist, type PlaylistItem } from '../api';
import { setTitle } from '../branding';
import { errorBox, isAbort } from '../components/errorBox';
import { icon } from '../components/icon';
import { itemLink, KIND_LABEL } from '../components/libraryItem';
import { progressBar } from '../components/progressBar';
import { h, replace } from '../dom';
import type { PageContext } from '../router';

function itemRow(p: Playlist, item: PlaylistItem, n: number): HTMLElement {
  const state = item.completed ? 'done' : item.locked ? 'locked' : 'todo';
  const badge =
    state === 'done'
      ? h('span', { class: 'step-state' }, icon('check'), h('span', { class: 'visually-hidden' }, 'Done'))
      : state === 'locked'
        ? h('span', { class: 'step-state' }, icon('lock'), h('span', { class: 'visually-hidden' }, 'Locked: finish the previous items first'))
        : null;
  const body = [
    h('span', { class: 'step-number', 'aria-hidden': 'true' }, String(n)),
    h('span', { class: 'step-text' }, h('span', { class: 'kind' }, KIND_LABEL[item.kind]), h('span', { class: 'step-title' }, item.title)),
    badge,
  ];
  if (item.locked) {
    return h('li', { class: `step step-${state}`, 'aria-disabled': 'true' }, h('div', { class: 'step-inner' }, body));
  }
  let link = itemLink(item.kind, item.item_id, item.url);
  if (item.kind === 'video') link = { href: `${link.href}?playlist=${encodeURIComponent(p.id)}` };
  return h('li', { class: `step step-${state}` }, h('a', { class: 'step-inner', ...link }, body));
}

export async function playlistPage({ main, params, signal }: PageContext): Promise<void> {
  replace(main, h('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading…'));
  async function load(): Promise<void> {
    try {
      const p = await getPlaylist(params.id!, signal);
      setTitle(p.title);
      const done = p.items.filter((i) => i.completed).length;
      const bar = progressBar(`Progress on ${p.title}`);
      bar.set(p.items.length ? done / p.items.length : 0, `${done} of ${p.items.length} done`);
      replace(
        main,
        h('a', { class: 'back-link', href: '/' }, '← Home'),
        p.cover_url ? h('img', { class: 'cover', src: p.cover_url, alt: '' }) : null,
        h('h1', null, p.title),
        p.description ? h('p', { class: 'lead' }, p.description) : null,
        p.intro ? h('div', { class: 'intro' }, p.intro.split(/\n{2,}/).map((para) => h('p', null, para))) : null,
        bar.el,
        p.sequential ? h('p', { class: 'muted small' }, 'Go through these in order: each one unlocks when the one before it is done.') : null,
        p.items.length
          ? h('ol', { class: 'steps' }, p.items.map((item, i) => itemRow(p, item, i + 1)))
          : h('p', { class: 'empty' }, 'This playlist has no items yet.'),
      );
    } catch (e) {
      if (isAbort(e)) return;
      replace(main, h('h1', null, 'Playlist'), errorBox(e, () => void load()));
    }
  }
  await load();
}
