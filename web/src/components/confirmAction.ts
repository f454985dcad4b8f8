// A button whose action is asked about first, inline, like "Delete" (confirmDelete.ts) but
// without the playlists: "Revoke" → "Revoke the token “CI”? …" with "Yes, revoke" / "Keep it".
// Used for revoking API tokens and removing single sign-on.

import { h, replace } from '../dom';
import { errorBox } from './errorBox';

export interface ConfirmOptions {
  /** the button's visible text: "Revoke" */
  label: string;
  /** added to the button's accessible name, for several on one screen: "token CI" */
  labelDetail?: string;
  /** the question: "Revoke the token “CI”? Anything using it stops working at once." */
  question: string;
  /** the confirming button: "Yes, revoke" */
  yes: string;
  /** the confirming button while it runs: "Revoking…" */
  busy: string;
  small?: boolean;
  /** does it; its error is shown under the question */
  run(): Promise<void>;
  /** after `run` succeeded */
  done(): void;
}

export function confirmControl(opts: ConfirmOptions): HTMLElement {
  const size = opts.small ? ' button-small' : '';
  const detail = opts.labelDetail ? h('span', { class: 'visually-hidden' }, ` ${opts.labelDetail}`) : null;
  const button = h('button', { type: 'button', class: `button button-danger${size}`, 'aria-expanded': 'false' }, opts.label, detail);
  const panel = h('div', { class: 'confirm-slot', 'aria-live': 'polite' });

  function close(): void {
    replace(panel);
    button.hidden = false;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  }

  button.addEventListener('click', () => {
    const yes = h('button', { type: 'button', class: `button button-danger-solid${size}` }, opts.yes);
    const no = h('button', { type: 'button', class: `button button-secondary${size}`, onClick: close }, 'Keep it');
    const status = h('div', { class: 'form-status' });
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      no.disabled = true;
      yes.textContent = opts.busy;
      replace(status);
      try {
        await opts.run();
        opts.done();
      } catch (e) {
        replace(status, errorBox(e));
        yes.disabled = false;
        no.disabled = false;
        yes.textContent = opts.yes;
      }
    });
    button.hidden = true;
    button.setAttribute('aria-expanded', 'true');
    replace(
      panel,
      h(
        'div',
        { class: 'notice notice-confirm', role: 'alertdialog', 'aria-label': opts.label },
        h('p', null, opts.question),
        status,
        h('div', { class: 'button-row' }, yes, no),
      ),
    );
    yes.focus();
  });
  return h('div', { class: 'delete-control' }, button, panel);
}
