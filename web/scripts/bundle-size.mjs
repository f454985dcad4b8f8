// The JavaScript each screen makes a phone download, gzipped, checked against a limit
// (`npm run build` runs it after `vite build`; `npm run size` on its own, on dist/):
//
//   node scripts/bundle-size.mjs [DIST_DIR]      (default: dist)
//
// For every page module the route table of src/main.ts names (statically imported pages, and
// pages loaded with `lazy(() => import('./pages/…'))`), a screen's JavaScript is
//   - the entry chunk and everything it imports statically (every screen loads it), plus
//   - the page's own chunk and its static imports, when the page is loaded lazily, plus
//   - the chunks the page may load on its own with `import()`: found by following the page's
//     static imports through src/ and collecting the dynamic imports met there (hls.js on the
//     video page, tus-js-client on the Upload page, …), each with its static and dynamic imports
//     (from Vite's manifest, dist/.vite/manifest.json: `build.manifest` in vite.config.ts).
// Every file is counted once, at the size `gzip -9` gives it. The video page may weigh 250 KiB
// gzipped and every other page 150 KiB; a table is printed, and the exit code is 1 when a page
// is over its limit (or the route table cannot be read).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] ?? path.join(web, 'dist'));
const KiB = 1024;
/** gzipped KiB a screen may download; pages not named here get DEFAULT_LIMIT */
const LIMITS = { video: 250 * KiB };
const DEFAULT_LIMIT = 150 * KiB;

const fail = (message) => {
  console.error(`bundle-size: ${message}`);
  process.exit(1);
};

const manifestPath = path.join(dist, '.vite', 'manifest.json');
if (!fs.existsSync(manifestPath)) fail(`no ${manifestPath}: build with build.manifest on (vite.config.ts)`);
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) fail('the manifest has no entry');

// --- the route table: which page module each route shows ---------------------------------------
const mainPath = path.join(web, 'src', 'main.ts');
const main = fs.readFileSync(mainPath, 'utf8');
const importedPages = new Map(); // exported name → module ("video")
for (const m of main.matchAll(/import\s*\{([^}]*)\}\s*from\s*'\.\/pages\/([\w-]+)'/g)) {
  for (const name of m[1].split(',').map((s) => s.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()).filter(Boolean)) {
    importedPages.set(name, m[2]);
  }
}
const pages = new Map(); // module → { routes: [], lazy }
for (const m of main.matchAll(/\{\s*pattern:\s*'([^']+)',\s*page:\s*([^}]+?)(?:,\s*public:\s*true)?\s*\}/g)) {
  const [, pattern, expr] = m;
  const lazy = expr.match(/import\(\s*'\.\/pages\/([\w-]+)'\s*\)/);
  const name = expr.trim().match(/^(\w+)$/)?.[1];
  const module = lazy ? lazy[1] : importedPages.get(name);
  if (!module) fail(`cannot tell which page module the route ${pattern} shows (${expr.trim()}) in src/main.ts`);
  if (!pages.has(module)) pages.set(module, { routes: [], lazy: Boolean(lazy) });
  pages.get(module).routes.push(pattern);
}
if (!pages.has('video')) fail('src/main.ts has no route to pages/video');

// --- the source graph: the dynamic imports a page can reach through its static imports ----------
const sourceCache = new Map();
function resolveLocal(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}
function imports(file) {
  if (!sourceCache.has(file)) {
    const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const statics = [];
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[\s\S]*?\s+from\s+)?'([^']+)'/gm)) {
      if (!m[1]) statics.push(m[2]);
    }
    const dynamics = [...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]);
    sourceCache.set(file, { statics, dynamics });
  }
  return sourceCache.get(file);
}
/** the dynamic import specifiers reachable from `start` by static imports inside src/ */
function dynamicImportsOf(start) {
  const seen = new Set();
  const found = [];
  const walk = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const { statics, dynamics } = imports(file);
    for (const spec of dynamics) found.push({ from: file, spec });
    for (const spec of statics) {
      if (!spec.startsWith('.')) continue; // a package imported statically is in this chunk already
      const target = resolveLocal(file, spec);
      if (target && !target.endsWith('.css')) walk(target);
    }
  };
  walk(start);
  return found;
}
/** the manifest keys a dynamic import in `from` loads */
function manifestKeysFor(from, spec) {
  if (spec.startsWith('.')) {
    const target = resolveLocal(from, spec);
    const key = target && path.relative(web, target).split(path.sep).join('/');
    if (!key || !manifest[key]) fail(`${path.relative(web, from)} imports ${spec}, which is not a chunk of the build`);
    return [key];
  }
  const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  const sub = spec.slice(pkg.length).replace(/^\//, '');
  let keys = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry && (manifest[k].src ?? k).startsWith(`node_modules/${pkg}/`));
  if (keys.length > 1 && sub) {
    const bySub = keys.filter((k) => k.includes(sub));
    if (bySub.length) keys = bySub;
  }
  if (!keys.length) fail(`${path.relative(web, from)} imports ${spec}, which is not a chunk of the build`);
  return keys; // several only when the package has several lazily loaded files: all counted
}

