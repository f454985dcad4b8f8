// After an upload: follows the new video (GET /api/v1/videos/{id} every 2 s) through the queue
// and transcoding (its percentage) to the end: `ready` shows the poster and "Open the video";
// `failed` shows the server's sentence (a PDF picked by mistake: "This file is not a video…"),
// "Try another file" and Delete (saying first which playlists would lose it).

import { deleteVideo, getVideo, type Video } from '../api';
import { h, replace } from '../dom';
import { transcodeView } from '../learning';
import { deleteControl } from './confirmDelete';
import { errorBox, isAbort } from './errorBox';
import { progressBar } from './progressBar';

const POLL_MS = 2000;

export interface FollowHooks {
  /** the page's signal: polling stops when the person leaves the page */
  signal: AbortSignal;
  /** "Try another file": open the file picker again */
  tryAnother(): void;
  /** the video changed state, or was deleted: the page's list of uploads is refreshed */
  changed(): void;
}

export interface VideoFollower {
  el: HTMLElement;
  /** (re)starts following for the page now shown */
  attach(hooks: FollowHooks): void;
}

export function videoFollower(videoId: string, title: string): VideoFollower {
  const bar = progressBar(`Processing ${title}`);
  const body = h('div', { class: 'follow', 'aria-live': 'polite' }, bar.el);
  const el = h('div', { class: 'follow-wrap', 'data-video': videoId }, body);
  let hooks: FollowHooks | null = null;
  let timer = 0;
  let lastStatus = '';
  let finished = false;
  const href = `/videos/${encodeURIComponent(videoId)}`;

  function show(v: Video): void {
    if (v.status !== lastStatus) {
      lastStatus = v.status;
      hooks?.changed();
    }
    if (v.status === 'ready') {
      finished = true;
      replace(
        body,
        h('p', { class: 'saved upload-ready', role: 'status' }, 'Ready to watch.'),
        v.poster_url ? h('img', { class: 'upload-poster', src: v.poster_url, alt: `Poster of ${v.title}` }) : null,
        h('a', { class: 'button button-primary button-block', href }, 'Open the video'),
      );
      return;
    }
    if (v.status === 'failed') {
      finished = true;
      replace(
        body,
        h(
          'div',
          { class: 'notice notice-error upload-failed', role: 'alert' },
          h('p', null, h('strong', null, 'This file could not be made into a video.')),
          h('p', { class: 'failed-reason' }, v.error || 'The file could not be read as a video.'),
        ),
        h(
          'div',
          { class: 'button-row' },
          h('button', { type: 'button', class: 'button button-primary', onClick: () => hooks?.tryAnother() }, 'Try another file'),
          deleteControl({
            what: 'video',
            title: v.title,
            id: videoId,
            remove: () => deleteVideo(videoId),
            deleted() {
              replace(body, h('p', { class: 'saved', role: 'status' }, `Deleted “${v.title}”.`));
              hooks?.changed();
            },
          }),
        ),
      );
      return;
    }
    const t = transcodeView(v.status, v.progress_pct);
    bar.set(t.fraction, t.text);
    if (!body.contains(bar.el)) replace(body, bar.el);
  }

  async function tick(): Promise<void> {
    const mine = hooks;
    if (!mine || mine.signal.aborted || finished) return;
    try {
      show(await getVideo(videoId, mine.signal));
    } catch (e) {
      if (isAbort(e)) return;
      replace(body, errorBox(e), h('a', { class: 'button button-secondary', href }, 'Open the video page'));
      finished = true;
      return;
    }
    if (!finished && !mine.signal.aborted) timer = window.setTimeout(() => void tick(), POLL_MS);
  }

  return {
    el,
    attach(next) {
      window.clearTimeout(timer);
      hooks = next;
      next.signal.addEventListener('abort', () => window.clearTimeout(timer), { once: true });
      if (!lastStatus) bar.set(null, 'Waiting to be processed…');
      if (!finished) void tick();
    },
  };
}
