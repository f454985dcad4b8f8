// The trainers' practice step form (on the playlist editor): title, instructions, an optional
// model video picked from the library's videos, and the rubric: criteria (1 to 12; add, remove),
// each with a name, an optional description and 2 to 6 levels from the lowest up (new criteria
// start with "Not yet / Nearly / Meets the standard"). Creates the step (POST
// /api/v1/practice-steps) or, given one, changes it (PUT, keeping its criteria's ids).

import { createStep, searchLibrary, updateStep, type Step, type StepFields } from '../api';
import { h, replace } from '../dom';
import { DEFAULT_LEVELS, MAX_CRITERIA, MAX_LEVELS, MIN_LEVELS, rubricProblem, type RubricDraft } from '../practice';
import { errorBox } from './errorBox';
import { field } from './field';

export interface PracticeEditorOptions {
  step?: Step;
  /** saved: the step as the server keeps it */
  saved(step: Step): void | Promise<void>;
  cancel?: () => void;
}

let counter = 0;

function newCriterion(): RubricDraft {
  return { name: '', description: '', levels: DEFAULT_LEVELS.map((name) => ({ name })) };
}

export function practiceEditor(opts: PracticeEditorOptions): HTMLElement {
  const n = ++counter;
  const title = h('input', { type: 'text', required: true, maxlength: 200, name: 'step-title' });
  const instructions = h('textarea', { rows: 5, required: true, name: 'step-instructions' });
  const model = h('select', { name: 'step-model' }, h('option', { value: '' }, 'None'));
  let rubric: RubricDraft[] = opts.step
    ? opts.step.rubric.map((c) => ({ id: c.id, name: c.name, description: c.description, levels: c.levels.map((l) => ({ ...l })) }))
    : [newCriterion()];
  if (opts.step) {
    title.value = opts.step.title;
    instructions.value = opts.step.instructions;
  }
  const criteria = h('ol', { class: 'plain-list stack rubric-editor' });
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', class: 'button button-primary' }, opts.step ? 'Save the practice step' : 'Create and add to the playlist');
  const addCriterion = h('button', { type: 'button', class: 'button button-secondary button-small add-criterion' }, 'Add a criterion');

  function drawRubric(focus?: string): void {
    replace(
      criteria,
      rubric.map((c, ci) => {
        const name = h('input', { type: 'text', required: true, maxlength: 200, value: c.name, 'data-field': `criterion-${ci}` });
        name.addEventListener('input', () => (c.name = name.value));
        const description = h('input', { type: 'text', maxlength: 500, value: c.description ?? '' });
        description.addEventListener('input', () => (c.description = description.value));
        const levels = h(
          'ol',
          { class: 'plain-list stack-tight rubric-levels-editor' },
          c.levels.map((l, li) => {
            const input = h('input', { type: 'text', required: true, maxlength: 100, value: l.name, 'data-field': `level-${ci}-${li}` });
            input.addEventListener('input', () => (l.name = input.value));
            const label = li === 0 ? `Level ${li + 1} (lowest)` : li === c.levels.length - 1 ? `Level ${li + 1} (highest)` : `Level ${li + 1}`;
            return h(
              'li',
              { class: 'level-row' },
              field(label, input),
              c.levels.length > MIN_LEVELS
                ? h(
                    'button',
                    { type: 'button', class: 'button-link small', onClick: () => { c.levels.splice(li, 1); drawRubric(`level-${ci}-${Math.max(0, li - 1)}`); } },
                    'Remove level',
                    h('span', { class: 'visually-hidden' }, ` ${li + 1} of ${c.name || `criterion ${ci + 1}`}`),
                  )
                : null,
            );
          }),
        );
        return h(
          'li',
          { class: 'criterion-editor card panel' },
          h(
            'fieldset',
            { class: 'stack-tight' },
            h('legend', null, `Criterion ${ci + 1}`),
            field('What is scored', name, ci === 0 ? 'For example “Greets the customer”.' : undefined),
            field('Description (optional)', description),
            levels,
            h(
              'div',
              { class: 'button-row' },
              c.levels.length < MAX_LEVELS
                ? h(
                    'button',
                    { type: 'button', class: 'button button-ghost button-small', onClick: () => { c.levels.push({ name: '' }); drawRubric(`level-${ci}-${c.levels.length - 1}`); } },
                    'Add a level',
                    h('span', { class: 'visually-hidden' }, ` to ${c.name || `criterion ${ci + 1}`}`),
                  )
                : null,
              rubric.length > 1
                ? h(
                    'button',
                    { type: 'button', class: 'button button-ghost button-small', onClick: () => { rubric.splice(ci, 1); drawRubric(); addCriterion.focus(); } },
                    'Remove criterion',
                    h('span', { class: 'visually-hidden' }, ` ${c.name || ci + 1}`),
                  )
                : null,
            ),
          ),
        );
      }),
    );
    addCriterion.hidden = rubric.length >= MAX_CRITERIA;
    if (focus) criteria.querySelector<HTMLInputElement>(`[data-field="${focus}"]`)?.focus();
  }
  addCriterion.addEventListener('click', () => {
    rubric.push(newCriterion());
    drawRubric(`criterion-${rubric.length - 1}`);
  });

  async function loadVideos(): Promise<void> {
    try {
      const page = await searchLibrary({ kind: 'video' });
      for (const v of page.items) model.append(h('option', { value: v.id }, v.title));
      if (opts.step?.model_video_id) model.value = opts.step.model_video_id;
    } catch {
      // without the list the step can still be made, without a model video
    }
  }

  const form = h(
    'form',
    {
      class: 'stack practice-editor',
      'aria-labelledby': `practice-editor-${n}`,
      novalidate: true,
      onSubmit: async (ev) => {
        ev.preventDefault();
        replace(status);
        if (!title.value.trim()) {
          replace(status, errorBox(new Error('Give the practice step a title')));
          title.focus();
          return;
        }
        if (!instructions.value.trim()) {
          replace(status, errorBox(new Error('Say what to record in the instructions')));
          instructions.focus();
          return;
        }
        const problem = rubricProblem(rubric);
        if (problem) {
          replace(status, errorBox(new Error(problem)));
          return;
        }
        const fields: StepFields = {
          title: title.value.trim(),
          instructions: instructions.value.trim(),
          model_video_id: model.value || null,
          rubric: rubric.map((c) => ({
            id: c.id ?? undefined,
            name: c.name.trim(),
            description: c.description?.trim() ?? '',
            levels: c.levels.map((l) => ({ name: l.name.trim(), description: l.description })),
          })),
        };
        save.disabled = true;
        try {
          const step = opts.step ? await updateStep(opts.step.id, fields) : await createStep(fields);
          await opts.saved(step);
          if (!opts.step) {
            title.value = '';
            instructions.value = '';
            model.value = '';
            rubric = [newCriterion()];
            drawRubric();
          }
        } catch (e) {
          replace(status, errorBox(e));
        } finally {
          save.disabled = false;
        }
      },
    },
    h('h3', { id: `practice-editor-${n}` }, opts.step ? `Edit “${opts.step.title}”` : 'New practice step'),
    field('Title', title),
    field('Instructions', instructions, 'What to record, and how. Blank lines separate paragraphs.'),
    field('Model video (optional)', model, 'A video from the library that shows it done well.'),
    h('h4', null, 'Rubric'),
    h('p', { class: 'small muted' }, 'What reviewers score. Each criterion has 2 to 6 levels, lowest first.'),
    criteria,
    h('div', { class: 'button-row' }, addCriterion),
    status,
    h(
      'div',
      { class: 'button-row' },
      save,
      opts.cancel ? h('button', { type: 'button', class: 'button button-ghost', onClick: opts.cancel }, 'Cancel') : null,
    ),
  );
  drawRubric();
  void loadVideos();
  return form;
}
