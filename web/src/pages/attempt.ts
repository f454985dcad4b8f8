// Practice attempt /practice/attempts/:id (the emails about feedback and review requests link
// here). Its learner, the people they asked to review, and trainers see: the recording in the
// app's player (components/player.ts; it waits, with the transcoding percentage, until the video
// is playable), the feedback comments as marks along a bar under the player at their moments
// (lined up under the player's own time bar; tap one: the video plays from there) and as a list (time, author, text, replies), the reviews
// (verdict, summary, the rubric's scores with their level names) and the learner's other attempts.
// The learner gets "Send another attempt" (→ the practice step). Reviewers (`may_review`) get the
// review form: a comment box that takes the player's current time (the player pauses while they
// write), several such comments collected before sending, one radio group per criterion of the
// rubric, a summary, and three ways to send: "Send feedback", "Ask for another attempt",
// "Meets the standard" (POST /api/v1/attempts/{id}/reviews).
//
// Exported through pages/video.ts: a player page, it shares the video page's bundle (and its
// size limit) instead of loading media-chrome into another page's budget.

import { getAttempt, getVideo, reviewAttempt, type AttemptView, type Comment, type MomentComment, type Verdict, type Video } from '../api';
import { branding, setTitle } from '../branding';
import { discussion, type Discussion } from '../components/discussion';
import { errorBox, isAbort } from '../components/errorBox';
import { field } from '../components/field';
import { createPlayer, type Player } from '../components/player';
import { reviewCard, statusChip } from '../components/practiceBits';
import { progressBar } from '../components/progressBar';
import { h, replace } from '../dom';
import { formatDateTime, toDate } from '../format';
import { aspectRatio, transcodeView } from '../learning';
import { markFraction, momentText } from '../practice';
import type { PageContext } from '../router';
import { currentUser, isTrainer } from '../session';

const POLL_MS = 2000;
/** media-chrome's inset of the time bar's track from its element's edges (--media-range-padding) */
const RANGE_PADDING = 10;

