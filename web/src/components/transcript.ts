// The interactive transcript of a video, for everyone: the cues of one language (the caption's
// `url`, WebVTT read by vtt.ts) as a list of lines, each a button that plays from its time; the
// line being said is highlighted (aria-current) and kept in view inside the list (the page itself
// does not scroll, and not while the person scrolls the list themselves); a language switch when
// there are several. Beside the video on a wide screen, below it on a phone.

import { getCaptionText, type Caption } from '../api';
import { h, replace } from '../dom';
import { clock } from '../moments';
import { parseVtt, preferredCaption, transcriptIndexAt, type Cue } from '../vtt';
import { errorBox, isAbort } from './errorBox';

export interface Transcript {
  el: HTMLElement;
  /** playback is at `t` seconds */
  update(t: number): void;
  /** the video's captions changed (uploaded, replaced, deleted) */
  setCaptions(captions: Caption[]): void;
  /** shows the captions in `language` (the person turned them on in the player) */
  choose(language: string): void;
  destroy(): void;
}

/** After the person scrolls the list, it is left alone this long. */
const HANDS_OFF_MS = 4000;

export function transcript(opts: {
  captions: Caption[];
  seek(t: number): void;
  /** the person picked a language */
  onLanguage?(language: string): void;
}): Transcript {
  let captions = opts.captions;
  let chosen: Caption | null = null;
  let cues: Cue[] = [];
  let lines: HTMLElement[] = [];
  let current = -1;
  let lastT = 0;
  let handsOffUntil = 0;
  let loading: AbortController | null = null;
  /** the version of the file shown (a replaced caption has a new id and time) */
  let shownKey = '';

  const heading = h('h2', { id: 'transcript-heading' }, 'Transcript');
  const select = h('select', { name: 'transcript-language', 'aria-label': 'Transcript language' });
  const switcher = h('div', { class: 'transcript-language' }, select);
  const list = h('ol', { class: 'transcript-lines', 'aria-labelledby': 'transcript-heading', tabindex: 0 });
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const el = h('section', { class: 'transcript', 'aria-labelledby': 'transcript-heading' }, h('div', { class: 'transcript-head' }, heading, switcher), status, list);

  const handsOff = () => {
    handsOffUntil = Date.now() + HANDS_OFF_MS;
  };
  list.addEventListener('wheel', handsOff, { passive: true });
  list.addEventListener('touchmove', handsOff, { passive: true });
  list.addEventListener('keydown', handsOff);

  select.addEventListener('change', () => {
    const c = captions.find((x) => x.language === select.value);
    if (!c) return;
    void show(c);
    opts.onLanguage?.(c.language);
  });

  function fillSelect(): void {
    replace(select, captions.map((c) => h('option', { value: c.language }, c.label || c.language)));
    if (chosen) select.value = chosen.language;
    switcher.hidden = captions.length < 2;
  }

  async function show(c: Caption): Promise<void> {
    chosen = c;
    select.value = c.language;
    const key = `${c.id}:${c.created_at}`;
    if (key === shownKey) return;
    shownKey = key;
    loading?.abort();
    const controller = new AbortController();
    loading = controller;
    list.setAttribute('aria-busy', 'true');
    replace(status);
    try {
      const text = await getCaptionText(c.url, controller.signal);
      if (controller.signal.aborted) return;
      cues = parseVtt(text);
      draw(c);
    } catch (e) {
      if (isAbort(e) || controller.signal.aborted) return;
      shownKey = '';
      replace(list);
      replace(status, errorBox(e, () => void show(c)));
    } finally {
      if (loading === controller) list.removeAttribute('aria-busy');
    }
  }

  function draw(c: Caption): void {
    current = -1;
    lines = cues.map((cue) =>
      h(
        'li',
        null,
        h(
          'button',
          { type: 'button', class: 'transcript-line', 'data-start': cue.start, onClick: () => opts.seek(cue.start) },
          h('span', { class: 'transcript-time' }, clock(cue.start)),
          h('span', { class: 'transcript-text', lang: c.language }, cue.voice ? [h('span', { class: 'transcript-voice' }, `${cue.voice}: `), cue.text] : cue.text),
        ),
      ),
    );
    replace(list, lines);
    if (!cues.length) replace(status, h('p', { class: 'muted small' }, 'These captions have no words yet.'));
    update(lastT);
  }

  function update(t: number): void {
    lastT = t;
    const at = transcriptIndexAt(cues, t);
    if (at === current) return;
    lines[current]?.querySelector('button')?.removeAttribute('aria-current');
    lines[current]?.classList.remove('is-current');
    current = at;
    const line = lines[at];
    if (!line) return;
    line.classList.add('is-current');
    line.querySelector('button')?.setAttribute('aria-current', 'true');
    if (Date.now() < handsOffUntil) return;
    // scroll the list only (scrollIntoView would move the page, and the video out of sight)
    const top = line.offsetTop;
    const want = top - list.clientHeight / 3;
    if (top < list.scrollTop || top + line.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTo({ top: Math.max(0, want), behavior: 'smooth' });
    }
  }

  function setCaptions(next: Caption[]): void {
    captions = next;
    el.hidden = captions.length === 0;
    const keep = chosen && captions.find((c) => c.language === chosen!.language);
    const pick = keep || preferredCaption(captions, navigator.languages ?? [navigator.language]);
    fillSelect();
    if (pick) void show(pick);
    else {
      chosen = null;
      shownKey = '';
      cues = [];
      lines = [];
      replace(list);
    }
  }

  setCaptions(captions);
  return {
    el,
    update,
    setCaptions,
    choose(language) {
      const c = captions.find((x) => x.language === language);
      if (c && c !== chosen) void show(c);
    },
    destroy: () => loading?.abort(),
  };
}
