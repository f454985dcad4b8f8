// The handouts of a video for the people who may change them (trainers and the video's owner):
// attach files (several at once, each with its progress: handoutUploads.ts), rename
// (PATCH /api/v1/handouts/{id}), put in order with Up / Down (PUT /api/v1/videos/{id}/handouts
// with the whole order) and remove (DELETE, after saying which playlists lose it).

import { deleteHandout, reorderHandouts, updateHandout, type Handout } from '../api';
import { h, replace } from '../dom';
import { moved } from '../text';
import { deleteControl } from './confirmDelete';
import { errorBox } from './errorBox';
import { handoutLink } from './handoutList';
import { handoutUploads } from './handoutUploads';

export interface HandoutManager {
  el: HTMLElement;
  /** the video's handouts as the server sent them again (polls): redrawn unless busy */
  update(handouts: Handout[]): void;
  stop(): void;
}

export function handoutManager(videoId: string, initial: Handout[]): HandoutManager {
  let handouts = initial.slice();
  let busy = false;
  let renaming: string | null = null;
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const list = h('div');
  const heading = h('h2', { id: 'handouts-heading', tabindex: -1 }, 'Handouts');
  const uploads = handoutUploads({
    videoId,
    buttonLabel: 'Attach files',
    uploaded(handout) {
      handouts = [...handouts.filter((d) => d.id !== handout.id), handout];
      render();
    },
  });

  function say(text: string): void {
    replace(status, h('p', { class: 'saved' }, text));
  }

  function render(focus?: { id: string; action: string }): void {
    heading.textContent = handouts.length ? `Handouts (${handouts.length})` : 'Handouts';
    replace(
      list,
      handouts.length
        ? h('ol', { class: 'manage-items handout-items' }, handouts.map((d, i) => row(d, i)))
        : h('p', { class: 'muted small' }, 'No handouts yet. Attach the slides, a checklist or a picture people can keep.'),
    );
    if (focus) {
      list.querySelector<HTMLElement>(`[data-handout="${CSS.escape(focus.id)}"] [data-action="${focus.action}"]:not(:disabled)`)?.focus();
    }
  }

  function button(action: string, label: string, d: Handout, disabled: boolean, onClick: () => void): HTMLButtonElement {
    return h(
      'button',
      { type: 'button', class: 'button button-secondary button-small', 'data-action': action, disabled: disabled || busy, onClick },
      label,
      h('span', { class: 'visually-hidden' }, `: ${d.title || d.filename}`),
    );
  }

  function row(d: Handout, i: number): HTMLElement {
    const name = d.title || d.filename;
    if (renaming === d.id) return renameRow(d);
    return h(
      'li',
      { class: 'manage-item', 'data-handout': d.id },
      h('div', { class: 'manage-item-text' }, handoutLink(d)),
      h(
        'div',
        { class: 'button-row manage-item-actions' },
        button('rename', 'Rename', d, false, () => {
          renaming = d.id;
          render();
          list.querySelector<HTMLInputElement>(`[data-handout="${CSS.escape(d.id)}"] input`)?.focus();
        }),
        button('up', 'Up', d, i === 0, () => void move(i, -1)),
        button('down', 'Down', d, i === handouts.length - 1, () => void move(i, 1)),
        deleteControl({
          what: 'handout',
          title: name,
          id: d.id,
          label: 'Remove',
          nameInLabel: true,
          small: true,
          remove: () => deleteHandout(d.id),
          deleted() {
            handouts = handouts.filter((x) => x.id !== d.id);
            render();
            say(`Removed “${name}”.`);
            heading.focus();
          },
        }),
      ),
    );
  }

  function renameRow(d: Handout): HTMLElement {
    const input = h('input', { type: 'text', name: 'handout-title', maxlength: 200, value: d.title || d.filename, 'aria-label': `New title for ${d.title || d.filename}` });
    const save = h('button', { type: 'submit', class: 'button button-primary button-small' }, 'Save');
    const cancel = h('button', { type: 'button', class: 'button button-secondary button-small' }, 'Cancel');
    const err = h('div', { class: 'form-status' });
    const form = h('form', { class: 'stack rename-form' }, input, err, h('div', { class: 'button-row' }, save, cancel));
    cancel.addEventListener('click', () => {
      renaming = null;
      render({ id: d.id, action: 'rename' });
    });
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const title = input.value.trim();
      if (!title) {
        replace(err, errorBox(new Error('Give the handout a title.')));
        return;
      }
      save.disabled = true;
      try {
        const saved = await updateHandout(d.id, { title });
        handouts = handouts.map((x) => (x.id === d.id ? { ...x, ...saved } : x));
        renaming = null;
        render({ id: d.id, action: 'rename' });
        say(`Renamed to “${saved.title || title}”.`);
      } catch (e) {
        replace(err, errorBox(e));
        save.disabled = false;
      }
    });
    return h('li', { class: 'manage-item', 'data-handout': d.id }, form);
  }

  async function move(index: number, delta: number): Promise<void> {
    const next = moved(handouts, index, delta);
    if (!next || busy) return;
    const d = handouts[index]!;
    busy = true;
    render();
    replace(status);
    try {
      const answer = await reorderHandouts(videoId, next.map((x) => x.id));
      handouts = answer.length === next.length ? answer : next;
      busy = false;
      render({ id: d.id, action: delta < 0 ? 'up' : 'down' });
      replace(status, h('p', { class: 'visually-hidden' }, `${d.title || d.filename} is now number ${index + delta + 1}.`));
    } catch (e) {
      busy = false;
      render();
      replace(status, errorBox(e));
    }
  }

  render();
  const el = h(
    'section',
    { class: 'handouts card manage-card stack', 'aria-labelledby': 'handouts-heading' },
    heading,
    status,
    list,
    uploads.el,
  );
  return {
    el,
    update(next) {
      const same = JSON.stringify(next.map((d) => [d.id, d.title])) === JSON.stringify(handouts.map((d) => [d.id, d.title]));
      if (busy || renaming || same || el.querySelector('.notice-confirm')) return;
      handouts = next.slice();
      render();
    },
    stop: () => uploads.stop(),
  };
}
