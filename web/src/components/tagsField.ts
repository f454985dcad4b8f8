// The tags input, the same everywhere tags are typed (videos, handouts, links, "My expertise"):
// comma separated, with the tags as the server will keep them shown under it as one types
// ("first aid" → #first-aid), so a tag nobody else uses is not made by surprise.

import { h, replace } from '../dom';
import { normalizeTags, TAGS_HINT } from '../text';
import { field } from './field';

export interface TagsField {
  el: HTMLElement;
  input: HTMLInputElement;
  /** shows the kept form of what is typed now (call after setting input.value) */
  refresh(): void;
}

export function tagsField(label = 'Tags', name = 'tags', hint = TAGS_HINT): TagsField {
  const input = h('input', { type: 'text', name, autocomplete: 'off', autocapitalize: 'none', maxlength: 1000 });
  const preview = h('p', { class: 'small tags-preview', 'aria-live': 'polite' });
  function refresh(): void {
    const tags = normalizeTags(input.value);
    replace(preview, tags.length ? ['Kept as: ', tags.map((t) => h('span', { class: 'tag tag-static' }, `#${t}`))] : null);
  }
  input.addEventListener('input', refresh);
  const el = h('div', { class: 'stack-tight' }, field(label, input, hint), preview);
  return { el, input, refresh };
}
