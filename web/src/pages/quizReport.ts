// Quiz report /manage/quizzes/:id/report (trainers and admins; linked from the quiz list, the
// playlist editor's quiz items and a video's in-video questions):
// - Scores (GET /api/v1/quizzes/{id}/scores): everyone who submitted an attempt, by name, with
//   their attempts, best score and whether (and when) they passed;
// - Questions (GET /api/v1/quizzes/{id}/questions/statistics): per question how many answered it,
//   right, wrong and waiting for a mark, the share right, and for choice questions how often each
//   choice was picked (the right ones marked); the question most people miss is named at the top
//   and marked in the list.
// Each has "Download CSV" (the same route with Accept: text/csv, saved as a file).

import { questionStatistics, questionStatisticsCsv, quizScores, quizScoresCsv, type QuestionReport, type QuestionStats, type QuizScores } from '../api';
import { attemptsCount, KIND_SHORT, percentText, scoreText } from '../assessing';
import { setTitle } from '../branding';
import { trainerOrNote } from '../components/checkbox';
import { errorBox, isAbort } from '../components/errorBox';
import { saveBlob } from '../components/reportCard';
import { h, replace } from '../dom';
import { formatDate, toDate } from '../format';
import { csvFileName } from '../manage';
import type { PageContext } from '../router';

/** "Download CSV": the report as a file, its error shown under the button. */
function csvButton(label: string, get: () => Promise<Blob>, name: () => string): HTMLElement {
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'button button-secondary button-small' }, 'Download CSV', h('span', { class: 'visually-hidden' }, ` of the ${label}`));
  button.addEventListener('click', async () => {
    button.disabled = true;
    replace(status);
    try {
      saveBlob(await get(), name());
    } catch (e) {
      replace(status, errorBox(e));
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'stack-tight' }, h('div', { class: 'button-row' }, button), status);
}

function fact(name: string, key: string, value: string): HTMLElement {
  return h('div', null, h('dt', null, name), h('dd', { 'data-stat': key }, value));
}

function personCard(p: QuizScores['people'][number]): HTMLElement {
  const passed = toDate(p.passed_at);
  return h(
    'li',
    { class: 'card panel score-card', 'data-user': p.user_id },
    h(
      'div',
      { class: 'score-head' },
      h('h3', { class: 'score-name' }, p.name || p.email),
      h('span', { class: `practice-chip ${passed ? 'practice-done' : 'practice-needs_work'}`, 'data-passed': passed ? 'true' : 'false' }, passed ? 'Passed' : 'Not passed yet'),
    ),
    p.name ? h('p', { class: 'small muted score-email' }, p.email) : null,
    h(
      'dl',
      { class: 'report-facts' },
      fact('Best score', 'best', scoreText(p.best_score, p.max_score)),
      fact('Attempts', 'attempts', attemptsCount(p.attempts)),
      fact('Passed', 'passed_at', passed ? formatDate(passed) : '—'),
    ),
  );
}

function questionCard(q: QuestionStats, mostMissed: boolean): HTMLElement {
  const choices = q.choices.length
    ? h(
        'ul',
        { class: 'plain-list choice-stats', 'aria-label': `How often each choice of question ${q.number} was picked` },
        q.choices.map((c) => {
          const share = q.answered > 0 ? c.picked / q.answered : 0;
          const fill = h('span', { class: 'progress-fill' });
          fill.style.width = `${Math.round(share * 100)}%`;
          return h(
            'li',
            { class: `choice-stat${c.right ? ' choice-right' : ''}`, 'data-choice': c.choice_id },
            h(
              'p',
              { class: 'choice-stat-text' },
              h('span', null, c.text),
              c.right ? h('span', { class: 'badge badge-done' }, 'Right answer') : null,
              h('span', { class: 'small muted' }, ` ${c.picked} picked`),
            ),
            h('div', { class: 'progress-track', 'aria-hidden': 'true' }, fill),
          );
        }),
      )
    : null;
  return h(
    'li',
    { class: `card panel question-stat${mostMissed ? ' most-missed' : ''}`, 'data-question': q.question_id, 'data-number': q.number },
    h(
      'p',
      { class: 'kind' },
      `Question ${q.number} · ${KIND_SHORT[q.kind]}`,
      mostMissed ? h('span', { class: 'badge badge-overdue most-missed-badge' }, 'Most missed') : null,
    ),
    h('h3', { class: 'question-stat-prompt' }, q.prompt),
    h(
      'dl',
      { class: 'report-facts question-facts' },
      fact('Answered', 'answered', String(q.answered)),
      fact('Right', 'right', String(q.right)),
      fact('Wrong', 'wrong', String(q.wrong)),
      fact('Waiting for a mark', 'waiting', String(q.waiting)),
      fact('Share right', 'percent_right', percentText(q.percent_right)),
    ),
    choices,
  );
}

