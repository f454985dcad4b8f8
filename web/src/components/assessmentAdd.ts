// The playlist editor's "Add a quiz" and "Add an exercise" (pages/managePlaylist.ts): each a folded
// box with the form of a new one (components/quizEditor.ts, components/exerciseEditor.ts), created
// and then added to the playlist, and a choice of those written before (GET /api/v1/quizzes — the
// playlist quizzes, not a video's questions —, GET /api/v1/exercises; asked for when the box is
// opened) with "Add", leaving out what the playlist holds already.

import { listExercises, listQuizzes } from '../api';
import { h, replace } from '../dom';
import { errorBox } from './errorBox';
import { exerciseEditor } from './exerciseEditor';
import { field } from './field';
import { quizEditor } from './quizEditor';

export interface AddBoxOptions {
  /** adds the quiz or exercise at the end of the playlist (and says so) */
  add(kind: 'quiz' | 'exercise', id: string, title: string): Promise<void>;
  /** whether the playlist holds it already */
  present(kind: 'quiz' | 'exercise', id: string): boolean;
}

/** "Or add one written before": a select and "Add", filled when the box is first opened. */
function existing(
  kind: 'quiz' | 'exercise',
  noun: string,
  load: () => Promise<{ id: string; title: string }[]>,
  opts: AddBoxOptions,
): { el: HTMLElement; refresh(): Promise<void> } {
  const select = h('select', { name: `existing-${kind}` });
  const add = h('button', { type: 'submit', class: 'button button-secondary' }, 'Add', h('span', { class: 'visually-hidden' }, ` the ${noun} chosen`));
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'stack-tight add-existing', hidden: true },
    field(`Or add a ${noun} written before`, select),
    h('div', { class: 'button-row' }, add),
    status,
  );
  let all: { id: string; title: string }[] = [];
  function fillSelect(): void {
    const left = all.filter((x) => !opts.present(kind, x.id));
    replace(select, left.map((x) => h('option', { value: x.id }, x.title)));
    form.hidden = left.length === 0;
  }
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const chosen = all.find((x) => x.id === select.value);
    if (!chosen) return;
    add.disabled = true;
    replace(status);
    try {
      await opts.add(kind, chosen.id, chosen.title);
      fillSelect();
    } catch (e) {
      replace(status, errorBox(e));
    } finally {
      add.disabled = false;
    }
  });
  return {
    el: form,
    async refresh() {
      try {
        all = await load();
        fillSelect();
      } catch {
        form.hidden = true; // new ones can still be written
      }
    },
  };
}

export function addQuizBox(opts: AddBoxOptions): HTMLDetailsElement {
  const before = existing('quiz', 'quiz', async () => (await listQuizzes()).filter((q) => !q.video_id), opts);
  const box = h(
    'details',
    { class: 'add-new add-quiz' },
    h('summary', null, 'Add a quiz'),
    h('p', { class: 'small muted' }, 'Questions learners answer in the playlist, with a pass mark. Free-text answers wait for a trainer on the Marking screen.'),
    before.el,
    quizEditor({
      createLabel: 'Create the quiz and add it to the playlist',
      saved: async (quiz) => {
        await opts.add('quiz', quiz.id, quiz.title);
        void before.refresh();
      },
    }),
  );
  box.addEventListener('toggle', () => {
    if (box.open) void before.refresh();
  });
  return box;
}

export function addExerciseBox(opts: AddBoxOptions): HTMLDetailsElement {
  const before = existing('exercise', 'exercise', () => listExercises(), opts);
  const box = h(
    'details',
    { class: 'add-new add-exercise' },
    h('summary', null, 'Add an exercise'),
    h('p', { class: 'small muted' }, 'A workbook task: learners hand in a text or a file, and a trainer accepts it or asks for another go.'),
    before.el,
    exerciseEditor({
      createLabel: 'Create the exercise and add it to the playlist',
      saved: async (exercise) => {
        await opts.add('exercise', exercise.id, exercise.title);
        void before.refresh();
      },
    }),
  );
  box.addEventListener('toggle', () => {
    if (box.open) void before.refresh();
  });
  return box;
}
