// Organisation /manage/organisation (admins):
// - branding: name, primary and accent colour (a colour picker beside a #rrggbb text field; empty
//   means the Reelhouse default), welcome message → PUT /api/v1/branding. Any colour is taken:
//   a live preview (app bar, button, link, progress bar) wears the colours the app derives from
//   it (contrast.ts: black or white text on it, darker shades for text and controls on the page
//   where it is too light), with each pair's contrast. Once saved, the branding is applied to the
//   running app (branding.ts) and the app bar redrawn.
// - logo: a picture file sent as it is → PUT /api/v1/branding/logo, saved at once
// - settings: public links, downloads, review of members' uploads, and how much of a video counts
//   as watched (a percentage, 50–100, sent as 0.5–1) → PUT /api/v1/org/settings.
// - storage: what the organisation stores against its quota (a bar when there is one), the
//   quota of each person, and who stores the most ← GET /api/v1/org/usage. Read only (quotas are
//   set on the server); loaded on its own, so a failure there leaves the forms above usable.
// - single sign-on: the organisation's OpenID Connect provider (name, issuer, client id and
//   secret, the email domains it covers, whether it creates accounts and with which role,
//   whether passwords still work) ← GET, → PUT, removed with DELETE /api/v1/org/sso; with the
//   redirect URI to register at the provider. The server's 422 (the issuer's discovery document
//   cannot be read) and 409 (a domain is another organisation's) are shown by the form.
// - password reset links: everyone (GET /api/v1/users), each with "Reset link" → POST
//   /api/v1/users/{id}/password-reset, the link shown with a Copy button to hand over when the
//   server cannot send email.
// Both load on their own too.
// - playback signing key: "Rotate the signing key" → asks first (every playback link handed out
//   stops working) → POST /api/v1/org/signing-key/rotate → says it is done.

import { domainsText, parseDomains } from '../account';
import {
  ApiError,
  createResetLink,
  deleteSso,
  getBranding,
  getOrgSettings,
  getOrgUsage,
  getSso,
  listPeople,
  putSso,
  rotateSigningKey,
  updateBranding,
  updateOrgSettings,
  uploadLogo,
  type Branding,
  type Me,
  type OrgSettings,
  type Person,
  type Role,
  type SsoSettings,
  type SsoUpdate,
  type Usage,
} from '../api';
import { brandTheme, DEFAULT_BRANDING, setBranding, setTitle } from '../branding';
import { adminOrNote, checkbox } from '../components/checkbox';
import { confirmControl } from '../components/confirmAction';
import { contrast, CONTROL_BACKGROUNDS, PAGE_BACKGROUNDS, ratioText, themeProperties, worstContrast, type Derived } from '../contrast';
import { copyField } from '../components/copyField';
import { errorBox, isAbort, messageOf } from '../components/errorBox';
import { field } from '../components/field';
import { refreshAppHeader } from '../components/header';
import { manageNav } from '../components/manageNav';
import { progressBar } from '../components/progressBar';
import { h, replace } from '../dom';
import { formatBytes, formatDateTime, formatSize, percent, toDate } from '../format';
import type { PageContext } from '../router';
import { navigate } from '../router';
import { externalUrl, normalizeHex } from '../text';

const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const LOGO_MAX = 10 * 1024 * 1024;
/** How many of the people storing the most the storage section lists. */
const TOP_PEOPLE = 5;

function saved(text: string): HTMLElement {
  return h('p', { class: 'saved' }, text);
}

interface ColorField {
  element: HTMLElement;
  text: HTMLInputElement;
  set(value: string | null): void;
}

