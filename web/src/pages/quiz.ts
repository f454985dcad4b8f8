// Quiz /quizzes/:id (optionally ?playlist=ID, to lead back) and a past attempt's result
// /quiz-attempts/:id (notifications link there once a trainer marked the written answers).
//
// First what the quiz is: its description, how many questions, the pass mark, the attempts used
// and allowed, the time limit, the past attempts with their scores, and "Start the quiz" /
// "Continue the quiz" / "Try again", or that it is passed. Then ONE QUESTION A SCREEN
// (components/questionForm.ts): "Question 2 of 5" and a bar of the answered ones, the question's
// controls, "Check answer" (PUT …/answers/{question}: the verdict and the feedback show at once
// and the answer stands), then "Next question"; with a time limit a countdown that submits when
// it reaches 0. An open attempt goes on at its first unanswered question (POST …/attempts starts
// one or answers the open one). After the last question "See my result" submits: the score
// against the pass mark, each question with the learner's answer, right or not, the right answer
// where it was not (the key only comes once submitted) and the feedback; written answers wait for
// a trainer's mark. "Try again" while attempts are left and it is not passed; "Back to the
// playlist" when opened from one. GET /api/v1/quizzes/{id} never carries a question.

import {
  ApiError,
  answerQuizQuestion,
  getQuiz,
  getQuizAttempt,
  startQuizAttempt,
  submitQuizAttempt,
  type AskedQuestion,
  type QuizAttempt,
  type QuizAttemptStatus,
  type QuizView,
} from '../api';
import { setTitle } from '../branding';
import { errorBox, isAbort } from '../components/errorBox';
import { progressBar } from '../components/progressBar';
import { questionForm, verdictBox } from '../components/questionForm';
import { h, replace, type Child } from '../dom';
import { formatDate, formatDateTime, toDate } from '../format';
import {
  answerText,
  ATTEMPT_STATUS_TEXT,
  attemptsText,
  countdownText,
  countdownWords,
  firstUnanswered,
  limitText,
  rightAnswerText,
  scoreText,
} from '../quizTaking';
import type { PageContext } from '../router';
import { currentUser } from '../session';
import { paragraphs } from '../text';

/** Spoken by the countdown when it passes them (seconds left). */
const SAY_AT = [300, 60, 10];

function backLink(playlistId: string | null): HTMLElement {
  return playlistId
    ? h('a', { class: 'back-link', href: `/playlists/${encodeURIComponent(playlistId)}` }, '← Back to the playlist')
    : h('a', { class: 'back-link', href: '/' }, '← Home');
}

function withPlaylist(path: string, playlistId: string | null): string {
  return playlistId ? `${path}?playlist=${encodeURIComponent(playlistId)}` : path;
}

function statusChip(status: QuizAttemptStatus): HTMLElement {
  return h('span', { class: `quiz-chip quiz-${status}`, 'data-status': status }, ATTEMPT_STATUS_TEXT[status]);
}

const loading = (text = 'Loading…') => h('p', { class: 'muted', 'aria-busy': 'true' }, text);

/** One question of a submitted attempt: the learner's answer, right or not, the right answer where
 *  it was not, the feedback and a trainer's comment. */
function resultItem(q: AskedQuestion, n: number): HTMLElement {
  const a = q.answer;
  const state = !a ? 'is-unanswered' : a.correct === true ? 'is-right' : a.correct === false ? 'is-wrong' : 'is-waiting';
  const right = a?.correct === true ? null : rightAnswerText(q);
  return h(
    'li',
    { class: `result-question ${state}`, 'data-question': q.id },
    h('p', { class: 'kind' }, `Question ${n}`, ` · ${a?.points ?? 0} of ${q.points} point${q.points === 1 ? '' : 's'}`),
    h('p', { class: 'result-prompt' }, q.prompt),
    h('p', { class: 'result-answer' }, h('span', { class: 'muted' }, 'Your answer: '), a ? answerText(q) : 'Not answered'),
    a ? verdictBox(a.correct, q.feedback, a.comment || undefined, true) : h('p', { class: 'verdict-line is-wrong' }, h('strong', null, 'Not answered')),
    right ? h('p', { class: 'result-right' }, h('span', { class: 'muted' }, 'The right answer: '), h('strong', null, right)) : null,
  );
}

interface ResultOptions {
  /** submitted by the countdown */
  timeUp?: boolean;
  /** whose attempt it is, in the heading */
  own: boolean;
  /** "Try again", when another attempt may start */
  again?: (() => void) | null;
  /** the buttons after it (back to the playlist, to the quiz) */
  links: Child[];
}

