// Playlist page /playlists/:id: cover, title, description and intro, then the items in order
// with what is done and how far a video was watched ("Watched 40%"; the bar above counts it
// too). A video opens the player, a handout opens in the phone's viewer or downloads (which
// completes it), a resource is recorded as opened and shown in a new tab (which completes it). In a sequential
// playlist, items not yet unlocked are shown greyed with a lock and are not links (the server
// decides `locked`). After a handout or resource is opened, the playlist is asked for again so
// completion and locks follow. A practice step opens its page (/practice/:id), with where the
// person stands on it ("Waiting for review", "Needs another attempt") until it is done. A quiz
// opens /quizzes/:id (done once passed), a workbook exercise /exercises/:id (done once a trainer
// accepts it); both keep ?playlist= to lead back.

import { getPlaylist, type Playlist, type PlaylistItem } from '../api';
import { setTitle } from '../branding';
import { errorBox, isAbort } from '../components/errorBox';
import { icon } from '../components/icon';
import { handoutLinkAttrs } from '../components/handoutList';
import { itemLink, KIND_LABEL, resourceButton } from '../components/libraryItem';
import { progressBar } from '../components/progressBar';
import { h, replace, type Child } from '../dom';
import { formatDuration } from '../format';
import { itemsProgress, progressCaption } from '../learning';
import type { PageContext } from '../router';
import { paragraphs } from '../text';
import { statusChip } from '../components/practiceBits';

/** A download is counted by the server when it serves the file; ask again a little later. */
const AFTER_DOWNLOAD_MS = 1500;

/** A thin bar under a partly watched item. */
function meter(fraction: number): HTMLElement {
  const fill = h('span', { class: 'step-meter-fill' });
  fill.style.width = `${Math.round(Math.min(1, fraction) * 100)}%`;
  return fill;
}

interface RowActions {
  /** something was opened: fetch the playlist again */
  changed(delayMs?: number): void;
  failed(e: unknown): void;
}

function itemRow(p: Playlist, item: PlaylistItem, n: number, on: RowActions): HTMLElement {
  const state = item.completed ? 'done' : item.locked ? 'locked' : 'todo';
  const partly = !item.completed && typeof item.progress === 'number' && item.progress > 0 ? item.progress : 0;
  const badge =
    state === 'done'
      ? h('span', { class: 'step-state' }, icon('check'), h('span', { class: 'visually-hidden' }, ' Done'))
      : state === 'locked'
        ? h('span', { class: 'step-state' }, icon('lock'))
        : null;
  const body: Child[] = [
    h('span', { class: 'step-number', 'aria-hidden': 'true' }, String(n)),
    h(
      'span',
      { class: 'step-text' },
      h('span', { class: 'kind' }, KIND_LABEL[item.kind], item.duration_s ? ` · ${formatDuration(item.duration_s)}` : null),
      h('span', { class: 'step-title' }, item.title),
      state === 'locked' ? h('span', { class: 'step-hint' }, 'Unlocks when the item before it is done') : null,
      partly && item.kind !== 'practice' ? h('span', { class: 'step-partial' }, `Watched ${Math.round(partly * 100)}%`) : null,
      item.kind === 'practice' && item.practice_status && !item.locked && !item.completed ? statusChip(item.practice_status) : null,
      partly ? h('span', { class: 'step-meter', 'aria-hidden': 'true' }, meter(partly)) : null,
    ),
    badge,
  ];
  const attrs = { class: `step step-${state}`, 'data-entry': item.id };
  if (item.locked) {
    return h('li', { ...attrs, 'aria-disabled': 'true' }, h('div', { class: 'step-inner' }, body));
  }
  switch (item.kind) {
    case 'video': {
      const href = `${itemLink('video', item.item_id).href}?playlist=${encodeURIComponent(p.id)}`;
      return h('li', attrs, h('a', { class: 'step-inner', href }, body));
    }
    case 'handout':
      return h(
        'li',
        attrs,
        h('a', { class: 'step-inner', ...handoutLinkAttrs({ id: item.item_id, content_type: item.content_type }), onClick: () => on.changed(AFTER_DOWNLOAD_MS) }, body),
      );
    case 'resource':
      return h('li', attrs, resourceButton(item.item_id, 'step-inner', body, { opened: () => on.changed(), failed: on.failed }));
    case 'practice':
    case 'quiz':
    case 'exercise': {
      const path = item.kind === 'practice' ? 'practice' : item.kind === 'quiz' ? 'quizzes' : 'exercises';
      const href = `/${path}/${encodeURIComponent(item.item_id)}?playlist=${encodeURIComponent(p.id)}`;
      return h('li', attrs, h('a', { class: 'step-inner', href }, body));
    }
  }
}

export async function playlistPage({ main, params, signal }: PageContext): Promise<() => void> {
  replace(main, h('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading…'));
  const statusSlot = h('div', { 'aria-live': 'polite' });
  const progressSlot = h('div');
  const itemsSlot = h('div');
  let later = 0;
  let shown = false;

  const actions: RowActions = {
    changed(delayMs = 0) {
      window.clearTimeout(later);
      later = window.setTimeout(() => void load(), delayMs);
    },
    failed(e) {
      replace(statusSlot, errorBox(e));
    },
  };

  /** The parts that do not change when the items do: cover, title, texts. */
  function showFrame(p: Playlist): void {
    const intro = paragraphs(p.intro);
    replace(
      main,
      h('a', { class: 'back-link', href: '/' }, '← Home'),
      p.cover_url ? h('img', { class: 'cover', src: p.cover_url, alt: '', onError: (ev) => (ev.target as Element).remove() }) : null,
      h('h1', null, p.title),
      p.description ? h('p', { class: 'lead' }, p.description) : null,
      intro.length ? h('div', { class: 'intro' }, intro.map((para) => h('p', null, para))) : null,
      progressSlot,
      p.sequential ? h('p', { class: 'muted small' }, 'Go through these in order: each one unlocks when the one before it is done.') : null,
      statusSlot,
      itemsSlot,
    );
  }

  function showItems(p: Playlist): void {
    const done = p.items.filter((i) => i.completed).length;
    const bar = progressBar(`Progress on ${p.title}`);
    const share = itemsProgress(p.items);
    bar.set(share, progressCaption(done, p.items.length, share));
    replace(progressSlot, bar.el);
    replace(statusSlot);
    // keep the keyboard where it was across the refresh
    const focused = (document.activeElement?.closest('[data-entry]') as HTMLElement | null)?.dataset.entry;
    replace(
      itemsSlot,
      p.items.length
        ? h('ol', { class: 'steps' }, p.items.map((item, i) => itemRow(p, item, i + 1, actions)))
        : h('p', { class: 'empty' }, 'This playlist has no items yet.'),
    );
    if (focused) {
      itemsSlot.querySelector<HTMLElement>(`[data-entry="${CSS.escape(focused)}"] .step-inner`)?.focus({ preventScroll: true });
    }
  }

  async function load(): Promise<void> {
    try {
      const p = await getPlaylist(params.id!, signal);
      setTitle(p.title);
      if (!shown) showFrame(p);
      shown = true;
      showItems(p);
    } catch (e) {
      if (isAbort(e)) return;
      if (shown) replace(statusSlot, errorBox(e, () => void load()));
      else replace(main, h('h1', null, 'Playlist'), errorBox(e, () => void load()));
    }
  }
  await load();
  return () => window.clearTimeout(later);
}