export async function quizReportPage({ main, params, signal }: PageContext): Promise<void> {
  setTitle('Quiz report');
  if (!(await trainerOrNote(main, 'Quiz report'))) return;
  const id = params.id!;
  const back = h('a', { class: 'back-link', href: '/manage/quizzes' }, '← All quizzes');
  const heading = h('h1', null, 'Quiz report');
  const meta = h('p', { class: 'muted' });
  const scoresSlot = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading the scores…'));
  const questionsSlot = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading the questions…'));
  const missedSlot = h('div');
  let title = 'quiz';

  replace(
    main,
    back,
    heading,
    meta,
    h(
      'section',
      { class: 'stack card manage-card', 'aria-labelledby': 'scores-heading' },
      h('h2', { id: 'scores-heading' }, 'Scores'),
      h('p', { class: 'small muted' }, 'Everyone who submitted an attempt: their best score, and when they passed.'),
      csvButton('scores', () => quizScoresCsv(id), () => csvFileName(`${title} scores`, 'quiz-scores')),
      scoresSlot,
    ),
    h(
      'section',
      { class: 'stack card manage-card', 'aria-labelledby': 'questions-heading' },
      h('h2', { id: 'questions-heading' }, 'Questions'),
      h('p', { class: 'small muted' }, 'How each question fared over every submitted attempt.'),
      csvButton('question statistics', () => questionStatisticsCsv(id), () => csvFileName(`${title} questions`, 'quiz-questions')),
      missedSlot,
      questionsSlot,
    ),
  );

  function showScores(s: QuizScores): void {
    title = s.title;
    heading.textContent = s.title;
    setTitle(`Report: ${s.title}`);
    meta.textContent = `Quiz report · pass mark ${s.pass_percent}%`;
    const passed = s.people.filter((p) => p.passed_at !== null).length;
    replace(
      scoresSlot,
      s.people.length
        ? [
            h('p', { class: 'score-summary' }, `${s.people.length} ${s.people.length === 1 ? 'person' : 'people'} took it; ${passed} passed.`),
            h('ul', { class: 'plain-list stack score-list' }, s.people.map(personCard)),
          ]
        : h('p', { class: 'empty' }, 'Nobody has submitted an attempt yet.'),
    );
  }

  function showQuestions(r: QuestionReport): void {
    const missed = r.questions.find((q) => q.question_id === r.most_missed);
    replace(
      missedSlot,
      missed
        ? h(
            'p',
            { class: 'notice most-missed-note' },
            h('strong', null, `Most missed: question ${missed.number}`),
            ` — “${missed.prompt}”, wrong ${missed.wrong} ${missed.wrong === 1 ? 'time' : 'times'}.`,
          )
        : null,
    );
    replace(
      questionsSlot,
      h('p', { class: 'small' }, `${r.attempts} submitted ${r.attempts === 1 ? 'attempt' : 'attempts'}.`),
      h('ol', { class: 'plain-list stack question-stats' }, r.questions.map((q) => questionCard(q, q.question_id === r.most_missed))),
    );
  }

  async function loadScores(): Promise<void> {
    try {
      showScores(await quizScores(id, signal));
    } catch (e) {
      if (!isAbort(e)) replace(scoresSlot, errorBox(e, () => void loadScores()));
    } finally {
      scoresSlot.removeAttribute('aria-busy');
    }
  }
  async function loadQuestions(): Promise<void> {
    try {
      showQuestions(await questionStatistics(id, signal));
    } catch (e) {
      if (!isAbort(e)) replace(questionsSlot, errorBox(e, () => void loadQuestions()));
    } finally {
      questionsSlot.removeAttribute('aria-busy');
    }
  }
  await Promise.all([loadScores(), loadQuestions()]);
}
