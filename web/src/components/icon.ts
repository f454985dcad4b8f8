// A handful of inline SVG icons (24×24, stroke-based, coloured by currentColor). Decorative:
// each is aria-hidden, so the text beside it is what screen readers read.

const PATHS = {
  home: 'M3 11.5 12 4l9 7.5M5.5 9.5V20h5v-6h3v6h5V9.5',
  library: 'M4 5h4v15H4zM10 5h4v15h-4zM16.5 5.5l3.5-.8 3 14.6-3.5.8z',
  upload: 'M12 16V4m0 0-5 5m5-5 5 5M4 16v4h16v-4',
  camera: 'M3 8h4l2-3h6l2 3h4v12H3zM12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
  file: 'M6 3h8l5 5v13H6zM14 3v5h5',
  video: 'M3 6h13v12H3zM16 10l5-3v10l-5-3',
  link: 'M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1',
  lock: 'M6 11h12v10H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3',
  check: 'M5 12.5 10 17l9-10',
  download: 'M12 4v12m0 0-5-5m5 5 5-5M4 20h16',
  pause: 'M8 5v14M16 5v14',
  play: 'M7 4l13 8-13 8z',
  bell: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0',
  manage: 'M9 6h11M9 12h11M9 18h11M4 5.5v1M4 11.5v1M4 17.5v1',
} as const;

export type IconName = keyof typeof PATHS;

export function icon(name: IconName): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', PATHS[name]);
  svg.appendChild(path);
  return svg;
}