/** A text field for `#rrggbb` with a colour picker beside it that doubles as the swatch. */
function colorField(label: string, name: string, fallback: string, hint: string): ColorField {
  const text = h('input', {
    type: 'text',
    name,
    maxlength: 7,
    placeholder: fallback,
    autocomplete: 'off',
    autocapitalize: 'none',
    spellcheck: 'false',
    class: 'color-text',
  });
  const picker = h('input', { type: 'color', class: 'color-picker', 'aria-label': `Pick the ${label.toLowerCase()}`, value: fallback });
  picker.addEventListener('input', () => {
    text.value = picker.value;
    text.removeAttribute('aria-invalid');
    text.dispatchEvent(new Event('input', { bubbles: true }));
  });
  text.addEventListener('input', () => {
    const hex = normalizeHex(text.value);
    if (hex !== undefined) picker.value = hex ?? fallback;
  });
  const wrapper = field(label, text, hint);
  // the picker sits beside the text field, before the hint
  const row = h('div', { class: 'color-row' });
  text.replaceWith(row);
  row.append(picker, text);
  return {
    element: wrapper,
    text,
    set(value) {
      text.value = value ?? '';
      picker.value = normalizeHex(value ?? '') ?? fallback;
      text.removeAttribute('aria-invalid');
    },
  };
}

export async function manageOrganisationPage({ main, signal }: PageContext): Promise<void> {
  setTitle('Organisation');
  const me = await adminOrNote(main, 'Organisation');
  if (!me) return;
  replace(main, h('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading…'));

  let brand: Branding;
  let settings: OrgSettings;
  try {
    [brand, settings] = await Promise.all([getBranding(signal), getOrgSettings(signal)]);
  } catch (e) {
    if (isAbort(e)) return;
    replace(
      main,
      manageNav(me, '/manage/organisation'),
      h('h1', null, 'Organisation'),
      errorBox(e, () => navigate(location.pathname, { replace: true })),
    );
    return;
  }

  replace(
    main,
    manageNav(me, '/manage/organisation'),
    h('h1', null, 'Organisation'),
    h('p', { class: 'muted' }, 'How the app looks to everyone in your organisation, and how it behaves.'),
    brandingForm(me, brand),
    logoSection(me, brand),
    settingsForm(settings),
    ssoSection(signal),
    resetLinksSection(signal),
    signingKeySection(),
    storageSection(signal),
  );
}

// --- branding ----------------------------------------------------------------------------

function brandingForm(me: Me, initial: Branding): HTMLElement {
  const name = h('input', { type: 'text', name: 'name', required: true, maxlength: 100, autocomplete: 'organization' });
  const primary = colorField(
    'Primary colour',
    'primary_color',
    DEFAULT_BRANDING.primary_color!,
    'The top bar and buttons. Any colour: the text on it turns black or white, and where it is too light for links and controls on the white page, a darker shade of it is used. Leave empty for the default.',
  );
  const accent = colorField(
    'Accent colour',
    'accent_color',
    DEFAULT_BRANDING.accent_color!,
    'Progress bars and highlights, made darker the same way where needed. Leave empty for the default.',
  );
  const preview = brandPreview();
  const welcome = h('textarea', { name: 'welcome_message', rows: 3, maxlength: 500 });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, 'Save branding');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });

  function fill(b: Branding): void {
    name.value = b.name;
    primary.set(b.primary_color ?? null);
    accent.set(b.accent_color ?? null);
    welcome.value = b.welcome_message ?? '';
    showPreview();
  }
  /** The preview follows the fields as they are typed or picked (an unfinished #rrggbb: the last
   *  whole one stays shown). */
  let shown = { primary: initial.primary_color ?? null, accent: initial.accent_color ?? null };
  function showPreview(): void {
    const p = normalizeHex(primary.text.value);
    const a = normalizeHex(accent.text.value);
    if (p !== undefined) shown.primary = p;
    if (a !== undefined) shown.accent = a;
    preview.show(name.value.trim() || DEFAULT_BRANDING.name, shown.primary, shown.accent);
  }
  fill(initial);

  const form = h(
    'form',
    { class: 'stack card manage-card', 'aria-labelledby': 'branding-heading', novalidate: true },
    h('h2', { id: 'branding-heading' }, 'Branding'),
    field('Name', name),
    primary.element,
    accent.element,
    preview.el,
    field('Welcome message', welcome, 'Shown on the sign-in page, up to 500 characters.'),
    status,
    h('div', { class: 'button-row' }, submit),
  );
  form.addEventListener('input', () => {
    replace(status);
    showPreview();
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    replace(status);
    const problem = (message: string, input: HTMLInputElement) => {
      replace(status, errorBox(new Error(message)));
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    };
    if (!name.value.trim()) return problem('Give the organisation a name.', name);
    const p = normalizeHex(primary.text.value);
    if (p === undefined) return problem('Write the primary colour as #rrggbb, for example #1a4d8f.', primary.text);
    const a = normalizeHex(accent.text.value);
    if (a === undefined) return problem('Write the accent colour as #rrggbb, for example #0b7a5c.', accent.text);
    for (const input of [name, primary.text, accent.text]) input.removeAttribute('aria-invalid');

    submit.disabled = true;
    submit.textContent = 'Saving…';
    try {
      const b = await updateBranding({
        name: name.value.trim(),
        primary_color: p,
        accent_color: a,
        welcome_message: welcome.value.trim() || null,
      });
      fill(b);
      setBranding(b);
      refreshAppHeader(me);
      setTitle('Organisation');
      replace(status, saved('Branding saved. Everyone sees it from their next page.'));
    } catch (e) {
      replace(status, errorBox(e));
      // point at the field the server's sentence is about ("the primary colour … is not …")
      const message = messageOf(e).toLowerCase();
      const culprit = message.includes('primary') ? primary.text : message.includes('accent') ? accent.text : message.includes('name') ? name : null;
      culprit?.setAttribute('aria-invalid', 'true');
    } finally {
      submit.disabled = false;
      submit.textContent = 'Save branding';
    }
  });
  return form;
}

