// Notification settings /settings/notifications (the emails link here): for each kind of
// notification, In the app / Email / Daily digest / Off (GET / PUT
// /api/v1/me/notification-settings). Saved as soon as a choice changes. When the server sends no
// email (`email_available` false) it says so: email and digest choices then reach the inbox only.

import { getNotificationSettings, setNotificationSettings, type Channel, type NotificationKind, type NotificationSetting } from '../api';
import { setTitle } from '../branding';
import { errorBox, isAbort } from '../components/errorBox';
import { h, replace } from '../dom';
import { KIND_TEXT } from '../practice';
import type { PageContext } from '../router';

const CHANNELS: [Channel, string][] = [
  ['app', 'In the app'],
  ['email', 'Email'],
  ['digest', 'Daily digest'],
  ['off', 'Off'],
];

export async function notificationSettingsPage({ main, signal }: PageContext): Promise<void> {
  setTitle('Notifications');
  replace(main, h('h1', null, 'Notifications'), h('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading…'));
  let items: NotificationSetting[];
  let emailAvailable = false;
  try {
    const s = await getNotificationSettings(signal);
    items = s.items;
    emailAvailable = s.email_available;
  } catch (e) {
    if (isAbort(e)) return;
    replace(main, h('h1', null, 'Notifications'), errorBox(e));
    return;
  }
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });

  async function save(kind: NotificationKind, channel: Channel, group: HTMLElement): Promise<void> {
    replace(status);
    group.setAttribute('aria-busy', 'true');
    try {
      const s = await setNotificationSettings([{ kind, channel }]);
      items = s.items;
      const label = CHANNELS.find(([c]) => c === channel)?.[1] ?? channel;
      replace(status, h('p', { class: 'saved', role: 'status' }, `Saved: ${KIND_TEXT[kind].toLowerCase()} — ${label.toLowerCase()}.`));
    } catch (e) {
      replace(status, errorBox(e));
      const was = items.find((i) => i.kind === kind)?.channel;
      const input = group.querySelector<HTMLInputElement>(`input[value="${was}"]`);
      if (input) input.checked = true;
    } finally {
      group.removeAttribute('aria-busy');
    }
  }

  const kinds = (Object.keys(KIND_TEXT) as NotificationKind[]).filter((k) => items.some((i) => i.kind === k));
  for (const i of items) if (!kinds.includes(i.kind)) kinds.push(i.kind);
  replace(
    main,
    h('a', { class: 'back-link', href: '/inbox' }, '← Inbox'),
    h('h1', null, 'Notifications'),
    h('p', { class: 'muted' }, 'Choose how you hear about each thing. Everything also appears in your inbox unless you turn it off.'),
    emailAvailable
      ? null
      : h('p', { class: 'notice' }, 'This server does not send email at the moment, so email and digest choices only show in your inbox for now.'),
    h(
      'div',
      { class: 'stack notification-settings' },
      kinds.map((kind, n) => {
        const current = items.find((i) => i.kind === kind)?.channel ?? 'app';
        const group: HTMLElement = h(
          'fieldset',
          { class: 'setting-group', 'data-kind': kind },
          h('legend', null, KIND_TEXT[kind] ?? kind),
          h(
            'div',
            { class: 'chips' },
            CHANNELS.map(([channel, label]) =>
              h(
                'label',
                { class: 'chip' },
                h('input', {
                  type: 'radio',
                  name: `kind-${n}`,
                  value: channel,
                  checked: channel === current,
                  onChange: () => void save(kind, channel, group),
                }),
                h('span', null, label),
              ),
            ),
          ),
        );
        return group;
      }),
    ),
    status,
  );
}
