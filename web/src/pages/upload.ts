// Upload: record with the phone's camera or choose a file, give it a title, and send it with a
// resumable tus upload (see uploader.ts and components/uploadPanel.ts). The running upload is
// kept at module level, so leaving this page and coming back shows it still going.

import { setTitle } from '../branding';
import { field } from '../components/field';
import { icon } from '../components/icon';
import { uploadPanel, type UploadPanel } from '../components/uploadPanel';
import { h, replace } from '../dom';
import { formatBytes, formatDate } from '../format';
import type { PageContext } from '../router';
import { unfinishedUploads } from '../uploader';

let current: UploadPanel | null = null;

function warnBeforeLeaving(ev: BeforeUnloadEvent): void {
  if (current?.active()) ev.preventDefault();
}
window.addEventListener('beforeunload', warnBeforeLeaving);

export function uploadPage({ main }: PageContext): void {
  setTitle('Upload');
  const title = h('input', { type: 'text', name: 'title', maxlength: 200, autocomplete: 'off', enterkeyhint: 'done' });
  const camera = h('input', { type: 'file', accept: 'video/*', capture: 'environment', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true' });
  const picker = h('input', { type: 'file', accept: 'video/*', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true' });
  const recordButton = h('button', { type: 'button', class: 'button button-primary button-big', onClick: () => camera.click() }, icon('camera'), 'Record with camera');
  const chooseButton = h('button', { type: 'button', class: 'button button-secondary button-big', onClick: () => picker.click() }, icon('file'), 'Choose a file');
  const pickers = h('div', { class: 'stack' }, recordButton, chooseButton, camera, picker);
  const unfinished = h('div');
  const panelSlot = h('div');

  function setBusy(busy: boolean): void {
    recordButton.disabled = busy;
    chooseButton.disabled = busy;
    title.disabled = busy;
  }

  function begin(input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = ''; // so choosing the same file again fires "change"
    if (!file || current?.active()) return;
    replace(unfinished);
    setBusy(true);
    current = uploadPanel(file, title.value.trim(), () => {
      setBusy(false);
      title.value = '';
    });
    replace(panelSlot, current.el);
    current.el.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }
  camera.addEventListener('change', () => begin(camera));
  picker.addEventListener('change', () => begin(picker));

  replace(
    main,
    h('h1', null, 'Upload a video'),
    h('p', { class: 'muted' }, 'Record a short how-to with your phone, or send a recording you already have. Large files are fine: if the connection drops, the upload picks up where it stopped.'),
    field('Title', title, 'Shown in the library. Leave empty to use the file name.'),
    pickers,
    unfinished,
    panelSlot,
  );

  if (current) {
    replace(panelSlot, current.el);
    setBusy(current.active());
  }
  if (!current?.active()) {
    void unfinishedUploads().then((list) => {
      if (list.length === 0 || current?.active()) return;
      replace(
        unfinished,
        h(
          'div',
          { class: 'notice' },
          h('p', null, h('strong', null, list.length === 1 ? 'An upload did not finish:' : 'Some uploads did not finish:')),
          h(
            'ul',
            null,
            list.map((u) =>
              h('li', null, `${u.title || u.filename}${u.size ? ` (${formatBytes(u.size)})` : ''}, started ${formatDate(u.started)}`),
            ),
          ),
          h('p', null, 'Choose the same file again to continue where it stopped.'),
        ),
      );
    });
  }
}