interface BrandPreview {
  el: HTMLElement;
  /** shows the name and colours (null: the default colour) */
  show(name: string, primary: string | null, accent: string | null): void;
}

/** A small app bar, a link and a button on the page, and a progress bar, in the colours the app
 *  derives from the chosen ones (set as custom properties on the sample, so the app's own styles
 *  paint it), with what was derived and each contrast said in words. */
function brandPreview(): BrandPreview {
  const brandName = h('span', { class: 'preview-brand' });
  const bar = progressBar('Sample progress bar');
  bar.set(0.6, '60% · a progress bar');
  const sample = h(
    'div',
    { class: 'brand-preview-sample', 'aria-hidden': 'true' },
    h('div', { class: 'preview-bar' }, brandName, h('span', { class: 'preview-nav' }, 'Library')),
    h(
      'div',
      { class: 'preview-page' },
      h('p', { class: 'preview-text' }, 'Text with ', h('span', { class: 'preview-link' }, 'a link'), ' on the page.'),
      h('span', { class: 'button button-primary preview-button' }, 'A button'),
      bar.el,
    ),
  );
  const facts = h('ul', { class: 'preview-facts small' });
  const el = h(
    'figure',
    { class: 'brand-preview', 'aria-labelledby': 'brand-preview-caption' },
    h('figcaption', { id: 'brand-preview-caption', class: 'preview-caption' }, 'Preview'),
    sample,
    facts,
  );

  /** "a darker shade, #757500 (4.5:1)" or "the colour itself (4.9:1)" */
  function shade(d: Derived, color: string, ratio: number): string {
    return color === d.base ? `the colour itself (${ratioText(ratio)})` : `a darker shade, ${color} (${ratioText(ratio)})`;
  }
  function lines(d: Derived, what: 'Primary' | 'Accent'): HTMLElement[] {
    const on = d.on === '#000000' ? 'black' : 'white';
    return [
      h('li', null, `${what} colour ${d.base}: text on it is ${on} (${ratioText(contrast(d.on, d.base))}).`),
      h('li', null, `${what === 'Primary' ? 'Links' : 'Accent text'} on the page: ${shade(d, d.text, worstContrast(d.text, PAGE_BACKGROUNDS))}.`),
      h('li', null, `${what === 'Primary' ? 'Button edges and focus rings' : 'Progress bars'}: ${shade(d, d.control, worstContrast(d.control, CONTROL_BACKGROUNDS))}.`),
    ];
  }

  return {
    el,
    show(name, primary, accent) {
      const theme = brandTheme({ primary_color: primary, accent_color: accent });
      for (const [k, v] of Object.entries(themeProperties(theme))) sample.style.setProperty(k, v);
      brandName.textContent = name;
      replace(facts, lines(theme.primary, 'Primary'), lines(theme.accent, 'Accent'));
    },
  };
}

