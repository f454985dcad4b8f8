// Small pieces of the practice screens: an attempt's status chip, a rubric as a list of its
// criteria and levels, a review (verdict, summary, scores in words) and instructions as text.

import type { Criterion, Review } from '../api';
import { h } from '../dom';
import { formatDateTime, toDate } from '../format';
import { ATTEMPT_STATUS_LABEL, scoreLines, VERDICT_LABEL, type AttemptStatusLike } from '../practice';
import { paragraphs } from '../text';

export function statusChip(status: AttemptStatusLike): HTMLElement {
  return h('span', { class: `practice-chip practice-${status}`, 'data-status': status }, ATTEMPT_STATUS_LABEL[status]);
}

/** The rubric as the learner reads it: each criterion with its levels, lowest first. */
export function rubricView(rubric: Criterion[]): HTMLElement {
  return h(
    'ol',
    { class: 'rubric plain-list' },
    rubric.map((c) =>
      h(
        'li',
        { class: 'rubric-criterion' },
        h('h3', { class: 'rubric-name' }, c.name),
        c.description ? h('p', { class: 'small' }, c.description) : null,
        h(
          'ol',
          { class: 'rubric-levels', 'aria-label': `Levels of ${c.name}, lowest first` },
          c.levels.map((l) => h('li', null, h('strong', null, l.name), l.description ? ` — ${l.description}` : null)),
        ),
      ),
    ),
  );
}

/** One review: who, when, the verdict, the summary and the scores. */
export function reviewCard(r: Review, rubric: Criterion[]): HTMLElement {
  const when = toDate(r.created_at);
  const lines = scoreLines(rubric, r.scores);
  return h(
    'li',
    { class: `card panel review-card verdict-${r.verdict}`, 'data-review': r.id },
    h(
      'p',
      { class: 'review-head' },
      h('strong', null, r.reviewer_name ?? 'Someone'),
      when ? h('span', { class: 'small muted' }, ` · ${formatDateTime(when)}`) : null,
    ),
    h('p', { class: `verdict verdict-${r.verdict}` }, VERDICT_LABEL[r.verdict]),
    paragraphs(r.summary).map((p) => h('p', { class: 'review-summary' }, p)),
    lines.length
      ? h(
          'dl',
          { class: 'scores' },
          lines.map((l) => [h('dt', null, l.criterion), h('dd', null, `${l.level} (${l.points} of ${l.outOf})`)]),
        )
      : null,
  );
}

/** Plain paragraphs of a body, for comments and instructions. */
export function textBlock(text: string, cls = ''): HTMLElement[] {
  return paragraphs(text).map((p) => h('p', { class: cls || null }, p));
}
