// Any path the app does not know.

import { setTitle } from '../branding';
import { h, replace } from '../dom';
import type { PageContext } from '../router';

export function notFoundPage({ main }: PageContext): void {
  setTitle('Not found');
  replace(
    main,
    h('h1', null, 'Page not found'),
    h('p', null, 'This page does not exist, or the link is incomplete.'),
    h('a', { class: 'button button-primary', href: '/' }, 'Go home'),
  );
}
