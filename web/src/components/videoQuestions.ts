// The questions a video asks at its moments (GET /api/v1/videos/{id}/questions), in the player of
// the video page; loaded with import() by pages/video.ts only for a video that has questions, so
// the page itself stays light. When playback reaches or passes a question's moment (`at_ms`) that
// is not answered yet in the person's current attempt, the video pauses (leaving full screen and
// picture in picture) and the question appears under the player with the quiz page's controls
// (components/questionForm.ts); the keyboard moves to it. "Check answer" (PUT …/questions/{id}/
// answer) shows right or not and the feedback; "Continue watching" plays on. "Skip for now" (or
// pressing play) leaves it: it is asked again when playback next crosses its moment. A jump
// forward over a question counts as crossing it, so seeking does not dodge it; an answered
// question is never asked again in that attempt (quizTaking.ts `questionDue`). Under the player:
// "2 questions in this video" and each one's moment and state; once all are answered (the server
// then scores the attempt) the score against the pass mark, and "Answer them again" when it was
// not passed.

import { answerVideoQuestion, ApiError, getVideoQuestions, type AnswerResult, type AskedQuestion, type VideoQuestions } from '../api';
import { h, replace } from '../dom';
import { clock } from '../moments';
import { questionDue, questionsInVideoText, scoreText, verdictText } from '../quizTaking';
import { errorBox } from './errorBox';
import { questionForm } from './questionForm';

export interface VideoQuestionsOptions {
  videoId: string;
  video: HTMLVideoElement;
  /** the player (media-controller), to give the keyboard back to */
  player: HTMLElement;
  data: VideoQuestions;
  /** where they are shown: under the player */
  slot: HTMLElement;
  signal: AbortSignal;
}

export interface VideoQuestionsHandle {
  destroy(): void;
}

type Verdict = Pick<AnswerResult, 'correct' | 'feedback'>;

export function videoQuestions(opts: VideoQuestionsOptions): VideoQuestionsHandle {
  const { video, videoId, signal } = opts;
  let data = opts.data;
  const questions = [...data.questions].sort((a, b) => (a.at_ms ?? 0) - (b.at_ms ?? 0));
  /** answered in the current attempt, with their verdicts */
  const answered = new Map<string, Verdict>();
  function takeAnswers(d: VideoQuestions): void {
    answered.clear();
    for (const q of d.questions) if (q.answer) answered.set(q.id, { correct: q.answer.correct, feedback: q.feedback ?? '' });
  }
  takeAnswers(data);

  /** the furthest point playback reached since it last went back (seconds) */
  let prev = -1;
  let asking: AskedQuestion | null = null;

  const panel = h('div', { class: 'video-question-panel', hidden: true });
  const summary = h('div', { class: 'video-questions-summary small' });
  replace(opts.slot, panel, summary);

  function showSummary(): void {
    const n = questions.length;
    const done = questions.filter((q) => answered.has(q.id)).length;
    const attempt = data.attempt;
    const finished = attempt !== null && attempt.status !== 'open' && done === n;
    const again =
      finished && attempt.status === 'failed'
        ? h(
            'button',
            {
              type: 'button',
              class: 'button button-secondary button-small',
              onClick: () => {
                // the next answer starts a new attempt on the server
                answered.clear();
                data = { ...data, attempt: null };
                prev = -1;
                showSummary();
                video.currentTime = 0;
                void video.play().catch(() => {});
              },
            },
            'Answer them again',
          )
        : null;
    replace(
      summary,
      h(
        'p',
        { class: 'video-questions-count' },
        h('strong', null, questionsInVideoText(n)),
        done < n ? ` · ${done} answered` : null,
      ),
      finished
        ? h(
            'p',
            { class: `video-questions-score is-${attempt.status}`, 'data-status': attempt.status },
            attempt.status === 'marking'
              ? 'All answered: a trainer marks the written answers.'
              : `All answered: ${scoreText(attempt.score, attempt.max_score)}, ${attempt.status === 'passed' ? 'passed' : 'not passed'} (the pass mark is ${data.pass_percent}%).`,
            again ? ' ' : null,
            again,
          )
        : null,
      h(
        'ol',
        { class: 'plain-list video-question-marks', 'aria-label': 'The questions and their moments' },
        questions.map((q, i) => {
          const v = answered.get(q.id);
          return h(
            'li',
            { 'data-question': q.id, class: v ? 'is-answered' : null },
            h('span', { class: 'kind' }, `at ${clock((q.at_ms ?? 0) / 1000)}`),
            ` Question ${i + 1}: `,
            v ? verdictText(v.correct) : 'not answered yet',
          );
        }),
      ),
    );
  }

  function closePanel(): void {
    asking = null;
    panel.hidden = true;
    replace(panel);
  }

  /** Back to the player, playing. */
  function carryOn(): void {
    closePanel();
    void video.play().catch(() => {});
    (opts.player.querySelector('media-play-button') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  async function refresh(): Promise<void> {
    try {
      data = await getVideoQuestions(videoId, signal);
      takeAnswers(data);
      showSummary();
    } catch {
      // the summary stays as it was; the video plays on
    }
  }

  function ask(q: AskedQuestion): void {
    asking = q;
    video.pause();
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    if (document.pictureInPictureElement) void document.exitPictureInPicture().catch(() => {});
    const i = questions.indexOf(q);
    const skip = h('button', { type: 'button', class: 'button button-ghost' }, 'Skip for now');
    skip.addEventListener('click', carryOn);
    const problem = h('div', { class: 'form-status' });
    const form = questionForm({
      question: q,
      label: `Question ${i + 1} of ${questions.length} · at ${clock((q.at_ms ?? 0) / 1000)}`,
      heading: 'h2',
      send: (response) => answerVideoQuestion(videoId, q.id, response),
      next: (result) => {
        answered.set(q.id, { correct: result.correct, feedback: result.feedback });
        showSummary();
        if ('attempt_status' in result && result.attempt_status !== 'open') void refresh();
        const go = h('button', { type: 'button', class: 'button button-primary' }, 'Continue watching');
        go.addEventListener('click', carryOn);
        return go;
      },
      extra: [skip],
      failed: (e) => {
        // answered meanwhile elsewhere: take the server's word for it
        if (e instanceof ApiError && e.status === 409) {
          replace(problem, errorBox(e));
          void refresh();
          return true;
        }
        return false;
      },
    });
    panel.hidden = false;
    replace(panel, h('div', { class: 'card panel video-question' }, form.el, problem));
    form.focus();
  }

  function moved(): void {
    if (asking || video.paused || video.seeking) return;
    const now = video.currentTime;
    if (now < prev) {
      prev = now; // went back: what lies ahead is asked again when crossed
      return;
    }
    const due = questionDue(questions, prev, now, (q) => answered.has(q.id));
    if (!due) {
      prev = now;
      return;
    }
    prev = (due.at_ms ?? 0) / 1000;
    ask(due);
  }

  function played(): void {
    // pressing play leaves the question (skipped for now, or answered)
    if (asking) closePanel();
    moved();
  }

  video.addEventListener('timeupdate', moved);
  video.addEventListener('seeked', moved);
  video.addEventListener('play', played);
  showSummary();

  return {
    destroy() {
      video.removeEventListener('timeupdate', moved);
      video.removeEventListener('seeked', moved);
      video.removeEventListener('play', played);
    },
  };
}
