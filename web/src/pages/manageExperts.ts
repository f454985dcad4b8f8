// The expert log /manage/experts (trainers and admins): people outside the organisation worth
// asking (a supplier's engineer, a trainer at the college) and notes on colleagues, each with the
// best way to reach them, a link, how helpful they have been and the topics (tags) they know.
// The library offers them with its results and each topic's page (/experts/:tag) lists them.
// GET /api/v1/expert-log (by name), "Add to the log" (POST /api/v1/expert-log: a colleague found
// with components/personSearch.ts, or someone outside by name), Edit (PUT …/{id}; an entry's
// person cannot change) and Delete, asked about first (DELETE …/{id}).

import { deleteExpertLogEntry, expertLog, saveExpertLogEntry, type ExpertChannel, type ExpertLogEntry, type ExpertLogInput } from '../api';
import { setTitle } from '../branding';
import { trainerOrNote } from '../components/checkbox';
import { confirmControl } from '../components/confirmAction';
import { errorBox, isAbort } from '../components/errorBox';
import { field } from '../components/field';
import { manageNav } from '../components/manageNav';
import { personSearch } from '../components/personSearch';
import { tagsField } from '../components/tagsField';
import { h, replace } from '../dom';
import type { PageContext } from '../router';
import { parseTags, tagsText } from '../text';
import { CHANNEL_LABEL, contactHref, topicLinks } from './library';

const CHANNELS = Object.keys(CHANNEL_LABEL) as ExpertChannel[];

const CONTACT_HINT: Record<ExpertChannel, string> = {
  email: 'Their email address.',
  phone: 'Their phone number, with the country code if abroad.',
  chat: 'Their handle, or a link to chat with them.',
  website: 'The address of their page or booking form.',
  in_person: 'Where to find them: “Bay 3, mornings”.',
};

let counter = 0;

