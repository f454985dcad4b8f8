// Quizzes /manage/quizzes (trainers and admins): the organisation's quizzes, newest first (GET
// /api/v1/quizzes) — playlist quizzes and videos' in-video questions — each with its number of
// questions, pass mark and last change, "Report" (/manage/quizzes/:id/report: scores and question
// statistics), "Edit" (the form in place, components/quizEditor.ts, with the quiz whole from GET
// …/edit), "Open the video" for in-video questions, and "Delete" (asked first; DELETE: it leaves
// every playlist, with everyone's attempts). "New quiz" writes one here; the playlist editor's "Add
// a quiz" then offers it.

import { deleteQuiz, getQuizToEdit, listQuizzes, type QuizSummary } from '../api';
import { setTitle } from '../branding';
import { trainerOrNote } from '../components/checkbox';
import { confirmControl } from '../components/confirmAction';
import { errorBox, isAbort } from '../components/errorBox';
import { manageNav } from '../components/manageNav';
import { quizEditor } from '../components/quizEditor';
import { h, replace } from '../dom';
import { formatDate, toDate } from '../format';
import type { PageContext } from '../router';

export async function manageQuizzesPage({ main, signal }: PageContext): Promise<void> {
  setTitle('Quizzes');
  const me = await trainerOrNote(main, 'Quizzes');
  if (!me) return;
  const heading = h('h1', { tabindex: -1 }, 'Quizzes');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const list = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading the quizzes…'));
  const newBox = h(
    'details',
    { class: 'add-new manage-new card manage-card' },
    h('summary', null, 'New quiz'),
    h('p', { class: 'small muted' }, 'Written here, it is offered in every playlist editor’s “Add a quiz”.'),
    quizEditor({
      headingLevel: 'h2',
      saved: async (quiz) => {
        await load();
        replace(status, h('p', { class: 'saved', role: 'status' }, `Created “${quiz.title}”. Add it to a playlist from the playlist’s editor.`));
      },
    }),
  );
  replace(
    main,
    manageNav(me, '/manage/quizzes'),
    heading,
    h('p', { class: 'muted' }, 'Playlist quizzes and the questions videos ask while they play. Open a report for the scores and how each question fared.'),
    newBox,
    status,
    list,
  );

  function row(q: QuizSummary): HTMLElement {
    const enc = encodeURIComponent(q.id);
    const updated = toDate(q.updated_at);
    const slot = h('div', { class: 'quiz-edit-slot' });
    const edit = h('button', { type: 'button', class: 'button button-secondary button-small', 'aria-expanded': 'false' }, 'Edit', h('span', { class: 'visually-hidden' }, ` “${q.title}”`));
    const close = () => {
      replace(slot);
      edit.setAttribute('aria-expanded', 'false');
      edit.focus();
    };
    edit.addEventListener('click', async () => {
      if (edit.getAttribute('aria-expanded') === 'true') return close();
      edit.setAttribute('aria-expanded', 'true');
      replace(slot, h('p', { class: 'muted small' }, 'Loading…'));
      try {
        const quiz = await getQuizToEdit(q.id, signal);
        const form = quizEditor({
          quiz,
          saved: async (saved) => {
            await load();
            replace(status, h('p', { class: 'saved', role: 'status' }, `Saved “${saved.title}”.`));
          },
          cancel: close,
        });
        replace(slot, form);
        form.querySelector<HTMLInputElement>('input')?.focus();
      } catch (e) {
        if (!isAbort(e)) replace(slot, errorBox(e));
      }
    });
    const count = `${q.questions} ${q.questions === 1 ? 'question' : 'questions'}`;
    return h(
      'li',
      { class: 'card panel quiz-row', 'data-quiz': q.id },
      h('h2', { class: 'quiz-row-title' }, q.title),
      h(
        'p',
        { class: 'small muted' },
        q.video_id ? 'In-video questions' : 'Playlist quiz',
        ` · ${count} · pass mark ${q.pass_percent}%`,
        updated ? ` · changed ${formatDate(updated)}` : null,
      ),
      h(
        'div',
        { class: 'button-row' },
        h('a', { class: 'button button-primary button-small', href: `/manage/quizzes/${enc}/report` }, 'Report', h('span', { class: 'visually-hidden' }, ` on “${q.title}”`)),
        edit,
        q.video_id
          ? h('a', { class: 'button button-secondary button-small', href: `/videos/${encodeURIComponent(q.video_id)}` }, 'Open the video', h('span', { class: 'visually-hidden' }, ` of “${q.title}”`))
          : null,
        confirmControl({
          label: 'Delete',
          labelDetail: `“${q.title}”`,
          question: `Delete “${q.title}”? It leaves every playlist, with everyone’s attempts and scores.`,
          yes: 'Yes, delete',
          busy: 'Deleting…',
          small: true,
          run: () => deleteQuiz(q.id),
          done: () => {
            void load();
            replace(status, h('p', { class: 'saved', role: 'status' }, `Deleted “${q.title}”.`));
            heading.focus();
          },
        }),
      ),
      slot,
    );
  }

  async function load(): Promise<void> {
    list.setAttribute('aria-busy', 'true');
    try {
      const quizzes = await listQuizzes(signal);
      replace(
        list,
        quizzes.length
          ? h('ul', { class: 'plain-list stack quiz-list' }, quizzes.map(row))
          : h('p', { class: 'empty' }, 'No quizzes yet. Write one here or in a playlist’s editor, or add questions to a video on its page.'),
      );
    } catch (e) {
      if (!isAbort(e)) replace(list, errorBox(e, () => void load()));
    } finally {
      list.removeAttribute('aria-busy');
    }
  }
  await load();
}
