// Sending handout files, several at once, each with its own progress bar: attached to a video
// (trainers and the video's owner) or, with no video, on its own into the library (trainers).
// The files go one after the other (a phone's upload link is shared anyway); each row shows
// the file, its bar and what happened: the server's sentence when it refused a file ("not a
// document we accept", "larger than 200 MiB"), so the others still go.

import { uploadHandout, type Handout, type UploadTask } from '../api';
import { h, replace } from '../dom';
import { formatBytes, percent } from '../format';
import { errorBox, isAbort, messageOf } from './errorBox';
import { field } from './field';
import { icon } from './icon';
import { progressBar } from './progressBar';

export const HANDOUT_MAX = 200 * 1024 * 1024;
/** What the server recognises (it checks the content, not the name). */
export const HANDOUT_ACCEPT =
  '.pdf,.doc,.docx,.ppt,.pptx,.xls,.xlsx,.odt,.odp,.ods,.txt,.png,.jpg,.jpeg,.gif,.webp,application/pdf,image/*,text/plain';

export interface HandoutUploadsOptions {
  /** attach to this video; null: a handout on its own in the library */
  videoId: string | null;
  /** the button's text */
  buttonLabel: string;
  /** offer a title (used when one file is chosen) */
  withTitle?: boolean;
  uploaded(handout: Handout): void | Promise<void>;
}

export interface HandoutUploads {
  el: HTMLElement;
  /** the hidden file input (tests set files on it) */
  input: HTMLInputElement;
  /** stops what is running (leaving the page) */
  stop(): void;
}

export function handoutUploads(opts: HandoutUploadsOptions): HandoutUploads {
  const input = h('input', {
    type: 'file',
    name: 'handout-files',
    multiple: true,
    accept: HANDOUT_ACCEPT,
    class: 'visually-hidden',
    tabindex: -1,
    // the button beside it is what people (and screen readers) use
    'aria-hidden': 'true',
    'aria-label': opts.buttonLabel,
  });
  const title = opts.withTitle
    ? h('input', { type: 'text', name: 'handout-title', maxlength: 200, autocomplete: 'off' })
    : null;
  const choose = h('button', { type: 'button', class: 'button button-secondary', onClick: () => input.click() }, icon('upload'), opts.buttonLabel);
  const rows = h('ul', { class: 'plain-list upload-rows', 'aria-live': 'polite' });
  let current: UploadTask<Handout> | null = null;
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;

  function one(file: File, name: string): void {
    const bar = progressBar(`Uploading ${file.name}`);
    const status = h('div', { class: 'small upload-row-status' }, 'Waiting…');
    const cancel = h('button', { type: 'button', class: 'button button-ghost button-small' }, 'Cancel', h('span', { class: 'visually-hidden' }, `: ${file.name}`));
    const row = h(
      'li',
      { class: 'upload-row' },
      h('p', { class: 'upload-file' }, h('strong', null, file.name), ` · ${formatBytes(file.size)}`),
      bar.el,
      status,
      h('div', { class: 'button-row' }, cancel),
    );
    rows.appendChild(row);
    let cancelled = false;
    let task: UploadTask<Handout> | null = null;
    cancel.addEventListener('click', () => {
      cancelled = true;
      task?.abort();
      row.remove();
    });
    if (file.size > HANDOUT_MAX) {
      cancel.textContent = 'Dismiss';
      bar.el.hidden = true;
      replace(status, errorBox(new Error(`“${file.name}” is ${formatBytes(file.size)}; a handout may be at most 200 MiB.`)));
      return;
    }
    queue = queue.then(async () => {
      if (cancelled || stopped) return;
      status.textContent = 'Uploading…';
      task = uploadHandout(opts.videoId, file, name, (sent, total) => {
        bar.set(total ? sent / total : 0, `${percent(total ? sent / total : 0)} · ${formatBytes(sent)} of ${formatBytes(total)}`);
      });
      current = task;
      try {
        const handout = await task.done;
        bar.set(1, `100% · ${formatBytes(file.size)}`);
        cancel.remove();
        replace(status, h('span', { class: 'saved' }, `Added “${handout.title || handout.filename}”.`));
        await opts.uploaded(handout);
        // done rows fade out of the way after a while
        window.setTimeout(() => row.remove(), 8000);
      } catch (e) {
        if (isAbort(e)) return;
        bar.el.hidden = true;
        cancel.textContent = 'Dismiss';
        replace(status, h('div', { class: 'notice notice-error', role: 'alert' }, h('p', null, `${file.name}: ${messageOf(e)}`)));
      } finally {
        current = null;
      }
    });
  }

  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = ''; // choosing the same file again fires "change"
    const single = files.length === 1 ? (title?.value.trim() ?? '') : '';
    for (const f of files) one(f, single);
    if (title && files.length) title.value = '';
  });

  const el = h(
    'div',
    { class: 'stack handout-uploads' },
    title ? field('Title (optional)', title, 'Leave empty to use the file name. With several files, each keeps its file name.') : null,
    h('div', { class: 'button-row' }, choose),
    h('p', { class: 'small muted' }, 'PDF, Word, PowerPoint, Excel, OpenDocument, pictures or plain text; at most 200 MiB each. You can pick several.'),
    input,
    rows,
  );
  return {
    el,
    input,
    stop() {
      stopped = true;
      current?.abort();
    },
  };
}
