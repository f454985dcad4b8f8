// After an upload: follows the new video (GET /api/v1/videos/{id}, every second) through the queue
// and transcoding to the end. Every answer goes to `onVideo` (the upload row turns it into its
// bar: "Transcoding 42%" from `progress_pct`, see uploadQueue.ts); the end is shown here: `ready`
// with the poster and "Open the video"; `failed` with the server's sentence (a PDF picked by
// mistake: "This file is not a video…"), "Try another file" and Delete (saying first which
// playlists would lose it).

import { deleteVideo, getVideo, type Video } from '../api';
import { h, replace } from '../dom';
import { deleteControl } from './confirmDelete';
import { errorBox, isAbort } from './errorBox';

/** Short clips transcode in seconds: often enough to see the percentage move. */
const POLL_MS = 1000;

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

/** `onVideo`: each answer about the video; `onGone`: it could not be asked about (the error is
 *  shown here). */
export function videoFollower(
  videoId: string,
  title: string,
  onVideo: (v: Video) => void,
  onGone: () => void = () => {},
): VideoFollower {
  const body = h('div', { class: 'follow', 'aria-live': 'polite' });
  const el = h('div', { class: 'follow-wrap', 'data-video': videoId }, body);
  let hooks: FollowHooks | null = null;
  let timer = 0;
  let lastStatus = '';
  let finished = false;
  const href = `/videos/${encodeURIComponent(videoId)}`;

  function show(v: Video): void {
    onVideo(v);
    if (v.status !== lastStatus) {
      lastStatus = v.status;
      hooks?.changed();
    }
    if (v.status === 'ready') {
      finished = true;
      replace(
        body,
        h('p', { class: 'saved upload-ready', role: 'status' }, 'Ready to watch.'),
        v.poster_url ? h('img', { class: 'upload-poster', src: v.poster_url, alt: `Poster of ${v.title || title}` }) : null,
        h('a', { class: 'button button-primary button-block', href }, 'Open the video'),
      );
    } else if (v.status === 'failed') {
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
            title: v.title || title,
            id: videoId,
            remove: () => deleteVideo(videoId),
            deleted() {
              replace(body, h('p', { class: 'saved', role: 'status' }, `Deleted “${v.title || title}”.`));
              hooks?.changed();
            },
          }),
        ),
      );
    }
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
      onGone();
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
      if (!finished) void tick();
    },
  };
}