/** A submitted attempt: the verdict, the score against the pass mark, every question. */
function resultView(a: QuizAttempt, opts: ResultOptions): { el: HTMLElement; heading: HTMLElement } {
  const headline = ATTEMPT_STATUS_TEXT[a.status];
  const heading = h('h2', { id: 'quiz-result-heading', tabindex: -1 }, opts.own ? `Your result: ${headline}` : `Result: ${headline}`);
  const again = opts.again;
  const el = h(
    'section',
    { class: `quiz-result stack is-${a.status}`, 'aria-labelledby': 'quiz-result-heading', 'data-status': a.status },
    h(
      'div',
      { class: `notice quiz-verdict quiz-verdict-${a.status}` },
      heading,
      h('p', { class: 'quiz-score' }, a.status === 'marking' ? 'So far ' : null, scoreText(a.score, a.max_score), `. The pass mark is ${a.pass_percent}%.`),
      opts.timeUp ? h('p', null, 'Time is up: the answers you gave were submitted.') : null,
      a.status === 'marking'
        ? h('p', { class: 'small' }, 'A trainer marks the written answers; you are told when they have. The score counts them then.')
        : null,
      // The server sends the right answers once the quiz is passed or no attempt is left.
      a.status !== 'passed' && a.questions.every((q) => !q.key)
        ? h('p', { class: 'small quiz-keys-later' }, 'The right answers show once you pass, or have used every attempt.')
        : null,
    ),
    h('h3', null, 'The questions'),
    h('ol', { class: 'plain-list result-list' }, a.questions.map((q, i) => resultItem(q, i + 1))),
    h(
      'div',
      { class: 'button-row' },
      again ? h('button', { type: 'button', class: 'button button-primary', onClick: () => again() }, 'Try again') : null,
      opts.links,
    ),
  );
  return { el, heading };
}

