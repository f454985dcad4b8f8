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
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    // hls.js (~580 kB) is loaded only on video pages, via dynamic import
    chunkSizeWarningLimit: 700,
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
});
