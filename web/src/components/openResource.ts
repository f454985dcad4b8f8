// Opens an external resource (a link in the library or a playlist) in a new tab:
// POST /api/v1/resources/{id}/open records the opening (which completes it in the person's
// playlists) and answers the link. A window opened after a fetch counts as a popup and is often
// blocked, so the new tab is opened, blank, in the click itself and sent to the link once the
// answer is in; where even that is refused, the app goes to the link in this tab.

import { ApiError, openResource as recordOpening } from '../api';
import { externalUrl } from '../text';

/** Call from a click (or key) handler, synchronously. Resolves once the link is open; throws
 *  ApiError (the blank tab closed again) when the server refuses. */
export async function openResource(resourceId: string): Promise<void> {
  const tab = window.open('', '_blank');
  if (tab) {
    tab.opener = null; // the external page gets no handle on the app
    try {
      tab.document.title = 'Opening…';
    } catch {
      // not our document any more: nothing to label
    }
  }
  try {
    const { url } = await recordOpening(resourceId);
    const href = externalUrl(url);
    if (!href) throw new ApiError(0, 'bad_link', 'This link cannot be opened.');
    if (!tab) location.href = href;
    else if (!tab.closed) tab.location.href = href; // closed meanwhile: the person changed their mind
  } catch (e) {
    tab?.close();
    throw e;
  }
}
