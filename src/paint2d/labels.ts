/**
 * The names on the map, drawn with Canvas 2D at the units' label points (UnitProps.label) for every map the atlas
 * shows: over the 2D map from its first frame, over MapLibre's after the hand-over, and in the exported picture. One
 * placement everywhere, so the hand-over moves no name. MapLibre's symbol layers are not used: on software GL their
 * shader alone took 0.4-0.6 s of the main thread to compile at every start (README, Benchmark).
 */
import { COLORS } from '../look/theme';
import { LABELLED_OBJECTS, type LabelledObject, type UnitProps } from '../model/units';
import type { Lang, Level } from '../state/view-state';
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

/** A unit's label point (render.ts's MercatorPoint, or the first view's own), in the units `ProjectPoint` reads. */
export interface LabelPoint {
  properties: Pick<UnitProps, 'id' | 'name_zh' | 'name_en' | 'label'>;
  x: number;
  y: number;
}

/** Which units a level names, and where: the 2D scene (render.ts), or the first view's points (reveal.ts). */
export interface LabelScene {
  membersOf(level: Level): ReadonlySet<string>;
  labelPoints: Readonly<Record<LabelledObject, readonly LabelPoint[]>>;
}

/** Where a label point lands on the canvas, CSS px. */
export type ProjectPoint = (point: LabelPoint) => readonly [x: number, y: number];

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
  scene: LabelScene;
  view: LabelView;
  /** Said after a zone's name, in the view's language: its shape is approximate (the string `approx_suffix`). */
  zoneSuffix: string;
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
export function placeLabels({ ctx, family, scene, view, zoneSuffix, frame, project, measured }: LabelTarget): PlacedLabel[] {
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
        const name = (view.lang === 'zh' ? unit.name_zh : unit.name_en) + (source === 'zones' ? zoneSuffix : '');
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
