// One row of the upload queue: the file's name and size, one progress bar that first counts the
// bytes ("Uploading 42% · 120 MB of 300 MB · 2.1 MB/s") and then, once they are in, the video's
// transcoding ("Transcoding 42%" from its `progress_pct`), a status line, Pause/Resume and Cancel
// while bytes move; then the end, shown by videoFollower.ts: ready (poster, "Open the video") or
// failed (the server's sentence, "Try another file", Delete). Its phases and what the bar says
// are the pure rules of uploadQueue.ts. The row waits until the queue (pages/upload.ts) calls
// `start()`; the screen is kept awake while its bytes move, where the phone allows.

import { getUpload, type Video } from '../api';
import { h, replace } from '../dom';
import { formatBytes } from '../format';
import { startUpload, type UploadHandle } from '../uploader';
import { bytesBar, needsPage, next, PHASE_LINE, transcodeBar, type BarView, type Phase, type UploadEvent } from '../uploadQueue';
import { errorBox } from './errorBox';
import { icon } from './icon';
import { progressBar } from './progressBar';
import { videoFollower, type FollowHooks, type VideoFollower } from './videoFollower';

export interface UploadPanel {
  el: HTMLElement;
  phase(): Phase;
  /** its turn came: begin sending (or continue an earlier upload of the same file) */
  start(): void;
  /** the Upload page shows the row (again): follow the video while it is shown */
  attach(hooks: FollowHooks): void;
}

/** `changed`: the row's phase changed (the queue may start the next file). */
/** `opts.metadata`: more Upload-Metadata (a practice attempt's `practice_step`); `opts.uploaded`:
 *  told the video's id once every byte is in. */
