/**
 * The names on the map, drawn with Canvas 2D at the units' label points (UnitProps.label) for every map the atlas
 * shows: over the 2D map from its first frame, over MapLibre's after the hand-over, and in the exported picture. One
 * placement everywhere, so the hand-over moves no name. MapLibre's symbol layers are not used: on software GL their
 * shader alone took 0.4-0.6 s of the main thread to compile at every start (README, Benchmark).
 */
import { COLORS } from '../look/theme';
import { t } from '../i18n/strings';
import { LABELLED_OBJECTS, type LabelledObject } from '../model/units';
import type { Camera, Lang, Level } from '../state/view-state';
import type { MercatorPoint, Scene } from './render';
import type { PictureContext } from './svg-context';

/** Below this zoom the counties go unnamed: at the Circle's default framing their names would cover the map. */
export const COUNTY_LABEL_MIN_ZOOM = 6.2;

export interface LabelView {
  level: Level;
  lang: Lang;
  zones: boolean;
  zoom: number;
}

/** The part of the canvas labels may use, CSS px. */
export interface LabelFrame {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a label point lands on the canvas, CSS px. */
export type ProjectPoint = (point: MercatorPoint) => readonly [x: number, y: number];

interface LabelStyle {
  size: number;
  colour: string;
  halo: number;
  /** Line length before wrapping, in ems. */
  maxWidth: number;
  /** Zone labels hang this many ems below their point; the others are centred on it. */
  offsetEm: number;
}

const ZONE_STYLE: LabelStyle = { size: 11, colour: COLORS.zone, halo: 1.6, maxWidth: 9, offsetEm: 1.1 };
const UNIT_STYLE: LabelStyle = { size: 12, colour: COLORS.label, halo: 1.4, maxWidth: 7, offsetEm: 0 };

function styleOf(source: LabelledObject): LabelStyle {
  if (source === 'zones') return ZONE_STYLE;
  return source === 'counties' ? { ...UNIT_STYLE, size: 11 } : UNIT_STYLE;
}

export function setFont(ctx: PictureContext, family: string, size: number, weight = 400): void {
  ctx.font = `${weight} ${size}px ${family}`;
}

/**
 * Lines of at most about `width`: broken at spaces for English, between characters for Chinese, and balanced
 * ("石柱土家/族自治县", not "石柱土家族自治/县").
 */
export function wrap(ctx: PictureContext, text: string, width: number, lang: Lang): string[] {
  const tokens = lang === 'en' ? text.split(' ') : [...text];
  const joiner = lang === 'en' ? ' ' : '';
  const total = ctx.measureText(text).width;
  const target = total / Math.ceil(total / width);
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const next = line ? line + joiner + token : token;
    const over = ctx.measureText(next).width - target;
    // Break before the token when that ends the line nearer the target than taking it would.
    if (line && over > 0 && over > target - ctx.measureText(line).width) {
      lines.push(line);
      line = token;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** A name placed on the canvas: its lines, centred at x, from the top of the first line. */
export interface PlacedLabel {
  id: string;
  /** The layer the name belongs to (a zone's name selects the zone: src/look/pick.ts). */
  source: LabelledObject;
  /** Where the name and its margin sit, CSS px: what a click on it hits. */
  box: Box;
  lines: string[];
  x: number;
  top: number;
  lineHeight: number;
  style: LabelStyle;
}

/** What the names are drawn on, for which view, and how the view projects their points. */
export interface LabelTarget {
  ctx: PictureContext;
  /** The page's font family. */
  family: string;
  scene: Scene;
  view: LabelView;
  frame: LabelFrame;
  project: ProjectPoint;
  /**
   * Lines and widths of names already measured, by layer, language and unit: a live map places its names at every
   * frame it draws, and only their positions change from one to the next.
   */
  measured?: Map<string, { lines: string[]; width: number }>;
}

/**
 * Which names fit, and where. The top layer is placed first (zones, then counties, prefectures, provinces); a name
 * that would overlap one already placed, or leave the frame, is skipped. The national level names no unit: 2,891
 * names would hide the map.
 */
export function placeLabels({ ctx, family, scene, view, frame, project, measured }: LabelTarget): PlacedLabel[] {
  const members = scene.membersOf(view.level);
  const boxes: Box[] = [];
  const placed: PlacedLabel[] = [];
  for (const source of [...LABELLED_OBJECTS].reverse()) {
    if (source === 'zones' ? !view.zones : view.level === 'china' || (source === 'counties' && view.zoom < COUNTY_LABEL_MIN_ZOOM)) continue;
    const style = styleOf(source);
    setFont(ctx, family, style.size);
    const lineHeight = style.size * 1.2;
    for (const point of scene.labelPoints[source]) {
      const unit = point.properties;
      if (source !== 'zones' && !members.has(unit.id)) continue;
      const [x, y] = project(point);
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const key = `${source}|${view.lang}|${unit.id}`;
      let text = measured?.get(key);
      if (!text) {
        const name = (view.lang === 'zh' ? unit.name_zh : unit.name_en) + (source === 'zones' ? t(view.lang, 'approx_suffix') : '');
        const lines = wrap(ctx, name, style.maxWidth * style.size, view.lang);
        text = { lines, width: Math.max(...lines.map((l) => ctx.measureText(l).width)) };
        measured?.set(key, text);
      }
      const { lines, width } = text;
      const top = y + (style.offsetEm ? style.offsetEm * style.size : -(lines.length * lineHeight) / 2);
      const box = { x0: x - width / 2 - 2, y0: top - 1, x1: x + width / 2 + 2, y1: top + lines.length * lineHeight + 1 };
      const inFrame = box.x0 >= frame.x && box.y0 >= frame.y && box.x1 <= frame.x + frame.width && box.y1 <= frame.y + frame.height;
      if (!inFrame || boxes.some((b) => overlaps(b, box))) continue;
      boxes.push(box);
      placed.push({ id: unit.id, source, box, lines, x, top, lineHeight, style });
    }
  }
  return placed;
}

/** Draws the names that fit (placeLabels) with their halos, in the style's colours and sizes; gives what it placed. */
export function drawLabels(target: LabelTarget): PlacedLabel[] {
  const { ctx, family } = target;
  const placed = placeLabels(target);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const { lines, x, top, lineHeight, style } of placed) {
    setFont(ctx, family, style.size);
    lines.forEach((line, i) => {
      const y = top + (i + 0.5) * lineHeight;
      ctx.strokeStyle = COLORS.labelHalo;
      ctx.lineWidth = 2 * style.halo;
      ctx.strokeText(line, x, y);
      ctx.fillStyle = style.colour;
      ctx.fillText(line, x, y);
    });
  }
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';
  return placed;
}

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
    this.placed = drawLabels({ ctx, family: this.family, scene: this.scene, view, frame: { x: 0, y: 0, width, height }, project, measured: this.measured });
  }

  /** The zone whose name is drawn at a CSS px of the map, if any. */
  zoneLabelAt(x: number, y: number): string | null {
    const hit = this.placed.find(({ source, box }) => source === 'zones' && x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1);
    return hit?.id ?? null;
  }
}
