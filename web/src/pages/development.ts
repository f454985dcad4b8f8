// Development: /development (the signed-in person's own) and /people/:id/development (their
// manager, trainers and admins; anyone else gets the server's 404, shown as "not found").
// GET /api/v1/people/{id}/development: the objectives with where each stands (an Open / Overdue /
// Met / Dropped chip, due date, how success is measured, and the learning linked to it with a
// tick for what is done: completing all of it meets the objective), the development reviews
// newest first (date held, who held it, the rating as "4 of 5", notes, next steps, next review),
// the assigned learning (completed newest first, then what is still open) and the quiz scores.
// When the caller may manage the person (`can_manage`): "Add an objective" and Edit / Delete on
// each (POST /api/v1/people/{id}/objectives, PUT / DELETE /api/v1/objectives/{id}; learning to
// link: published playlists for everyone, quizzes and practice steps for trainers, which others
// are refused and simply not offered), and "Record a review" with Edit / Delete on each (POST
// /api/v1/people/{id}/reviews, PUT / DELETE /api/v1/development-reviews/{id}).

import {
  ApiError,
  deleteDevReview,
  deleteObjective,
  getDevelopment,
  listPlaylists,
  listSteps,
  quizChoices,
  saveDevReview,
  saveObjective,
  type DevReview,
  type DevelopmentPage,
  type Objective,
  type ObjectiveInput,
  type ObjectiveLinkKind,
} from '../api';
import { setTitle } from '../branding';
import { checkbox } from '../components/checkbox';
import { confirmControl } from '../components/confirmAction';
import { errorBox, isAbort } from '../components/errorBox';
import { field } from '../components/field';
import { h, replace } from '../dom';
import { formatDate, toDate } from '../format';
import { dateInputValue, dueAtFromDateInput } from '../manage';
import type { PageContext } from '../router';
import { currentUser } from '../session';
import { paragraphs } from '../text';

type Status = Objective['status'];

export const OBJECTIVE_STATUS_LABEL: Record<Status, string> = { open: 'Open', overdue: 'Overdue', met: 'Met', dropped: 'Dropped' };

const LINK_KIND_LABEL: Record<ObjectiveLinkKind, string> = {
  playlist: 'Playlist',
  video: 'Video',
  handout: 'Handout',
  resource: 'Link',
  practice: 'Practice',
  quiz: 'Quiz',
  exercise: 'Exercise',
};

/** Where a linked item is opened in the app (quizzes and exercises are reached from their
 *  playlists). */
function linkHref(kind: ObjectiveLinkKind, id: string): string | null {
  const e = encodeURIComponent(id);
  switch (kind) {
    case 'playlist':
      return `/playlists/${e}`;
    case 'video':
      return `/videos/${e}`;
    case 'handout':
      return `/handouts/${e}`;
    case 'resource':
      return `/resources/${e}`;
    case 'practice':
      return `/practice/${e}`;
    default:
      return null;
  }
}

export function statusChip(status: Status): HTMLElement {
  return h('span', { class: `objective-chip objective-${status}`, 'data-status': status }, OBJECTIVE_STATUS_LABEL[status]);
}

function dated(t: number | null | undefined): string | null {
  const d = toDate(t);
  return d ? formatDate(d) : null;
}

/** "2025-03-14" from a date field → midday of that day here (when a conversation was held). */
function dayFromDateInput(value: string): number | null {
  const end = dueAtFromDateInput(value);
  return end === null ? null : end - (12 * 60 * 60 - 1) * 1000;
}

/** Plain text as paragraphs (notes, next steps, a measure). */
function textBlock(text: string, cls: string): HTMLElement[] {
  return paragraphs(text).map((p) => h('p', { class: cls }, p));
}

interface Choice {
  kind: ObjectiveLinkKind;
  id: string;
  title: string;
}

/** The learning an objective may link to, asked for once per page: playlists for everyone,
 *  quizzes and practice steps for trainers (others are refused: those groups are left out). */
