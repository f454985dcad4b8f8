// A topic's experts /experts/:tag (anyone; the library's expert tags link here). GET
// /api/v1/experts/topics/{tag}: the colleagues who know the topic, most vouched for first, each
// with how many colleagues vouched for them, the best way to reach them (from the expert log, or
// their email) and the log's note on how helpful they have been, and an "Endorse" toggle button
// (aria-pressed; PUT / DELETE /api/v1/experts/{user_id}/endorsements/{tag}; not for oneself);
// then the people outside the organisation the expert log tags with it: what they are, how to
// reach them, their link, the note, and their other topics.

import { endorseExpert, expertTopic, type Expert, type ExpertLogEntry } from '../api';
import { setTitle } from '../branding';
import { errorBox, isAbort } from '../components/errorBox';
import { h, replace } from '../dom';
import type { PageContext } from '../router';
import { currentUser, isTrainer } from '../session';
import { externalUrl, mailtoHref } from '../text';
import { CHANNEL_LABEL, contactHref, topicLinks } from './library';

function vouchedText(n: number): string {
  return n === 0 ? 'Nobody has vouched for them yet' : `Vouched for by ${n} ${n === 1 ? 'colleague' : 'colleagues'}`;
}

/** "Email: dana@example.com" with the contact as a link when it is one to open. */
function reach(channel: ExpertLogEntry['channel'] | null, contact: string | null, href: string | null): HTMLElement | null {
  if (!channel && !contact) return null;
  const label = channel ? CHANNEL_LABEL[channel] : 'Contact';
  const shown = contact || (href ?? '');
  return h(
    'p',
    { class: 'expert-reach' },
    h('span', { class: 'muted' }, `Best reached by ${label.toLowerCase()}${shown ? ': ' : ''}`),
    shown ? (href ? h('a', { href }, shown) : h('span', null, shown)) : null,
  );
}

export async function expertTopicPage({ main, params, signal }: PageContext): Promise<void> {
  const me = await currentUser();
  const asked = params.tag ?? '';
  setTitle(`#${asked}`);
  replace(main, h('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading…'));
  const back = h('a', { class: 'back-link', href: `/library?tag=${encodeURIComponent(asked)}` }, '← Library');
  let topic;
  try {
    topic = await expertTopic(asked, signal);
  } catch (e) {
    if (isAbort(e)) return;
    replace(main, back, h('h1', null, `#${asked}`), errorBox(e));
    return;
  }
  const tag = topic.tag;
  setTitle(`Experts on #${tag}`);
  back.setAttribute('href', `/library?tag=${encodeURIComponent(tag)}`);

  function colleague(x: Expert): HTMLElement {
    const name = x.name || x.email;
    let count = x.endorsements;
    let mine = !!x.endorsed_by_me;
    const vouched = h('p', { class: 'small expert-vouched', 'aria-live': 'polite' }, vouchedText(count));
    const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
    const viaLog = x.channel ? contactHref(x.channel, x.contact) : null;
    const email = mailtoHref(x.email, `Question about #${tag}`);
    const toggle =
      x.user_id === me?.id
        ? null
        : h(
            'button',
            { type: 'button', class: 'button button-secondary button-small endorse', 'aria-pressed': String(mine) },
            mine ? 'Endorsed' : 'Endorse',
            h('span', { class: 'visually-hidden' }, ` ${name} on #${tag}`),
          );
    toggle?.addEventListener('click', async () => {
      toggle.disabled = true;
      replace(status);
      try {
        await endorseExpert(x.user_id, tag, !mine);
        mine = !mine;
        count += mine ? 1 : -1;
        toggle.setAttribute('aria-pressed', String(mine));
        toggle.firstChild!.textContent = mine ? 'Endorsed' : 'Endorse';
        vouched.textContent = vouchedText(Math.max(0, count));
      } catch (e) {
        replace(status, errorBox(e));
      } finally {
        toggle.disabled = false;
      }
    });
    return h(
      'li',
      { class: 'card expert-card', 'data-user': x.user_id },
      h('h3', { class: 'expert-name' }, name, x.user_id === me?.id ? h('span', { class: 'muted' }, ' (you)') : null),
      vouched,
      x.channel ? reach(x.channel, x.contact, viaLog) : reach('email', x.email, email),
      x.note ? h('p', { class: 'expert-note' }, h('span', { class: 'muted' }, 'How they have helped: '), x.note) : null,
      toggle ? h('div', { class: 'button-row' }, toggle) : null,
      status,
    );
  }

  function outsider(x: ExpertLogEntry): HTMLElement {
    const href = contactHref(x.channel, x.contact, x.channel === 'website' ? x.url : null);
    const page = externalUrl(x.url);
    const others = x.tags.filter((t) => t !== tag);
    return h(
      'li',
      { class: 'card expert-card expert-outside', 'data-entry': x.id },
      h('h3', { class: 'expert-name' }, x.name),
      x.about ? h('p', { class: 'muted' }, x.about) : null,
      reach(x.channel, x.contact, href),
      page && page !== href ? h('p', null, h('a', { href: page, rel: 'noopener', target: '_blank' }, 'Their page', h('span', { class: 'visually-hidden' }, ` (${x.name}, opens in a new tab)`))) : null,
      x.note ? h('p', { class: 'expert-note' }, h('span', { class: 'muted' }, 'How they have helped: '), x.note) : null,
      others.length ? h('p', { class: 'small expert-topics' }, h('span', { class: 'muted' }, 'Also knows about '), topicLinks(others)) : null,
    );
  }

  const colleagues = topic.experts;
  const outside = topic.external_experts;
  replace(
    main,
    back,
    h('h1', null, `Experts on #${tag}`),
    h('p', { class: 'muted' }, 'Who to ask about this topic. Vouch for a colleague who helped you, so others know whom to ask.'),
    h(
      'section',
      { 'aria-labelledby': 'colleagues-heading' },
      h('h2', { id: 'colleagues-heading' }, 'Colleagues'),
      colleagues.length
        ? h('ul', { class: 'plain-list expert-cards' }, colleagues.map(colleague))
        : h('p', { class: 'empty' }, `No colleague is named as an expert on #${tag} yet.`),
    ),
    h(
      'section',
      { 'aria-labelledby': 'outside-heading' },
      h('h2', { id: 'outside-heading' }, 'Outside the organisation'),
      outside.length
        ? h('ul', { class: 'plain-list expert-cards' }, outside.map(outsider))
        : h('p', { class: 'empty' }, 'Nobody outside is in the expert log for this topic.'),
    ),
    h(
      'div',
      { class: 'button-row' },
      h('a', { class: 'button button-secondary', href: `/library?tag=${encodeURIComponent(tag)}` }, `Learning tagged #${tag}`),
      isTrainer(me) ? h('a', { class: 'button button-secondary', href: '/manage/experts' }, 'Expert log') : null,
      h('a', { class: 'button button-secondary', href: '/me' }, 'My expertise'),
    ),
  );
}
