// The organisation's logo, name and welcome message, shown above the sign-in and invitation
// forms.

import { branding } from '../branding';
import { h } from '../dom';

export function brandPanel(heading?: string): HTMLElement {
  const b = branding();
  return h(
    'div',
    { class: 'brand-panel' },
    b.logo_url
      ? h('img', { class: 'brand-logo-large', src: b.logo_url, alt: b.name })
      : h('div', { class: 'brand-mark', 'aria-hidden': 'true' }, b.name.slice(0, 1).toUpperCase()),
    h('h1', null, heading ?? b.name),
    b.welcome_message && h('p', { class: 'welcome' }, b.welcome_message),
  );
}
