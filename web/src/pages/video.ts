// Video page /videos/:id (optionally ?playlist=ID to lead back). Shows the video's state while it
// is queued or processing (polling GET /api/v1/videos/{id} every 3 s), plays it as soon as an
// hls_url exists (long sessions become watchable while still processing), resumes from the last
// position, reports watched intervals (watchTracker.ts), and lists the handouts. Shows the
// tag-line, description and tags (each a link to the library filtered by it). A video held for
// review says so; trainers get "Approve" there. Trainers, admins and the owner can edit the
// details (components/videoEditForm.ts).

import { approveVideo, getVideo, reportProgress, type ProgressResult, type Video } from '../api';
import { setTitle } from '../branding';
import { errorBox, isAbort } from '../components/errorBox';
import { handoutList } from '../components/handoutList';
import { createPlayer, type Player } from '../components/player';
import { progressBar } from '../components/progressBar';
import { videoEditForm, type VideoEditForm } from '../components/videoEditForm';
import { h, replace } from '../dom';
import { formatDuration, percent } from '../format';
import type { PageContext } from '../router';
import { currentUser, isTrainer, mayEdit } from '../session';
import { paragraphs } from '../text';
import { WatchTracker } from '../watchTracker';

const POLL_MS = 3000;
const STATUS_TEXT: Record<Video['status'], string> = {
  uploading: 'The upload has not finished yet.',
  queued: 'Waiting to be processed…',
  processing: 'Processing the video…',
  ready: '',
  failed: 'This video could not be processed.',
};

/** Transcoding progress 0..1, when the server says (transcode_progress, or progress_pct 0..100). */
function transcodeFraction(v: Video): number | null {
  if (typeof v.transcode_progress === 'number') return v.transcode_progress;
  if (typeof v.progress_pct === 'number') return v.progress_pct / 100;
  return null;
}

const positionKey = (id: string) => `reelhouse:position:${id}`;

export async function videoPage({ main, params, query, signal }: PageContext): Promise<() => void> {
  const id = params.id!;
  const playlistId = query.get('playlist');
  let player: Player | null = null;
  let tracker: WatchTracker | null = null;
  let poll = 0;
  let mounting = false;
  let editForm: VideoEditForm | null = null;
  let heldShown: boolean | null = null;
  let detailsShown = '';
  const me = await currentUser();

  const heading = h('h1', null, 'Video');
  const meta = h('p', { class: 'muted' });
  const stage = h('div', { class: 'stage' });
  const statusBox = h('div', { 'aria-live': 'polite' });
  const watched = h('p', { class: 'watched', 'aria-live': 'polite' });
  const handouts = h('div');
  const review = h('div', { 'aria-live': 'polite' });
  const details = h('div', { class: 'video-details' });
  const editSlot = h('div');
  const back = playlistId
    ? h('a', { class: 'back-link', href: `/playlists/${encodeURIComponent(playlistId)}` }, '← Back to the playlist')
    : null;
  replace(main, back, heading, meta, review, stage, statusBox, watched, details, handouts, editSlot);

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
    showDetails(v);
    showReview(v);
    if (editForm) editForm.update(v);
    else if (mayEdit(me, v.owner_id)) {
      editForm = videoEditForm(v, render);
      replace(editSlot, editForm.el);
    }

    if (v.status === 'failed') {
      replace(statusBox, errorBox(new Error(v.error || STATUS_TEXT.failed)));
    } else if (v.status !== 'ready') {
      const f = v.status === 'processing' ? transcodeFraction(v) : (v.transcode_progress ?? null);
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

  /** Tag-line, description (plain-text paragraphs) and tags as links to the library. */
  function showDetails(v: Video): void {
    const tags = v.tags ?? [];
    const key = JSON.stringify([v.tagline, v.description, tags]);
    if (key === detailsShown) return;
    detailsShown = key;
    replace(
      details,
      v.tagline ? h('p', { class: 'lead' }, v.tagline) : null,
      paragraphs(v.description).map((para) => h('p', { class: 'description' }, para)),
      tags.length
        ? h(
            'ul',
            { class: 'tags tags-inline', 'aria-label': 'Tags' },
            tags.map((t) => h('li', null, h('a', { class: 'tag', href: `/library?tag=${encodeURIComponent(t)}` }, `#${t}`))),
          )
        : null,
    );
  }

  /** A held video: a notice for its owner and trainers, with "Approve" for trainers. */
  function showReview(v: Video): void {
    const held = v.held === true;
    if (held === heldShown) return; // polls must not rebuild it (nor re-announce it)
    heldShown = held;
    if (!held) {
      // keep the "Approved" message of a moment ago, if any
      if (!review.querySelector('.approved')) replace(review);
      return;
    }
    const approve = isTrainer(me)
      ? h('button', { type: 'button', class: 'button button-primary' }, 'Approve')
      : null;
    const slot = h('div');
    approve?.addEventListener('click', async () => {
      approve.disabled = true;
      approve.textContent = 'Approving…';
      replace(slot);
      try {
        const approved = await approveVideo(id);
        replace(review, h('p', { class: 'notice approved' }, 'Approved: it is in the library now.'));
        render(approved);
      } catch (e) {
        replace(slot, errorBox(e));
        approve.disabled = false;
        approve.textContent = 'Approve';
      }
    });
    replace(
      review,
      h(
        'div',
        { class: 'notice notice-held' },
        h('p', null, h('strong', null, 'Waiting for a trainer’s review')),
        h(
          'p',
          { class: 'small' },
          isTrainer(me)
            ? 'Until it is approved, only its owner and trainers can see it, and it is not in the library.'
            : 'Until a trainer approves it, only you and the trainers can see it.',
        ),
        approve,
        slot,
      ),
    );
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