export async function quizPage({ main, params, query, signal }: PageContext): Promise<() => void> {
  const id = params.id!;
  const playlistId = query.get('playlist');
  let timer = 0;
  const stopClock = () => window.clearInterval(timer);
  replace(main, loading());

  let quiz: QuizView;
  try {
    quiz = await getQuiz(id, signal);
  } catch (e) {
    if (!isAbort(e)) replace(main, backLink(playlistId), h('h1', null, 'Quiz'), errorBox(e));
    return stopClock;
  }
  setTitle(quiz.title);

  const body = h('div', { class: 'quiz-body stack' });
  const title = h('h1', { tabindex: -1 }, quiz.title);
  replace(main, backLink(playlistId), h('p', { class: 'kind' }, 'Quiz'), title, body);

  // the countdown, kept across the questions of a timed attempt
  const clockValue = h('span', { class: 'quiz-timer-value' });
  const clockBox = h('p', { class: 'quiz-timer', role: 'timer', 'aria-label': 'Time left' }, h('span', { 'aria-hidden': 'true' }, 'Time left '), clockValue);
  const clockSay = h('p', { class: 'visually-hidden', role: 'status' });
  let finishing = false;

  function startClock(a: QuizAttempt): void {
    stopClock();
    const deadline = a.deadline_at;
    if (deadline === null || a.status !== 'open') return;
    const said = new Set<number>();
    const tick = () => {
      const left = deadline - Date.now();
      clockValue.textContent = countdownText(left);
      clockBox.classList.toggle('is-short', left <= 60_000);
      for (const s of SAY_AT) {
        if (left <= s * 1000 && !said.has(s)) {
          said.add(s);
          // only when it is passed now, not every mark already behind a resumed attempt
          if (left > (s - 3) * 1000) clockSay.textContent = countdownWords(left);
        }
      }
      if (left <= 0) {
        stopClock();
        void finish(a, true);
      }
    };
    tick();
    timer = window.setInterval(tick, 500);
  }

  function links(): Child[] {
    return [
      playlistId ? h('a', { class: 'button button-secondary', href: `/playlists/${encodeURIComponent(playlistId)}` }, 'Back to the playlist') : null,
      h(
        'button',
        {
          type: 'button',
          class: 'button button-ghost',
          onClick: () => {
            showIntro(quiz);
            title.focus();
          },
        },
        'All my attempts',
      ),
    ];
  }

  function showIntro(q: QuizView): void {
    stopClock();
    const open = q.my_attempts.find((a) => a.status === 'open');
    const used = q.my_attempts.length;
    const passedAt = toDate(q.passed_at);
    const facts: [string, string][] = [
      ['Questions', String(q.questions)],
      ['Pass mark', `${q.pass_percent}%`],
      ['Attempts', attemptsText(used, q.max_attempts)],
    ];
    if (q.time_limit_s) facts.push(['Time limit', limitText(q.time_limit_s)]);
    const start = h(
      'button',
      { type: 'button', class: 'button button-primary button-big', onClick: () => void begin(start) },
      open ? 'Continue the quiz' : used > 0 ? 'Try again' : 'Start the quiz',
    );
    let action: Child;
    if (q.video_id) {
      action = h(
        'p',
        { class: 'notice' },
        'The video asks these questions as it plays. ',
        h('a', { href: `/videos/${encodeURIComponent(q.video_id)}` }, 'Watch the video'),
      );
    } else if (passedAt && !open) {
      action = null;
    } else if (q.can_attempt) {
      action = h(
        'div',
        { class: 'stack-tight' },
        q.time_limit_s && !open
          ? h('p', { class: 'small' }, `Once you start, you have ${limitText(q.time_limit_s)}. The clock keeps running if you leave this page.`)
          : null,
        h('p', { class: 'small muted' }, 'One question at a time: you see straight away whether you got it right. An answer cannot be changed once checked.'),
        start,
      );
    } else {
      action = h('p', { class: 'notice' }, `You have used all ${q.max_attempts} attempts at this quiz. Ask a trainer if you need another.`);
    }
    const past = [...q.my_attempts].reverse();
    replace(
      body,
      paragraphs(q.description).map((p) => h('p', { class: 'description' }, p)),
      passedAt
        ? h('p', { class: 'notice quiz-passed-note', role: 'status' }, h('strong', null, 'Passed'), ` on ${formatDate(passedAt)}.`)
        : null,
      h('dl', { class: 'quiz-facts' }, facts.map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, v)))),
      action,
      past.length
        ? h(
            'section',
            { class: 'stack-tight', 'aria-labelledby': 'quiz-attempts-heading' },
            h('h2', { id: 'quiz-attempts-heading' }, 'My attempts'),
            h(
              'ol',
              { class: 'plain-list attempt-list', reversed: true },
              past.map((a, i) => {
                const when = toDate(a.submitted_at ?? a.started_at);
                const name = `Attempt ${past.length - i}`;
                return h(
                  'li',
                  { class: 'attempt-row', 'data-attempt': a.id, 'data-status': a.status },
                  a.status === 'open'
                    ? h('span', { class: 'attempt-link' }, h('span', { class: 'attempt-name' }, name), when ? h('span', { class: 'small muted' }, `Started ${formatDateTime(when)}`) : null)
                    : h(
                        'a',
                        { class: 'attempt-link', href: withPlaylist(`/quiz-attempts/${encodeURIComponent(a.id)}`, playlistId) },
                        h('span', { class: 'attempt-name' }, name),
                        h('span', { class: 'small' }, scoreText(a.score, a.max_score)),
                        when ? h('span', { class: 'small muted' }, formatDateTime(when)) : null,
                      ),
                  statusChip(a.status),
                );
              }),
            ),
          )
        : null,
    );
  }

  /** Starts an attempt (or goes on with the open one) at its first unanswered question. */
  async function begin(button?: HTMLButtonElement): Promise<void> {
    if (button) {
      button.disabled = true;
      button.textContent = 'Starting…';
    } else {
      replace(body, loading('Starting…'));
    }
    try {
      const a = await startQuizAttempt(id);
      if (signal.aborted) return;
      finishing = false;
      startClock(a);
      showQuestion(a, firstUnanswered(a.questions));
    } catch (e) {
      if (isAbort(e)) return;
      quiz = await getQuiz(id, signal).catch(() => quiz);
      showIntro(quiz);
      body.prepend(errorBox(e));
    }
  }

  /** Something changed under the page (time ran out, answered in another tab): as it stands now. */
  async function recover(a: QuizAttempt): Promise<void> {
    try {
      const now = await getQuizAttempt(a.id, signal);
      if (now.status === 'open') showQuestion(now, firstUnanswered(now.questions));
      else {
        stopClock();
        quiz = await getQuiz(id, signal).catch(() => quiz);
        showResult(now, now.deadline_at !== null && (now.submitted_at ?? 0) >= now.deadline_at);
      }
    } catch (e) {
      if (!isAbort(e)) replace(body, errorBox(e, () => void recover(a)));
    }
  }

  function showQuestion(a: QuizAttempt, i: number): void {
    const total = a.questions.length;
    if (i >= total) {
      showReady(a);
      return;
    }
    const q = a.questions[i]!;
    const bar = progressBar(`Questions answered in ${quiz.title}`);
    const answered = a.questions.filter((x) => x.answer).length;
    bar.set(answered / total, `${answered} of ${total} answered`);
    const form = questionForm({
      question: q,
      label: `Question ${i + 1} of ${total}`,
      send: async (response) => {
        const result = await answerQuizQuestion(a.id, q.id, response);
        // the attempt as the page knows it follows, for the bar and for going on
        a.questions[i] = { ...q, answer: { response, correct: result.correct, points: result.points, comment: '' }, feedback: result.feedback };
        const now = a.questions.filter((x) => x.answer).length;
        bar.set(now / total, `${now} of ${total} answered`);
        return result;
      },
      next: () =>
        i + 1 < total
          ? h('button', { type: 'button', class: 'button button-primary', onClick: () => showQuestion(a, i + 1) }, 'Next question')
          : h('button', { type: 'button', class: 'button button-primary', onClick: () => void finish(a, false) }, 'See my result'),
      failed: (e) => {
        if (e instanceof ApiError && e.status === 409) {
          void recover(a);
          return true;
        }
        return false;
      },
    });
    replace(body, h('div', { class: 'quiz-progress' }, bar.el, a.deadline_at !== null ? [clockBox, clockSay] : null), form.el);
    window.scrollTo(0, 0);
    form.focus();
  }

  /** Every question answered (an attempt resumed after its last answer): submit from here. */
  function showReady(a: QuizAttempt): void {
    const heading = h('h2', { tabindex: -1 }, 'You answered every question');
    replace(
      body,
      a.deadline_at !== null ? h('div', { class: 'quiz-progress' }, clockBox, clockSay) : null,
      h(
        'section',
        { class: 'card panel stack-tight' },
        heading,
        h('p', null, 'See how you did: your score, and how each answer went.'),
        h('div', { class: 'button-row' }, h('button', { type: 'button', class: 'button button-primary', onClick: () => void finish(a, false) }, 'See my result')),
      ),
    );
    heading.focus();
  }

  async function finish(a: QuizAttempt, timeUp: boolean): Promise<void> {
    if (finishing) return;
    finishing = true;
    stopClock();
    replace(body, loading('Working out your result…'));
    try {
      const done = await submitQuizAttempt(a.id);
      quiz = await getQuiz(id, signal).catch(() => quiz);
      if (signal.aborted) return;
      showResult(done, timeUp);
    } catch (e) {
      finishing = false;
      if (!isAbort(e)) replace(body, errorBox(e, () => void finish(a, timeUp)));
    }
  }

  function showResult(a: QuizAttempt, timeUp: boolean): void {
    const mayRetry = a.status === 'failed' && quiz.can_attempt && !quiz.passed_at;
    const view = resultView(a, { timeUp, own: true, again: mayRetry ? () => void begin() : null, links: links() });
    replace(body, view.el);
    window.scrollTo(0, 0);
    view.heading.focus();
  }

  showIntro(quiz);
  return stopClock;
}