function learningChoices(signal: AbortSignal): () => Promise<Choice[]> {
  let asked: Promise<Choice[]> | null = null;
  const quietly = <T>(p: Promise<T[]>): Promise<T[]> =>
    p.catch((e) => {
      if (isAbort(e) || !(e instanceof ApiError) || (e.status !== 403 && e.status !== 404)) throw e;
      return [];
    });
  return () =>
    (asked ??= Promise.all([
      listPlaylists(signal),
      quietly(quizChoices(signal)),
      quietly(listSteps(signal)),
    ]).then(([playlists, quizzes, steps]) => [
      ...playlists.map((p) => ({ kind: 'playlist' as const, id: p.id, title: p.title })),
      ...quizzes.map((q) => ({ kind: 'quiz' as const, id: q.id, title: q.title })),
      ...steps.map((s) => ({ kind: 'practice' as const, id: s.id, title: s.title })),
    ]).catch((e) => {
      asked = null;
      throw e;
    }));
}

export async function developmentPage({ main, params, signal }: PageContext): Promise<void> {
  const me = (await currentUser())!;
  const own = !params.id || params.id === me.id;
  const userId = params.id ?? me.id;
  setTitle(own ? 'My development' : 'Development');
  replace(main, h('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading…'));
  const choices = learningChoices(signal);
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  let dev: DevelopmentPage;

  const back = own ? h('a', { class: 'back-link', href: '/me' }, '← My expertise') : h('a', { class: 'back-link', href: '/team' }, '← Team');

  try {
    dev = await getDevelopment(userId, signal);
  } catch (e) {
    if (isAbort(e)) return;
    replace(
      main,
      back,
      h('h1', null, 'Development'),
      e instanceof ApiError && e.status === 404
        ? h('p', { class: 'notice notice-error', role: 'alert' }, 'Not found: you can see your own development page, and those of the people you manage.')
        : errorBox(e),
    );
    return;
  }

  /** Says what was done and draws the page again from the server's answer. */
  async function changed(message: string): Promise<void> {
    try {
      dev = await getDevelopment(userId, signal);
      draw();
      replace(status, h('p', { class: 'saved', role: 'status' }, message));
    } catch (e) {
      if (!isAbort(e)) replace(status, errorBox(e));
    }
  }

  function draw(): void {
    const p = dev.person;
    const name = p.name || p.email;
    if (!own) setTitle(`Development: ${name}`);
    const objectives = h('ul', { class: 'plain-list objective-list' }, dev.objectives.map(objectiveCard));
    const reviews = h('ul', { class: 'plain-list dev-review-list' }, dev.reviews.map(reviewCard));
    replace(
      main,
      back,
      h('h1', null, own ? 'My development' : `Development: ${name}`),
      h(
        'p',
        { class: 'muted person-who' },
        own ? null : `${p.email} · `,
        p.manager_name ? `${own ? 'Your manager' : 'Manager'}: ${p.manager_name}` : own ? 'No manager is set for you yet.' : 'No manager set.',
      ),
      status,
      h(
        'section',
        { class: 'dev-section', 'aria-labelledby': 'objectives-heading' },
        h('h2', { id: 'objectives-heading' }, 'Objectives'),
        dev.objectives.length ? h('p', { class: 'small muted objective-summary' }, countsText(dev.objectives)) : null,
        dev.objectives.length
          ? objectives
          : h('p', { class: 'empty' }, own ? 'No objectives yet. Your manager sets them with you.' : 'No objectives yet.'),
        dev.can_manage ? addPanel('Add an objective', (close) => objectiveForm(null, close)) : null,
      ),
      h(
        'section',
        { class: 'dev-section', 'aria-labelledby': 'reviews-heading' },
        h('h2', { id: 'reviews-heading' }, 'Development reviews'),
        dev.reviews.length ? reviews : h('p', { class: 'empty' }, 'No reviews recorded yet.'),
        dev.can_manage ? addPanel('Record a review', (close) => reviewForm(null, close)) : null,
      ),
      learningSection(dev),
    );
  }

  /** A folded form under a list ("Add an objective"); it folds again once saved. */
  function addPanel(label: string, form: (close: () => void) => HTMLElement): HTMLElement {
    const details = h('details', { class: 'card edit-details dev-add' }, h('summary', null, label));
    let filled = false;
    details.addEventListener('toggle', () => {
      if (details.open && !filled) {
        filled = true;
        details.append(form(() => (details.open = false)));
      }
      if (details.open) details.querySelector<HTMLElement>('input, textarea, select')?.focus();
    });
    return details;
  }

  function objectiveCard(o: Objective): HTMLElement {
    const li = h('li', { class: `card objective objective-is-${o.status}`, 'data-objective': o.id, 'data-status': o.status });
    const due = dated(o.due_at);
    const met = dated(o.met_at);
    const facts = [
      o.status === 'met' && met ? `Met ${met}` : null,
      due ? `Due ${due}` : 'No due date',
      o.set_by_name ? `Set by ${o.set_by_name}` : null,
    ].filter(Boolean);
    function show(): void {
      replace(
        li,
        h('div', { class: 'objective-head' }, h('h3', { class: 'objective-title' }, o.title), statusChip(o.status)),
        h('p', { class: 'small muted objective-facts' }, facts.join(' · ')),
        o.measure ? [h('h4', { class: 'dev-label' }, 'How it is measured'), textBlock(o.measure, 'objective-measure')] : null,
        o.links.length
          ? [
              h('h4', { class: 'dev-label' }, 'Learning'),
              h(
                'ul',
                { class: 'plain-list objective-links' },
                o.links.map((l) => {
                  const href = linkHref(l.kind, l.item_id);
                  const done = dated(l.done_at);
                  return h(
                    'li',
                    { class: `objective-link${l.done_at != null ? ' is-done' : ''}`, 'data-done': l.done_at != null ? 'true' : 'false' },
                    h('span', { class: 'objective-tick', 'aria-hidden': 'true' }, l.done_at != null ? '✓' : '○'),
                    h(
                      'span',
                      null,
                      h('span', { class: 'visually-hidden' }, l.done_at != null ? 'Done: ' : 'Not done yet: '),
                      h('span', { class: 'small muted' }, `${LINK_KIND_LABEL[l.kind]} · `),
                      href ? h('a', { href }, l.title) : l.title,
                      done ? h('span', { class: 'small muted' }, ` — done ${done}`) : null,
                    ),
                  );
                }),
              ),
            ]
          : null,
        o.outcome === null && o.links.length && o.status !== 'met'
          ? h('p', { class: 'small muted' }, 'Met once all of this learning is done.')
          : null,
        dev.can_manage ? h('div', { class: 'button-row item-actions' }, edit, remove) : null,
      );
    }
    const edit = h(
      'button',
      { type: 'button', class: 'button button-secondary button-small' },
      'Edit',
      h('span', { class: 'visually-hidden' }, ` objective “${o.title}”`),
    );
    edit.addEventListener('click', () => {
      replace(li, objectiveForm(o, show));
      li.querySelector<HTMLElement>('input')?.focus();
    });
    const remove = confirmControl({
      label: 'Delete',
      labelDetail: `objective “${o.title}”`,
      question: `Delete the objective “${o.title}”?`,
      yes: 'Yes, delete',
      busy: 'Deleting…',
      small: true,
      run: () => deleteObjective(o.id),
      done: () => void changed(`Deleted the objective “${o.title}”.`),
    });
    show();
    return li;
  }

  /** The objective form, new (`o` null) or changing `o`; `cancel` closes it unsaved. */
  function objectiveForm(o: Objective | null, cancel: () => void): HTMLElement {
    const title = h('input', { type: 'text', name: 'title', required: true, maxlength: 200, value: o?.title ?? '', autocomplete: 'off' });
    const measure = h('textarea', { name: 'measure', rows: 3, maxlength: 2000 });
    measure.value = o?.measure ?? '';
    const due = h('input', { type: 'date', name: 'due_at', value: dateInputValue(o?.due_at), class: 'dev-date' });
    const outcome = h(
      'select',
      { name: 'outcome' },
      h('option', { value: '', selected: !o?.outcome }, 'Follow the learning (met once it is all done)'),
      h('option', { value: 'met', selected: o?.outcome === 'met' }, 'Met'),
      h('option', { value: 'dropped', selected: o?.outcome === 'dropped' }, 'Dropped'),
    );
    const picks = h('div', { class: 'link-choices', 'aria-busy': 'true' }, h('p', { class: 'small muted' }, 'Loading the learning to choose from…'));
    const formStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
    const save = h('button', { type: 'submit', class: 'button button-primary' }, o ? 'Save objective' : 'Add objective');
    const close = h('button', { type: 'button', class: 'button button-secondary', onClick: cancel }, 'Cancel');
    const linked = new Set((o?.links ?? []).map((l) => `${l.kind}:${l.item_id}`));

    async function fill(): Promise<void> {
      try {
        const all = await choices();
        // what it links to already stays offered, even when not in these lists
        for (const l of o?.links ?? []) {
          if (!all.some((c) => c.kind === l.kind && c.id === l.item_id)) all.push({ kind: l.kind, id: l.item_id, title: l.title });
        }
        const groups = (['playlist', 'quiz', 'practice', 'video', 'handout', 'resource', 'exercise'] as ObjectiveLinkKind[])
          .map((kind) => ({ kind, items: all.filter((c) => c.kind === kind) }))
          .filter((g) => g.items.length);
        replace(
          picks,
          groups.length
            ? groups.map((g) =>
                h(
                  'fieldset',
                  { class: 'plain-fieldset link-group' },
                  h('legend', null, `${LINK_KIND_LABEL[g.kind]}s`),
                  g.items.map((c) =>
                    checkbox(c.title, h('input', { type: 'checkbox', name: 'links', value: `${c.kind}:${c.id}`, checked: linked.has(`${c.kind}:${c.id}`) })),
                  ),
                ),
              )
            : h('p', { class: 'small muted' }, 'There is no published learning to link to yet.'),
        );
      } catch (e) {
        if (!isAbort(e)) replace(picks, errorBox(e, () => void fill()));
      } finally {
        picks.removeAttribute('aria-busy');
      }
    }
    void fill();

    const form = h(
      'form',
      { class: 'stack objective-form' },
      field('Objective', title, 'What the person will achieve: “Run the forklift safety check alone”.'),
      field('How it is measured (optional)', measure),
      field('Due date (optional)', due),
      h(
        'fieldset',
        { class: 'plain-fieldset' },
        h('legend', null, 'Learning that meets it (optional)'),
        h('p', { class: 'field-hint' }, 'Once the person has done all of it, the objective is met.'),
        picks,
      ),
      field('Where it stands', outcome, 'Mark it met by hand for what no learning measures, or drop it.'),
      formStatus,
      h('div', { class: 'button-row' }, save, close),
    );
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      if (!title.value.trim()) {
        replace(formStatus, h('p', { class: 'notice notice-error', role: 'alert' }, 'Give the objective a title.'));
        title.focus();
        return;
      }
      const ticked = [...picks.querySelectorAll<HTMLInputElement>('input[name=links]:checked')].map((i) => i.value);
      const loaded = !picks.hasAttribute('aria-busy') && picks.querySelector('input[name=links]');
      const links = loaded ? ticked : [...linked];
      const input: ObjectiveInput = {
        title: title.value.trim(),
        measure: measure.value.trim(),
        due_at: dueAtFromDateInput(due.value),
        outcome: (outcome.value || null) as ObjectiveInput['outcome'],
        links: links.map((v) => {
          const at = v.indexOf(':');
          return { kind: v.slice(0, at) as ObjectiveLinkKind, item_id: v.slice(at + 1) };
        }),
      };
      save.disabled = true;
      save.textContent = 'Saving…';
      replace(formStatus);
      try {
        const saved = await saveObjective(userId, o?.id ?? null, input);
        await changed(o ? `Saved the objective “${saved.title}”.` : `Added the objective “${saved.title}”.`);
      } catch (e) {
        replace(formStatus, errorBox(e));
        save.disabled = false;
        save.textContent = o ? 'Save objective' : 'Add objective';
      }
    });
    return form;
  }

  function reviewCard(r: DevReview): HTMLElement {
    const li = h('li', { class: 'card dev-review', 'data-review': r.id });
    const held = dated(r.held_at) ?? '';
    const next = dated(r.next_review_at);
    function show(): void {
      replace(
        li,
        h('h3', { class: 'dev-review-title' }, `Review on ${held}`),
        r.reviewer_name ? h('p', { class: 'small muted' }, `With ${r.reviewer_name}`) : null,
        r.rating != null ? h('p', { class: 'dev-rating' }, 'Rating: ', h('strong', null, `${r.rating} of 5`)) : null,
        h('h4', { class: 'dev-label' }, 'Notes'),
        textBlock(r.notes, 'dev-notes'),
        r.next_steps ? [h('h4', { class: 'dev-label' }, 'Next steps'), textBlock(r.next_steps, 'dev-next-steps')] : null,
        next ? h('p', { class: 'dev-next-review' }, 'Next review: ', h('strong', null, next)) : null,
        dev.can_manage ? h('div', { class: 'button-row item-actions' }, edit, remove) : null,
      );
    }
    const edit = h('button', { type: 'button', class: 'button button-secondary button-small' }, 'Edit', h('span', { class: 'visually-hidden' }, ` review on ${held}`));
    edit.addEventListener('click', () => {
      replace(li, reviewForm(r, show));
      li.querySelector<HTMLElement>('input')?.focus();
    });
    const remove = confirmControl({
      label: 'Delete',
      labelDetail: `review on ${held}`,
      question: `Delete the review held on ${held}? Its notes and next steps go with it.`,
      yes: 'Yes, delete',
      busy: 'Deleting…',
      small: true,
      run: () => deleteDevReview(r.id),
      done: () => void changed(`Deleted the review on ${held}.`),
    });
    show();
    return li;
  }

  /** The review form, new (`r` null) or changing `r`. */
  function reviewForm(r: DevReview | null, cancel: () => void): HTMLElement {
    const held = h('input', { type: 'date', name: 'held_at', required: true, class: 'dev-date', value: dateInputValue(r?.held_at ?? Date.now()) });
    const notes = h('textarea', { name: 'notes', rows: 5, maxlength: 10000, required: true });
    notes.value = r?.notes ?? '';
    const nextSteps = h('textarea', { name: 'next_steps', rows: 3, maxlength: 5000 });
    nextSteps.value = r?.next_steps ?? '';
    const nextReview = h('input', { type: 'date', name: 'next_review_at', class: 'dev-date', value: dateInputValue(r?.next_review_at) });
    const ratings: [string, string][] = [['', 'None'], ['1', '1'], ['2', '2'], ['3', '3'], ['4', '4'], ['5', '5']];
    const rating = h(
      'fieldset',
      { class: 'chips dev-rating-choice' },
      h('legend', null, 'Rating (1 low, 5 high)'),
      ratings.map(([value, label]) =>
        h(
          'label',
          { class: 'chip' },
          h('input', { type: 'radio', name: 'rating', value, checked: value === String(r?.rating ?? '') }),
          h('span', null, label, value ? h('span', { class: 'visually-hidden' }, ' of 5') : null),
        ),
      ),
    );
    const formStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
    const save = h('button', { type: 'submit', class: 'button button-primary' }, r ? 'Save review' : 'Record review');
    const close = h('button', { type: 'button', class: 'button button-secondary', onClick: cancel }, 'Cancel');
    const form = h(
      'form',
      { class: 'stack dev-review-form' },
      field('Date held', held),
      field('Notes', notes, 'What you talked about. The person sees these notes.'),
      rating,
      field('Next steps (optional)', nextSteps),
      field('Next review (optional)', nextReview),
      formStatus,
      h('div', { class: 'button-row' }, save, close),
    );
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const heldAt = dayFromDateInput(held.value);
      const problem = heldAt === null ? 'Give the date the review was held.' : !notes.value.trim() ? 'Write some notes on the review.' : null;
      if (problem) {
        replace(formStatus, h('p', { class: 'notice notice-error', role: 'alert' }, problem));
        (heldAt === null ? held : notes).focus();
        return;
      }
      const chosen = rating.querySelector<HTMLInputElement>('input:checked')?.value ?? '';
      save.disabled = true;
      save.textContent = 'Saving…';
      replace(formStatus);
      try {
        await saveDevReview(userId, r?.id ?? null, {
          held_at: heldAt!,
          notes: notes.value.trim(),
          rating: chosen ? Number(chosen) : null,
          next_steps: nextSteps.value.trim(),
          next_review_at: dueAtFromDateInput(nextReview.value),
        });
        await changed(r ? 'Saved the review.' : 'Recorded the review.');
      } catch (e) {
        replace(formStatus, errorBox(e));
        save.disabled = false;
        save.textContent = r ? 'Save review' : 'Record review';
      }
    });
    return form;
  }

  draw();
}

