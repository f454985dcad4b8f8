// The handout and link moments of a video as cards beside it, shown once playback reaches their
// time ("Open the checklist" at 2:10), the latest first (moments.ts `cardsDue`): a handout opens
// like the handout list's (PDFs and pictures in the phone's viewer), a link through
// openResource.ts (which records the opening). A card that appears is announced politely.

import type { Handout, Moment } from '../api';
import { h, replace } from '../dom';
import { cardsDue, clock } from '../moments';
import { errorBox } from './errorBox';
import { handoutLinkAttrs } from './handoutList';
import { icon } from './icon';
import { resourceButton } from './libraryItem';

export interface MomentCards {
  el: HTMLElement;
  set(moments: Moment[], handouts: Handout[]): void;
  /** playback is at `t` seconds */
  update(t: number): void;
}

export function momentCards(): MomentCards {
  let moments: Moment[] = [];
  let handouts: Handout[] = [];
  let shown = '';
  let lastT = 0;
  const list = h('ul', { class: 'moment-cards', 'aria-live': 'polite', 'aria-label': 'Handouts and links for this part' });
  const problem = h('div', { class: 'form-status' });
  const el = h('div', { class: 'moment-cards-box', hidden: true }, list, problem);

  function card(m: Moment): HTMLElement {
    const when = h('span', { class: 'kind' }, `${m.kind === 'handout' ? 'Handout' : 'Link'} · at ${clock(m.at_s)}`);
    const title = h('span', { class: 'card-title' }, m.title);
    if (m.kind === 'handout' && m.handout_id) {
      const d = handouts.find((x) => x.id === m.handout_id);
      const attrs = handoutLinkAttrs(d ?? { id: m.handout_id });
      return h(
        'li',
        { class: 'card moment-card', 'data-moment': m.id },
        h('a', { class: 'card-link moment-link', ...attrs }, icon('file'), h('span', { class: 'card-body' }, when, title),
          attrs.target ? h('span', { class: 'visually-hidden' }, ' (opens in a new tab)') : null),
      );
    }
    return h(
      'li',
      { class: 'card moment-card', 'data-moment': m.id },
      resourceButton(m.resource_id!, 'card-link moment-link', [icon('link'), h('span', { class: 'card-body' }, when, title)], {
        failed: (e) => replace(problem, errorBox(e)),
      }),
    );
  }

  function update(t: number): void {
    lastT = t;
    const due = cardsDue(moments, t);
    const key = due.map((m) => m.id).join(',');
    if (key === shown) return;
    shown = key;
    // cards already shown stay where they are (a focused one keeps its focus); new ones go on top
    const old = new Map(Array.from(list.children, (li) => [(li as HTMLElement).dataset.moment ?? '', li]));
    const want = due.map((m) => old.get(m.id) ?? card(m));
    for (const li of Array.from(list.children)) if (!want.includes(li)) li.remove();
    want.forEach((li, i) => {
      if (list.children[i] !== li) list.insertBefore(li, list.children[i] ?? null);
    });
    el.hidden = due.length === 0;
  }

  return {
    el,
    set(nextMoments, nextHandouts) {
      moments = nextMoments;
      handouts = nextHandouts;
      shown = '';
      replace(list);
      update(lastT);
    },
    update,
  };
}
