/**
 * The names over a live map (labels.ts places and draws them), on a canvas of their own above the map's, 2D or
 * MapLibre.
 */
import { t } from '../i18n/strings';
import type { Camera } from '../state/view-state';
import { drawLabels, type LabelView, type PlacedLabel, type ProjectPoint } from './labels';
import type { Scene } from './render';

/** The event that asks a LabelOverlay where its names are: it answers in its canvas's data-names, [id, x0, y0, x1, y1] each. */
export const NAMES_QUERY = 'atlas-names';

/**
 * The names over a live map: a canvas of their own above the map's (2D or MapLibre), redrawn by whichever map is on
 * screen whenever it draws, so they move with it and never take a pointer event from it.
 */
export class LabelOverlay {
  readonly canvas: HTMLCanvasElement;
  private readonly family: string;
  private readonly measured = new Map<string, { lines: string[]; width: number }>();
  /** What the names on the canvas were drawn for: a frame that changes none of it (hover, selection, recolouring) moves no name. */
  private drawnFor = '';
  /** The names on the canvas now. */
  private placed: PlacedLabel[] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly scene: Scene,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'map-labels';
    this.canvas.setAttribute('aria-hidden', 'true');
    container.append(this.canvas);
    this.family = getComputedStyle(container).fontFamily;
    // Tools and tests ask where the names are with this event (the answer lands in data-names), so the map pays
    // nothing for it at every frame.
    this.canvas.addEventListener(NAMES_QUERY, () => {
      const boxes = this.placed.map(({ id, box }) => [id, ...[box.x0, box.y0, box.x1, box.y1].map(Math.round)]);
      this.canvas.dataset.names = JSON.stringify(boxes);
    });
  }

  /** Draws the names for `view` seen through `camera`, unless they are drawn for both already. */
  draw(view: LabelView, camera: Camera, project: ProjectPoint): void {
    const width = this.container.clientWidth;
    const height = this.container.clientHeight;
    const dpr = devicePixelRatio || 1;
    const drawnFor = JSON.stringify([view, camera, width, height, dpr]);
    if (drawnFor === this.drawnFor) return;
    this.drawnFor = drawnFor;
    if (this.canvas.width !== Math.floor(width * dpr)) this.canvas.width = Math.floor(width * dpr);
    if (this.canvas.height !== Math.floor(height * dpr)) this.canvas.height = Math.floor(height * dpr);
    // A CPU canvas, as the 2D map's (render.ts): on software GL an accelerated one rasterises text through emulated GL.
    const ctx = this.canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const zoneSuffix = t(view.lang, 'approx_suffix');
    this.placed = drawLabels({ ctx, family: this.family, scene: this.scene, view, zoneSuffix, frame: { x: 0, y: 0, width, height }, project, measured: this.measured });
  }

  /** The zone whose name is drawn at a CSS px of the map, if any. */
  zoneLabelAt(x: number, y: number): string | null {
    const hit = this.placed.find(({ source, box }) => source === 'zones' && x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1);
    return hit?.id ?? null;
  }
}
