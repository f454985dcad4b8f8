// Video page /videos/:id (optionally ?playlist=ID to lead back). Shows the video's state while it
// is queued or processing (polling GET /api/v1/videos/{id} every 3 s), plays it as soon as an
// hls_url exists (long sessions become watchable while still processing), resumes from the last
// position, reports watched intervals (watchTracker.ts), and lists the handouts.

import { getVideo, reportProgress, type ProgressResult, type Video } from '../api';
import { setTitle } from '../branding';
import { errorBox, isAbort } from '../components/errorBox';
import { handoutList } from '../components/handoutList';
import { createPlayer, type Player } from '../components/player';
import { progressBar } from '../components/progressBar';
import { h, replace } from '../dom';
import { formatDuration, percent } from '../format';
import type { PageContext } from '../router';
import { WatchTracker } from '../watchTracker';

const POLL_MS = 3000;
const STATUS_TEXT: Record<Video['status'], string> = {
  uploading: 'The upload has not finished yet.',
  queued: 'Waiting to be processed…',
  processing: 'Processing the video…',
  ready: '',
  failed: 'This video could not be processed.',
};

const positionKey = (id: string) => `reelhouse:position:${id}`;

export async function videoPage({ main, params, query, signal }: PageContext): Promise<() => void> {
  const id = params.id!;
  const playlistId = query.get('playlist');
  let player: Player | null = null;
  let tracker: WatchTracker | null = null;
  let poll = 0;
  let mounting = false;

  const heading = h('h1', null, 'Video');
  const meta = h('p', { class: 'muted' });
  const stage = h('div', { class: 'stage' });
  const statusBox = h('div', { 'aria-live': 'polite' });
  const watched = h('p', { class: 'watched', 'aria-live': 'polite' });
  const handouts = h('div');
  const back = playlistId
    ? h('a', { class: 'back-link', href: `/playlists/${encodeURIComponent(playlistId)}` }, '← Back to the playlist')
    : null;
  replace(main, back, heading, meta, stage, statusBox, watched, handouts);

  const bar = progressBar('Processing');

  function showWatched(p: ProgressResult | null | undefined): void {
    if (!p) return;
    watched.textContent = p.completed ? `✓ Completed · watched ${percent(p.fraction)}` : `Watched ${percent(p.fraction)}`;
  }

  function render(v: Video): void {
    setTitle(v.title);
    heading.textContent = v.title;
    const best = Math.max(0, ...v.renditions.map((r) => r.height));
    meta.textContent = [v.duration_s ? formatDuration(v.duration_s) : '', best ? `up to ${best}p` : '']
      .filter(Boolean)
      .join(' · ');
    replace(handouts, handoutList(v.handouts));

    if (v.status === 'failed') {
      replace(statusBox, errorBox(new Error(v.error || STATUS_TEXT.failed)));
    } else if (v.status !== 'ready') {
      const f = v.transcode_progress;
      bar.set(typeof f === 'number' ? f : null, STATUS_TEXT[v.status] + (typeof f === 'number' ? ` ${percent(f)}` : ''));
      replace(statusBox, h('div', { class: 'notice' }, bar.el, player ? h('p', { class: 'small' }, 'You can start watching; the rest is on its way.') : null));
      if (!mounting && !v.hls_url) {
        replace(stage, v.poster_url ? h('img', { class: 'video', src: v.poster_url, alt: '' }) : h('div', { class: 'video video-placeholder' }));
      }
    } else {
      replace(statusBox);
    }
    if (v.hls_url && !mounting) {
      mounting = true;
      void mountPlayer(v);
    }
  }

  async function mountPlayer(v: Video): Promise<void> {
    const p = await createPlayer(v.hls_url!, {
      poster: v.poster_url,
      title: v.title,
      onFatal: (message) => replace(statusBox, errorBox(new Error(message))),
    });
    if (signal.aborted) return p.destroy();
    player = p;
    replace(stage, p.el);
    resume(p.video, v);
    showWatched(v.my_progress);
    tracker = new WatchTracker(p.video, async (report, keepalive) => {
      localStorage.setItem(positionKey(id), String(report.position_s));
      const result = await reportProgress(id, report, keepalive);
      if (!signal.aborted) showWatched(result);
    });
  }

  /** Starts from where the person left off, unless that is the very start or the very end. */
  function resume(video: HTMLVideoElement, v: Video): void {
    const at = v.my_progress?.position_s ?? Number(localStorage.getItem(positionKey(id)) ?? 0);
    if (!(at > 5)) return;
    video.addEventListener(
      'loadedmetadata',
      () => {
        if (Number.isFinite(video.duration) && at > video.duration - 5) return;
        video.currentTime = at;
        const restart = h('button', { type: 'button', class: 'button-link', onClick: () => { video.currentTime = 0; note.remove(); } }, 'Start from the beginning');
        const note = h('p', { class: 'small resume-note' }, `Resuming at ${formatDuration(at)}. `, restart);
        stage.after(note);
      },
      { once: true },
    );
  }

  async function refresh(): Promise<void> {
    try {
      const v = await getVideo(id, signal);
      render(v);
      if (v.status !== 'ready' && v.status !== 'failed') poll = window.setTimeout(refresh, POLL_MS);
    } catch (e) {
      if (isAbort(e)) return;
      replace(statusBox, errorBox(e, () => void refresh()));
    }
  }

  await refresh();
  return () => {
    window.clearTimeout(poll);
    tracker?.destroy();
    player?.destroy();
  };
}
