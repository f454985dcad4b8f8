// A value to hand over (an invitation link, a reset link, a new API token, the redirect URI of
// single sign-on): a read-only field that selects itself when focused, with a Copy button and a
// line saying whether it was copied.

import { h } from '../dom';

/** Copies `text`; falls back to selecting `input` and the old copy command. */
export async function copyText(text: string, input: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    input.focus();
    input.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

export interface CopyField {
  /** the row and the "Copied." line */
  el: HTMLElement;
  input: HTMLInputElement;
}

/** `label` is the field's accessible name ("Invitation link"); `name` its form name, if any. */
export function copyField(value: string, label: string, name?: string): CopyField {
  const input = h('input', { type: 'text', readonly: true, value, name, class: 'copy-input', 'aria-label': label, spellcheck: 'false' });
  const copied = h('span', { class: 'saved', 'aria-live': 'polite' });
  const copy = h('button', { type: 'button', class: 'button button-secondary' }, 'Copy');
  copy.addEventListener('click', async () => {
    copied.textContent = (await copyText(value, input)) ? 'Copied.' : 'Select it and copy it.';
  });
  input.addEventListener('focus', () => input.select());
  return { el: h('div', { class: 'copy-field' }, h('div', { class: 'copy-row' }, input, copy), copied), input };
}