// --- logo --------------------------------------------------------------------------------

function logoSection(me: Me, initial: Branding): HTMLElement {
  const preview = h('div', { class: 'logo-preview-slot' });
  const input = h('input', { type: 'file', name: 'logo', accept: LOGO_TYPES.join(','), class: 'file-input' });
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });

  function show(url: string | null): void {
    replace(
      preview,
      url
        ? h('img', {
            class: 'logo-preview',
            src: url,
            alt: 'The current logo',
            onError: (ev) => (ev.target as Element).replaceWith(h('p', { class: 'muted small' }, 'The logo could not be shown.')),
          })
        : h('p', { class: 'muted small' }, 'No logo yet: the name is shown instead.'),
    );
  }
  show(initial.logo_url ?? null);

  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    replace(status);
    if (!LOGO_TYPES.includes(file.type)) {
      replace(status, errorBox(new Error('Choose a PNG, JPEG, WebP or GIF picture.')));
      input.value = '';
      return;
    }
    if (file.size > LOGO_MAX) {
      replace(status, errorBox(new Error(`That picture is ${formatBytes(file.size)}; the logo may be at most 10 MiB.`)));
      input.value = '';
      return;
    }
    input.disabled = true;
    replace(status, h('p', { class: 'muted' }, 'Uploading the logo…'));
    try {
      const b = await uploadLogo(file);
      show(setBranding(b).logo_url ?? null);
      refreshAppHeader(me);
      replace(status, saved('Logo saved.'));
    } catch (e) {
      replace(status, errorBox(e));
    } finally {
      input.disabled = false;
      input.value = '';
    }
  });

  return h(
    'section',
    { class: 'stack card manage-card', 'aria-labelledby': 'logo-heading' },
    h('h2', { id: 'logo-heading' }, 'Logo'),
    preview,
    field('Choose a picture', input, 'PNG, JPEG, WebP or GIF, at most 10 MiB; it is shown at most 512×512 and saved at once.'),
    status,
  );
}

// --- settings ----------------------------------------------------------------------------

