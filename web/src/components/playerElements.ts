// The player's custom elements, loaded only by the video page (components/player.ts imports this
// module dynamically, so no other page downloads media-chrome or hls.js).
//
// media-chrome draws the controls; hls-video-element plays HLS with hls.js where Media Source
// Extensions exist and natively elsewhere (Safari on older iPhones). Only the media-chrome
// elements the player uses are imported, not the whole library.
//
// `reel-hls-video` is hls-video-element with the old player's recovery from errors (a network
// error is retried five times, 1 s, 2 s, … apart; a media error is recovered; anything else ends
// in `onFatal` with a sentence for the person), and a quality picked in the menu shown at once
// (hls.js `currentLevel`: what is buffered in the old quality is dropped) rather than after the
// buffered part has played, which in a short clip is never.

import { Hls, HlsVideoElement } from 'hls-video-element';
import 'media-chrome/media-controller';
import 'media-chrome/media-control-bar';
import 'media-chrome/media-play-button';
import 'media-chrome/media-mute-button';
import 'media-chrome/media-time-range';
import 'media-chrome/media-time-display';
import 'media-chrome/media-fullscreen-button';
import 'media-chrome/media-pip-button';
import 'media-chrome/media-loading-indicator';
import 'media-chrome/media-preview-thumbnail';
import 'media-chrome/media-preview-time-display';
import 'media-chrome/media-preview-chapter-display';
import 'media-chrome/media-keyboard-shortcuts-dialog';
import 'media-chrome/menu/media-settings-menu';
import 'media-chrome/menu/media-settings-menu-item';
import 'media-chrome/menu/media-settings-menu-button';
import 'media-chrome/menu/media-playback-rate-menu';
import 'media-chrome/menu/media-rendition-menu';
import 'media-chrome/menu/media-captions-menu';
import 'media-chrome/menu/media-captions-menu-button';

export type FatalHandler = (message: string) => void;

export class ReelHlsVideo extends HlsVideoElement {
  /** Its shadow root without hls-video-element's own fallback <video>: the page gives it one
   *  (slot="media"), so there is exactly one <video> on the page, in the light DOM. */
  static override getTemplateHTML = (attrs: Record<string, string>): string =>
    HlsVideoElement.getTemplateHTML(attrs).replace(/<video\b[^>]*><\/video>/, '');

  onFatal: FatalHandler | null = null;
  /** the renditions media-chrome's quality menu picks from (media-tracks, set up by hls-video-element) */
  declare videoRenditions: (EventTarget & { selectedIndex: number }) | undefined;

  override async load(): Promise<void> {
    await super.load();
    const hls = this.api;
    if (!hls) return;
    let networkRetries = 0;
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (!data.fatal) return;
      if (data.type === Hls.ErrorTypes.NETWORK_ERROR && networkRetries++ < 5) {
        window.setTimeout(() => hls.startLoad(), 1000 * networkRetries);
      } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
        hls.recoverMediaError();
      } else {
        hls.destroy();
        if (this.api === hls) this.api = null;
        this.onFatal?.(
          data.type === Hls.ErrorTypes.NETWORK_ERROR
            ? 'The video stopped loading. Check your connection and reload the page.'
            : 'This video cannot be played in this browser.',
        );
      }
    });
    hls.on(Hls.Events.FRAG_LOADED, () => {
      networkRetries = 0;
    });
    this.videoRenditions?.addEventListener('change', () => {
      const level = this.videoRenditions?.selectedIndex ?? -1;
      if (this.api === hls && level >= 0 && hls.currentLevel !== level) hls.currentLevel = level;
    });
  }
}

if (!customElements.get('reel-hls-video')) customElements.define('reel-hls-video', ReelHlsVideo);

/** Whether the browser itself plays the stream (no Media Source Extensions for hls.js: older
 *  iPhones). It then also shows the captions the master playlist lists as subtitle renditions. */
export function playsHlsNatively(): boolean {
  return !Hls.isSupported() && document.createElement('video').canPlayType('application/vnd.apple.mpegurl') !== '';
}

/** Whether this browser can play HLS at all (hls.js, or natively). */
export function canPlayHls(): boolean {
  return Hls.isSupported() || document.createElement('video').canPlayType('application/vnd.apple.mpegurl') !== '';
}
