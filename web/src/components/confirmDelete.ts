// "Delete" with a confirmation that says up front what goes: first asks the server which
// playlists hold the item (GET /api/v1/playlists?contains=ID), then shows the question inline
// ("Delete the handout “Checklist”? It is in 1 playlist, which loses it: Week one.") with
// "Yes, delete" and "Keep it". Inline rather than window.confirm: readable on a phone, and the
// playlists' names are there before anything is deleted.

import { listPlaylists } from '../api';
import { h, replace } from '../dom';
import { deleteQuestion } from '../text';
import { errorBox } from './errorBox';

export interface DeleteOptions {
  /** "video", "handout", "link" */
  what: string;
  title: string;
  /** the video, handout or link id (for ?contains=) */
  id: string;
  /** a further sentence ("Its handouts go with it.") */
  extra?: string;
  /** the button's visible text; default "Delete" */
  label?: string;
  /** name the item in the button's accessible name (several on one screen) */
  nameInLabel?: boolean;
  small?: boolean;
  remove(): Promise<void>;
  /** after the server deleted it */
  deleted(): void;
}

export function deleteControl(opts: DeleteOptions): HTMLElement {
  const label = opts.label ?? 'Delete';
  const hidden = opts.nameInLabel ? h('span', { class: 'visually-hidden' }, `: ${opts.title}`) : null;
  const size = opts.small ? ' button-small' : '';
  const button = h('button', { type: 'button', class: `button button-danger${size}`, 'aria-expanded': 'false' }, label, hidden);
  const panel = h('div', { class: 'confirm-slot', 'aria-live': 'polite' });
  const el = h('div', { class: 'delete-control' }, button, panel);

  function close(): void {
    replace(panel);
    button.hidden = false;
    button.disabled = false;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  }

  button.addEventListener('click', async () => {
    button.disabled = true;
    replace(panel, h('p', { class: 'small muted' }, 'Checking which playlists hold it…'));
    let playlists: string[];
    try {
      playlists = (await listPlaylists(undefined, opts.id)).map((p) => p.title);
    } catch (e) {
      replace(panel, errorBox(e));
      button.disabled = false;
      return;
    }
    const yes = h('button', { type: 'button', class: `button button-danger-solid${size}` }, 'Yes, delete', h('span', { class: 'visually-hidden' }, ` ${opts.what} ${opts.title}`));
    const no = h('button', { type: 'button', class: `button button-secondary${size}`, onClick: close }, 'Keep it');
    const status = h('div', { class: 'form-status' });
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      no.disabled = true;
      yes.firstChild!.textContent = 'Deleting…';
      replace(status);
      try {
        await opts.remove();
        opts.deleted();
      } catch (e) {
        replace(status, errorBox(e));
        yes.disabled = false;
        no.disabled = false;
        yes.firstChild!.textContent = 'Yes, delete';
      }
    });
    button.hidden = true;
    button.setAttribute('aria-expanded', 'true');
    replace(
      panel,
      h(
        'div',
        { class: 'notice notice-confirm', role: 'alertdialog', 'aria-label': `Delete ${opts.what}` },
        h('p', null, deleteQuestion(opts.what, opts.title, playlists, opts.extra)),
        status,
        h('div', { class: 'button-row' }, yes, no),
      ),
    );
    yes.focus();
  });
  return el;
}