function settingsForm(initial: OrgSettings): HTMLElement {
  const publicLinks = h('input', { type: 'checkbox', name: 'allow_public_links' });
  const downloads = h('input', { type: 'checkbox', name: 'allow_downloads' });
  const review = h('input', { type: 'checkbox', name: 'review_uploads' });
  const threshold = h('input', {
    type: 'number',
    name: 'completion_threshold',
    min: 50,
    max: 100,
    step: 1,
    inputmode: 'numeric',
    class: 'input-short',
  });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, 'Save settings');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });

  function fill(s: OrgSettings): void {
    publicLinks.checked = s.allow_public_links;
    downloads.checked = s.allow_downloads;
    review.checked = s.review_uploads;
    threshold.value = String(Math.round(s.completion_threshold * 1000) / 10);
  }
  fill(initial);

  const form = h(
    'form',
    { class: 'stack card manage-card', 'aria-labelledby': 'settings-heading', novalidate: true },
    h('h2', { id: 'settings-heading' }, 'Settings'),
    checkbox('Public links', publicLinks, 'Trainers may share video links that work without signing in.'),
    checkbox('Downloads', downloads, 'People may download videos to watch offline.'),
    checkbox('Review uploads', review, "Members' uploads wait for a trainer's approval before they appear in the library."),
    field('Counts as done at (%)', threshold, 'How much of a video must really be watched for it to count as done: 50 to 100.'),
    status,
    h('div', { class: 'button-row' }, submit),
  );
  form.addEventListener('input', () => replace(status));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const pct = Number(threshold.value.trim().replace(',', '.'));
    if (threshold.value.trim() === '' || !Number.isFinite(pct) || pct < 50 || pct > 100) {
      replace(status, errorBox(new Error('Give a percentage from 50 to 100.')));
      threshold.setAttribute('aria-invalid', 'true');
      threshold.focus();
      return;
    }
    threshold.removeAttribute('aria-invalid');
    submit.disabled = true;
    submit.textContent = 'Saving…';
    replace(status);
    try {
      const s = await updateOrgSettings({
        allow_public_links: publicLinks.checked,
        allow_downloads: downloads.checked,
        review_uploads: review.checked,
        completion_threshold: Math.round(pct * 10) / 1000,
      });
      fill(s);
      replace(status, saved('Settings saved.'));
    } catch (e) {
      replace(status, errorBox(e));
    } finally {
      submit.disabled = false;
      submit.textContent = 'Save settings';
    }
  });
  return form;
}

// --- single sign-on ----------------------------------------------------------------------

const ROLES: { value: Role; label: string }[] = [
  { value: 'member', label: 'Member' },
  { value: 'trainer', label: 'Trainer' },
  { value: 'admin', label: 'Admin' },
];

/** The single sign-on section; it loads the setup itself and shows it (or why it could not). */
function ssoSection(signal: AbortSignal): HTMLElement {
  const body = h('div', { class: 'stack' });
  const section = h(
    'section',
    { class: 'stack card manage-card', 'aria-labelledby': 'sso-heading' },
    h('h2', { id: 'sso-heading' }, 'Single sign-on'),
    h(
      'p',
      { class: 'small muted' },
      'Let people sign in with your company’s identity provider (OpenID Connect: Okta, Microsoft Entra ID, Google Workspace, …). Register Reelhouse there as a web application with the redirect URI below, then copy its issuer, client ID and secret here.',
    ),
    body,
  );

  /** `message`: what was just done, shown above the form. */
  async function load(message?: string): Promise<void> {
    replace(body, h('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading…'));
    try {
      const sso = await getSso(signal);
      replace(body, message ? h('p', { class: 'saved', role: 'status' }, message) : null, ssoForm(sso, load));
    } catch (e) {
      if (isAbort(e)) return;
      replace(body, errorBox(e, () => void load()));
    }
  }
  void load();
  return section;
}

/** "On: …" or "Off: …", the setup in a sentence. */
function ssoState(sso: SsoSettings): string {
  return sso.configured
    ? `On: people with an email at ${sso.domains.join(', ')} can sign in with ${sso.name}.`
    : 'Off: everyone signs in with a password.';
}

