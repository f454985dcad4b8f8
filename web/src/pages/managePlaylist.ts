// Playlist editor /manage/playlists/:id (trainers and admins):
// - details: title, description, intro, on-boarding / in order / published → PATCH
// - cover: a picture file sent as it is → PUT …/cover
// - items in order, each with Up / Down (PUT …/items with the whole new order) and Remove
//   (DELETE …/items/{entry}); item changes are saved at once, not with the details form
// - "Add items": a search over the library (GET /api/v1/library?q=&kind=) with an Add button on
//   each result not yet in the playlist (POST …/items, at the end; the server's 409 sentence is
//   shown if it is there after all); or straight into the playlist: upload handouts
//   (components/handoutUploads.ts, POST /api/v1/handouts) or make a new link
//   (components/resourceForm.ts), each then added as an item; or write a practice step
//   (components/practiceEditor.ts: instructions, model video, rubric), added as a `practice` item;
//   practice items can be edited in place (GET / PUT /api/v1/practice-steps/{id}); "Add a quiz" and
//   "Add an exercise" (components/assessmentAdd.ts: a new one, or one written before), added as
//   `quiz` / `exercise` items; quizzes edited in place (components/quizEditor.ts) with a link to
//   their report, exercises too (components/exerciseEditor.ts)
// - links in the items can be edited (PATCH /api/v1/resources/{id}) or deleted from the library
// - links to the learner's view and the progress report; deleting the playlist.

import {
  addPlaylistItem,
  deletePlaylist,
  deleteResource,
  getPlaylist,
  getResource,
  getExercise,
  getQuizToEdit,
  getStep,
  removePlaylistItem,
  reorderPlaylist,
  searchLibrary,
  updatePlaylist,
  uploadPlaylistCover,
  type LibraryItem,
  type EntryKind,
  type LibraryKind,
  type Playlist,
  type PlaylistItem,
} from '../api';
import { setTitle } from '../branding';
import { addExerciseBox, addQuizBox } from '../components/assessmentAdd';
import { checkbox, trainerOrNote } from '../components/checkbox';
import { deleteControl } from '../components/confirmDelete';
import { errorBox, isAbort } from '../components/errorBox';
import { field } from '../components/field';
import { handoutUploads } from '../components/handoutUploads';
import { KIND_LABEL } from '../components/libraryItem';
import { exerciseEditor } from '../components/exerciseEditor';
import { practiceEditor } from '../components/practiceEditor';
import { quizEditor } from '../components/quizEditor';
import { resourceForm } from '../components/resourceForm';
import { h, replace } from '../dom';
import { formatBytes } from '../format';
import type { PageContext } from '../router';
import { navigate } from '../router';

const COVER_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const COVER_MAX = 10 * 1024 * 1024;
const SEARCH_DELAY_MS = 250;

const KINDS: { value: LibraryKind | ''; label: string }[] = [
  { value: '', label: 'Everything' },
  { value: 'video', label: 'Videos' },
  { value: 'handout', label: 'Handouts' },
  { value: 'resource', label: 'Links' },
];

function saved(text: string): HTMLElement {
  return h('p', { class: 'saved' }, text);
}

