// The video player: media-chrome controls around hls-video-element (components/playerElements.ts,
// fetched on first use, so only the video page pays for it). hls.js plays the stream where Media
// Source Extensions exist, the browser itself elsewhere (Safari on older iPhones). Media requests
// are same-origin and carry the session cookie; in `presigned` delivery mode hls.js fetches
// segments from the S3/CDN URLs the server wrote into the playlists.
//
// The controls: play, mute, the time bar (storyboard thumbnails from the server's WebVTT sprites
// and chapter marks while hovering or dragging), elapsed / total time, a captions menu (Off and
// each language), settings (speed; quality: Auto and each rung), picture in picture, full screen;
// the logo of the organisation in a corner; the organisation's colours. media-chrome's keyboard
// shortcuts work while the player or the page itself has focus (space/k, j/l and arrows, f, m, c,
// p, < and >), and "?" opens their list.
//
// Captions are <track>s, one per language, from each caption's WebVTT (`url`): the light build of
// hls.js (vite.config.ts) does not read the master playlist's subtitle renditions. Where the
// browser plays HLS itself it does read them, and then no <track>s are added (no language twice).
//
// `video` is the real <video> element (a light-DOM child of <reel-hls-video>, so the watch
// tracker, resume and the browser tests see it as before); `media` is the element media-chrome
// drives.

import { h } from '../dom';

export interface PlayerCaption {
  language: string;
  label: string;
  url: string;
}

export interface PlayerChapter {
  start: number;
  end: number;
  title: string;
}

export interface Player {
  el: HTMLElement;
  video: HTMLVideoElement;
  /** Jumps to `t` seconds (and keeps playing if it was). */
  seek(t: number): void;
  /** Replaces the chapter marks of the time bar. */
  setChapters(chapters: PlayerChapter[]): void;
  /** Replaces the caption tracks (one per language). */
  setCaptions(captions: PlayerCaption[]): void;
  /** While captions are on, shows those in `language` instead. */
  followLanguage(language: string): void;
  /** Shows the keyboard shortcuts. */
  showShortcuts(): void;
  destroy(): void;
}

export interface PlayerOptions {
  poster?: string | null;
  title: string;
  storyboardUrl?: string | null;
  logoUrl?: string | null;
  logoAlt?: string;
  captions?: PlayerCaption[];
  onFatal: (message: string) => void;
}

const RATES = '0.75 1 1.25 1.5 1.75 2';

/** Keys the player answers to while the page itself (not a field or button) has focus. */
const PAGE_KEYS = new Set([' ', 'k', 'j', 'l', 'f', 'm', 'c', 'p', '<', '>', '?', 'ArrowLeft', 'ArrowRight']);

function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

