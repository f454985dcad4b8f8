// "Edit details" of a video: title, tag-line, description and tags (comma separated), sent as
// PATCH /api/v1/videos/{id}. Folded away in a <details> so it stays out of the way on a phone.
// Shown only to trainers, admins and the video's owner (the server checks again).

import { updateVideo, type Video } from '../api';
import { h, replace } from '../dom';
import { parseTags, tagsText } from '../text';
import { errorBox } from './errorBox';
import { field } from './field';
import { tagsField } from './tagsField';

export interface VideoEditForm {
  el: HTMLElement;
  /** refill the fields from `v`, unless the person is editing them */
  update(v: Video): void;
}

export function videoEditForm(video: Video, onSaved: (v: Video) => void): VideoEditForm {
  const title = h('input', { type: 'text', name: 'title', required: true, maxlength: 200, autocomplete: 'off' });
  const tagline = h('input', { type: 'text', name: 'tagline', maxlength: 300, autocomplete: 'off' });
  const description = h('textarea', { name: 'description', rows: 5, maxlength: 20000 });
  const tagsBox = tagsField();
  const tags = tagsBox.input;
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, 'Save');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  let dirty = false;

  function fill(v: Video): void {
    title.value = v.title;
    tagline.value = v.tagline ?? '';
    description.value = v.description ?? '';
    tags.value = tagsText(v.tags ?? []);
    tagsBox.refresh();
    dirty = false;
  }

  const form = h(
    'form',
    { class: 'stack' },
    field('Title', title),
    field('Tag-line', tagline, 'One sentence shown under the title in the library.'),
    field('Description', description),
    tagsBox.el,
    status,
    h('div', { class: 'button-row' }, submit),
  );
  form.addEventListener('input', () => {
    dirty = true;
    replace(status);
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!title.value.trim()) {
      replace(status, errorBox(new Error('Give the video a title.')));
      title.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Saving…';
    replace(status);
    try {
      const saved = await updateVideo(video.id, {
        title: title.value.trim(),
        tagline: tagline.value.trim(),
        description: description.value.trim(),
        tags: parseTags(tags.value),
      });
      fill(saved);
      replace(status, h('p', { class: 'saved' }, 'Saved.'));
      onSaved(saved);
    } catch (e) {
      replace(status, errorBox(e));
    } finally {
      submit.disabled = false;
      submit.textContent = 'Save';
    }
  });

  fill(video);
  const el = h('details', { class: 'card edit-details' }, h('summary', null, 'Edit details'), form);
  return {
    el,
    update(v) {
      if (!dirty) fill(v);
    },
  };
}