export async function managePlaylistPage({ main, params, signal }: PageContext): Promise<() => void> {
  setTitle('Edit playlist');
  const noop = () => {};
  if (!(await trainerOrNote(main, 'Edit playlist'))) return noop;
  const id = params.id!;
  replace(main, h('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading…'));

  let playlist: Playlist;
  try {
    playlist = await getPlaylist(id, signal);
  } catch (e) {
    if (isAbort(e)) return noop;
    replace(
      main,
      h('a', { class: 'back-link', href: '/manage/playlists' }, '← All playlists'),
      h('h1', null, 'Edit playlist'),
      errorBox(e, () => navigate(location.pathname, { replace: true })),
    );
    return noop;
  }
  const enc = encodeURIComponent(id);
  const heading = h('h1', null, playlist.title);
  setTitle(`Edit ${playlist.title}`);

  // --- details ---------------------------------------------------------------------------
  const title = h('input', { type: 'text', name: 'title', required: true, maxlength: 200, autocomplete: 'off' });
  const description = h('textarea', { name: 'description', rows: 3, maxlength: 2000 });
  const intro = h('textarea', { name: 'intro', rows: 5, maxlength: 20000 });
  const onboarding = h('input', { type: 'checkbox', name: 'onboarding' });
  const sequential = h('input', { type: 'checkbox', name: 'sequential' });
  const published = h('input', { type: 'checkbox', name: 'published' });
  const saveButton = h('button', { type: 'submit', class: 'button button-primary' }, 'Save');
  const detailsStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  title.value = playlist.title;
  description.value = playlist.description ?? '';
  intro.value = playlist.intro ?? '';
  onboarding.checked = !!playlist.onboarding;
  sequential.checked = playlist.sequential;
  published.checked = !!playlist.published;

  const detailsForm = h(
    'form',
    { class: 'stack card manage-card', 'aria-labelledby': 'details-heading' },
    h('h2', { id: 'details-heading' }, 'Details'),
    field('Title', title),
    field('Description', description, 'One or two sentences shown under the title.'),
    field('Introduction', intro, 'Shown above the items. Leave a blank line between paragraphs.'),
    checkbox('On-boarding', onboarding, 'Offered when inviting new people.'),
    checkbox('In order', sequential, 'Each item unlocks when the one before it is done.'),
    checkbox('Published', published, 'Learners see the playlist only once it is published.'),
    detailsStatus,
    h('div', { class: 'button-row' }, saveButton),
  );
  detailsForm.addEventListener('input', () => replace(detailsStatus));
  detailsForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!title.value.trim()) {
      replace(detailsStatus, errorBox(new Error('Give the playlist a title.')));
      title.focus();
      return;
    }
    saveButton.disabled = true;
    saveButton.textContent = 'Saving…';
    replace(detailsStatus);
    try {
      const p = await updatePlaylist(id, {
        title: title.value.trim(),
        description: description.value.trim(),
        intro: intro.value.trim(),
        onboarding: onboarding.checked,
        sequential: sequential.checked,
        published: published.checked,
      });
      playlist = { ...playlist, ...p, items: playlist.items };
      heading.textContent = p.title;
      setTitle(`Edit ${p.title}`);
      replace(detailsStatus, saved(p.published ? 'Saved. The playlist is published.' : 'Saved as a draft.'));
    } catch (e) {
      replace(detailsStatus, errorBox(e));
    } finally {
      saveButton.disabled = false;
      saveButton.textContent = 'Save';
    }
  });

  // --- cover -----------------------------------------------------------------------------
  const coverSlot = h('div');
  const coverInput = h('input', { type: 'file', name: 'cover', accept: 'image/*', class: 'file-input' });
  const coverStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  function showCover(url: string | null): void {
    replace(
      coverSlot,
      url
        ? h('img', { class: 'cover manage-cover', src: url, alt: 'The current cover', onError: (ev) => (ev.target as Element).remove() })
        : h('p', { class: 'muted small' }, 'No cover yet.'),
    );
  }
  showCover(playlist.cover_url ?? null);
  coverInput.addEventListener('change', async () => {
    const file = coverInput.files?.[0];
    if (!file) return;
    replace(coverStatus);
    if (!COVER_TYPES.includes(file.type)) {
      replace(coverStatus, errorBox(new Error('Choose a PNG, JPEG, WebP or GIF picture.')));
      return;
    }
    if (file.size > COVER_MAX) {
      replace(coverStatus, errorBox(new Error(`That picture is ${formatBytes(file.size)}; the cover may be at most 10 MiB.`)));
      return;
    }
    coverInput.disabled = true;
    replace(coverStatus, h('p', { class: 'muted' }, 'Uploading the picture…'));
    try {
      const p = await uploadPlaylistCover(id, file);
      // the same address may be cached for a minute: ask for the new picture
      showCover(p.cover_url ? `${p.cover_url}${p.cover_url.includes('?') ? '&' : '?'}v=${Date.now()}` : null);
      replace(coverStatus, saved('Cover saved.'));
    } catch (e) {
      replace(coverStatus, errorBox(e));
    } finally {
      coverInput.disabled = false;
      coverInput.value = '';
    }
  });
  const coverSection = h(
    'section',
    { class: 'stack card manage-card', 'aria-labelledby': 'cover-heading' },
    h('h2', { id: 'cover-heading' }, 'Cover'),
    coverSlot,
    field('Choose a picture', coverInput, 'PNG, JPEG, WebP or GIF, at most 10 MiB. It is saved at once.'),
    coverStatus,
  );

  // --- items -----------------------------------------------------------------------------
  const itemsHeading = h('h2', { id: 'items-heading' }, 'Items');
  const itemsStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const itemsList = h('div');
  let busy = false;
  /** the entry whose link is being edited */
  let editing: string | null = null;

  function setBusy(on: boolean): void {
    busy = on;
    itemsList.setAttribute('aria-busy', String(on));
    for (const b of main.querySelectorAll<HTMLButtonElement>('[data-item-action]')) {
      b.disabled = on || b.dataset.edge === 'true';
    }
  }

  function renderItems(focus?: { entry: string; action: string }): void {
    const items = playlist.items;
    itemsHeading.textContent = `Items (${items.length})`;
    replace(
      itemsList,
      items.length
        ? h(
            'ol',
            { class: 'manage-items' },
            items.map((item, i) =>
              h(
                'li',
                { class: 'manage-item', 'data-entry': item.id },
                h(
                  'div',
                  { class: 'manage-item-text' },
                  h('span', { class: 'step-number', 'aria-hidden': 'true' }, String(i + 1)),
                  h('span', null, h('span', { class: 'kind' }, KIND_LABEL[item.kind]), h('span', { class: 'manage-item-title' }, item.title)),
                ),
                h(
                  'div',
                  { class: 'button-row manage-item-actions' },
                  actionButton('up', 'Up', item.title, i === 0, () => void move(i, -1)),
                  actionButton('down', 'Down', item.title, i === items.length - 1, () => void move(i, 1)),
                  actionButton('remove', 'Remove', item.title, false, () => void remove(i)),
                  item.kind === 'resource'
                    ? actionButton('edit', editing === item.id ? 'Close' : 'Edit link', item.title, false, () => void editLink(item))
                    : item.kind === 'practice'
                      ? actionButton('edit', editing === item.id ? 'Close' : 'Edit step', item.title, false, () => void editStep(item))
                      : item.kind === 'quiz'
                        ? [
                            actionButton('edit', editing === item.id ? 'Close' : 'Edit quiz', item.title, false, () => void editAssessment(item)),
                            h('a', { class: 'button button-secondary button-small', href: `/manage/quizzes/${encodeURIComponent(item.item_id)}/report` }, 'Report', h('span', { class: 'visually-hidden' }, `: ${item.title}`)),
                          ]
                        : item.kind === 'exercise'
                          ? actionButton('edit', editing === item.id ? 'Close' : 'Edit exercise', item.title, false, () => void editAssessment(item))
                          : null,
                ),
                editing === item.id ? h('div', { class: 'link-edit', 'data-edit': item.id }, h('p', { class: 'small muted' }, 'Loading…')) : null,
              ),
            ),
          )
        : h('p', { class: 'empty' }, 'No items yet. Add some from the library below.'),
    );
    if (focus) {
      const row = itemsList.querySelector(`[data-entry="${CSS.escape(focus.entry)}"]`);
      const button =
        row?.querySelector<HTMLButtonElement>(`[data-item-action="${focus.action}"]:not(:disabled)`) ??
        row?.querySelector<HTMLButtonElement>('[data-item-action]:not(:disabled)');
      button?.focus();
    }
  }

  function actionButton(action: string, label: string, itemTitle: string, edge: boolean, onClick: () => void): HTMLButtonElement {
    return h(
      'button',
      {
        type: 'button',
        class: 'button button-secondary button-small',
        'data-item-action': action,
        'data-edge': edge ? 'true' : null,
        disabled: edge || busy,
        onClick,
      },
      label,
      h('span', { class: 'visually-hidden' }, `: ${itemTitle}`),
    );
  }

  /** Opens (or closes) the form of a practice step in the items. */
  async function editStep(item: PlaylistItem): Promise<void> {
    editing = editing === item.id ? null : item.id;
    renderItems({ entry: item.id, action: 'edit' });
    if (editing !== item.id) return;
    const slot = itemsList.querySelector<HTMLElement>(`[data-edit="${CSS.escape(item.id)}"]`)!;
    try {
      const step = await getStep(item.item_id, signal);
      replace(
        slot,
        practiceEditor({
          step,
          async saved(changed) {
            editing = null;
            await reloadItems();
            replace(itemsStatus, saved(`Saved the practice step “${changed.title}”.`));
          },
          cancel: () => {
            editing = null;
            renderItems({ entry: item.id, action: 'edit' });
          },
        }),
      );
      slot.querySelector<HTMLInputElement>('input')?.focus();
    } catch (e) {
      if (!isAbort(e)) replace(slot, errorBox(e));
    }
  }

  /** Opens (or closes) the form of a quiz or an exercise in the items. */
  async function editAssessment(item: PlaylistItem): Promise<void> {
    editing = editing === item.id ? null : item.id;
    renderItems({ entry: item.id, action: 'edit' });
    if (editing !== item.id) return;
    const slot = itemsList.querySelector<HTMLElement>(`[data-edit="${CSS.escape(item.id)}"]`)!;
    const close = () => {
      editing = null;
      renderItems({ entry: item.id, action: 'edit' });
    };
    async function changed(title: string): Promise<void> {
      editing = null;
      await reloadItems();
      replace(itemsStatus, saved(`Saved “${title}”.`));
    }
    try {
      const form =
        item.kind === 'quiz'
          ? quizEditor({ quiz: await getQuizToEdit(item.item_id, signal), saved: (q) => changed(q.title), cancel: close })
          : exerciseEditor({ exercise: await getExercise(item.item_id, signal), saved: (x) => changed(x.title), cancel: close });
      replace(slot, form);
      slot.querySelector<HTMLInputElement>('input')?.focus();
    } catch (e) {
      if (!isAbort(e)) replace(slot, errorBox(e));
    }
  }

  /** Opens (or closes) the form of a link in the items: change it, or delete it everywhere. */
  async function editLink(item: PlaylistItem): Promise<void> {
    editing = editing === item.id ? null : item.id;
    renderItems({ entry: item.id, action: 'edit' });
    if (editing !== item.id) return;
    const slot = itemsList.querySelector<HTMLElement>(`[data-edit="${CSS.escape(item.id)}"]`)!;
    const close = () => {
      editing = null;
      renderItems({ entry: item.id, action: 'edit' });
    };
    try {
      const r = await getResource(item.item_id, signal);
      replace(
        slot,
        resourceForm({
          resource: r,
          async saved(changed) {
            editing = null;
            await reloadItems();
            replace(itemsStatus, saved(`Saved the link “${changed.title}”.`));
          },
          cancel: close,
        }),
        h(
          'div',
          { class: 'link-delete' },
          deleteControl({
            what: 'link',
            title: r.title,
            id: r.id,
            label: 'Delete this link from the library',
            remove: () => deleteResource(r.id),
            async deleted() {
              editing = null;
              await reloadItems();
              replace(itemsStatus, saved(`Deleted the link “${r.title}”.`));
            },
          }),
        ),
      );
      slot.querySelector<HTMLInputElement>('input')?.focus();
    } catch (e) {
      if (!isAbort(e)) replace(slot, errorBox(e));
    }
  }

  async function move(index: number, delta: number): Promise<void> {
    if (busy) return;
    const order = playlist.items.map((i) => i.id);
    const to = index + delta;
    if (to < 0 || to >= order.length) return;
    [order[index], order[to]] = [order[to]!, order[index]!];
    const entry = playlist.items[index]!;
    setBusy(true);
    replace(itemsStatus);
    try {
      const view = await reorderPlaylist(id, order);
      playlist = { ...playlist, items: view.items };
      busy = false;
      renderItems({ entry: entry.id, action: delta < 0 ? 'up' : 'down' });
      replace(itemsStatus, h('p', { class: 'visually-hidden' }, `${entry.title} is now number ${to + 1}.`));
    } catch (e) {
      replace(itemsStatus, errorBox(e));
    } finally {
      setBusy(false);
    }
  }

  async function remove(index: number): Promise<void> {
    if (busy) return;
    const entry = playlist.items[index]!;
    setBusy(true);
    replace(itemsStatus);
    try {
      await removePlaylistItem(id, entry.id);
      await reloadItems();
      replace(itemsStatus, saved(`Removed “${entry.title}”.`));
      itemsHeading.setAttribute('tabindex', '-1');
      itemsHeading.focus();
    } catch (e) {
      replace(itemsStatus, errorBox(e));
    } finally {
      setBusy(false);
    }
  }

  async function reloadItems(): Promise<void> {
    const p = await getPlaylist(id, signal);
    playlist = { ...playlist, items: p.items };
    renderItems();
    refreshMarks();
  }

  renderItems();
  const itemsSection = h(
    'section',
    { class: 'stack card manage-card', 'aria-labelledby': 'items-heading' },
    itemsHeading,
    h('p', { class: 'small muted' }, 'Changes to the items are saved at once.'),
    itemsStatus,
    itemsList,
  );

  // --- add items -------------------------------------------------------------------------
  const query = h('input', { type: 'search', name: 'q', enterkeyhint: 'search', autocomplete: 'off', class: 'add-search' });
  const kind = h(
    'select',
    { name: 'kind' },
    KINDS.map((k) => h('option', { value: k.value }, k.label)),
  );
  const results = h('ul', { class: 'plain-list add-results' });
  const searchStatus = h('p', { class: 'muted small', role: 'status' });
  let inFlight: AbortController | null = null;
  let debounce = 0;

  /** Results already in the playlist say so instead of offering Add (an item is in it once). */
  function refreshMarks(): void {
    const present = new Set(playlist.items.map((i) => `${i.kind}:${i.item_id}`));
    for (const li of results.querySelectorAll<HTMLElement>('[data-key]')) {
      const has = present.has(li.dataset.key!);
      li.querySelector('.in-playlist')?.toggleAttribute('hidden', !has);
      li.querySelector('[data-add]')?.toggleAttribute('hidden', has);
    }
  }

  /** Adds a handout or link just made here, at the end. */
  async function addMade(kind: EntryKind, itemId: string, title: string): Promise<void> {
    replace(itemsStatus);
    try {
      await addPlaylistItem(id, kind, itemId);
      await reloadItems();
      replace(itemsStatus, saved(`Added “${title}”.`));
    } catch (e) {
      replace(itemsStatus, errorBox(e));
    }
  }

  function resultRow(item: LibraryItem): HTMLElement {
    const add = h('button', { type: 'button', class: 'button button-secondary button-small', 'data-add': item.id }, 'Add', h('span', { class: 'visually-hidden' }, `: ${item.title}`));
    add.addEventListener('click', async () => {
      if (busy) return;
      add.disabled = true;
      setBusy(true);
      replace(itemsStatus);
      try {
        await addPlaylistItem(id, item.kind, item.id);
        await reloadItems();
        replace(itemsStatus, saved(`Added “${item.title}”.`));
      } catch (e) {
        replace(itemsStatus, errorBox(e));
      } finally {
        add.disabled = false;
        setBusy(false);
      }
    });
    return h(
      'li',
      { class: 'add-result', 'data-key': `${item.kind}:${item.id}` },
      h(
        'div',
        { class: 'add-result-text' },
        h('span', { class: 'kind' }, KIND_LABEL[item.kind]),
        h('span', { class: 'add-result-title' }, item.title),
        item.tagline ? h('span', { class: 'small muted clamp' }, item.tagline) : null,
        h('span', { class: 'in-playlist small', hidden: true }, 'In the playlist'),
      ),
      add,
    );
  }

  async function search(): Promise<void> {
    window.clearTimeout(debounce);
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    const stop = () => controller.abort();
    signal.addEventListener('abort', stop, { once: true });
    results.setAttribute('aria-busy', 'true');
    searchStatus.textContent = 'Searching…';
    try {
      const page = await searchLibrary({ q: query.value.trim(), kind: kind.value as LibraryKind | '' }, controller.signal);
      replace(results, page.items.map(resultRow));
      refreshMarks();
      searchStatus.textContent = page.items.length
        ? `${page.items.length}${page.next_cursor ? '+' : ''} found`
        : 'Nothing found. Try other words.';
    } catch (e) {
      if (isAbort(e)) return;
      searchStatus.textContent = '';
      replace(results, h('li', null, errorBox(e, () => void search())));
    } finally {
      signal.removeEventListener('abort', stop);
      if (inFlight === controller) results.removeAttribute('aria-busy');
    }
  }
  query.addEventListener('input', () => {
    window.clearTimeout(debounce);
    debounce = window.setTimeout(() => void search(), SEARCH_DELAY_MS);
  });
  kind.addEventListener('change', () => void search());
  const uploads = handoutUploads({
    videoId: null,
    buttonLabel: 'Upload handouts',
    withTitle: true,
    uploaded: (d) => addMade('handout', d.id, d.title || d.filename),
  });
  const linkStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const newLink = resourceForm({
    saved: (r) => {
      replace(linkStatus);
      void addMade('resource', r.id, r.title);
      newLinkBox.open = false;
    },
  });
  const newLinkBox = h('details', { class: 'add-new' }, h('summary', null, 'New link'), newLink, linkStatus);
  const newPracticeBox = h(
    'details',
    { class: 'add-new add-practice' },
    h('summary', null, 'Add a practice step'),
    h('p', { class: 'small muted' }, 'Learners record themselves doing it; reviewers score the recording against the rubric.'),
    practiceEditor({ saved: (step) => addMade('practice', step.id, step.title) }),
  );
  const newHandoutBox = h(
    'details',
    { class: 'add-new' },
    h('summary', null, 'New handout'),
    h('p', { class: 'small muted' }, 'Uploaded into the library and added to this playlist.'),
    uploads.el,
  );
  const addSection = h(
    'section',
    { class: 'stack card manage-card', 'aria-labelledby': 'add-heading' },
    h('h2', { id: 'add-heading' }, 'Add items'),
    h(
      'div',
      { class: 'stack add-new-group' },
      newHandoutBox,
      newLinkBox,
      newPracticeBox,
      addQuizBox({ add: addMade, present: (k, itemId) => playlist.items.some((i) => i.kind === k && i.item_id === itemId) }),
      addExerciseBox({ add: addMade, present: (k, itemId) => playlist.items.some((i) => i.kind === k && i.item_id === itemId) }),
    ),
    h('h3', null, 'From the library'),
    h(
      'form',
      { role: 'search', class: 'stack', onSubmit: (ev) => { ev.preventDefault(); void search(); } },
      field('Search the library', query),
      field('Show', kind),
    ),
    searchStatus,
    results,
  );

  // --- delete ----------------------------------------------------------------------------
  const deleteStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const deleteButton = h('button', { type: 'button', class: 'button button-danger' }, 'Delete playlist');
  deleteButton.addEventListener('click', async () => {
    if (!window.confirm(`Delete “${playlist.title}”? People assigned to it lose it and their progress on it.`)) return;
    deleteButton.disabled = true;
    try {
      await deletePlaylist(id);
      navigate('/manage/playlists', { replace: true });
    } catch (e) {
      replace(deleteStatus, errorBox(e));
      deleteButton.disabled = false;
    }
  });

  replace(
    main,
    h('a', { class: 'back-link', href: '/manage/playlists' }, '← All playlists'),
    heading,
    h(
      'div',
      { class: 'button-row manage-links' },
      h('a', { class: 'button button-secondary', href: `/manage/playlists/${enc}/report` }, 'Progress report'),
      h('a', { class: 'button button-secondary', href: `/playlists/${enc}` }, 'View as a learner'),
    ),
    detailsForm,
    itemsSection,
    addSection,
    coverSection,
    h('section', { class: 'stack manage-card', 'aria-label': 'Delete' }, deleteStatus, h('div', { class: 'button-row' }, deleteButton)),
  );
  void search();
  return () => {
    window.clearTimeout(debounce);
    inFlight?.abort();
    uploads.stop();
  };
}
