/**
 * Built as a classic script that index.html runs right after the first view's markup (vite-plugin.ts), before the
 * page is first painted: where the link opens the first view's picture, it draws the SVG into the first view's
 * canvas at this screen's size; otherwise it removes both. A canvas, not the SVG in the page: where the GPU is
 * emulated (SwiftShader), the page's own paths were rasterised through it and held up MapLibre's start by 0.2-0.8 s,
 * while a CPU canvas draws the image in ~20 ms (A/B loads, README).
 */
import { opensFirstView } from './link-rule';
import { firstViewPadding, PHONE_SCREEN, screenViewBox, type Box } from './fit';
import { Gestures, leaveGestures } from '../paint2d/gestures';

const canvas = document.getElementById('first-view') as HTMLCanvasElement | null;
const source = document.getElementById('first-view-svg');
if (canvas && source) reveal(canvas, source.textContent ?? '');
source?.remove();

function readPicture(text: string | undefined): Record<string, string | null> | null {
  try {
    return JSON.parse(text ?? '') as Record<string, string | null>;
  } catch {
    return null;
  }
}

function reveal(canvas: HTMLCanvasElement, svg: string): void {
  const picture = readPicture(canvas.dataset.picture);
  const { clientWidth: width, clientHeight: height } = canvas.parentElement ?? canvas;
  const bounds = (canvas.dataset.bounds ?? '').split(' ').map(Number) as unknown as Box;
  // Framed where the panels will leave room, as the app frames it once they are drawn (look/free-frame.ts). An
  // embedded map has a bar of its own instead of the top bar.
  const desktop = !matchMedia(PHONE_SCREEN).matches && new URLSearchParams(location.search).get('embed') !== '1';
  const padding = firstViewPadding(width, Number(canvas.dataset.padding), desktop);
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
        canvas.hidden = false;
        takeInput(canvas, width / viewBox[2]);
      },
      () => canvas.remove(),
    )
    .finally(() => URL.revokeObjectURL(url));
}

/**
 * Drags and wheel zooms move the picture at once (a CSS transform, no redrawing); the 2D map takes them over with
 * whatever is under way (main.tsx), and a click is answered there. `scale`: screen px per user unit of the SVG.
 */
function takeInput(canvas: HTMLCanvasElement, scale: number): void {
  const [zoom, minZoom, maxZoom] = (canvas.dataset.zoom ?? '').split(' ').map(Number);
  const shownZoom = zoom + Math.log2(scale);
  const gestures = new Gestures(canvas, {
    moved: ({ scale, x, y }) => {
      canvas.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    },
  });
  if ([zoom, minZoom, maxZoom].every(Number.isFinite)) gestures.rebase([minZoom - shownZoom, maxZoom - shownZoom]);
  leaveGestures(canvas, gestures);
  performance.mark('atlas:takes-input');
}
