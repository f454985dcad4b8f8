// Vite builds the SPA into web/dist, which `reelhouse serve` serves at `/` with an
// index.html fallback. During `npm run dev` / `npm run preview`, /api, /healthz and
// /readyz go to a locally running server (override with REELHOUSE_DEV_API).
import { defineConfig } from 'vite';

const api = process.env.REELHOUSE_DEV_API ?? 'http://127.0.0.1:8080';
const proxy = {
  '/api': { target: api, changeOrigin: false },
  '/healthz': { target: api },
  '/readyz': { target: api },
};

export default defineConfig({
  base: '/',
  resolve: {
    // hls-video-element imports the full hls.js; the light build (no subtitle renditions, alternate
    // audio, DRM or CMCD, 65 kB gzipped less) is enough: captions come as <track> elements
    // (components/player.ts), which also keeps the video page under its size budget
    alias: [{ find: /^hls\.js\/dist\/hls\.mjs$/, replacement: 'hls.js/dist/hls.light.mjs' }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    // dist/.vite/manifest.json: which chunks each page loads, for scripts/bundle-size.mjs (the
    // size limits `npm run build` checks)
    manifest: true,
    // media-chrome and hls.js (~600 kB) are loaded only on video pages, via dynamic import
    chunkSizeWarningLimit: 700,
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
});