export async function createPlayer(hlsUrl: string, opts: PlayerOptions): Promise<Player> {
  const { ReelHlsVideo, canPlayHls, playsHlsNatively } = await import('./playerElements');
  // played natively, the stream's own subtitle renditions are the captions: no <track>s as well
  const native = playsHlsNatively();

  const video = h('video', {
    slot: 'media',
    class: 'player-video',
    playsinline: true,
    preload: 'metadata',
    poster: opts.poster ?? null,
    'aria-label': opts.title,
  });
  if (opts.storyboardUrl) {
    video.append(h('track', { kind: 'metadata', label: 'thumbnails', default: true, src: opts.storyboardUrl }));
  }
  // the media element must hold its <video> before it first looks for one (on its first attribute)
  const media = new ReelHlsVideo();
  media.append(video);
  media.onFatal = opts.onFatal;
  media.setAttribute('slot', 'media');
  media.className = 'player-media';
  media.config = { capLevelToPlayerSize: true };

  const settings = el(
    'media-settings-menu',
    { hidden: '', anchor: 'auto' },
    el(
      'media-settings-menu-item',
      {},
      'Speed',
      el('media-playback-rate-menu', { slot: 'submenu', hidden: '', rates: RATES }, el('div', { slot: 'title' }, 'Speed')),
    ),
    el(
      'media-settings-menu-item',
      {},
      'Quality',
      el('media-rendition-menu', { slot: 'submenu', hidden: '' }, el('div', { slot: 'title' }, 'Quality')),
    ),
  );
  const captionsMenu = el('media-captions-menu', { hidden: '', anchor: 'auto' });
  const logo = opts.logoUrl ? h('img', { class: 'player-logo', slot: 'top-chrome', src: opts.logoUrl, alt: opts.logoAlt ?? '' }) : null;

  const controller = el(
    'media-controller',
    { class: 'player', 'aria-label': `Video player: ${opts.title}`, role: 'region' },
    media,
    ...(logo ? [logo] : []),
    el('media-loading-indicator', { slot: 'centered-chrome', noautohide: '' }),
    el(
      'media-control-bar',
      { class: 'player-timebar' },
      el('media-time-range', { 'aria-label': 'Time' }),
      // notoggle: a plain text, not a button whose name ("playback time") differs from what it shows
      // (axe: label-content-name-mismatch, WCAG 2.5.3)
      el('media-time-display', { showduration: '', notoggle: '' }),
    ),
    el(
      'media-control-bar',
      { class: 'player-buttons' },
      el('media-play-button'),
      el('media-mute-button'),
      el('span', { class: 'player-spacer' }),
      el('media-captions-menu-button'),
      el('media-settings-menu-button'),
      el('media-pip-button'),
      el('media-fullscreen-button'),
    ),
    // after the bars, so that an open menu lies over the time bar
    settings,
    captionsMenu,
  );

  // media-chrome makes its keyboard shortcuts dialog on first use, without a name: give it one
  // (axe: aria-dialog-name)
  const nameDialogs = new MutationObserver(() => {
    controller.querySelector('media-keyboard-shortcuts-dialog:not([aria-label])')?.setAttribute('aria-label', 'Keyboard shortcuts');
  });
  nameDialogs.observe(controller, { childList: true });

  if (!canPlayHls()) {
    opts.onFatal('This browser cannot play streaming video. Try a recent Chrome, Firefox or Safari.');
  } else {
    media.setAttribute('src', hlsUrl);
  }

  // --- chapters: a text track of their own, made here (media-chrome marks them on the bar) ------
  let chapterTrack: TextTrack | null = null;
  function setChapters(chapters: PlayerChapter[]): void {
    chapterTrack ??= video.addTextTrack('chapters', 'Chapters');
    chapterTrack.mode = 'hidden';
    for (const cue of Array.from(chapterTrack.cues ?? [])) chapterTrack.removeCue(cue);
    for (const c of chapters) chapterTrack.addCue(new VTTCue(c.start, c.end, c.title));
    // a change of mode makes media-chrome read the cues again
    chapterTrack.mode = 'disabled';
    chapterTrack.mode = 'hidden';
  }

  // --- captions: one <track> per language, from the server's captions.vtt ------------------------
  let captionEls: HTMLTrackElement[] = [];
  function setCaptions(captions: PlayerCaption[]): void {
    if (native) return;
    const showing = captionEls.find((t) => t.track.mode === 'showing')?.srclang;
    for (const t of captionEls) t.remove();
    captionEls = captions.map((c) =>
      h('track', { kind: 'subtitles', srclang: c.language, label: c.label || c.language, src: c.url }),
    );
    video.append(...captionEls);
    const again = captionEls.find((t) => t.srclang === showing);
    if (again) again.track.mode = 'showing';
  }
  if (opts.captions?.length) setCaptions(opts.captions);

  function followLanguage(language: string): void {
    const tracks = Array.from(video.textTracks).filter((t) => t.kind === 'subtitles' || t.kind === 'captions');
    const on = tracks.find((t) => t.mode === 'showing');
    const wanted = tracks.find((t) => t.language === language);
    if (!on || !wanted || on === wanted) return;
    on.mode = 'disabled';
    wanted.mode = 'showing';
  }

  // --- keyboard: the shortcuts also work while the page itself has focus ------------------------
  function onPageKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement | null;
    const onPage = !target || target === document.body || target.id === 'main' || target.classList.contains('stage');
    if (!onPage || e.metaKey || e.ctrlKey || e.altKey || !PAGE_KEYS.has(e.key) || !controller.isConnected) return;
    e.preventDefault();
    press(e.key, e.shiftKey);
  }
  /** Hands a key to media-chrome as if pressed in the player (it acts on keyup). */
  function press(key: string, shiftKey = false): void {
    controller.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: false }));
    controller.dispatchEvent(new KeyboardEvent('keyup', { key, shiftKey, bubbles: false }));
  }
  document.addEventListener('keydown', onPageKey);

  return {
    el: controller,
    video,
    seek(t) {
      video.currentTime = Math.max(0, t);
    },
    setChapters,
    setCaptions,
    followLanguage,
    showShortcuts: () => press('?', true),
    destroy() {
      document.removeEventListener('keydown', onPageKey);
      nameDialogs.disconnect();
      media.removeAttribute('src'); // hls-video-element destroys its hls.js
      video.removeAttribute('src');
      video.load();
    },
  };
}