export async function attemptPage({ main, params, signal }: PageContext): Promise<() => void> {
  const id = params.id!;
  const me = (await currentUser())!;
  let player: Player | null = null;
  let poll = 0;
  let view: AttemptView;
  let video: Video | null = null;
  let feedback: Discussion | null = null;
  let comments: Comment[] = [];
  let resized: ResizeObserver | null = null;
  main.classList.add('page-video');
  replace(main, h('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading…'));
  try {
    view = await getAttempt(id, signal);
  } catch (e) {
    if (isAbort(e)) return () => {};
    replace(main, h('h1', null, 'Practice attempt'), errorBox(e));
    return () => {};
  }
  const mine = view.learner_id === me.id;
  setTitle(view.step_title);

  const stage = h('div', { class: 'stage' });
  const marks = h('div', { class: 'comment-marks', role: 'group', 'aria-label': 'Feedback moments' });
  const statusBox = h('div', { 'aria-live': 'polite' });
  const chipSlot = h('p');
  const reviewsSlot = h('div');
  const othersSlot = h('div');
  const formSlot = h('div');
  const bar = progressBar('Processing the recording');

  function duration(): number | null {
    const d = player && Number.isFinite(player.video.duration) && player.video.duration > 0 ? player.video.duration : null;
    return d ?? video?.duration_s ?? null;
  }

  function seek(t: number): void {
    if (!player) return;
    player.seek(t);
    player.video.focus?.();
  }

  /** The feedback's moments as marks along the bar under the player. */
  function drawMarks(): void {
    const d = duration();
    const pinned = comments.filter((c) => typeof c.at_s === 'number' && !c.parent_id);
    marks.hidden = pinned.length === 0;
    replace(
      marks,
      pinned.map((c) => {
        const f = markFraction(c.at_s, d);
        const mark = h(
          'button',
          {
            type: 'button',
            class: 'comment-mark',
            'data-at': c.at_s ?? 0,
            'data-comment': c.id,
            title: `${c.author_name ?? 'Someone'} ${momentText(c.at_s)}: ${c.body}`,
            onClick: () => seek(c.at_s ?? 0),
          },
          h('span', { class: 'visually-hidden' }, `${c.author_name ?? 'Someone'} ${momentText(c.at_s)}: ${c.body.slice(0, 80)}`),
        );
        mark.style.left = `${((f ?? 0) * 100).toFixed(3)}%`;
        if (f === null) mark.hidden = true;
        return mark;
      }),
    );
  }

  function showChip(): void {
    const when = toDate(view.created_at);
    replace(chipSlot, statusChip(view.status), when ? h('span', { class: 'small muted' }, ` Sent ${formatDateTime(when)}`) : null);
  }

  function showReviews(): void {
    replace(
      reviewsSlot,
      view.reviews.length
        ? h('ol', { class: 'plain-list stack review-list' }, view.reviews.map((r) => reviewCard(r, view.step.rubric)))
        : h('p', { class: 'empty small' }, mine ? 'No review yet. You are told when feedback arrives.' : 'No review yet.'),
    );
  }

  function showOthers(): void {
    const others = view.attempts;
    replace(
      othersSlot,
      others.length > 1
        ? h(
            'section',
            { class: 'stack', 'aria-labelledby': 'others-heading' },
            h('h2', { id: 'others-heading' }, mine ? 'My attempts' : `${view.learner_name}’s attempts`),
            h(
              'ol',
              { class: 'plain-list attempt-list' },
              others.map((a, i) =>
                h(
                  'li',
                  { class: 'attempt-row', 'data-attempt': a.id, 'data-status': a.status },
                  a.id === view.id
                    ? h('span', { class: 'attempt-link', 'aria-current': 'page' }, h('span', { class: 'attempt-name' }, `Attempt ${i + 1} (this one)`))
                    : h('a', { class: 'attempt-link', href: `/practice/attempts/${encodeURIComponent(a.id)}` }, h('span', { class: 'attempt-name' }, `Attempt ${i + 1}`)),
                  statusChip(a.status),
                ),
              ),
            ),
          )
        : null,
      mine
        ? h('p', null, h('a', { class: 'button button-secondary', href: `/practice/${encodeURIComponent(view.step_id)}` }, view.status === 'done' ? 'Back to the practice step' : 'Send another attempt'))
        : null,
    );
  }

  function showAll(): void {
    comments = view.comments;
    showChip();
    showReviews();
    showOthers();
    if (feedback) feedback.set(comments);
    drawMarks();
  }

  // --- the reviewer's form ----------------------------------------------------------------------
  function reviewForm(): HTMLElement {
    const pending: MomentComment[] = [];
    const note = h('textarea', { rows: 3, maxlength: 4000, class: 'moment-input' });
    const at = h('span', { class: 'moment-now', 'aria-live': 'polite' }, 'at 0:00');
    const addNote = h('button', { type: 'button', class: 'button button-secondary button-small add-moment' }, 'Add comment ', at);
    const pendingList = h('ul', { class: 'plain-list pending-moments', 'aria-label': 'Comments to send' });
    const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
    const now = () => player?.video.currentTime ?? 0;
    let noteAt: number | null = null;
    const showNow = () => {
      at.textContent = momentText(noteAt ?? now());
    };
    note.addEventListener('focus', () => {
      if (player && !player.video.paused) player.video.pause();
      if (!note.value.trim()) noteAt = now();
      showNow();
    });
    note.addEventListener('input', () => {
      if (noteAt === null) noteAt = now();
    });
    const tick = () => {
      if (!note.value.trim()) {
        noteAt = null;
        showNow();
      }
    };
    player?.video.addEventListener('timeupdate', tick);
    player?.video.addEventListener('seeked', tick);

    function drawPending(): void {
      replace(
        pendingList,
        pending.map((p, i) =>
          h(
            'li',
            { class: 'pending-moment' },
            h('button', { type: 'button', class: 'moment-chip', onClick: () => seek(p.at_s) }, momentText(p.at_s)),
            ' ',
            h('span', null, p.body),
            ' ',
            h(
              'button',
              { type: 'button', class: 'button-link small', onClick: () => { pending.splice(i, 1); drawPending(); } },
              'Remove',
              h('span', { class: 'visually-hidden' }, ` the comment ${momentText(p.at_s)}`),
            ),
          ),
        ),
      );
    }
    addNote.addEventListener('click', () => {
      const body = note.value.trim();
      if (!body) {
        note.focus();
        return;
      }
      pending.push({ at_s: Math.round((noteAt ?? now()) * 100) / 100, body });
      pending.sort((a, b) => a.at_s - b.at_s);
      note.value = '';
      noteAt = null;
      showNow();
      drawPending();
    });

    const radios = view.step.rubric.map((c, ci) =>
      h(
        'fieldset',
        { class: 'rubric-score', 'data-criterion': c.id },
        h('legend', null, c.name),
        c.description ? h('p', { class: 'small muted' }, c.description) : null,
        h(
          'div',
          { class: 'chips level-chips' },
          c.levels.map((l, li) =>
            h(
              'label',
              { class: 'chip' },
              h('input', { type: 'radio', name: `criterion-${ci}`, value: String(li), 'data-level': l.name }),
              h('span', null, l.name),
            ),
          ),
        ),
      ),
    );
    const summary = h('textarea', { rows: 4, maxlength: 4000, class: 'review-summary-input' });
    const buttons: [Verdict, string, string][] = [
      ['comment', 'Send feedback', 'button-secondary'],
      ['needs_work', 'Ask for another attempt', 'button-secondary'],
      ['done', 'Meets the standard', 'button-primary'],
    ];
    const actions = buttons.map(([verdict, label, cls]) =>
      h('button', { type: 'button', class: `button ${cls}`, 'data-verdict': verdict, onClick: () => void send(verdict) }, label),
    );

    async function send(verdict: Verdict): Promise<void> {
      const typed = note.value.trim();
      if (typed) {
        pending.push({ at_s: Math.round((noteAt ?? now()) * 100) / 100, body: typed });
        note.value = '';
        noteAt = null;
      }
      const scores: Record<string, number> = {};
      view.step.rubric.forEach((c, ci) => {
        const chosen = form.querySelector<HTMLInputElement>(`input[name="criterion-${ci}"]:checked`);
        if (chosen) scores[c.id] = Number(chosen.value);
      });
      if (verdict === 'comment' && !pending.length && !summary.value.trim() && !Object.keys(scores).length) {
        replace(status, errorBox(new Error('Write a comment or a summary, or score the rubric, first')));
        return;
      }
      for (const b of actions) b.disabled = true;
      replace(status);
      try {
        view = await reviewAttempt(id, { verdict, summary: summary.value.trim(), scores, comments: pending.slice() });
        pending.length = 0;
        drawPending();
        summary.value = '';
        for (const r of form.querySelectorAll<HTMLInputElement>('input[type=radio]')) r.checked = false;
        showAll();
        const said = verdict === 'done' ? 'It meets the standard: the step is done.' : verdict === 'needs_work' ? 'Sent. The learner is asked for another attempt.' : 'Feedback sent.';
        replace(status, h('p', { class: 'saved', role: 'status' }, `${said} ${view.learner_name} is told.`));
      } catch (e) {
        replace(status, errorBox(e));
      } finally {
        for (const b of actions) b.disabled = false;
        drawPending();
      }
    }

    const form = h(
      'section',
      { class: 'card panel stack review-form', 'aria-labelledby': 'review-heading' },
      h('h2', { id: 'review-heading' }, 'Your review'),
      h('p', { class: 'small muted' }, 'Pause where something happens and write what you see: the comment takes that moment.'),
      field('Comment at this moment', note),
      h('div', { class: 'button-row' }, addNote),
      pendingList,
      radios.length ? h('div', { class: 'stack' }, h('h3', null, 'Rubric'), radios) : null,
      field('Summary', summary, 'What went well, and what to work on.'),
      h('div', { class: 'button-row review-actions' }, actions),
      status,
    );
    return form;
  }

  // --- the recording ------------------------------------------------------------------------------
  async function mount(v: Video): Promise<void> {
    const brand = branding();
    const p = await createPlayer(v.hls_url!, {
      poster: v.poster_url,
      title: `${view.step_title}: ${view.learner_name}`,
      storyboardUrl: v.storyboard_url,
      logoUrl: brand.logo_url,
      logoAlt: brand.name,
      onFatal: (message) => replace(statusBox, errorBox(new Error(message))),
    });
    if (signal.aborted) return p.destroy();
    player = p;
    const ar = aspectRatio(v.width, v.height);
    if (ar) p.el.style.aspectRatio = ar;
    replace(stage, p.el, marks);
    // the marks' bar lies under the player's time bar, as long as its track
    const align = () => {
      const range = p.el.querySelector('media-time-range');
      const r = range?.getBoundingClientRect();
      if (!r?.width) return;
      const pad = parseFloat(getComputedStyle(range!).getPropertyValue('--media-range-padding')) || RANGE_PADDING;
      marks.style.marginLeft = `${Math.max(0, r.left - stage.getBoundingClientRect().left + pad)}px`;
      marks.style.width = `${Math.max(0, r.width - 2 * pad)}px`;
    };
    resized = new ResizeObserver(align);
    resized.observe(p.el);
    align();
    p.video.addEventListener('loadedmetadata', drawMarks);
    p.video.addEventListener('durationchange', drawMarks);
    drawMarks();
    if (view.may_review) replace(formSlot, reviewForm());
  }

  async function follow(): Promise<void> {
    try {
      const v = await getVideo(view.video_id, signal);
      video = v;
      if (v.status === 'failed') {
        replace(statusBox, h('div', { class: 'notice notice-error', role: 'alert' }, h('p', null, 'This recording could not be processed.'), h('p', { class: 'failed-reason' }, v.error || 'The file could not be read as a video.')));
        // a review can still ask for another attempt
        if (view.may_review && !formSlot.firstChild) replace(formSlot, reviewForm());
        return;
      }
      if (v.hls_url && !player) await mount(v);
      if (v.status !== 'ready') {
        const t = transcodeView(v.status, v.progress_pct);
        bar.set(t.fraction, t.text);
        replace(statusBox, h('div', { class: 'notice' }, bar.el));
        poll = window.setTimeout(() => void follow(), POLL_MS);
      } else {
        replace(statusBox);
        drawMarks();
      }
    } catch (e) {
      if (isAbort(e)) return;
      replace(statusBox, errorBox(e, () => void follow()));
    }
  }

  feedback = discussion({
    target: 'attempt',
    targetId: id,
    me,
    heading: 'Feedback',
    seek,
    allowNew: false,
    initial: view.comments,
    changed: (list) => {
      comments = list;
      drawMarks();
    },
  });
  replace(
    main,
    mine
      ? h('a', { class: 'back-link', href: `/practice/${encodeURIComponent(view.step_id)}` }, '← Back to the practice step')
      : isTrainer(me)
        ? h('a', { class: 'back-link', href: '/manage/reviews' }, '← Reviews')
        : h('a', { class: 'back-link', href: '/inbox' }, '← Inbox'),
    h('p', { class: 'kind' }, 'Practice attempt'),
    h('h1', null, view.step_title),
    h('p', { class: 'muted' }, mine ? 'Your attempt' : `By ${view.learner_name}`),
    chipSlot,
    h(
      'div',
      { class: 'watch' },
      h('div', { class: 'watch-stage' }, stage, statusBox),
      h('div', { class: 'watch-side' }, feedback.el),
      h(
        'div',
        { class: 'watch-rest' },
        formSlot,
        h('section', { class: 'stack', 'aria-labelledby': 'reviews-heading' }, h('h2', { id: 'reviews-heading' }, 'Reviews'), reviewsSlot),
        othersSlot,
      ),
    ),
  );
  showAll();
  await follow();
  return () => {
    window.clearTimeout(poll);
    resized?.disconnect();
    player?.destroy();
  };
}
