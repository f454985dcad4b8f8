// One line of a progress report as a card: one person on one playlist (ReportLine of GET
// /api/v1/playlists/{id}/report and GET /api/v1/users/{id}/report). Progress bar (a partly watched
// video counts by the share watched), completed, last activity, due, an overdue badge, and a
// folded list of the items with the person's state of each ("Watched 40%"). Titled by the person
// (linking to their report) on a playlist's report, by the playlist (linking to its report) on a
// person's. With `manage`: "Change due date" (a date field, or none → PATCH
// …/assignments/{user_id}) and "Remove", asked about first (DELETE …/assignments/{user_id}).
// Also `saveBlob`, which both report screens use for "Download CSV".

import { changeAssignmentDue, removeAssignment, type ReportItem, type ReportRow } from '../api';
import { h, replace } from '../dom';
import { formatDate, toDate } from '../format';
import { itemStateText, overallProgress, progressCaption } from '../learning';
import { dateInputValue, dueAtFromDateInput } from '../manage';
import { attemptsText, practiceStatusText, scoresLongText, scoresText } from '../practice';
import { confirmControl } from './confirmAction';
import { errorBox } from './errorBox';
import { field } from './field';
import { KIND_LABEL } from './libraryItem';
import { progressBar } from './progressBar';

export interface ReportCardOptions {
  /** what the card is titled by: the person (a playlist's report) or the playlist (a person's) */
  title: 'person' | 'playlist';
  /** offer "Change due date" and "Remove"; `changed` runs after either with what was done */
  manage?: { changed(message: string): void };
}

function when(t: ReportRow['due_at']): string {
  const d = toDate(t);
  return d ? formatDate(d) : '—';
}

export function reportCard(r: ReportRow, opts: ReportCardOptions): HTMLElement {
  const who = r.name || r.email;
  const what = r.playlist_title || 'Untitled playlist';
  const bar = progressBar(opts.title === 'person' ? `Progress of ${who}` : `Progress on ${what}`);
  const share = r.progress ?? r.fraction;
  bar.set(overallProgress(r.items_completed, r.items_total, share), progressCaption(r.items_completed, r.items_total, share));
  const facts: [string, string][] = [
    ['Completed', r.completed ? when(r.completed_at) : '—'],
    ['Last activity', when(r.last_activity)],
    ['Due', when(r.due_at)],
  ];
  const heading =
    opts.title === 'person'
      ? h('a', { class: 'card-title report-title', href: `/manage/people/${encodeURIComponent(r.user_id)}` }, who)
      : h('a', { class: 'card-title report-title', href: `/manage/playlists/${encodeURIComponent(r.playlist_id)}/report` }, what);
  return h(
    'li',
    { class: `card report-card${r.overdue ? ' is-overdue' : ''}`, 'data-user': r.user_id, 'data-playlist': r.playlist_id },
    h(
      'div',
      { class: 'report-head' },
      heading,
      r.overdue ? h('span', { class: 'badge badge-overdue' }, 'Overdue') : null,
      r.completed ? h('span', { class: 'badge badge-done' }, 'Done') : null,
    ),
    opts.title === 'person' && r.name ? h('p', { class: 'small muted report-email' }, r.email) : null,
    bar.el,
    h('dl', { class: 'report-facts' }, facts.map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, v)))),
    r.items?.length ? reportItems(r, opts.title === 'person' ? who : what) : null,
    opts.manage ? assignmentActions(r, opts.manage.changed) : null,
  );
}

/** Each item for one person, folded away: "Video · Forklift walkthrough — Watched 40%"; a
 *  practice step says where the person stands ("Needs another attempt · 2 attempts") with the
 *  latest scores under it ("Eye contact 3/3 · Tone 2/3"). */
