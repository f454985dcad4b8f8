// Video page /videos/:id (optionally ?playlist=ID: leads back to it and on to the next item).
// Shows the video's state while it is queued or processing (polling GET /api/v1/videos/{id}
// every 3 s, with the transcoding percentage), plays it as soon as an hls_url exists in a box of
// the video's own shape (portrait videos tall), resumes from the saved position — the server's
// `my_progress`, so any device; this browser's only when the server has none — unless that is at
// the start or the end, reports watched intervals (watchTracker.ts) and shows "Watched n%" /
// "Completed". A failed video shows the server's sentence (only its owner and trainers get that
// far). Handouts open in the phone's viewer; the owner and trainers attach, rename, reorder and
// remove them (components/handoutManager.ts), edit the details (components/videoEditForm.ts)
// and delete the video (saying first which playlists lose it). A video held for review says so;
// trainers get "Approve" there.
//
// Beside the video on a wide screen, below it on a phone: the handout and link moments as cards
// once playback reaches them (components/momentCards.ts), the chapters (components/chapterList.ts;
// also marks on the time bar) and the interactive transcript (components/transcript.ts). The owner
// and trainers also get the captions (components/captionManager.ts) and the moments
// (components/momentsEditor.ts); trainers the in-video questions (components/videoQuizEditor.ts,
// loaded with import() when shown). Under the details, the discussion (components/discussion.ts):
// comments pinned to the current time, replies, @experts. A video with questions at its moments
// pauses there and asks them under the player (components/videoQuestions.ts, fetched only then). `?t=SECONDS` (a search hit in the captions) starts there, over
// the saved position.

import {
  approveVideo,
  deleteVideo,
  getPlaylist,
  getProgress,
  getVideo,
  getVideoQuestions,
  reportProgress,
  type Playlist,
  type PlaylistItem,
  type Caption,
  type Moment,
  type ProgressResult,
  type Video,
} from '../api';
import { branding, setTitle } from '../branding';
import { deleteControl } from '../components/confirmDelete';
import { discussion, type Discussion } from '../components/discussion';
import { errorBox, isAbort } from '../components/errorBox';
import { setFlash } from '../components/flash';
import { handoutLinkAttrs, handoutList } from '../components/handoutList';
import { handoutManager, type HandoutManager } from '../components/handoutManager';
import { captionManager, type CaptionManager } from '../components/captionManager';
import { chapterList } from '../components/chapterList';
import { KIND_LABEL, resourceButton } from '../components/libraryItem';
import { momentCards } from '../components/momentCards';
import { momentsEditor, type MomentsEditor } from '../components/momentsEditor';
import { createPlayer, type Player } from '../components/player';
import { progressBar } from '../components/progressBar';
import { transcript as makeTranscript, type Transcript } from '../components/transcript';
import { videoEditForm, type VideoEditForm } from '../components/videoEditForm';
import { h, replace } from '../dom';
import { formatDuration } from '../format';
import { aspectRatio, nextItem, qualityLabel, resumeAt, savedPosition, transcodeView, watchedText } from '../learning';
import { chapters, parseStartParam } from '../moments';
import { navigate, type PageContext } from '../router';
import { currentUser, isTrainer, mayEdit } from '../session';
import { paragraphs } from '../text';
import { WatchTracker } from '../watchTracker';
import type { VideoQuestionsHandle } from '../components/videoQuestions';

// the practice attempt's page plays a recording with the same player: it lives with this page's
// bundle (pages/attempt.ts)
export { attemptPage } from './attempt';

const POLL_MS = 3000;

const positionKey = (id: string) => `reelhouse:position:${id}`;

function localPosition(id: string): string | null {
  try {
    return localStorage.getItem(positionKey(id));
  } catch {
    return null;
  }
}