export async function manageExpertsPage({ main, signal }: PageContext): Promise<void> {
  setTitle('Expert log');
  const me = await trainerOrNote(main, 'Expert log');
  if (!me) return;
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const list = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading the expert log…'));
  const filter = h('input', { type: 'search', name: 'log_filter', autocomplete: 'off', spellcheck: 'false' });
  const addDetails = h('details', { class: 'card edit-details expert-add' }, h('summary', null, 'Add to the log'));
  let filled = false;
  addDetails.addEventListener('toggle', () => {
    if (addDetails.open && !filled) {
      filled = true;
      addDetails.append(entryForm(null, () => (addDetails.open = false)));
    }
  });

  replace(
    main,
    manageNav(me, '/manage/experts'),
    h('h1', null, 'Expert log'),
    h(
      'p',
      { class: 'muted' },
      'People worth asking: someone outside the organisation, or a note on a colleague — how best to reach them and how helpful they have been. The library offers them for their topics.',
    ),
    addDetails,
    status,
    field('Find in the log', filter, 'A name, a topic or a word of the notes.'),
    list,
  );
  filter.addEventListener('input', () => applyFilter());

  function applyFilter(): void {
    const words = filter.value.trim().toLowerCase().replace(/^#/, '');
    for (const li of list.querySelectorAll<HTMLElement>('li[data-search]')) {
      li.hidden = !!words && !li.dataset.search!.includes(words);
    }
  }

  function said(message: string): void {
    replace(status, h('p', { class: 'saved', role: 'status' }, message));
    void load();
  }

  function entryItem(x: ExpertLogEntry): HTMLElement {
    const li = h('li', { class: 'manage-item log-entry', 'data-entry': x.id });
    li.dataset.search = [x.name, x.about, x.contact, x.note, ...x.tags].join(' ').toLowerCase();
    function show(): void {
      const href = contactHref(x.channel, x.contact, x.channel === 'website' ? x.url : null);
      replace(
        li,
        h(
          'span',
          { class: 'manage-item-text' },
          h(
            'span',
            null,
            h('span', { class: 'manage-item-title' }, x.name, x.user_id ? h('span', { class: 'muted small' }, ' (colleague)') : null),
            x.about ? h('span', { class: 'small muted' }, x.about) : null,
            h(
              'span',
              { class: 'small' },
              `${CHANNEL_LABEL[x.channel]}${x.contact ? ': ' : ''}`,
              x.contact ? (href ? h('a', { href }, x.contact) : x.contact) : null,
            ),
            x.note ? h('span', { class: 'small log-note' }, x.note) : null,
            h('span', { class: 'tags-inline' }, topicLinks(x.tags)),
          ),
        ),
        h('div', { class: 'button-row item-actions' }, edit, remove),
      );
    }
    const edit = h('button', { type: 'button', class: 'button button-secondary button-small' }, 'Edit', h('span', { class: 'visually-hidden' }, ` ${x.name}`));
    edit.addEventListener('click', () => {
      replace(li, entryForm(x, show));
      li.querySelector<HTMLElement>('input, select')?.focus();
    });
    const remove = confirmControl({
      label: 'Delete',
      labelDetail: x.name,
      question: `Remove ${x.name} from the expert log?${x.user_id ? ' Their own expertise stays.' : ''}`,
      yes: 'Yes, remove',
      busy: 'Removing…',
      small: true,
      run: () => deleteExpertLogEntry(x.id),
      done: () => said(`Removed ${x.name} from the expert log.`),
    });
    show();
    return li;
  }

  /** The entry form: new (`x` null: a colleague or someone outside) or changing `x`. */
  function entryForm(x: ExpertLogEntry | null, cancel: () => void): HTMLElement {
    const n = ++counter;
    const outsideRadio = h('input', { type: 'radio', name: `who-${n}`, value: 'outside', checked: true });
    const colleagueRadio = h('input', { type: 'radio', name: `who-${n}`, value: 'colleague' });
    const who = h(
      'fieldset',
      { class: 'chips expert-who' },
      h('legend', null, 'Who'),
      h('label', { class: 'chip' }, outsideRadio, h('span', null, 'Someone outside')),
      h('label', { class: 'chip' }, colleagueRadio, h('span', null, 'A colleague')),
    );
    const name = h('input', { type: 'text', name: 'name', maxlength: 200, autocomplete: 'off', value: x?.name ?? '' });
    const nameField = field('Name', name);
    const picker = personSearch({ label: 'Colleague', hint: 'Type the start of their name or email, then choose them.' });
    picker.el.hidden = true;
    const about = h('input', { type: 'text', name: 'about', maxlength: 200, autocomplete: 'off', value: x?.about ?? '' });
    const channel = h('select', { name: 'channel' }, CHANNELS.map((c) => h('option', { value: c, selected: c === (x?.channel ?? 'email') }, CHANNEL_LABEL[c])));
    const contact = h('input', { type: 'text', name: 'contact', maxlength: 200, autocomplete: 'off', value: x?.contact ?? '' });
    const contactField = field('Address, number or handle', contact, CONTACT_HINT[x?.channel ?? 'email']);
    channel.addEventListener('change', () => {
      const hint = contactField.querySelector('.field-hint');
      if (hint) hint.textContent = CONTACT_HINT[channel.value as ExpertChannel];
      contact.inputMode = channel.value === 'email' ? 'email' : channel.value === 'phone' ? 'tel' : 'text';
    });
    const url = h('input', { type: 'url', name: 'url', maxlength: 2000, autocomplete: 'off', value: x?.url ?? '', placeholder: 'https://' });
    const note = h('textarea', { name: 'note', rows: 3, maxlength: 2000 });
    note.value = x?.note ?? '';
    const topics = tagsField('Topics', 'tags', 'Separate topics with commas, as the library’s tags: forklift, first aid. At least one.');
    topics.input.value = tagsText(x?.tags ?? []);
    topics.refresh();
    const formStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
    const save = h('button', { type: 'submit', class: 'button button-primary' }, x ? 'Save' : 'Add to the log');
    const close = h('button', { type: 'button', class: 'button button-secondary', onClick: cancel }, 'Cancel');

    who.addEventListener('change', () => {
      const colleague = colleagueRadio.checked;
      picker.el.hidden = !colleague;
      nameField.hidden = colleague;
      (colleague ? picker.input : name).focus();
    });

    const form = h(
      'form',
      { class: 'stack expert-form' },
      x
        ? x.user_id
          ? h('p', null, h('strong', null, x.name), h('span', { class: 'muted' }, ' (a colleague)'))
          : nameField
        : [who, nameField, picker.el],
      field('What they are or where they work (optional)', about, 'Like “Supplier’s field engineer”.'),
      field('Best way to reach them', channel),
      contactField,
      field('Link (optional)', url, 'Their page, profile or booking form: http(s) only.'),
      field('How helpful they have been (optional)', note),
      topics.el,
      formStatus,
      h('div', { class: 'button-row' }, save, close),
    );
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const colleague = !x && colleagueRadio.checked ? picker.chosen() : null;
      const tags = parseTags(topics.input.value);
      const problem =
        !x && colleagueRadio.checked && !colleague
          ? 'Find the colleague by name and choose them first.'
          : !x?.user_id && !colleagueRadio.checked && !name.value.trim()
            ? 'Give the person’s name.'
            : tags.length === 0
              ? 'Give at least one topic.'
              : null;
      if (problem) {
        replace(formStatus, h('p', { class: 'notice notice-error', role: 'alert' }, problem));
        return;
      }
      const entry: ExpertLogInput = {
        user_id: colleague?.user_id ?? x?.user_id ?? null,
        name: colleague ? colleague.name : name.value.trim(),
        about: about.value.trim(),
        channel: channel.value as ExpertChannel,
        contact: contact.value.trim(),
        url: url.value.trim() || null,
        note: note.value.trim(),
        tags,
      };
      save.disabled = true;
      replace(formStatus);
      try {
        const saved = await saveExpertLogEntry(x?.id ?? null, entry);
        said(x ? `Saved ${saved.name}.` : `Added ${saved.name} to the expert log.`);
        if (!x) {
          form.reset();
          picker.clear();
          picker.el.hidden = true;
          nameField.hidden = false;
          topics.refresh();
          cancel();
        }
      } catch (e) {
        replace(formStatus, errorBox(e));
      } finally {
        save.disabled = false;
      }
    });
    return form;
  }

  async function load(): Promise<void> {
    list.setAttribute('aria-busy', 'true');
    try {
      const items = await expertLog(signal);
      replace(
        list,
        items.length
          ? h('ul', { class: 'manage-items card manage-card expert-log' }, items.map(entryItem))
          : h('p', { class: 'empty' }, 'The expert log is empty. Add someone worth asking.'),
      );
      applyFilter();
    } catch (e) {
      if (isAbort(e)) return;
      replace(list, errorBox(e, () => void load()));
    } finally {
      list.removeAttribute('aria-busy');
    }
  }
  await load();
}