function reportItems(r: ReportRow, of: string): HTMLElement {
  const state = (i: ReportItem) => {
    const text = i.kind === 'practice' ? practiceText(i) : itemStateText(i);
    const at = i.completed ? toDate(i.completed_at) : null;
    const dated = at ? `${text} ${formatDate(at)}` : text;
    const tries = i.kind === 'practice' ? (i.practice?.attempts ?? 0) : 0;
    return tries > 0 ? `${dated} · ${attemptsText(tries)}` : dated;
  };
  const cls = (i: ReportItem) => {
    if (i.kind === 'practice' && i.practice) {
      const s = i.practice.status;
      return s === 'done' || i.completed ? 'is-done' : s ? 'is-partial' : 'is-todo';
    }
    return i.completed ? 'is-done' : i.progress > 0 ? 'is-partial' : 'is-todo';
  };
  return h(
    'details',
    { class: 'report-items' },
    h('summary', null, `Items (${r.items.length})`, h('span', { class: 'visually-hidden' }, ` of ${of}`)),
    h(
      'ol',
      { class: 'plain-list report-item-list' },
      r.items.map((i) => {
        const scores = i.kind === 'practice' ? (i.practice?.scores ?? []) : [];
        return h(
          'li',
          { class: `report-item ${cls(i)}`, 'data-item': i.item_id, 'data-kind': i.kind, 'data-practice': i.practice?.status ?? null },
          h('span', { class: 'report-item-title' }, h('span', { class: 'kind' }, KIND_LABEL[i.kind]), ' ', i.title),
          h('span', { class: 'report-item-state' }, state(i)),
          scores.length
            ? h(
                'span',
                { class: 'report-item-scores small' },
                h('span', { class: 'visually-hidden' }, `Latest scores: ${scoresLongText(scores)}`),
                h('span', { 'aria-hidden': 'true' }, scoresText(scores)),
              )
            : null,
        );
      }),
    ),
  );
}

/** "Done", "Needs another attempt", "Not started" (the attempts follow the date). */
function practiceText(i: ReportItem): string {
  return practiceStatusText(i.practice?.status ?? (i.completed ? 'done' : null));
}

/** "Change due date" (inline: a date field, Save, "No due date", Cancel) and "Remove". */
function assignmentActions(r: ReportRow, changed: (message: string) => void): HTMLElement {
  const who = r.name || r.email;
  const what = r.playlist_title || 'this playlist';
  const slot = h('div', { class: 'due-change' });
  const open = h(
    'button',
    { type: 'button', class: 'button button-secondary button-small', 'aria-expanded': 'false' },
    'Change due date',
    h('span', { class: 'visually-hidden' }, ` for ${who} on ${what}`),
  );
  const remove = confirmControl({
    label: 'Remove',
    labelDetail: `${what} from ${who}`,
    question: `Remove “${what}” from ${who}? It leaves their home page and this report.`,
    yes: 'Yes, remove',
    busy: 'Removing…',
    small: true,
    run: () => removeAssignment(r.playlist_id, r.user_id),
    done: () => changed(`Removed “${what}” from ${who}.`),
  });
  const row = h('div', { class: 'button-row item-actions' }, open, remove);

  function close(): void {
    replace(slot);
    row.hidden = false;
    open.setAttribute('aria-expanded', 'false');
    open.focus();
  }

  open.addEventListener('click', () => {
    const date = h('input', { type: 'date', name: 'due', value: dateInputValue(r.due_at) });
    const save = h('button', { type: 'submit', class: 'button button-primary button-small' }, 'Save');
    const none = h('button', { type: 'button', class: 'button button-secondary button-small' }, 'No due date');
    const cancel = h('button', { type: 'button', class: 'button button-ghost button-small', onClick: close }, 'Cancel');
    const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
    const form = h(
      'form',
      { class: 'stack due-form', novalidate: true },
      field(`Due date for ${who}`, date, 'The end of that day. Overdue after it.'),
      status,
      h('div', { class: 'button-row' }, save, none, cancel),
    );
    async function send(dueAt: number | null): Promise<void> {
      for (const b of [save, none, cancel]) b.disabled = true;
      replace(status);
      try {
        await changeAssignmentDue(r.playlist_id, r.user_id, dueAt);
        const d = toDate(dueAt);
        changed(d ? `${who} now has until ${formatDate(d)} for “${what}”.` : `“${what}” has no due date for ${who} now.`);
      } catch (e) {
        replace(status, errorBox(e));
        for (const b of [save, none, cancel]) b.disabled = false;
      }
    }
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const dueAt = dueAtFromDateInput(date.value);
      if (dueAt === null) {
        replace(status, errorBox(new Error('Pick a date, or choose “No due date”.')));
        date.setAttribute('aria-invalid', 'true');
        date.focus();
        return;
      }
      void send(dueAt);
    });
    none.addEventListener('click', () => void send(null));
    replace(slot, form);
    row.hidden = true;
    open.setAttribute('aria-expanded', 'true');
    date.focus();
  });

  return h('div', { class: 'assignment-actions' }, row, slot);
}

/** Saves a Blob as a file named `name` (an <a download> the browser clicks). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