/** A past attempt's result (/quiz-attempts/:id): its learner's, or a trainer's look at it. */
export async function quizAttemptPage({ main, params, query, signal }: PageContext): Promise<void> {
  const playlistId = query.get('playlist');
  replace(main, loading());
  let a: QuizAttempt;
  try {
    a = await getQuizAttempt(params.id!, signal);
  } catch (e) {
    if (!isAbort(e)) replace(main, backLink(playlistId), h('h1', null, 'Quiz result'), errorBox(e));
    return;
  }
  const me = await currentUser();
  const own = me?.id === a.learner_id;
  setTitle(a.quiz_title);
  const quizHref = withPlaylist(`/quizzes/${encodeURIComponent(a.quiz_id)}`, playlistId);
  const when = toDate(a.submitted_at);
  replace(
    main,
    h('a', { class: 'back-link', href: quizHref }, '← Back to the quiz'),
    h('p', { class: 'kind' }, 'Quiz'),
    h('h1', null, a.quiz_title),
    when ? h('p', { class: 'muted small' }, `Submitted ${formatDateTime(when)}`) : null,
    a.status === 'open'
      ? h(
          'p',
          { class: 'notice' },
          own ? 'This attempt is not finished yet. ' : 'This attempt is not submitted yet. ',
          own ? h('a', { href: quizHref }, 'Go on with the quiz') : null,
        )
      : resultView(a, {
          own,
          links: [
            playlistId ? h('a', { class: 'button button-secondary', href: `/playlists/${encodeURIComponent(playlistId)}` }, 'Back to the playlist') : null,
            h('a', { class: 'button button-secondary', href: quizHref }, own && a.status === 'failed' ? 'Back to the quiz to try again' : 'Back to the quiz'),
          ],
        }).el,
  );
}