/** "2 open · 1 overdue · 3 met" (what there is). */
export function countsText(objectives: { status: Status }[]): string {
  const n = (s: Status) => objectives.filter((o) => o.status === s).length;
  const parts = (['open', 'overdue', 'met', 'dropped'] as Status[]).filter((s) => n(s)).map((s) => `${n(s)} ${OBJECTIVE_STATUS_LABEL[s].toLowerCase()}`);
  return parts.join(' · ');
}

/** The assigned learning (completed newest first, then what is open, soonest due first) and the
 *  quiz scores (the latest tried first). */
function learningSection(dev: DevelopmentPage): HTMLElement {
  const lines = [...dev.learning].sort((a, b) => {
    if (a.completed !== b.completed) return a.completed ? -1 : 1;
    if (a.completed) return (b.completed_at ?? 0) - (a.completed_at ?? 0);
    return (a.due_at ?? Infinity) - (b.due_at ?? Infinity);
  });
  const quizzes = [...dev.quiz_scores].sort((a, b) => b.last_submitted_at - a.last_submitted_at);
  return h(
    'section',
    { class: 'dev-section', 'aria-labelledby': 'learning-heading' },
    h('h2', { id: 'learning-heading' }, 'Learning'),
    lines.length
      ? h(
          'ul',
          { class: 'plain-list dev-learning card' },
          lines.map((l) => {
            const due = dated(l.due_at);
            const state = l.completed
              ? `Completed ${dated(l.completed_at) ?? ''}`.trim()
              : `${l.items_completed} of ${l.items_total} done${due ? ` · due ${due}` : ''}`;
            return h(
              'li',
              { class: 'dev-learning-line', 'data-playlist': l.playlist_id, 'data-completed': String(l.completed) },
              h('a', { href: `/playlists/${encodeURIComponent(l.playlist_id)}` }, l.playlist_title || 'Untitled playlist'),
              h('span', { class: `small ${l.completed ? 'due-done' : l.overdue ? 'due-overdue' : 'muted'}` }, l.overdue && !l.completed ? `Overdue · ${state}` : state),
            );
          }),
        )
      : h('p', { class: 'empty' }, 'No playlists assigned.'),
    h('h3', null, 'Quiz scores'),
    quizzes.length
      ? h(
          'ul',
          { class: 'plain-list dev-learning card' },
          quizzes.map((q) => {
            const passed = dated(q.passed_at);
            return h(
              'li',
              { class: 'dev-learning-line dev-quiz', 'data-quiz': q.quiz_id },
              h('strong', null, q.quiz_title),
              h(
                'span',
                { class: 'small' },
                `Best ${q.best_score} of ${q.max_score} · ${q.attempts} ${q.attempts === 1 ? 'attempt' : 'attempts'} · `,
                passed ? h('span', { class: 'due-done' }, `Passed ${passed}`) : h('span', { class: 'muted' }, 'Not passed yet'),
                ` · last tried ${dated(q.last_submitted_at) ?? ''}`,
              ),
            );
          }),
        )
      : h('p', { class: 'empty' }, 'No quizzes taken yet.'),
  );
}
