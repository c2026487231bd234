/**
 * Built as a classic script that index.html runs right after the first view's markup (vite-plugin.ts), before the
 * page is first painted. Where the link opens the default view, it puts the panels' copy for this screen into the
 * panels' container (panels.tsx) and holds what is done to it until the app's panels take over (held-input.ts).
 * Where the link opens the first view's picture, it draws the SVG into the first view's canvas at this screen's size;
 * otherwise it removes both. A canvas, not the SVG in the page: where the GPU is emulated (SwiftShader), the page's
 * own paths were rasterised through it and held up MapLibre's start by 0.2-0.8 s, while a CPU canvas draws the image
 * in ~20 ms (docs/performance.md).
 */
import { opensFirstView, readPicture } from './link-rule';
import { firstViewPadding, PHONE_SCREEN, screenViewBox, type Box } from './fit';
import { FIRST_PANELS_CLASS, HELD_STYLE_ATTRIBUTE, PLACEHOLDER_ORIGIN, pickPanelCopy } from './panel-copies';
import { appLink } from '../state/link-path';
import { holdInput } from './held-input';
import { panelCovers } from './panel-covers';
import { framePadding } from '../look/free-frame';
import { Gestures, leaveGestures } from '../paint2d/gestures';
import { drawLabels, type LabelPoint } from '../paint2d/labels';
import type { LabelledObject } from '../model/units';
import { FIRST_VIEW_NAMES_ID, type FirstViewNames } from './first-view-names';

const panelsPlaced = placePanels();
const canvas = document.getElementById('first-view') as HTMLCanvasElement | null;
const source = document.getElementById('first-view-svg');
if (canvas && source) reveal(canvas, source.textContent ?? '');
source?.remove();

/** Puts the panels' copy for this link and screen in place; whether there was one. */
function placePanels(): boolean {
  const copies = [...document.querySelectorAll<HTMLTemplateElement>(`template.${FIRST_PANELS_CLASS}`)];
  const layout = matchMedia(PHONE_SCREEN).matches ? 'phone' : 'desktop';
  const chosen = copies[pickPanelCopy(copies.map(({ dataset }) => ({ layout: dataset.layout, picture: dataset.picture })), location.search, location.hash, layout)];
  const root = document.getElementById('app');
  for (const copy of copies) copy.remove();
  if (!chosen || !root) return false;
  // After the loading line, which says so if the data is slow to come (the copy does not work before the app).
  root.append(chosen.content);
  // The page's language is the copy's, as App.tsx sets it once it runs.
  if (chosen.dataset.lang) document.documentElement.lang = chosen.dataset.lang;
  // Set through the style object, as the policy allows (panels.tsx).
  for (const styled of root.querySelectorAll<HTMLElement>(`[${HELD_STYLE_ATTRIBUTE}]`)) {
    styled.style.cssText = styled.getAttribute(HELD_STYLE_ATTRIBUTE) ?? '';
    styled.removeAttribute(HELD_STYLE_ATTRIBUTE);
  }
  for (const link of root.querySelectorAll<HTMLAnchorElement>(`a[href^="${PLACEHOLDER_ORIGIN}/"]`)) {
    const { search, hash } = new URL(link.href);
    link.href = appLink(location, search, hash);
  }
  holdInput(root);
  return true;
}

function reveal(canvas: HTMLCanvasElement, svg: string): void {
  const picture = readPicture(canvas.dataset.picture);
  const { clientWidth: width, clientHeight: height } = canvas.parentElement ?? canvas;
  const bounds = (canvas.dataset.bounds ?? '').split(' ').map(Number) as unknown as Box;
  // Framed where the panels leave room, as the app frames it (look/free-frame.ts): the panels' copy where it is
  // shown, else where they will be. An embedded map has a bar of its own instead of the top bar.
  const margin = Number(canvas.dataset.padding);
  const desktop = !matchMedia(PHONE_SCREEN).matches && new URLSearchParams(location.search).get('embed') !== '1';
  const app = document.getElementById('app');
  const map = canvas.parentElement;
  const padding =
    panelsPlaced && app && map
      ? framePadding({ width, height }, panelCovers(app, map), { width: bounds[2], height: bounds[3] }, margin)
      : firstViewPadding(width, margin, desktop);
  const viewBox = picture && opensFirstView(location.search, location.hash, picture) ? screenViewBox(bounds, width, height, padding) : null;
  if (!viewBox) return canvas.remove();
  const sized = svg.replace('<svg ', `<svg width="${width}" height="${height}" viewBox="${viewBox.join(' ')}" `);
  const url = URL.createObjectURL(new Blob([sized], { type: 'image/svg+xml' }));
  const image = new Image();
  image.src = url;
  image
    .decode()
    .then(
      () => {
        const dpr = devicePixelRatio || 1;
        canvas.width = Math.floor(width * dpr);
        canvas.height = Math.floor(height * dpr);
        // CPU-backed and opaque, as the 2D map's canvas (render.ts).
        canvas.getContext('2d', { willReadFrequently: true, alpha: false })?.drawImage(image, 0, 0, canvas.width, canvas.height);
        const names = drawNames(canvas, viewBox, { width, height }, dpr);
        canvas.hidden = false;
        takeInput(canvas, names, width / viewBox[2]);
      },
      () => canvas.remove(),
    )
    .finally(() => URL.revokeObjectURL(url));
}

