// Upload: record with the phone's camera or choose files (several at once), give a title, and
// send each with a resumable tus upload (see uploader.ts). Every file is a row of the queue
// (components/uploadPanel.ts) with its own bar: its bytes, then "Transcoding n%", then ready
// (its poster) or failed (the server's sentence, "Try another file", Delete). At most two send
// bytes at a time (uploadQueue.ts); the others wait their turn, and one that stops or fails
// does not hold up the rest. The queue is kept at module level, so leaving this page and coming
// back shows it still going. Below: "Your uploads" (GET /api/v1/me/videos), every status, so a
// failed one can be found and deleted later; trainers also see the organisation's failed
// uploads (GET /api/v1/videos?status=failed).

import { deleteVideo, failedVideos, myVideos, type Video } from '../api';
import { setTitle } from '../branding';
import { deleteControl } from '../components/confirmDelete';
import { errorBox, isAbort } from '../components/errorBox';
import { field } from '../components/field';
import { takeFlash } from '../components/flash';
import { icon } from '../components/icon';
import { uploadPanel, type UploadPanel } from '../components/uploadPanel';
import { h, replace } from '../dom';
import { formatBytes, formatDate, formatDuration, percent, toDate } from '../format';
import { STATUS_LABEL } from '../learning';
import type { PageContext } from '../router';
import { currentUser, isTrainer } from '../session';
import { unfinishedUploads } from '../uploader';
import { needsPage, titlesFor, toStart } from '../uploadQueue';

const LIST_POLL_MS = 4000;

/** This visit's uploads, oldest first: they go on while the person looks at other pages. */
const queue: UploadPanel[] = [];
/** The queue's rows on the Upload page (moved into each new rendering of the page). */
const rows = h('div', { class: 'upload-queue' });
/** The page shown now, told when a row changes (null while another page is shown). */
let onQueueChange: (() => void) | null = null;

/** Starts as many waiting rows as there are free turns. */
function pump(): void {
  for (const i of toStart(queue.map((p) => p.phase()))) queue[i]!.start();
  onQueueChange?.();
}

function busy(): boolean {
  return queue.some((p) => needsPage(p.phase()));
}

function warnBeforeLeaving(ev: BeforeUnloadEvent): void {
  if (busy()) ev.preventDefault();
}
window.addEventListener('beforeunload', warnBeforeLeaving);

/** "Processing 42%", "Ready · 0:10", "Failed" … */
function statusText(v: Video): string {
  if (v.status === 'processing' && typeof v.progress_pct === 'number' && v.progress_pct > 0 && v.progress_pct < 100) {
    return `${STATUS_LABEL.processing} ${percent(v.progress_pct / 100)}`;
  }
  if (v.status === 'ready' && v.duration_s) return `${STATUS_LABEL.ready} · ${formatDuration(v.duration_s)}`;
  return STATUS_LABEL[v.status];
}

/** One upload in a list: poster, title (to its page), status; a failed one with its sentence
 *  and Delete. */
function uploadRow(v: Video, deleted: (v: Video) => void): HTMLElement {
  const added = toDate(v.created_at);
  return h(
    'li',
    { class: `upload-item is-${v.status}`, 'data-video': v.id },
    v.poster_url
      ? h('img', { class: 'thumb', src: v.poster_url, alt: '', loading: 'lazy' })
      : h('div', { class: 'thumb thumb-video' }, icon('video')),
    h(
      'div',
      { class: 'upload-item-body' },
      h('a', { class: 'upload-item-title', href: `/videos/${encodeURIComponent(v.id)}` }, v.title || 'Untitled video'),
      h(
        'p',
        { class: 'small muted upload-item-meta' },
        h('span', { class: `status-badge status-${v.status}` }, statusText(v)),
        added ? ` · ${formatDate(added)}` : null,
      ),
      v.status === 'failed' ? h('p', { class: 'small failed-reason' }, v.error || 'The file could not be read as a video.') : null,
      v.status === 'failed'
        ? deleteControl({
            what: 'video',
            title: v.title,
            id: v.id,
            nameInLabel: true,
            small: true,
            remove: () => deleteVideo(v.id),
            deleted: () => deleted(v),
          })
        : null,
    ),
  );
}

