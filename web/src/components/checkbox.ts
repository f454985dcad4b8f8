// A checkbox with its label beside it (the whole row is the tap target), with an optional hint
// read with it (aria-describedby). Also: the "trainers only" and "admins only" gates of the
// manage screens.

import type { Me } from '../api';
import { h } from '../dom';
import { currentUser, isTrainer } from '../session';

let counter = 0;

export function checkbox(label: string, input: HTMLInputElement, hint?: string): HTMLElement {
  if (!input.id) input.id = `check-${++counter}`;
  const hintEl = hint ? h('span', { class: 'field-hint', id: `${input.id}-hint` }, hint) : null;
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  return h('label', { class: 'check', for: input.id }, input, h('span', null, h('span', { class: 'check-label' }, label), hintEl));
}

/** The signed-in trainer or admin; otherwise fills `main` with a note and answers null. */
export async function trainerOrNote(main: HTMLElement, heading: string): Promise<Me | null> {
  const me = await currentUser();
  if (isTrainer(me)) return me;
  main.replaceChildren(
    h('h1', null, heading),
    h('p', { class: 'notice' }, 'Only trainers and admins can use this screen.'),
    h('a', { class: 'button button-secondary', href: '/' }, 'Back home'),
  );
  return null;
}

/** The signed-in admin; otherwise fills `main` with a note and answers null. */
export async function adminOrNote(main: HTMLElement, heading: string): Promise<Me | null> {
  const me = await currentUser();
  if (me?.role === 'admin') return me;
  main.replaceChildren(
    h('h1', null, heading),
    h('p', { class: 'notice' }, 'Only admins can use this screen.'),
    h('a', { class: 'button button-secondary', href: isTrainer(me) ? '/manage/playlists' : '/' }, isTrainer(me) ? 'Back to playlists' : 'Back home'),
  );
  return null;
}
