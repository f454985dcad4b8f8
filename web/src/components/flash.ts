// A one-line message carried to the next page, for actions that leave the page they were done
// on ("Deleted “Intro”." shown on the library after deleting a video).

import { h } from '../dom';

let pending: string | null = null;

export function setFlash(text: string): void {
  pending = text;
}

/** The waiting message as a notice (once), or null. */
export function takeFlash(): HTMLElement | null {
  const text = pending;
  pending = null;
  return text ? h('p', { class: 'notice saved flash', role: 'status' }, text) : null;
}