export async function videoPage({ main, params, query, signal }: PageContext): Promise<() => void> {
  const id = params.id!;
  const playlistId = query.get('playlist');
  const startParam = query.get('t');
  let player: Player | null = null;
  let tracker: WatchTracker | null = null;
  let poll = 0;
  let mounting = false;
  let editForm: VideoEditForm | null = null;
  let handouts: HandoutManager | null = null;
  let heldShown: boolean | null = null;
  let detailsShown = '';
  /** the title the Delete question was made with ('' before) */
  let deleteShownFor = '';
  let current: Video | null = null;
  let playlist: Playlist | null = null;
  let nextLocked = false;
  let captionsEditor: CaptionManager | null = null;
  let momentsEdit: MomentsEditor | null = null;
  let readAlong: Transcript | null = null;
  let captionsKey: string | null = null;
  let momentsKey: string | null = null;
  let asker: VideoQuestionsHandle | null = null;
  const me = await currentUser();

  const heading = h('h1', null, 'Video');
  const meta = h('p', { class: 'muted' });
  const stage = h('div', { class: 'stage' });
  // the questions the video asks at its moments, under the player (components/videoQuestions.ts)
  const askSlot = h('div', { class: 'video-questions' });
  const resumeSlot = h('div');
  const statusBox = h('div', { 'aria-live': 'polite' });
  const watched = h('p', { class: 'watched', 'aria-live': 'polite' });
  const nextSlot = h('div');
  const handoutsSlot = h('div');
  const review = h('div', { 'aria-live': 'polite' });
  const details = h('div', { class: 'video-details' });
  const editSlot = h('div');
  const deleteSlot = h('div');
  const captionsSlot = h('div');
  const momentsSlot = h('div');
  const quizEditSlot = h('div');
  const talkSlot = h('div');
  let talk: Discussion | null = null;
  const transcriptSlot = h('div');
  const keysSlot = h('div');
  const cards = momentCards();
  const chapterNav = chapterList((t) => seek(t));
  const back = playlistId
    ? h('a', { class: 'back-link', href: `/playlists/${encodeURIComponent(playlistId)}` }, '← Back to the playlist')
    : null;
  main.classList.add('page-video');
  replace(
    main,
    back,
    heading,
    meta,
    review,
    h(
      'div',
      { class: 'watch' },
      h('div', { class: 'watch-stage' }, stage, askSlot, keysSlot, resumeSlot, statusBox, watched, nextSlot),
      h('div', { class: 'watch-side' }, cards.el, chapterNav.el, transcriptSlot),
      h('div', { class: 'watch-rest' }, details, handoutsSlot, talkSlot, captionsSlot, momentsSlot, quizEditSlot, editSlot, deleteSlot),
    ),
  );

  /** Plays from `t` (a transcript line, a chapter). */
  function seek(t: number): void {
    if (!player) return;
    player.seek(t);
    showTime(t);
  }

  /** Everything that follows playback: transcript line, chapter, cards. */
  function showTime(t: number): void {
    readAlong?.update(t);
    chapterNav.update(t);
    cards.update(t);
  }

  const bar = progressBar('Processing');

  function showWatched(p: ProgressResult | null | undefined): void {
    const text = watchedText(p);
    if (text) watched.textContent = text;
    if (p?.completed && nextLocked) void loadNext();
  }

  /** The box takes the video's shape: portrait videos are shown tall, not small in 16:9. */
  function shape(el: HTMLElement, v: Video): void {
    const ar = aspectRatio(v.width, v.height);
    if (!ar) return;
    el.style.aspectRatio = ar;
    el.classList.toggle('video-portrait', (v.height ?? 0) > (v.width ?? 0));
  }

  function render(v: Video): void {
    current = v;
    setTitle(v.title);
    heading.textContent = v.title;
    meta.textContent = [v.duration_s ? formatDuration(v.duration_s) : '', qualityLabel(v.renditions)]
      .filter(Boolean)
      .join(' · ');
    showDetails(v);
    showReview(v);
    const editor = mayEdit(me, v.owner_id);
    if (editor) {
      if (handouts) handouts.update(v.handouts);
      else {
        handouts = handoutManager(id, v.handouts);
        replace(handoutsSlot, handouts.el);
      }
    } else {
      replace(handoutsSlot, handoutList(v.handouts));
    }
    showCaptions(v, editor);
    showMoments(v, editor);
    if (isTrainer(me) && v.status === 'ready' && !quizEditSlot.childElementCount) showQuestionsEditor(v);
    if (editForm) editForm.update(v);
    else if (editor && v.status !== 'failed') {
      editForm = videoEditForm(v, render);
      replace(editSlot, editForm.el);
    }
    // the question names the video: made again after a rename, unless it is open
    if (editor && deleteShownFor !== v.title && !deleteSlot.querySelector('.notice-confirm')) showDelete(v);

    if (!talk && me && v.status !== 'failed') {
      talk = discussion({
        target: 'video',
        targetId: id,
        me,
        currentTime: () => (player ? player.video.currentTime : null),
        seek: (t) => {
          seek(t);
          stage.scrollIntoView({ block: 'nearest' });
        },
        onCompose: () => player?.video.pause(),
        experts: true,
      });
      replace(talkSlot, talk.el);
    }
    if (v.status === 'failed') {
      replace(stage);
      replace(
        statusBox,
        h(
          'div',
          { class: 'notice notice-error', role: 'alert' },
          h('p', null, h('strong', null, 'This video could not be processed.')),
          h('p', { class: 'failed-reason' }, v.error || 'The file could not be read as a video.'),
          editor ? h('p', { class: 'small' }, 'Only you and the trainers see it. Delete it, and upload the recording again from the Upload page.') : null,
        ),
      );
      replace(handoutsSlot);
      replace(captionsSlot);
      replace(momentsSlot);
    } else if (v.status !== 'ready') {
      const t = transcodeView(v.status, v.progress_pct);
      bar.set(t.fraction, t.text);
      replace(statusBox, h('div', { class: 'notice' }, bar.el, player ? h('p', { class: 'small' }, 'You can start watching; the rest is on its way.') : null));
      if (!mounting && !v.hls_url) {
        const still = v.poster_url ? h('img', { class: 'video', src: v.poster_url, alt: '' }) : h('div', { class: 'video video-placeholder' });
        shape(still, v);
        replace(stage, still);
      }
    } else {
      replace(statusBox);
    }
    if (v.hls_url && !mounting && v.status !== 'failed') {
      mounting = true;
      void mountPlayer(v);
    }
  }

  /** The captions: the player's tracks, the transcript, and for editors the captions section. */
  function showCaptions(v: Video, editor: boolean): void {
    const list = v.captions ?? [];
    if (editor && v.status !== 'failed') {
      if (captionsEditor) captionsEditor.update(list);
      else {
        captionsEditor = captionManager(id, list, captionsChanged);
        replace(captionsSlot, captionsEditor.el);
      }
    }
    const key = list.map((c) => `${c.id}:${c.created_at}`).join();
    if (key !== captionsKey) captionsChanged(list);
  }

  function captionsChanged(list: Caption[]): void {
    captionsKey = list.map((c) => `${c.id}:${c.created_at}`).join();
    if (current) current = { ...current, captions: list };
    player?.setCaptions(list.map((c) => ({ language: c.language, label: c.label, url: c.url })));
    if (readAlong) readAlong.setCaptions(list);
    else if (list.length) {
      readAlong = makeTranscript({ captions: list, seek, onLanguage: (language) => player?.followLanguage(language) });
      replace(transcriptSlot, readAlong.el);
    }
  }

  /** The moments: chapter marks and list, the cards, and for editors the moments editor. */
  function showMoments(v: Video, editor: boolean): void {
    const list = v.moments ?? [];
    if (editor && v.status !== 'failed') {
      if (momentsEdit) momentsEdit.setHandouts(v.handouts);
      else {
        momentsEdit = momentsEditor({
          videoId: id,
          moments: list,
          handouts: v.handouts,
          duration: v.duration_s,
          currentTime: () => player?.video.currentTime ?? null,
          saved: momentsChanged,
        });
        replace(momentsSlot, momentsEdit.el);
      }
    }
    const key = JSON.stringify([list, v.handouts.map((d) => d.id), v.duration_s]);
    if (key !== momentsKey) {
      momentsKey = key;
      momentsChanged(list);
    }
  }

  function momentsChanged(list: Moment[]): void {
    if (current) current = { ...current, moments: list };
    const v = current;
    const marks = chapters(list, v?.duration_s);
    chapterNav.set(marks);
    player?.setChapters(marks.map((c) => ({ start: c.start, end: c.end, title: c.title })));
    cards.set(list, v?.handouts ?? []);
    if (v) momentsKey = JSON.stringify([list, v.handouts.map((d) => d.id), v.duration_s]);
  }

  /** Trainers: the in-video questions' editor, fetched on its own (components/videoQuizEditor.ts). */
  function showQuestionsEditor(v: Video): void {
    replace(quizEditSlot, h('p', { class: 'muted small' }, 'Loading the in-video questions…'));
    import('../components/videoQuizEditor')
      .then((m) => {
        if (signal.aborted) return;
        const currentTime = () => player?.video.currentTime ?? null;
        replace(quizEditSlot, m.videoQuizEditor({ videoId: id, videoTitle: v.title, duration: v.duration_s, currentTime }));
      })
      .catch((e) => replace(quizEditSlot, errorBox(e)));
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

  /** "Delete video" for its owner and trainers; afterwards back to the library (or, for the
   *  owner's unfinished or failed upload, to the Upload page and its list). */
  function showDelete(v: Video): void {
    deleteShownFor = v.title;
    replace(
      deleteSlot,
      h(
        'section',
        { class: 'delete-section', 'aria-label': 'Delete the video' },
        deleteControl({
          what: 'video',
          title: v.title,
          id,
          label: 'Delete video',
          extra: 'Its handouts and everyone’s progress on it go with it.',
          remove: () => deleteVideo(id),
          deleted() {
            const title = current?.title ?? v.title;
            setFlash(`Deleted “${title}”.`);
            const toUploads = current?.status !== 'ready' || !isTrainer(me);
            navigate(toUploads ? '/upload' : '/library', { replace: true });
          },
        }),
      ),
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
    const brand = branding();
    const p = await createPlayer(v.hls_url!, {
      poster: v.poster_url,
      title: v.title,
      storyboardUrl: v.storyboard_url,
      logoUrl: brand.logo_url,
      logoAlt: brand.name,
      onFatal: (message) => replace(statusBox, errorBox(new Error(message))),
    });
    if (signal.aborted) return p.destroy();
    player = p;
    shape(p.el, v);
    replace(stage, p.el);
    replace(
      keysSlot,
      h('p', { class: 'player-keys small' }, h('button', { type: 'button', class: 'button-link', onClick: () => p.showShortcuts() }, 'Keyboard shortcuts (?)')),
    );
    if (current) {
      captionsChanged(current.captions ?? []);
      momentsChanged(current.moments ?? []);
    }
    for (const type of ['timeupdate', 'seeked', 'loadedmetadata']) {
      p.video.addEventListener(type, () => showTime(p.video.currentTime));
    }
    // the transcript follows the captions the person turns on in the player
    p.video.textTracks.addEventListener('change', () => {
      const on = Array.from(p.video.textTracks).find((t) => t.mode === 'showing' && (t.kind === 'subtitles' || t.kind === 'captions'));
      if (on?.language) readAlong?.choose(on.language);
    });
    let saved = v.my_progress;
    if (saved === undefined) {
      // a server without my_progress in the video: ask for the saved progress itself
      saved = await getProgress(id, signal).catch(() => null);
      if (signal.aborted) return;
    }
    void loadQuestions(p);
    resume(p.video, v, savedPosition(saved, localPosition(id)), startParam);
    showWatched(saved);
    tracker = new WatchTracker(p.video, async (report, keepalive) => {
      try {
        localStorage.setItem(positionKey(id), String(report.position_s));
      } catch {
        // storage full or refused: the server keeps the position anyway
      }
      const result = await reportProgress(id, report, keepalive);
      if (!signal.aborted) showWatched(result);
    });
  }

  /** The questions pinned to the video's moments: their code is fetched only when it has some. */
  async function loadQuestions(p: Player): Promise<void> {
    try {
      const data = await getVideoQuestions(id, signal);
      if (!data.quiz_id || data.questions.length === 0) return;
      const { videoQuestions } = await import('../components/videoQuestions');
      if (signal.aborted) return;
      asker = videoQuestions({ videoId: id, video: p.video, player: p.el, data, slot: askSlot, signal });
    } catch {
      // without its questions the video still plays
    }
  }

  /** Starts at `?t=` when given (a search hit in the captions); else from where the person left
   *  off, unless that is the very start or the end. */
  function resume(video: HTMLVideoElement, v: Video, position: number | null, t: string | null): void {
    const start = () => {
      const duration = v.duration_s ?? (Number.isFinite(video.duration) ? video.duration : null);
      const asked = parseStartParam(t, duration);
      if (asked !== null) {
        video.currentTime = asked;
        showTime(asked);
        return;
      }
      const at = resumeAt(position, duration);
      if (at === null) return;
      video.currentTime = at;
      const restart = h(
        'button',
        {
          type: 'button',
          class: 'button-link',
          onClick: () => {
            video.currentTime = 0;
            note.remove();
          },
        },
        'Start from the beginning',
      );
      const note = h('p', { class: 'small resume-note' }, `Resuming at ${formatDuration(at)}. `, restart);
      replace(resumeSlot, note);
    };
    if (video.readyState >= 1) start();
    else video.addEventListener('loadedmetadata', start, { once: true });
  }

  // --- the next item of the playlist it was opened from -------------------------------------

  function nextLink(p: Playlist, item: PlaylistItem): HTMLElement {
    const label = [h('span', { class: 'kind' }, `Next · ${KIND_LABEL[item.kind]}`), h('span', { class: 'next-title' }, `Next: ${item.title}`)];
    if (item.locked) {
      nextLocked = true;
      return h('div', { class: 'next-item next-locked', 'aria-disabled': 'true' }, label, h('span', { class: 'small muted' }, 'Unlocks when this video is done.'));
    }
    nextLocked = false;
    switch (item.kind) {
      case 'video':
        return h('a', { class: 'next-item', href: `/videos/${encodeURIComponent(item.item_id)}?playlist=${encodeURIComponent(p.id)}` }, label);
      case 'handout':
        return h(
          'a',
          { class: 'next-item', ...handoutLinkAttrs({ id: item.item_id, content_type: item.content_type }) },
          label,
          h('span', { class: 'small muted' }, 'A handout: it opens in a new tab.'),
        );
      case 'resource':
        return resourceButton(item.item_id, 'next-item', [...label, h('span', { class: 'small muted' }, 'A link: it opens in a new tab.')], {
          failed: (e) => replace(nextSlot, errorBox(e)),
        });
      case 'practice':
        return h(
          'a',
          { class: 'next-item', href: `/practice/${encodeURIComponent(item.item_id)}?playlist=${encodeURIComponent(p.id)}` },
          label,
          h('span', { class: 'small muted' }, 'A practice step: record yourself and get feedback.'),
        );
      case 'quiz':
      case 'exercise':
        return h(
          'a',
          { class: 'next-item', href: `/${item.kind === 'quiz' ? 'quizzes' : 'exercises'}/${encodeURIComponent(item.item_id)}?playlist=${encodeURIComponent(p.id)}` },
          label,
          h('span', { class: 'small muted' }, item.kind === 'quiz' ? 'A quiz: check what you have learned.' : 'An exercise: do the work and hand it in.'),
        );
    }
  }

  async function loadNext(): Promise<void> {
    if (!playlistId) return;
    try {
      playlist = await getPlaylist(playlistId, signal);
    } catch (e) {
      if (!isAbort(e)) replace(nextSlot); // the back link still works
      return;
    }
    const next = nextItem(playlist.items, id);
    replace(
      nextSlot,
      next
        ? h('nav', { class: 'next', 'aria-label': 'Next in the playlist' }, nextLink(playlist, next))
        : playlist.items.some((i) => i.kind === 'video' && i.item_id === id)
          ? h('p', { class: 'small muted next-end' }, `This is the last item of “${playlist.title}”.`)
          : null,
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

  await Promise.all([refresh(), loadNext()]);
  return () => {
    window.clearTimeout(poll);
    tracker?.destroy();
    asker?.destroy();
    player?.destroy();
    handouts?.stop();
    readAlong?.destroy();
  };
}