function ssoForm(initial: SsoSettings, reload: (message?: string) => Promise<void>): HTMLElement {
  const name = h('input', { type: 'text', name: 'sso_name', required: true, maxlength: 100, autocomplete: 'off', placeholder: 'Okta' });
  const issuer = h('input', {
    type: 'url',
    name: 'sso_issuer',
    required: true,
    inputmode: 'url',
    autocomplete: 'off',
    autocapitalize: 'none',
    spellcheck: 'false',
    placeholder: 'https://yourcompany.okta.com',
  });
  const clientId = h('input', { type: 'text', name: 'sso_client_id', required: true, autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false' });
  // new-password: browsers do not fill in the admin's own password here
  const secret = h('input', { type: 'password', name: 'sso_client_secret', autocomplete: 'new-password' });
  const domains = h('input', {
    type: 'text',
    name: 'sso_domains',
    required: true,
    autocomplete: 'off',
    autocapitalize: 'none',
    spellcheck: 'false',
    placeholder: 'example.com, example.org',
  });
  const createUsers = h('input', { type: 'checkbox', name: 'sso_create_users' });
  const defaultRole = h('select', { name: 'sso_default_role' }, ROLES.map((r) => h('option', { value: r.value }, r.label)));
  const passwords = h('input', { type: 'checkbox', name: 'sso_password_sign_in' });
  const redirect = copyField(initial.redirect_uri, 'Redirect URI', 'sso_redirect_uri');
  redirect.input.id = 'sso-redirect-uri';
  const state = h('p', { class: 'sso-state' });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, 'Save single sign-on');
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const remove = confirmControl({
    label: 'Remove single sign-on',
    question: 'Remove single sign-on? People sign in with passwords again; anyone who has none needs a reset link.',
    yes: 'Yes, remove',
    busy: 'Removing…',
    run: deleteSso,
    done: () => void reload('Single sign-on removed. Everyone signs in with a password again.'),
  });

  function fill(sso: SsoSettings): void {
    // (the fields of a setup that is not configured may come empty)
    name.value = sso.name ?? '';
    issuer.value = sso.issuer ?? '';
    clientId.value = sso.client_id ?? '';
    secret.value = '';
    secret.placeholder = sso.client_secret_set ? 'unchanged' : '';
    domains.value = domainsText(sso.domains ?? []);
    createUsers.checked = sso.create_users;
    defaultRole.value = sso.default_role || 'member';
    passwords.checked = sso.password_sign_in;
    state.textContent = ssoState(sso);
    remove.hidden = !sso.configured;
  }
  fill(initial);
  let secretSet = initial.client_secret_set;

  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    state,
    field('Provider name', name, 'As people know it: the sign-in page shows “Sign in with …” with this name.'),
    field('Issuer URL', issuer, 'The provider’s issuer, where its /.well-known/openid-configuration is.'),
    field('Client ID', clientId),
    field('Client secret', secret, initial.client_secret_set ? 'Leave empty to keep the saved secret.' : undefined),
    field('Email domains', domains, 'Separated by commas or spaces. People whose email is at one of them are offered this provider.'),
    checkbox('Create accounts for new people', createUsers, 'Someone of these domains without an account gets one at their first sign-in. Off: only people already invited can sign in.'),
    field('Default role', defaultRole, 'The role of accounts created at first sign-in.'),
    checkbox(
      'Allow passwords too',
      passwords,
      'Off: people sign in only with the identity provider. Try signing in with it first, in a private window.',
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: redirect.input.id }, 'Redirect URI'),
      redirect.el,
      h('p', { class: 'field-hint' }, 'Register this at the provider as the sign-in redirect URI.'),
    ),
    status,
    h('div', { class: 'button-row' }, submit, remove),
  );
  form.addEventListener('input', () => replace(status));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    replace(status);
    for (const input of [name, issuer, clientId, secret, domains]) input.removeAttribute('aria-invalid');
    const problem = (message: string, input: HTMLInputElement) => {
      replace(status, errorBox(new Error(message)));
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    };
    if (!name.value.trim()) return problem('Give the provider a name, as people know it: Okta, Microsoft, Google.', name);
    if (!externalUrl(issuer.value.trim())) return problem('Write the issuer as a URL, for example https://yourcompany.okta.com.', issuer);
    if (!clientId.value.trim()) return problem('Enter the client ID the provider gave.', clientId);
    if (!secret.value && !secretSet) return problem('Enter the client secret the provider gave.', secret);
    const list = parseDomains(domains.value);
    if (list.length === 0) return problem('Name at least one email domain, for example example.com.', domains);

    const update: SsoUpdate = {
      name: name.value.trim(),
      issuer: issuer.value.trim(),
      client_id: clientId.value.trim(),
      domains: list,
      create_users: createUsers.checked,
      default_role: defaultRole.value as Role,
      password_sign_in: passwords.checked,
    };
    // left out, the saved secret stays
    if (secret.value) update.client_secret = secret.value;
    submit.disabled = true;
    submit.textContent = 'Saving…';
    try {
      const sso = await putSso(update);
      secretSet = sso.client_secret_set;
      fill(sso);
      replace(status, saved('Single sign-on saved.'));
    } catch (e) {
      replace(status, errorBox(e));
      // 422: the issuer's discovery document could not be read; 409: a domain is taken
      if (e instanceof ApiError && e.status === 422) issuer.setAttribute('aria-invalid', 'true');
      if (e instanceof ApiError && e.status === 409) domains.setAttribute('aria-invalid', 'true');
    } finally {
      submit.disabled = false;
      submit.textContent = 'Save single sign-on';
    }
  });
  return form;
}

