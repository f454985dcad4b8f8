// Shows an error's message to the person. Server errors already carry a readable sentence
// (ApiError.message comes from {"error": {"message"}}), so it is shown as it is.

import { h } from '../dom';

export function messageOf(e: unknown): string {
  if (e instanceof Error && e.message) return sentence(e.message);
  return 'Something went wrong. Please try again.';
}

/** "this invitation has expired" → "This invitation has expired." */
function sentence(message: string): string {
  const m = message.trim();
  const capital = m.charAt(0).toUpperCase() + m.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/** An alert box; screen readers announce it when it appears. */
export function errorBox(e: unknown, retry?: () => void): HTMLElement {
  return h(
    'div',
    { class: 'notice notice-error', role: 'alert' },
    h('p', null, messageOf(e)),
    retry && h('button', { type: 'button', class: 'button button-secondary', onClick: retry }, 'Try again'),
  );
}

/** True when the error is the fetch being abandoned because the person navigated away. */
export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}
