// History API routing. Links inside the app are plain <a href="/path"> elements: a click on one
// is intercepted and turned into pushState + render, so pages never reload, while a reload or a
// shared link still works because the server answers index.html for any non-/api path.
//
// A page is a function that fills the <main> element it is given and may return a cleanup
// function (stop polling, destroy the player, flush progress) that runs when the person leaves.

export type Cleanup = () => void;

export interface PageContext {
  /** the element the page renders into */
  main: HTMLElement;
  /** `:name` segments of the route pattern */
  params: Record<string, string>;
  query: URLSearchParams;
  /** aborted when the person navigates away; pass it to fetches */
  signal: AbortSignal;
}

export type Page = (ctx: PageContext) => void | Cleanup | Promise<void | Cleanup>;

export interface Route {
  /** e.g. "/videos/:id"; "*" matches anything */
  pattern: string;
  page: Page;
  /** readable without a session (sign-in, invitation) */
  public?: boolean;
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

export function match(routes: Route[], path: string): Match | null {
  const parts = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.pattern === '*') return { route, params: {} };
    const pattern = route.pattern.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((seg, i) => {
      if (seg.startsWith(':')) {
        try {
          params[seg.slice(1)] = decodeURIComponent(parts[i]!);
        } catch {
          return false;
        }
        return true;
      }
      return seg === parts[i];
    });
    if (ok) return { route, params };
  }
  return null;
}

let renderFn: ((initial: boolean) => void) | null = null;

/** Go to an in-app path (e.g. "/videos/abc?playlist=1"). */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  renderFn?.(false);
}

/** Starts routing: renders the current URL now, and again on link clicks and back/forward. */
export function startRouter(render: (initial: boolean) => void): void {
  renderFn = render;
  window.addEventListener('popstate', () => render(false));
  document.addEventListener('click', (ev) => {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) {
      return;
    }
    const a = (ev.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download') || a.dataset.external !== undefined) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    ev.preventDefault();
    if (url.pathname + url.search !== location.pathname + location.search) {
      navigate(url.pathname + url.search + url.hash);
    }
  });
  render(true);
}
