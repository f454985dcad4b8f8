// A progress bar with a text line under it ("42% · 120 MB of 300 MB"). `set(null)` shows an
// indeterminate (moving) bar for work whose size is unknown, such as transcoding.

import { h } from '../dom';
import { percent } from '../format';

export interface ProgressBar {
  el: HTMLElement;
  /** fraction 0..1, or null for "working, amount unknown"; text defaults to the percentage */
  set(fraction: number | null, text?: string): void;
}

export function progressBar(label: string): ProgressBar {
  const fill = h('div', { class: 'progress-fill' });
  const track = h(
    'div',
    { class: 'progress-track', role: 'progressbar', 'aria-label': label, 'aria-valuemin': 0, 'aria-valuemax': 100 },
    fill,
  );
  const text = h('p', { class: 'progress-text' });
  const el = h('div', { class: 'progress' }, track, text);

  function set(fraction: number | null, caption?: string): void {
    if (fraction === null) {
      track.classList.add('indeterminate');
      track.removeAttribute('aria-valuenow');
      fill.style.width = '';
    } else {
      const f = Math.min(1, Math.max(0, fraction));
      track.classList.remove('indeterminate');
      track.setAttribute('aria-valuenow', String(Math.round(f * 100)));
      fill.style.width = `${f * 100}%`;
    }
    const shown = caption ?? (fraction === null ? '' : percent(fraction));
    text.textContent = shown;
    if (shown) track.setAttribute('aria-valuetext', shown);
    else track.removeAttribute('aria-valuetext');
  }

  set(0);
  return { el, set };
}