/** The zoom the picture is shown at: the SVG's own, scaled by `scale` screen px per user unit. */
function shownZoom(canvas: HTMLCanvasElement, scale: number): number {
  return Number((canvas.dataset.zoom ?? '').split(' ')[0]) + Math.log2(scale);
}

function readNames(text: string | undefined): FirstViewNames | null {
  try {
    return JSON.parse(text ?? '') as FirstViewNames;
  } catch {
    return null;
  }
}

/**
 * The names over the picture, placed and drawn by labels.ts as the maps' own names are, on a canvas of their own as
 * theirs (label-overlay.ts): the 2D map copies the picture's pixels, which must hold no names, and draws its names in
 * the same frame. In the link's language; none where the data is unreadable.
 */
function drawNames(canvas: HTMLCanvasElement, viewBox: Box, frame: { width: number; height: number }, dpr: number): HTMLCanvasElement | null {
  const names = readNames(canvas.dataset.names);
  if (!names) return null;
  const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
  const scale = frame.width / viewBox[2];
  const pointsOf = (source: LabelledObject): LabelPoint[] =>
    (names.points[source] ?? []).map(([id, x, y, name_zh, name_en]) => ({ properties: { id, name_zh, name_en }, x, y }));
  const labelPoints = { provinces: pointsOf('provinces'), prefectures: pointsOf('prefectures'), counties: pointsOf('counties'), zones: pointsOf('zones') };
  // The points are those of the level's own units (first-view.ts), and the zones.
  const members = new Set([...labelPoints.provinces, ...labelPoints.prefectures, ...labelPoints.counties].map((p) => p.properties.id));
  const overlay = document.createElement('canvas');
  overlay.id = FIRST_VIEW_NAMES_ID;
  overlay.className = 'map-labels';
  overlay.setAttribute('aria-hidden', 'true');
  overlay.width = Math.floor(frame.width * dpr);
  overlay.height = Math.floor(frame.height * dpr);
  const ctx = overlay.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawLabels({
    ctx,
    family: getComputedStyle(canvas.parentElement ?? canvas).fontFamily,
    scene: { membersOf: () => members, labelPoints },
    view: { level: names.level, lang, zones: true, zoom: shownZoom(canvas, scale) },
    zoneSuffix: names.zoneSuffix[lang],
    frame: { x: 0, y: 0, ...frame },
    project: ({ x, y }) => [(x - viewBox[0]) * scale, (y - viewBox[1]) * scale],
  });
  canvas.after(overlay);
  return overlay;
}

/**
 * Drags and wheel zooms move the picture and its names at once (a CSS transform, no redrawing); the 2D map takes them
 * over with whatever is under way (main.tsx), and a click is answered there. `scale`: screen px per user unit of the SVG.
 */
function takeInput(canvas: HTMLCanvasElement, names: HTMLCanvasElement | null, scale: number): void {
  const [, minZoom, maxZoom] = (canvas.dataset.zoom ?? '').split(' ').map(Number);
  const zoom = shownZoom(canvas, scale);
  const gestures = new Gestures(canvas, {
    moved: ({ scale, x, y }) => {
      for (const moving of [canvas, names]) if (moving) moving.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    },
  });
  if ([zoom, minZoom, maxZoom].every(Number.isFinite)) gestures.rebase([minZoom - zoom, maxZoom - zoom]);
  leaveGestures(canvas, gestures);
  performance.mark('atlas:takes-input');
}
