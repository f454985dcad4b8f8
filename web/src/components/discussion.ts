// The discussion under an item (a video, handout, resource or practice attempt): comments in
// threads (practice.ts `threads`), each with its author, its moment as an "at 0:42" chip that
// seeks the player, when it was written, and a Reply box; authors edit and delete their own,
// trainers hide, show again, or let a held comment through. A new comment on a video can take the
// player's current time ("Pin to 0:42"), may mention someone (found by name with
// components/personSearch.ts, GET /api/v1/people?q=) and may ask the experts of the item's tags
// (@experts).
// A member's comment may come back `held`: it says it waits for a trainer.
//
// GET /api/v1/comments?target=&target_id=, POST /api/v1/comments, PATCH / DELETE
// /api/v1/comments/{id}, PUT /api/v1/comments/{id}/status.

import {
  addComment,
  deleteComment,
  editComment,
  listComments,
  setCommentStatus,
  type Comment,
  type CommentStatus,
  type CommentTarget,
  type Moderation,
  type Me,
} from '../api';
import { h, replace } from '../dom';
import { formatDateTime, toDate } from '../format';
import { momentText, threads } from '../practice';
import { isTrainer } from '../session';
import { paragraphs } from '../text';
import { checkbox } from './checkbox';
import { errorBox, isAbort } from './errorBox';
import { field } from './field';
import { personSearch } from './personSearch';

export interface DiscussionOptions {
  target: CommentTarget;
  targetId: string;
  me: Me;
  heading?: string;
  /** the player's time now (videos and attempts): new comments may be pinned to it */
  currentTime?: () => number | null;
  /** plays from `t` (an "at 0:42" chip) */
  seek?: (t: number) => void;
  /** called when the person starts writing (the page may pause the player) */
  onCompose?: () => void;
  /** offer "@experts" (items with tags) */
  experts?: boolean;
  /** a box for new top-level comments (attempts: feedback comes with reviews instead) */
  allowNew?: boolean;
  /** comments already fetched (the attempt's), instead of asking for them */
  initial?: Comment[];
  /** the comments changed (after loading, a post, an edit…) */
  changed?: (comments: Comment[]) => void;
}

export interface Discussion {
  el: HTMLElement;
  /** shows these comments (the page fetched them again) */
  set(comments: Comment[]): void;
  reload(): Promise<void>;
}

let counter = 0;

const STATUS_NOTE: Partial<Record<CommentStatus, string>> = {
  held: 'Waits for a trainer before others see it.',
  hidden: 'Hidden: only you and the trainers see it.',
};

