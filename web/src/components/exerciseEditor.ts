// The trainers' workbook exercise form (in the playlist editor): a title, the instructions (what to
// do and what to hand in; plain text) and, optionally, a handout of the library for learners to
// fill in and hand back. Creates the exercise (POST /api/v1/exercises) or, given one, changes it
// (PUT /api/v1/exercises/{id}); the server's 422 sentence is shown as it is.

import { createExercise, searchLibrary, updateExercise, type Exercise, type ExerciseFields } from '../api';
import { h, replace } from '../dom';
import { errorBox } from './errorBox';
import { field } from './field';

export interface ExerciseEditorOptions {
  exercise?: Exercise;
  /** the save button of a new exercise: "Create the exercise and add it to the playlist" */
  createLabel?: string;
  saved(exercise: Exercise): void | Promise<void>;
  cancel?: () => void;
}

/** At most this many pages of the library's handouts are offered. */
const HANDOUT_PAGES = 5;
let counter = 0;

export function exerciseEditor(opts: ExerciseEditorOptions): HTMLFormElement {
  const n = ++counter;
  const title = h('input', { type: 'text', name: 'exercise-title', required: true, maxlength: 200, autocomplete: 'off' });
  const instructions = h('textarea', { name: 'exercise-instructions', rows: 6, maxlength: 10000 });
  const handout = h('select', { name: 'exercise-handout' }, h('option', { value: '' }, 'None'));
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', class: 'button button-primary' }, opts.exercise ? 'Save the exercise' : (opts.createLabel ?? 'Create the exercise'));

  function fill(e: Exercise | undefined): void {
    title.value = e?.title ?? '';
    instructions.value = e?.instructions ?? '';
    const id = e?.handout_id ?? '';
    if (id && !handout.querySelector(`option[value="${CSS.escape(id)}"]`)) {
      handout.append(h('option', { value: id }, 'The handout chosen before'));
    }
    handout.value = id;
  }

  async function loadHandouts(): Promise<void> {
    try {
      let cursor: string | null = null;
      const found: { id: string; title: string }[] = [];
      for (let page = 0; page < HANDOUT_PAGES; page++) {
        const got = await searchLibrary({ kind: 'handout', cursor });
        found.push(...got.items.filter((i) => i.kind === 'handout'));
        cursor = got.next_cursor;
        if (!cursor) break;
      }
      found.sort((a, b) => a.title.localeCompare(b.title));
      const chosen = handout.value;
      replace(handout, h('option', { value: '' }, 'None'), found.map((d) => h('option', { value: d.id }, d.title)));
      if (chosen && !found.some((d) => d.id === chosen)) handout.append(h('option', { value: chosen }, 'The handout chosen before'));
      handout.value = chosen;
    } catch {
      // without the list the exercise can still be written, without a handout
    }
  }

  const form = h(
    'form',
    {
      class: 'stack exercise-editor',
      'aria-labelledby': `exercise-editor-${n}`,
      novalidate: true,
      onSubmit: async (ev) => {
        ev.preventDefault();
        replace(status);
        if (!title.value.trim()) {
          replace(status, errorBox(new Error('Give the exercise a title.')));
          title.focus();
          return;
        }
        if (!instructions.value.trim()) {
          replace(status, errorBox(new Error('Say in the instructions what to do and what to hand in.')));
          instructions.focus();
          return;
        }
        const fields: ExerciseFields = {
          title: title.value.trim(),
          instructions: instructions.value.trim(),
          handout_id: handout.value || null,
        };
        save.disabled = true;
        try {
          const e = opts.exercise ? await updateExercise(opts.exercise.id, fields) : await createExercise(fields);
          await opts.saved(e);
          if (opts.exercise) opts.exercise = e;
          else fill(undefined);
          replace(status, h('p', { class: 'saved', role: 'status' }, opts.exercise ? 'Saved.' : `Created “${e.title}”.`));
        } catch (e) {
          replace(status, errorBox(e));
        } finally {
          save.disabled = false;
        }
      },
    },
    h('h3', { id: `exercise-editor-${n}` }, opts.exercise ? `Edit “${opts.exercise.title}”` : 'New exercise'),
    field('Title', title),
    field('Instructions', instructions, 'What to do and what to hand in: a text, a file or both. Blank lines separate paragraphs.'),
    field('Handout to fill in (optional)', handout, 'A handout of the library that learners download, fill in and hand back.'),
    status,
    h(
      'div',
      { class: 'button-row' },
      save,
      opts.cancel ? h('button', { type: 'button', class: 'button button-ghost', onClick: opts.cancel }, 'Cancel') : null,
    ),
  );
  fill(opts.exercise);
  void loadHandouts();
  return form;
}
