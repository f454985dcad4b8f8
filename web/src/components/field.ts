// A labelled form field: <label> tied to its input by id, with an optional hint that screen
// readers read with the input (aria-describedby).

import { h } from '../dom';

let counter = 0;

export function field(
  label: string,
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  hint?: string,
): HTMLElement {
  if (!input.id) input.id = `field-${++counter}`;
  const hintEl = hint ? h('p', { class: 'field-hint', id: `${input.id}-hint` }, hint) : null;
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: input.id }, label), input, hintEl);
}