// --- password reset links --------------------------------------------------------------------

/** Everyone, each with "Reset link"; it loads the people itself. */
function resetLinksSection(signal: AbortSignal): HTMLElement {
  const filter = h('input', { type: 'search', name: 'person_filter', autocomplete: 'off', spellcheck: 'false' });
  const body = h('div', { class: 'stack' });
  const section = h(
    'section',
    { class: 'stack card manage-card', 'aria-labelledby': 'reset-links-heading' },
    h('h2', { id: 'reset-links-heading' }, 'Password reset links'),
    h(
      'p',
      { class: 'small muted' },
      'For someone who forgot their password when this server cannot send email: make a link and hand it to them. It works once, for an hour, and ends their other sessions.',
    ),
    field('Find a person', filter),
    body,
  );
  filter.addEventListener('input', () => {
    const words = filter.value.trim().toLowerCase();
    for (const li of body.querySelectorAll<HTMLElement>('li[data-search]')) {
      li.hidden = !!words && !li.dataset.search!.includes(words);
    }
  });

  async function load(): Promise<void> {
    replace(body, h('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading…'));
    try {
      const people = await listPeople(signal);
      replace(
        body,
        people.length
          ? h('ul', { class: 'manage-items people-reset' }, people.map(resetLinkItem))
          : h('p', { class: 'muted' }, 'Nobody is in the organisation yet.'),
      );
    } catch (e) {
      if (isAbort(e)) return;
      replace(body, errorBox(e, () => void load()));
    }
  }
  void load();
  return section;
}

function resetLinkItem(person: Person): HTMLElement {
  const result = h('div', { class: 'reset-result', 'aria-live': 'polite' });
  const button = h(
    'button',
    { type: 'button', class: 'button button-secondary button-small' },
    'Reset link',
    h('span', { class: 'visually-hidden' }, ` for ${person.name}`),
  );
  button.addEventListener('click', async () => {
    button.disabled = true;
    replace(result, h('p', { class: 'small muted' }, 'Making a link…'));
    try {
      const link = await createResetLink(person.id);
      const expires = toDate(link.expires_at);
      replace(
        result,
        copyField(link.url, `Reset link for ${person.name}`, 'reset_link').el,
        h('p', { class: 'small muted' }, expires ? `It works once, until ${formatDateTime(expires)}.` : 'It works once.'),
      );
    } catch (e) {
      replace(result, errorBox(e));
    } finally {
      button.disabled = false;
    }
  });
  return h(
    'li',
    { class: 'manage-item', 'data-search': `${person.name} ${person.email}`.toLowerCase() },
    h(
      'span',
      { class: 'manage-item-text' },
      h(
        'span',
        null,
        h('span', { class: 'manage-item-title' }, person.name),
        h('span', { class: 'small muted' }, person.active ? person.email : `${person.email} · deactivated`),
      ),
    ),
    person.active ? button : null,
    result,
  );
}

// --- playback signing key ------------------------------------------------------------------