export async function uploadPage({ main, signal }: PageContext): Promise<() => void> {
  setTitle('Upload');
  const me = await currentUser();
  const flash = takeFlash();
  const title = h('input', { type: 'text', name: 'title', maxlength: 200, autocomplete: 'off', enterkeyhint: 'done' });
  const camera = h('input', { type: 'file', accept: 'video/*', capture: 'environment', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true' });
  const picker = h('input', { type: 'file', name: 'video-file', accept: 'video/*', multiple: true, class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true' });
  const recordButton = h('button', { type: 'button', class: 'button button-primary button-big', onClick: () => camera.click() }, icon('camera'), 'Record with camera');
  const chooseButton = h('button', { type: 'button', class: 'button button-secondary button-big', onClick: () => picker.click() }, icon('file'), 'Choose files');
  const pickers = h('div', { class: 'stack' }, recordButton, chooseButton, camera, picker);
  const unfinished = h('div');
  // not a live region: each row's status line already says what changed
  const queueSummary = h('p', { class: 'small muted queue-summary' });
  const mineStatus = h('p', { class: 'small muted', role: 'status' });
  const mineList = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted small' }, 'Loading your uploads…'));
  const failedSection = h('div');
  let listTimer = 0;

  const hooks = {
    signal,
    tryAnother: () => {
      title.focus({ preventScroll: true });
      picker.click();
    },
    changed: () => void loadMine(),
  };

  /** Each picked file joins the queue as a row of its own; the title goes to them (numbered when
   *  there are several) and the field is cleared for the next. */
  function begin(input: HTMLInputElement): void {
    const files = [...(input.files ?? [])];
    input.value = ''; // so choosing the same file again fires "change"
    if (files.length === 0) return;
    replace(unfinished);
    const titles = titlesFor(files.length, title.value);
    title.value = '';
    const added = files.map((file, i) => uploadPanel(file, titles[i]!, pump));
    for (const panel of added) {
      queue.push(panel);
      rows.append(panel.el);
      panel.attach(hooks);
    }
    pump();
    added[0]!.el.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }

  /** "3 uploads: 1 uploading, 1 waiting, 1 ready" */
  function summarise(): void {
    if (queue.length < 2) {
      queueSummary.textContent = '';
      return;
    }
    const count = (phases: string[]) => queue.filter((p) => phases.includes(p.phase())).length;
    const parts = [
      [count(['starting', 'uploading']), 'uploading'],
      [count(['waiting']), 'waiting'],
      [count(['paused', 'stopped']), 'paused or stopped'],
      [count(['finishing', 'queued', 'transcoding']), 'transcoding'],
      [count(['ready']), 'ready'],
      [count(['failed']), 'failed'],
    ] as const;
    queueSummary.textContent = `${queue.length} uploads: ${parts
      .filter(([n]) => n > 0)
      .map(([n, what]) => `${n} ${what}`)
      .join(', ')}`;
  }
  camera.addEventListener('change', () => begin(camera));
  picker.addEventListener('change', () => begin(picker));

  function removed(v: Video): void {
    mineStatus.textContent = `Deleted “${v.title}”.`;
    void loadMine();
    void loadFailed();
  }

  /** "Your uploads", asked again every few seconds while one of them is still processing. */
  async function loadMine(): Promise<void> {
    window.clearTimeout(listTimer);
    try {
      const videos = await myVideos(signal);
      // a list being answered (a confirmation open) is not redrawn under the person's finger
      if (!mineList.querySelector('.notice-confirm')) {
        replace(
          mineList,
          videos.length
            ? h('ul', { class: 'plain-list upload-list' }, videos.map((v) => uploadRow(v, removed)))
            : h('p', { class: 'empty' }, 'Nothing uploaded yet.'),
        );
      }
      if (videos.some((v) => v.status !== 'ready' && v.status !== 'failed') && !signal.aborted) {
        listTimer = window.setTimeout(() => void loadMine(), LIST_POLL_MS);
      }
    } catch (e) {
      if (isAbort(e)) return;
      replace(mineList, errorBox(e, () => void loadMine()));
    } finally {
      mineList.removeAttribute('aria-busy');
    }
  }

  /** Trainers: everyone's failed uploads (other people's; one's own are in the list above). */
  async function loadFailed(): Promise<void> {
    if (!isTrainer(me)) return;
    try {
      const others = (await failedVideos(signal)).filter((v) => v.owner_id !== me!.id);
      replace(
        failedSection,
        others.length
          ? h(
              'section',
              { 'aria-labelledby': 'failed-heading' },
              h('h2', { id: 'failed-heading' }, `Failed uploads of others (${others.length})`),
              h('p', { class: 'small muted' }, 'Only their uploaders and trainers see these. Delete them once the person knows.'),
              h('ul', { class: 'plain-list upload-list' }, others.map((v) => uploadRow(v, removed))),
            )
          : null,
      );
    } catch (e) {
      if (isAbort(e)) return;
      replace(failedSection); // not worth an error box; the next visit tries again
    }
  }

  replace(
    main,
    flash,
    h('h1', null, 'Upload a video'),
    h('p', { class: 'muted' }, 'Record a short how-to with your phone, or send a recording you already have. Large files are fine: if the connection drops, the upload picks up where it stopped.'),
    field('Title', title, 'Shown in the library. Leave empty to use the file name. Several files at once are numbered: “Title (1)”, “Title (2)”.'),
    pickers,
    unfinished,
    queueSummary,
    rows,
    h('section', { class: 'my-uploads', 'aria-labelledby': 'mine-heading' }, h('h2', { id: 'mine-heading' }, 'Your uploads'), mineStatus, mineList),
    failedSection,
  );

  for (const panel of queue) panel.attach(hooks);
  onQueueChange = summarise;
  summarise();
  if (!busy()) {
    void unfinishedUploads().then((list) => {
      if (list.length === 0 || busy()) return;
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
  await Promise.all([loadMine(), loadFailed()]);
  return () => {
    window.clearTimeout(listTimer);
    if (onQueueChange === summarise) onQueueChange = null;
  };
}
