// The progress panel of one upload: file name, a progress bar with percentage, bytes and speed,
// Pause/Resume and Cancel; once the bytes are in, the new video (GET /api/v1/uploads/{id} gives
// its video_id) is followed to ready (poster, "Open the video") or failed (the server's sentence,
// "Try another file", Delete) by videoFollower.ts. The screen is kept awake while bytes are
// moving, where the phone allows.

import { getUpload } from '../api';
import { h, replace } from '../dom';
import { formatBytes, percent } from '../format';
import { startUpload, type UploadHandle } from '../uploader';
import { errorBox } from './errorBox';
import { icon } from './icon';
import { progressBar } from './progressBar';
import { videoFollower, type FollowHooks, type VideoFollower } from './videoFollower';

type State = 'starting' | 'uploading' | 'paused' | 'error' | 'finishing' | 'done' | 'cancelled';

export interface UploadPanel {
  el: HTMLElement;
  /** true while the upload still needs this page (not done, not cancelled) */
  active(): boolean;
  /** the Upload page shows the panel (again): follow the video while it is shown */
  attach(hooks: FollowHooks): void;
}

export function uploadPanel(file: File, title: string, onFinished: () => void): UploadPanel {
  let state: State = 'starting';
  let handle: UploadHandle | null = null;
  let wakeLock: WakeLockSentinel | null = null;
  const samples: [number, number][] = [];
  let sent = 0;
  let total = file.size;
  let follower: VideoFollower | null = null;
  let hooks: FollowHooks | null = null;

  const bar = progressBar(`Uploading ${file.name}`);
  const status = h('p', { class: 'upload-status', role: 'status' }, 'Starting…');
  const resumedNote = h('p', { class: 'small', hidden: true }, 'Continuing your earlier upload of this file from where it stopped.');
  const errorSlot = h('div');
  const toggle = h('button', { type: 'button', class: 'button button-secondary' }, icon('pause'), 'Pause');
  const cancel = h('button', { type: 'button', class: 'button button-ghost' }, 'Cancel');
  const controls = h('div', { class: 'button-row' }, toggle, cancel);
  const result = h('div');
  const el = h(
    'section',
    { class: 'card upload-panel', 'aria-label': 'Upload progress' },
    h('p', { class: 'upload-file' }, h('strong', null, title || file.name), ` · ${formatBytes(file.size)}`),
    bar.el,
    status,
    resumedNote,
    errorSlot,
    controls,
    result,
  );

  function setState(next: State, message: string): void {
    state = next;
    status.textContent = message;
    toggle.replaceChildren(...(next === 'uploading' || next === 'starting' ? [icon('pause'), 'Pause'] : [icon('play'), 'Resume']));
    controls.hidden = next === 'done' || next === 'finishing' || next === 'cancelled';
    if (next === 'uploading') void keepAwake();
    else void releaseWakeLock();
    if (next !== 'uploading') {
      samples.length = 0;
      showBytes();
    }
  }

  /** "42% · 120 MB of 300 MB · 2.1 MB/s" (the speed only while bytes are moving) */
  function showBytes(): void {
    const f = total ? sent / total : 0;
    const rate = state === 'uploading' ? speed() : '';
    bar.set(f, `${percent(f)} · ${formatBytes(sent)} of ${formatBytes(total)}${rate}`);
  }

  function speed(): string {
    const now = performance.now();
    samples.push([now, sent]);
    while (samples.length > 2 && now - samples[0]![0] > 5000) samples.shift();
    const [t0, s0] = samples[0]!;
    const rate = now - t0 > 500 ? ((sent - s0) * 1000) / (now - t0) : 0;
    return rate > 0 ? ` · ${formatBytes(rate)}/s` : '';
  }

  async function keepAwake(): Promise<void> {
    if (wakeLock || !('wakeLock' in navigator)) return;
    try {
      wakeLock = await navigator.wakeLock.request('screen');
      wakeLock.addEventListener('release', () => (wakeLock = null));
    } catch {
      // not allowed (battery saver, page hidden): the upload goes on regardless
    }
  }
  async function releaseWakeLock(): Promise<void> {
    const lock = wakeLock;
    wakeLock = null;
    await lock?.release().catch(() => {});
  }

  async function finish(uploadId: string): Promise<void> {
    setState('finishing', 'Upload complete. Preparing the video…');
    sent = total;
    bar.set(1, `100% · ${formatBytes(total)}`);
    let videoId: string | null = null;
    for (let i = 0; i < 20 && !videoId; i++) {
      try {
        videoId = (await getUpload(uploadId)).video_id ?? null;
      } catch {
        // the upload is stored; a failed status call only delays the link
      }
      if (!videoId) await new Promise((r) => setTimeout(r, 1000));
    }
    setState('done', `Uploaded · ${formatBytes(total)}`);
    bar.el.hidden = true; // the bytes are in: the processing bar below takes over
    if (videoId) {
      follower = videoFollower(videoId, title || file.name);
      replace(result, follower.el);
      if (hooks) follower.attach(hooks);
    } else {
      replace(result, h('p', null, 'It is listed under “Your uploads” below, and appears in the library once it is processed.'));
    }
    onFinished();
    hooks?.changed();
  }

  toggle.addEventListener('click', async () => {
    if (!handle) return;
    if (state === 'uploading' || state === 'starting') {
      setState('paused', 'Paused. Tap Resume to continue.');
      await handle.pause();
    } else if (state === 'paused' || state === 'error') {
      replace(errorSlot);
      setState('starting', 'Resuming…');
      handle.resume();
    }
  });
  cancel.addEventListener('click', async () => {
    if (!handle || !confirm('Cancel this upload? What was sent so far is discarded.')) return;
    setState('cancelled', 'Upload cancelled.');
    replace(errorSlot);
    await handle.cancel().catch(() => {});
    onFinished();
  });
  // back online after an error: carry on without waiting for a tap
  window.addEventListener('online', () => {
    if (state === 'error' && handle) {
      replace(errorSlot);
      setState('starting', 'Back online. Resuming…');
      handle.resume();
    }
  });

  startUpload(file, title, {
    onProgress(bytesSent, bytesTotal) {
      if (state === 'paused' || state === 'cancelled') return;
      sent = bytesSent;
      total = bytesTotal;
      if (state !== 'uploading') setState('uploading', 'Uploading…');
      showBytes();
    },
    onRetry(attempt) {
      if (state !== 'paused' && state !== 'cancelled') setState('starting', `Connection trouble. Retrying (attempt ${attempt})…`);
    },
    onSuccess: (uploadId) => void finish(uploadId),
    onError(err) {
      if (state === 'cancelled') return;
      setState('error', 'The upload stopped.');
      replace(errorSlot, errorBox(err));
    },
  })
    .then((hd) => {
      handle = hd;
      resumedNote.hidden = !hd.resumed;
    })
    .catch((err) => {
      setState('error', 'The upload could not start.');
      controls.hidden = true;
      replace(errorSlot, errorBox(err));
      onFinished();
    });

  return {
    el,
    active: () => state !== 'done' && state !== 'cancelled',
    attach(next) {
      hooks = next;
      follower?.attach(next);
    },
  };
}
