// Add or edit an external link (a "resource"): title, URL, tag-line, description and tags →
// POST /api/v1/resources, or PATCH /api/v1/resources/{id} for one that exists. Trainers and
// admins (the server checks again). Only http(s) addresses are taken.

import { createResource, updateResource, type Resource } from '../api';
import { h, replace } from '../dom';
import { externalUrl, parseTags, tagsText } from '../text';
import { errorBox } from './errorBox';
import { field } from './field';
import { tagsField } from './tagsField';

export interface ResourceFormOptions {
  /** the link to edit; none: a new one */
  resource?: Resource;
  saved(r: Resource): void;
  cancel?(): void;
}

export function resourceForm(opts: ResourceFormOptions): HTMLFormElement {
  const r = opts.resource;
  const title = h('input', { type: 'text', name: 'title', required: true, maxlength: 200, autocomplete: 'off', value: r?.title ?? '' });
  const url = h('input', { type: 'url', name: 'url', required: true, inputmode: 'url', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', placeholder: 'https://', value: r?.url ?? '' });
  const tagline = h('input', { type: 'text', name: 'tagline', maxlength: 300, autocomplete: 'off', value: r?.tagline ?? '' });
  const description = h('textarea', { name: 'description', rows: 4, maxlength: 20000 });
  description.value = r?.description ?? '';
  const tags = tagsField();
  tags.input.value = tagsText(r?.tags ?? []);
  tags.refresh();
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, r ? 'Save link' : 'Add link');
  const cancel = opts.cancel ? h('button', { type: 'button', class: 'button button-secondary', onClick: opts.cancel }, 'Cancel') : null;
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });

  const form = h(
    'form',
    { class: 'stack resource-form', 'aria-label': r ? `Edit the link ${r.title}` : 'New link' },
    field('Link title', title),
    field('Address (URL)', url, 'The page to open, starting with https://'),
    field('Tag-line', tagline, 'One sentence shown under the title in the library.'),
    field('Description', description),
    tags.el,
    status,
    h('div', { class: 'button-row' }, submit, cancel),
  );
  form.addEventListener('input', () => replace(status));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const href = externalUrl(url.value.trim());
    if (!title.value.trim()) {
      replace(status, errorBox(new Error('Give the link a title.')));
      title.focus();
      return;
    }
    if (!href) {
      replace(status, errorBox(new Error('Enter a web address starting with https:// (or http://).')));
      url.focus();
      return;
    }
    const fields = {
      title: title.value.trim(),
      url: url.value.trim(),
      tagline: tagline.value.trim(),
      description: description.value.trim(),
      tags: parseTags(tags.input.value),
    };
    submit.disabled = true;
    const label = submit.textContent;
    submit.textContent = 'Saving…';
    try {
      const saved = r ? await updateResource(r.id, fields) : await createResource(fields);
      opts.saved(saved);
      if (!r) {
        form.reset();
        tags.refresh();
      }
    } catch (e) {
      replace(status, errorBox(e));
    } finally {
      submit.disabled = false;
      submit.textContent = label;
    }
  });
  return form;
}