/** "Rotate the signing key", asked about first; then says it is done (and may be done again). */
function signingKeySection(): HTMLElement {
  const result = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const slot = h('div');
  function offer(): void {
    replace(
      slot,
      confirmControl({
        label: 'Rotate the signing key',
        question:
          'Rotate the signing key? Every playback link handed out so far stops working at once, even those not yet expired, and whoever uses one needs a new link. Signed-in people watch as before.',
        yes: 'Yes, rotate',
        busy: 'Rotating…',
        run: rotateSigningKey,
        done() {
          const message = h(
            'p',
            { class: 'saved', role: 'status', tabindex: -1 },
            'Done: the signing key is new. Playback links handed out before now no longer work; links made from now on do.',
          );
          replace(result, message);
          offer();
          message.focus();
        },
      }),
    );
  }
  offer();
  return h(
    'section',
    { class: 'stack card manage-card', 'aria-labelledby': 'signing-key-heading' },
    h('h2', { id: 'signing-key-heading' }, 'Playback links'),
    h(
      'p',
      { class: 'small muted' },
      'Trainers can hand out links that play a video without signing in, until they expire. Should such links get into the wrong hands, rotate the key that signs them: every playback link handed out so far stops working.',
    ),
    slot,
    result,
  );
}

// --- storage -----------------------------------------------------------------------------

/** The storage section; it loads the usage itself and shows it (or why it could not). */
function storageSection(signal: AbortSignal): HTMLElement {
  const body = h('div', { class: 'stack' });
  const section = h(
    'section',
    { class: 'stack card manage-card', 'aria-labelledby': 'storage-heading' },
    h('h2', { id: 'storage-heading' }, 'Storage'),
    body,
  );

  async function load(): Promise<void> {
    replace(body, h('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading…'));
    try {
      const usage = await getOrgUsage(signal);
      replace(body, ...storageView(usage));
    } catch (e) {
      if (isAbort(e)) return;
      replace(body, errorBox(e, () => void load()));
    }
  }
  void load();
  return section;
}

/** "1.5 GB used of 10 GB" with a bar, the quota of each person, and who stores the most. */
function storageView(usage: Usage): HTMLElement[] {
  const used = formatSize(usage.used_bytes);
  const quota = usage.quota_bytes;
  const out: HTMLElement[] = [
    h('p', { class: 'usage-summary' }, quota === null ? `${used} used, no limit` : `${used} used of ${formatSize(quota)}`),
  ];

  if (quota !== null) {
    const fraction = quota > 0 ? usage.used_bytes / quota : 1;
    const left = quota - usage.used_bytes;
    const bar = progressBar('Storage used');
    bar.set(
      fraction,
      left > 0
        ? `${percent(fraction)} · ${formatSize(left)} left`
        : `${percent(fraction)} · full: new uploads and handouts are refused until something is deleted`,
    );
    out.push(bar.el);
  }

  const personQuota = usage.person_quota_bytes;
  if (personQuota !== null) {
    out.push(h('p', null, `Each person may store up to ${formatSize(personQuota)}.`));
  }

  const top = usage.people.slice(0, TOP_PEOPLE);
  const more = usage.people.length - top.length;
  out.push(
    h(
      'div',
      null,
      h('h3', { class: 'usage-people-heading' }, 'Storing the most'),
      top.length === 0
        ? h('p', { class: 'muted' }, 'Nobody stores anything yet.')
        : h(
            'ol',
            { class: 'plain-list usage-people' },
            top.map((p) =>
              h(
                'li',
                null,
                h('span', { class: 'usage-name' }, p.name || 'Someone'),
                h(
                  'span',
                  { class: 'usage-size' },
                  formatSize(p.used_bytes),
                  personQuota !== null && p.used_bytes >= personQuota ? ' · at the limit' : null,
                ),
              ),
            ),
          ),
      more > 0 ? h('p', { class: 'muted small' }, `And ${more} more ${more === 1 ? 'person' : 'people'}.`) : null,
    ),
  );

  out.push(h('p', { class: 'muted small' }, 'Quotas are set by whoever runs the Reelhouse server.'));
  return out;
}
