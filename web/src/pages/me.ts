// My expertise /me (everyone): the topics (tags) the signed-in person can be asked about; the
// library shows them as an expert when someone filters by one of those tags. There is no call for
// one's own tags, so the form is prefilled from GET /api/v1/experts filtered by the person's id;
// saving replaces them (PUT /api/v1/me/expertise) and shows them as the server keeps them.

import { listExperts, setMyExpertise } from '../api';
import { setTitle } from '../branding';
import { errorBox, isAbort } from '../components/errorBox';
import { field } from '../components/field';
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

  const tags = h('input', { type: 'text', name: 'expertise', autocomplete: 'off', maxlength: 1000, disabled: true });
  const submit = h('button', { type: 'submit', class: 'button button-primary', disabled: true }, 'Save topics');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const current = h('div', { 'aria-live': 'polite' }, h('p', { class: 'muted small', 'aria-busy': 'true' }, 'Loading your topics…'));

  const form = h(
    'form',
    { class: 'stack card manage-card', 'aria-labelledby': 'expertise-heading' },
    h(
      'p',
      { class: 'small muted' },
      'Name the topics colleagues can ask you about. When someone looks at one of these tags in the library, you are offered as an expert to ask.',
    ),
    current,
    field('Topics', tags, 'Separate them with commas, for example: forklift safety, first aid. Leave empty to be nobody’s expert.'),
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
    form,
  );

  async function load(): Promise<void> {
    try {
      const mine = (await listExperts(undefined, signal)).filter((x) => x.user_id === me!.id).map((x) => x.tag);
      tags.value = tagsText(mine);
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
