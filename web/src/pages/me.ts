// My expertise /me (everyone): the topics (tags) the signed-in person can be asked about; the
// library offers them as an expert when someone filters by one of those tags or searches for its
// words. Typed like the tags of videos and links (components/tagsField.ts), kept the same way. There is no call for
// one's own tags, so the form is prefilled from GET /api/v1/experts filtered by the person's id;
// saving replaces them (PUT /api/v1/me/expertise) and shows them as the server keeps them.
// Also the way to one's own development page (/development) and team (/team).

import { listExperts, setMyExpertise } from '../api';
import { setTitle } from '../branding';
import { errorBox, isAbort } from '../components/errorBox';
import { tagsField } from '../components/tagsField';
import { h, replace } from '../dom';
import type { PageContext } from '../router';
import { currentUser } from '../session';
import { parseTags, tagsText } from '../text';

/** The tags as links to the library filtered by each. */
function tagLinks(tags: string[]): HTMLElement {
  return tags.length
    ? h(
        'p',
        { class: 'expertise-tags' },
        'Colleagues see you as an expert on ',
        h(
          'span',
          { class: 'tags-inline' },
          tags.map((t) => h('a', { class: 'tag', href: `/library?tag=${encodeURIComponent(t)}` }, `#${t}`)),
        ),
      )
    : h('p', { class: 'muted small' }, 'You have not named any topics yet.');
}

export async function mePage({ main, signal }: PageContext): Promise<void> {
  setTitle('My expertise');
  const me = await currentUser();
  if (!me) return;

  const topics = tagsField(
    'Topics',
    'expertise',
    'Separate topics with commas. Use the words colleagues search for, like the library’s tags: forklift, safety, first aid. Each is kept as one tag (first aid → first-aid), and you are offered for searches of its words.',
  );
  const tags = topics.input;
  tags.disabled = true;
  const submit = h('button', { type: 'submit', class: 'button button-primary', disabled: true }, 'Save topics');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const current = h('div', { 'aria-live': 'polite' }, h('p', { class: 'muted small', 'aria-busy': 'true' }, 'Loading your topics…'));

  const form = h(
    'form',
    { class: 'stack card manage-card', 'aria-labelledby': 'expertise-heading' },
    h(
      'p',
      { class: 'small muted' },
      'Name the topics colleagues can ask you about. When someone searches the library for one of them, or taps its tag, you are offered as an expert to ask.',
    ),
    current,
    topics.el,
    status,
    h('div', { class: 'button-row' }, submit),
  );
  form.addEventListener('input', () => replace(status));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    submit.disabled = true;
    submit.textContent = 'Saving…';
    replace(status);
    try {
      const answer = await setMyExpertise(parseTags(tags.value));
      tags.value = tagsText(answer.tags);
      topics.refresh();
      replace(current, tagLinks(answer.tags));
      replace(status, h('p', { class: 'saved' }, answer.tags.length ? 'Topics saved.' : 'Topics cleared.'));
    } catch (e) {
      replace(status, errorBox(e));
    } finally {
      submit.disabled = false;
      submit.textContent = 'Save topics';
    }
  });

  replace(
    main,
    h('a', { class: 'back-link', href: '/' }, '← Home'),
    h('h1', { id: 'expertise-heading' }, 'My expertise'),
    h('p', { class: 'muted' }, `${me.name} · ${me.email}`),
    h(
      'nav',
      { class: 'me-links', 'aria-label': 'Development' },
      h('a', { class: 'button button-secondary', href: '/development' }, 'My development'),
      h('a', { class: 'button button-secondary', href: '/team' }, 'My team'),
    ),
    form,
  );

  async function load(): Promise<void> {
    try {
      const mine = (await listExperts(undefined, signal)).filter((x) => x.user_id === me!.id).map((x) => x.tag);
      tags.value = tagsText(mine);
      topics.refresh();
      replace(current, tagLinks(mine));
      // saving replaces all of them, so the form opens only once the current ones are in it
      tags.disabled = false;
      submit.disabled = false;
    } catch (e) {
      if (isAbort(e)) return;
      replace(current, errorBox(e, () => void load()));
    }
  }
  await load();
}
