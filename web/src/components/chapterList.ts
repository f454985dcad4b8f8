// The chapters of a video (every moment, moments.ts) as a list beside the video: each a button
// that plays from its time; the chapter playing is marked (aria-current). The same chapters are
// marks on the player's time bar (components/player.ts).

import { h, replace } from '../dom';
import { chapterIndexAt, clock, type Chapter } from '../moments';

export interface ChapterList {
  el: HTMLElement;
  set(chapters: Chapter[]): void;
  /** playback is at `t` seconds */
  update(t: number): void;
}

export function chapterList(seek: (t: number) => void): ChapterList {
  let chapters: Chapter[] = [];
  let items: HTMLButtonElement[] = [];
  let current = -1;
  let lastT = 0;
  const list = h('ol', { class: 'chapter-list' });
  const el = h('nav', { class: 'chapters', 'aria-labelledby': 'chapters-heading', hidden: true }, h('h2', { id: 'chapters-heading' }, 'Chapters'), list);

  function update(t: number): void {
    lastT = t;
    const at = chapterIndexAt(chapters, t);
    if (at === current) return;
    items[current]?.removeAttribute('aria-current');
    current = at;
    items[at]?.setAttribute('aria-current', 'true');
  }

  return {
    el,
    set(next) {
      chapters = next;
      current = -1;
      items = chapters.map((c) =>
        h(
          'button',
          { type: 'button', class: 'chapter-line', 'data-start': c.start, onClick: () => seek(c.start) },
          h('span', { class: 'transcript-time' }, clock(c.start)),
          h('span', null, c.title),
        ),
      );
      replace(list, items.map((b) => h('li', null, b)));
      el.hidden = chapters.length === 0;
      update(lastT);
    },
    update,
  };
}
