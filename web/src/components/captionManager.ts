// A video's captions for the people who may change them (trainers and the video's owner): the
// captions there are, each with Delete (DELETE /api/v1/videos/{id}/captions/{language}, asked
// first), and a form to add a .vtt or .srt file with its language and label
// (POST /api/v1/videos/{id}/captions; the same language again replaces it). The server's sentence
// is shown when it refuses the file (422: not captions, too big).

import { deleteCaptions, uploadCaptions, type Caption } from '../api';
import { h, replace } from '../dom';
import { confirmControl } from './confirmAction';
import { errorBox } from './errorBox';
import { field } from './field';

export interface CaptionManager {
  el: HTMLElement;
  /** the captions as the server sent them again */
  update(captions: Caption[]): void;
}

const LANGUAGE_HINT = 'A language tag: en, de, fr, pt-BR…';

/** The line of one caption in the list: "English (en) · 42 lines". */
function captionLine(c: Caption): string {
  const label = c.label && c.label !== c.language ? `${c.label} (${c.language})` : c.language;
  return `${label} · ${c.cue_count} ${c.cue_count === 1 ? 'line' : 'lines'}`;
}

export function captionManager(videoId: string, initial: Caption[], changed: (captions: Caption[]) => void): CaptionManager {
  let captions = initial.slice();
  const heading = h('h2', { id: 'captions-heading', tabindex: -1 }, 'Captions');
  const list = h('div');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });

  const file = h('input', { type: 'file', name: 'captions-file', accept: '.vtt,.srt,text/vtt', required: true });
  const language = h('input', { type: 'text', name: 'captions-language', required: true, maxlength: 35, autocomplete: 'off', spellcheck: 'false', value: 'en' });
  const label = h('input', { type: 'text', name: 'captions-label', maxlength: 60, placeholder: 'English' });
  const send = h('button', { type: 'submit', class: 'button button-primary' }, 'Add captions');
  const formStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'stack captions-form', 'aria-label': 'Add captions' },
    field('Captions file (.vtt or .srt)', file),
    h(
      'div',
      { class: 'field-pair' },
      field('Language', language, LANGUAGE_HINT),
      field('Label (optional)', label, 'What the captions menu shows; the language when left empty.'),
    ),
    formStatus,
    h('div', { class: 'button-row' }, send),
  );

  function render(): void {
    heading.textContent = captions.length ? `Captions (${captions.length})` : 'Captions';
    replace(
      list,
      captions.length
        ? h(
            'ul',
            { class: 'manage-items caption-items' },
            captions.map((c) =>
              h(
                'li',
                { class: 'manage-item', 'data-language': c.language },
                h('div', { class: 'manage-item-text' }, h('span', { lang: c.language }, captionLine(c))),
                h(
                  'div',
                  { class: 'button-row manage-item-actions' },
                  confirmControl({
                    label: 'Delete',
                    labelDetail: `captions ${c.label || c.language}`,
                    question: `Delete the ${c.label || c.language} captions? The transcript in that language goes with them.`,
                    yes: 'Yes, delete',
                    busy: 'Deleting…',
                    small: true,
                    run: () => deleteCaptions(videoId, c.language),
                    done() {
                      captions = captions.filter((x) => x.language !== c.language);
                      render();
                      replace(status, h('p', { class: 'saved' }, `Deleted the ${c.label || c.language} captions.`));
                      heading.focus();
                      changed(captions);
                    },
                  }),
                ),
              ),
            ),
          )
        : h('p', { class: 'muted small' }, 'No captions yet. Add a WebVTT or SubRip file: people can read along, and search finds what is said.'),
    );
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    replace(formStatus);
    const chosen = file.files?.[0];
    const lang = language.value.trim();
    if (!chosen) {
      replace(formStatus, errorBox(new Error('Choose a .vtt or .srt file.')));
      file.focus();
      return;
    }
    if (!lang) {
      replace(formStatus, errorBox(new Error('Say which language the captions are in.')));
      language.focus();
      return;
    }
    send.disabled = true;
    send.textContent = 'Adding…';
    try {
      const added = await uploadCaptions(videoId, chosen, lang, label.value.trim());
      const replaced = captions.some((c) => c.language === added.language);
      captions = [...captions.filter((c) => c.language !== added.language), added].sort((a, b) => a.language.localeCompare(b.language));
      render();
      form.reset();
      language.value = added.language;
      replace(
        formStatus,
        h('p', { class: 'saved' }, `${replaced ? 'Replaced' : 'Added'} the ${added.label || added.language} captions (${added.cue_count} ${added.cue_count === 1 ? 'line' : 'lines'}).`),
      );
      changed(captions);
    } catch (e) {
      replace(formStatus, errorBox(e));
    } finally {
      send.disabled = false;
      send.textContent = 'Add captions';
    }
  });

  render();
  return {
    el: h('section', { class: 'captions-section', 'aria-labelledby': 'captions-heading' }, heading, status, list, form),
    update(next) {
      const key = (cs: Caption[]) => cs.map((c) => `${c.id}:${c.created_at}`).join();
      if (key(next) === key(captions) || list.querySelector('.notice-confirm')) return;
      captions = next.slice();
      render();
    },
  };
}