// --- sizes --------------------------------------------------------------------------------------
const sizeCache = new Map();
function size(file) {
  if (!sizeCache.has(file)) {
    const bytes = fs.readFileSync(path.join(dist, file));
    sizeCache.set(file, { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length });
  }
  return sizeCache.get(file);
}
/** the chunk `key` and its static imports (and, with `dynamic`, their dynamic imports too); the
 *  chunks in `stop` are not followed (the entry's: every page has them already, and their dynamic
 *  imports are the other pages, which a lazily loaded part of this one does not load) */
function closure(key, into, dynamic, stop = null) {
  if (into.has(key) || stop?.has(key)) return into;
  into.add(key);
  const chunk = manifest[key];
  for (const k of chunk.imports ?? []) closure(k, into, dynamic, stop);
  if (dynamic) for (const k of chunk.dynamicImports ?? []) closure(k, into, dynamic, stop);
  return into;
}

const entryChunks = closure(entryKey, new Set(), false);
const rows = [];
for (const [module, { routes, lazy }] of pages) {
  const file = path.join(web, 'src', 'pages', `${module}.ts`);
  const chunks = new Set(entryChunks);
  const own = new Set();
  if (lazy) {
    const key = `src/pages/${module}.ts`;
    if (!manifest[key]) fail(`pages/${module} is loaded lazily but is not a chunk of the build`);
    for (const k of closure(key, new Set(), false)) own.add(k);
  }
  for (const { from, spec } of dynamicImportsOf(file)) {
    for (const key of manifestKeysFor(from, spec)) for (const k of closure(key, new Set(), true, entryChunks)) own.add(k);
  }
  for (const k of own) chunks.add(k);
  const files = new Set([...chunks].map((k) => manifest[k].file).filter((f) => f.endsWith('.js')));
  const css = new Set([...chunks].flatMap((k) => manifest[k].css ?? []));
  const total = { raw: 0, gzip: 0, css: 0 };
  for (const f of files) {
    total.raw += size(f).raw;
    total.gzip += size(f).gzip;
  }
  for (const f of css) total.css += size(f).gzip;
  const extra = [...own].filter((k) => !entryChunks.has(k)).map((k) => manifest[k].file).filter((f) => f.endsWith('.js')).map((f) => path.basename(f).replace(/-[\w-]{8}\.js$/, ''));
  const limit = LIMITS[module] ?? DEFAULT_LIMIT;
  rows.push({ module, routes, files: files.size, ...total, limit, over: total.gzip > limit, extra: [...new Set(extra)] });
}

rows.sort((a, b) => b.gzip - a.gzip);
const kib = (n) => (n / KiB).toFixed(1);
const table = [
  ['page', 'routes', 'files', 'JS KiB', 'JS gzip KiB', 'limit', 'CSS gzip KiB', 'its own chunks'],
  ...rows.map((r) => [r.module, r.routes.join(' '), String(r.files), kib(r.raw), kib(r.gzip), kib(r.limit), kib(r.css),
    r.extra.join(', ') || '-', r.over ? 'OVER' : '']),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length)));
for (const row of table) {
  console.log(row.map((cell, i) => (i >= 2 && i <= 6 ? (cell ?? '').padStart(widths[i]) : (cell ?? '').padEnd(widths[i]))).join('  ').trimEnd());
}
const over = rows.filter((r) => r.over);
if (over.length) {
  fail(over.map((r) => `pages/${r.module} downloads ${kib(r.gzip)} KiB of JavaScript gzipped, more than its ${kib(r.limit)} KiB`).join('; '));
}
console.log(`bundle-size: every page is within its limit (video ${kib(LIMITS.video)} KiB, others ${kib(DEFAULT_LIMIT)} KiB gzipped)`);