export function discussion(opts: DiscussionOptions): Discussion {
  const n = ++counter;
  const headingId = `discussion-${n}`;
  let comments: Comment[] = opts.initial ?? [];
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const list = h('div', { class: 'comment-threads' });
  const el = h(
    'section',
    { class: 'discussion', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, opts.heading ?? 'Discussion'),
    list,
    status,
    opts.allowNew === false ? null : composer(),
  );

  function composer(): HTMLElement {
    const body = h('textarea', { rows: 3, maxlength: 4000, required: true, class: 'comment-input' });
    const pin = opts.currentTime ? h('input', { type: 'checkbox', checked: true, class: 'comment-pin' }) : null;
    const experts = opts.experts ? h('input', { type: 'checkbox', class: 'comment-experts' }) : null;
    const mention = personSearch({
      label: 'Mention someone (optional)',
      hint: 'Type the start of their name or email and choose them: they are told about your comment.',
      exclude: () => new Set([opts.me.id]),
    });
    mention.el.classList.add('comment-mention');
    const send = h('button', { type: 'submit', class: 'button button-primary' }, 'Post comment');
    const formStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
    let pinnedAt: number | null = null;
    const showPin = () => {
      pinnedAt = opts.currentTime?.() ?? null;
      const label = pin?.closest('label')?.querySelector('.check-label');
      if (label) label.textContent = pinnedAt === null ? 'Pin to the current time' : `Pin to ${momentText(pinnedAt).slice(3)}`;
    };
    body.addEventListener('focus', () => {
      showPin();
      opts.onCompose?.();
    });
    const form = h(
      'form',
      {
        class: 'stack comment-form',
        onSubmit: async (ev) => {
          ev.preventDefault();
          const text = body.value.trim();
          if (!text) return;
          send.disabled = true;
          replace(formStatus);
          try {
            const c = await addComment({
              target: opts.target,
              target_id: opts.targetId,
              body: text,
              at_s: pin?.checked ? (pinnedAt ?? opts.currentTime?.() ?? null) : null,
              mention_experts: experts?.checked || undefined,
              mentions: mention.chosen() ? [mention.chosen()!.user_id] : undefined,
            });
            body.value = '';
            mention.clear();
            if (experts) experts.checked = false;
            comments = [...comments, c];
            draw();
            replace(
              formStatus,
              h('p', { class: 'saved', role: 'status' }, c.status === 'held' ? 'Posted. It waits for a trainer before others see it.' : 'Posted.'),
            );
          } catch (e) {
            replace(formStatus, errorBox(e));
          } finally {
            send.disabled = false;
          }
        },
      },
      field('Add a comment', body),
      pin ? checkbox('Pin to the current time', pin, 'Others can jump to that moment.') : null,
      mention.el,
      experts ? checkbox('Ask the experts (@experts)', experts, 'People who know this topic are told about your comment.') : null,
      h('div', { class: 'button-row' }, send),
      formStatus,
    );
    return form;
  }

  function replyForm(parent: Comment, done: () => void): HTMLElement {
    const body = h('textarea', { rows: 2, maxlength: 4000, class: 'reply-input' });
    const send = h('button', { type: 'submit', class: 'button button-secondary button-small' }, 'Send reply');
    const formStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
    return h(
      'form',
      {
        class: 'stack-tight reply-form',
        onSubmit: async (ev) => {
          ev.preventDefault();
          const text = body.value.trim();
          if (!text) return;
          send.disabled = true;
          try {
            const c = await addComment({ target: opts.target, target_id: opts.targetId, parent_id: parent.id, body: text });
            comments = [...comments, c];
            draw();
            replace(status, h('p', { class: 'saved', role: 'status' }, c.status === 'held' ? 'Reply sent. It waits for a trainer before others see it.' : 'Reply sent.'));
            done();
          } catch (e) {
            replace(formStatus, errorBox(e));
            send.disabled = false;
          }
        },
      },
      field(`Reply to ${parent.author_name ?? 'this comment'}`, body),
      h('div', { class: 'button-row' }, send),
      formStatus,
    );
  }

  function editForm(c: Comment, done: () => void): HTMLElement {
    const body = h('textarea', { rows: 3, maxlength: 4000 });
    body.value = c.body;
    const save = h('button', { type: 'submit', class: 'button button-secondary button-small' }, 'Save');
    const formStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
    return h(
      'form',
      {
        class: 'stack-tight',
        onSubmit: async (ev) => {
          ev.preventDefault();
          const text = body.value.trim();
          if (!text) return;
          save.disabled = true;
          try {
            const changed = await editComment(c.id, text);
            comments = comments.map((x) => (x.id === c.id ? changed : x));
            draw();
            done();
          } catch (e) {
            replace(formStatus, errorBox(e));
            save.disabled = false;
          }
        },
      },
      field('Edit your comment', body),
      h('div', { class: 'button-row' }, save, h('button', { type: 'button', class: 'button button-ghost button-small', onClick: () => draw() }, 'Cancel')),
      formStatus,
    );
  }

  function item(c: Comment, isReply: boolean): HTMLElement {
    const when = toDate(c.created_at);
    const mine = !!c.author_id && c.author_id === opts.me.id;
    const trainer = isTrainer(opts.me);
    const slot = h('div');
    const moment = momentText(c.at_s);
    const author = c.author_name ?? 'Someone';
    const actions = h('div', { class: 'comment-actions' });
    const small = (label: string, onClick: () => void, detail = `${author}’s comment`) =>
      h('button', { type: 'button', class: 'button-link small', onClick }, label, h('span', { class: 'visually-hidden' }, ` (${detail})`));
    if (!isReply) actions.append(small('Reply', () => { replace(slot, replyForm(c, () => replace(slot))); slot.querySelector('textarea')?.focus(); }));
    if (mine) {
      actions.append(
        small('Edit', () => { replace(slot, editForm(c, () => replace(slot))); slot.querySelector('textarea')?.focus(); }, 'your comment'),
        small('Delete', async () => {
          if (!window.confirm('Delete your comment? Replies to it go with it.')) return;
          try {
            await deleteComment(c.id);
            const gone = new Set([c.id]);
            let grew = true;
            while (grew) {
              grew = false;
              for (const x of comments) if (x.parent_id && gone.has(x.parent_id) && !gone.has(x.id)) { gone.add(x.id); grew = true; }
            }
            comments = comments.filter((x) => !gone.has(x.id));
            draw();
            replace(status, h('p', { class: 'saved', role: 'status' }, 'Comment deleted.'));
          } catch (e) {
            replace(status, errorBox(e));
          }
        }, 'your comment'),
      );
    }
    if (trainer) {
      const change = (to: Moderation, label: string) =>
        small(label, async () => {
          try {
            const changed = await setCommentStatus(c.id, to);
            comments = comments.map((x) => (x.id === c.id ? changed : x));
            draw();
          } catch (e) {
            replace(status, errorBox(e));
          }
        });
      if (c.status === 'held') actions.append(change('visible', 'Let through'), change('hidden', 'Hide'));
      else if (c.status === 'hidden') actions.append(change('visible', 'Show again'));
      else actions.append(change('hidden', 'Hide'));
    }
    return h(
      isReply ? 'li' : 'article',
      { class: `comment comment-${c.status}${c.review_id ? ' comment-feedback' : ''}`, 'data-comment': c.id, 'data-at': c.at_s ?? null },
      h(
        'p',
        { class: 'comment-meta' },
        h('strong', { class: 'comment-author' }, author),
        moment && opts.seek
          ? h('button', { type: 'button', class: 'moment-chip', 'data-seek': c.at_s ?? null, onClick: () => opts.seek?.(c.at_s ?? 0) }, moment, h('span', { class: 'visually-hidden' }, ' (play from there)'))
          : moment
            ? h('span', { class: 'moment-chip moment-static' }, moment)
            : null,
        when ? h('span', { class: 'small muted' }, ` ${formatDateTime(when)}`) : null,
        c.edited_at ? h('span', { class: 'small muted' }, ' · edited') : null,
      ),
      STATUS_NOTE[c.status] ? h('p', { class: 'small comment-status' }, STATUS_NOTE[c.status]) : null,
      h('div', { class: 'comment-body' }, paragraphs(c.body).map((p) => h('p', null, p))),
      actions,
      slot,
    );
  }

  function draw(): void {
    const focusedId = (document.activeElement?.closest('[data-comment]') as HTMLElement | null)?.dataset.comment;
    const t = threads(comments, opts.target === 'video' || opts.target === 'attempt');
    replace(
      list,
      t.length
        ? h(
            'ol',
            { class: 'plain-list comment-list' },
            t.map((th) =>
              h(
                'li',
                { class: 'comment-thread' },
                item(th.comment, false),
                th.replies.length ? h('ul', { class: 'plain-list comment-replies', 'aria-label': `Replies to ${th.comment.author_name ?? 'this comment'}` }, th.replies.map((r) => item(r, true))) : null,
              ),
            ),
          )
        : h('p', { class: 'empty small' }, opts.allowNew === false ? 'No comments yet.' : 'No comments yet. Ask a question or share a tip.'),
    );
    if (focusedId) list.querySelector<HTMLElement>(`[data-comment="${CSS.escape(focusedId)}"] button`)?.focus({ preventScroll: true });
    opts.changed?.(comments);
  }

  async function reload(): Promise<void> {
    try {
      comments = await listComments(opts.target, opts.targetId);
      draw();
    } catch (e) {
      if (isAbort(e)) return;
      replace(list, errorBox(e, () => void reload()));
    }
  }

  if (opts.initial) draw();
  else {
    replace(list, h('p', { class: 'muted small' }, 'Loading the comments…'));
    void reload();
  }
  return {
    el,
    set(next) {
      comments = next;
      draw();
    },
    reload,
  };
}