export function uploadPanel(
  file: File,
  title: string,
  changed: () => void,
  opts: { metadata?: Record<string, string>; uploaded?: (videoId: string | null) => void } = {},
): UploadPanel {
  let phase: Phase = 'waiting';
  let handle: UploadHandle | null = null;
  let wakeLock: WakeLockSentinel | null = null;
  const samples: [number, number][] = [];
  let sent = 0;
  let total = file.size;
  let follower: VideoFollower | null = null;
  let hooks: FollowHooks | null = null;
  const name = title || file.name;

  const bar = progressBar(`Upload of ${name}`);
  const status = h('p', { class: 'upload-status', role: 'status' });
  const resumedNote = h('p', { class: 'small', hidden: true }, 'Continuing your earlier upload of this file from where it stopped.');
  const errorSlot = h('div');
  const toggle = h('button', { type: 'button', class: 'button button-secondary button-small' });
  const cancel = h(
    'button',
    { type: 'button', class: 'button button-ghost button-small' },
    'Cancel',
    h('span', { class: 'visually-hidden' }, ` the upload of ${name}`),
  );
  const controls = h('div', { class: 'button-row' }, toggle, cancel);
  const result = h('div');
  const el = h(
    'section',
    { class: 'card upload-panel', 'aria-label': `Upload of ${name}` },
    h('p', { class: 'upload-file' }, h('strong', null, name), ` · ${formatBytes(file.size)}`),
    bar.el,
    status,
    resumedNote,
    errorSlot,
    controls,
    result,
  );

  /** Moves the row on; redraws what depends on the phase, and tells the queue. */
  function go(ev: UploadEvent, line?: string): void {
    const before = phase;
    phase = next(phase, ev);
    el.dataset.phase = phase;
    if (phase !== before || line) status.textContent = line ?? PHASE_LINE[phase];
    const sending = phase === 'starting' || phase === 'uploading' || phase === 'paused' || phase === 'stopped';
    toggle.hidden = !sending;
    toggle.replaceChildren(...(phase === 'paused' || phase === 'stopped' ? [icon('play'), 'Resume'] : [icon('pause'), 'Pause']));
    controls.hidden = !needsPage(phase);
    bar.el.hidden = phase === 'ready' || phase === 'failed' || phase === 'cancelled';
    if (phase === 'uploading') void keepAwake();
    else void releaseWakeLock();
    if (needsPage(phase)) {
      if (phase !== 'uploading') samples.length = 0;
      showBar(bytesBar(phase, sent, total, formatBytes, phase === 'uploading' ? speed() : ''));
    }
    if (phase !== before) changed();
  }

  function showBar(view: BarView): void {
    bar.set(view.fraction, view.text);
  }

  /** "2.1 MB/s" over the last few seconds, or "" */
  function speed(): string {
    const now = performance.now();
    samples.push([now, sent]);
    while (samples.length > 2 && now - samples[0]![0] > 5000) samples.shift();
    const [t0, s0] = samples[0]!;
    const rate = now - t0 > 500 ? ((sent - s0) * 1000) / (now - t0) : 0;
    return rate > 0 ? `${formatBytes(rate)}/s` : '';
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

  /** Every byte is in: which video did they become? Then follow it. */
  async function finish(uploadId: string): Promise<void> {
    sent = total;
    go({ type: 'sent' });
    showBar(transcodeBar(null, 0));
    let videoId: string | null = null;
    for (let i = 0; i < 20 && !videoId; i++) {
      try {
        videoId = (await getUpload(uploadId)).video_id ?? null;
      } catch {
        // the upload is stored; a failed status call only delays the link
      }
      if (!videoId) await new Promise((r) => setTimeout(r, 1000));
    }
    opts.uploaded?.(videoId);
    if (videoId) {
      follower = videoFollower(
        videoId,
        name,
        (v: Video) => {
          go({ type: 'video', status: v.status });
          if (!bar.el.hidden) showBar(transcodeBar(v.status, v.progress_pct));
        },
        () => (bar.el.hidden = true),
      );
      replace(result, follower.el);
      if (hooks) follower.attach(hooks);
    } else {
      go({ type: 'video', status: 'queued' }, 'Uploaded. It is listed under “Your uploads” below, and appears in the library once it is processed.');
    }
    hooks?.changed();
  }

  toggle.addEventListener('click', async () => {
    if (!handle) return;
    if (phase === 'uploading' || phase === 'starting') {
      go({ type: 'pause' });
      await handle.pause();
    } else if (phase === 'paused' || phase === 'stopped') {
      replace(errorSlot);
      go({ type: 'resume' }, 'Resuming…');
      handle.resume();
    }
  });
  cancel.addEventListener('click', async () => {
    if (phase === 'waiting') {
      go({ type: 'cancel' });
      return;
    }
    if (!confirm(`Cancel the upload of ${name}? What was sent so far is discarded.`)) return;
    go({ type: 'cancel' });
    replace(errorSlot);
    await handle?.cancel().catch(() => {});
  });
  // back online after an error: carry on without waiting for a tap
  window.addEventListener('online', () => {
    if (phase === 'stopped' && handle) {
      replace(errorSlot);
      go({ type: 'resume' }, 'Back online. Resuming…');
      handle.resume();
    }
  });

  function start(): void {
    if (phase !== 'waiting') return;
    go({ type: 'start' });
    startUpload(file, title, {
      onProgress(bytesSent, bytesTotal) {
        if (phase === 'paused' || phase === 'cancelled') return;
        sent = bytesSent;
        total = bytesTotal;
        go({ type: 'progress' });
      },
      onRetry(attempt) {
        go({ type: 'retry' }, `Connection trouble. Retrying (attempt ${attempt})…`);
      },
      onSuccess: (uploadId) => void finish(uploadId),
      onError(err) {
        if (phase === 'cancelled') return;
        go({ type: 'error' });
        replace(errorSlot, errorBox(err));
      },
    }, opts.metadata)
      .then((hd) => {
        handle = hd;
        resumedNote.hidden = !hd.resumed;
        if (phase === 'cancelled') void hd.cancel().catch(() => {});
      })
      .catch((err) => {
        go({ type: 'error', fatal: true }, 'The upload could not start.');
        replace(errorSlot, errorBox(err));
      });
  }

  go({ type: 'progress' }); // draws the waiting row (no change of phase)
  status.textContent = PHASE_LINE.waiting;
  return {
    el,
    phase: () => phase,
    start,
    attach(nextHooks) {
      hooks = nextHooks;
      follower?.attach(nextHooks);
    },
  };
}
