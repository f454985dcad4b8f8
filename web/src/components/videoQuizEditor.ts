// Trainers, on the video page: the video's in-video questions — the player pauses at each one's
// moment and asks it. Loaded on its own with import() by pages/video.ts, so the video page stays
// light for learners. Whether the video asks anything comes from GET /api/v1/videos/{id}/questions
// (`quiz_id`); the questions whole, with their answers, from GET /api/v1/quizzes/{id}/edit. The
// form is components/quizEditor.ts with a moment per question ("Use current time" takes the
// player's); "Report" opens the quiz's scores and question statistics; "Delete the questions" is
// asked about first (DELETE /api/v1/quizzes/{id}).

import { deleteQuiz, getQuizToEdit, videoQuizId, type Quiz } from '../api';
import { clockText } from '../assessing';
import { h, replace } from '../dom';
import { confirmControl } from './confirmAction';
import { errorBox } from './errorBox';
import { quizEditor } from './quizEditor';

export interface VideoQuizEditorOptions {
  videoId: string;
  videoTitle: string;
  /** the video's length in seconds, when known */
  duration: number | null;
  /** where the player is now */
  currentTime(): number | null;
}

export function videoQuizEditor(opts: VideoQuizEditorOptions): HTMLElement {
  const heading = h('h2', { id: 'video-questions-heading', tabindex: -1 }, 'In-video questions');
  const summary = h('div', { 'aria-live': 'polite' });
  const actions = h('div', { class: 'button-row' });
  const slot = h('div');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const section = h(
    'section',
    { class: 'video-questions-editor', 'aria-labelledby': 'video-questions-heading' },
    heading,
    h('p', { class: 'small muted' }, 'The player pauses at each question’s moment and asks it. Answers count as a quiz with its own report.'),
    summary,
    actions,
    status,
    slot,
  );
  let quiz: Quiz | null = null;

  function describe(): void {
    if (!quiz) {
      replace(summary, h('p', { class: 'empty small' }, 'This video asks no questions yet.'));
      return;
    }
    const times = quiz.questions.map((q) => clockText((q.at_ms ?? 0) / 1000));
    const count = quiz.questions.length;
    replace(summary, h('p', { class: 'small' }, `${count} ${count === 1 ? 'question' : 'questions'}, at ${times.join(', ')}.`));
  }

  function showActions(): void {
    const toggle = h('button', { type: 'button', class: 'button button-secondary', 'aria-expanded': 'false' }, quiz ? 'Edit the questions' : 'Add questions');
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      if (open) openEditor();
      else replace(slot);
    });
    replace(
      actions,
      toggle,
      quiz ? h('a', { class: 'button button-secondary', href: `/manage/quizzes/${encodeURIComponent(quiz.id)}/report` }, 'Report') : null,
      quiz
        ? confirmControl({
            label: 'Delete the questions',
            question: 'Delete this video’s questions with everyone’s answers to them?',
            yes: 'Yes, delete them',
            busy: 'Deleting…',
            run: () => deleteQuiz(quiz!.id),
            done: () => {
              quiz = null;
              replace(slot);
              describe();
              showActions();
              replace(status, h('p', { class: 'saved', role: 'status' }, 'Deleted the questions.'));
              heading.focus();
            },
          })
        : null,
    );
  }

  function openEditor(): void {
    replace(status);
    const form = quizEditor({
      quiz: quiz ?? undefined,
      videoId: quiz ? undefined : opts.videoId,
      duration: opts.duration,
      currentTime: opts.currentTime,
      defaultTitle: `Questions: ${opts.videoTitle}`.slice(0, 200),
      heading: quiz ? 'Edit the questions' : 'New questions',
      createLabel: 'Save the questions',
      saved: (saved) => {
        const created = !quiz;
        quiz = saved;
        describe();
        if (created) {
          // from now on the form changes these questions
          showActions();
          actions.querySelector('button')?.setAttribute('aria-expanded', 'true');
          openEditor();
          replace(status, h('p', { class: 'saved', role: 'status' }, 'Saved the questions.'));
        }
      },
      cancel: () => {
        replace(slot);
        const toggle = actions.querySelector('button');
        toggle?.setAttribute('aria-expanded', 'false');
        toggle?.focus();
      },
    });
    replace(slot, form);
    form.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  async function load(): Promise<void> {
    replace(summary, h('p', { class: 'small muted' }, 'Loading…'));
    try {
      const id = await videoQuizId(opts.videoId);
      quiz = id ? await getQuizToEdit(id) : null;
      describe();
      showActions();
    } catch (e) {
      replace(summary, errorBox(e, () => void load()));
    }
  }
  void load();
  return section;
}
