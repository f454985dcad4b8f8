// Plays an HLS stream in a <video> element: with hls.js where Media Source Extensions exist
// (loaded on demand, so pages without video stay small), else natively (Safari on iPhone).
// Media requests are same-origin and carry the session cookie; in `presigned` delivery mode
// hls.js fetches segments from S3/CDN URLs the server wrote into the playlists.

import { h } from '../dom';

export interface Player {
  el: HTMLElement;
  video: HTMLVideoElement;
  destroy(): void;
}

export async function createPlayer(
  hlsUrl: string,
  opts: { poster?: string | null; title: string; onFatal: (message: string) => void },
): Promise<Player> {
  const video = h('video', {
    class: 'video',
    controls: true,
    playsinline: true,
    preload: 'metadata',
    poster: opts.poster ?? null,
    'aria-label': opts.title,
  });
  const el = h('div', { class: 'player' }, video);
  const { default: Hls } = await import('hls.js');

  if (Hls.isSupported()) {
    const hls = new Hls({ capLevelToPlayerSize: true });
    let networkRetries = 0;
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (!data.fatal) return;
      if (data.type === Hls.ErrorTypes.NETWORK_ERROR && networkRetries++ < 5) {
        window.setTimeout(() => hls.startLoad(), 1000 * networkRetries);
      } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
        hls.recoverMediaError();
      } else {
        hls.destroy();
        opts.onFatal(
          data.type === Hls.ErrorTypes.NETWORK_ERROR
            ? 'The video stopped loading. Check your connection and reload the page.'
            : 'This video cannot be played in this browser.',
        );
      }
    });
    hls.on(Hls.Events.FRAG_LOADED, () => {
      networkRetries = 0;
    });
    hls.loadSource(hlsUrl);
    hls.attachMedia(video);
    return { el, video, destroy: () => hls.destroy() };
  }

  if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = hlsUrl;
    return {
      el,
      video,
      destroy: () => {
        video.removeAttribute('src');
        video.load();
      },
    };
  }

  opts.onFatal('This browser cannot play streaming video. Try a recent Chrome, Firefox or Safari.');
  return { el, video, destroy: () => {} };
}
