/**
 * The current view as a PNG to download: the Canvas 2D frame (render.ts) with labels, a title, the legend and a
 * source line, all drawn with canvas text, so it needs no WebGL2 and comes out the same whichever map is on screen.
 * The online basemap and pitch are not drawn: the picture is the offline map seen from straight above.
 */
import { LEVEL_LABEL_KEYS, t, type Lang } from '../i18n/strings';
import { dashPx, LEGEND_KEYS, legendFigureLists, legendPlan, type LegendFigureList, type LegendPlan, type LineKey } from '../look/legend';
import { plantsShown } from '../model/plants';
import { COLORS, DEFAULT_PADDING, ZOOM_LIMITS } from '../look/theme';
import { GRADES, type Figure, type Grade, type IndicatorId, type IndicatorModel } from '../model/dataset';
import { formatClassLabels, formatValue, measureLabel, toMeasure, type Measure } from '../model/format';
import { indicatorLabel } from '../model/indicator-labels';
import { MAX_CIRCLE_RADIUS_PX, type MapColouring } from '../model/map-colouring';
import { NO_DATA_COLOR, radiusFor } from '../model/palette';
import type { Camera, Level, ViewState } from '../state/view-state';
import { applyTransform, fitBoundsCamera, screenTransform, type LngLatBounds, type Viewport } from './mercator';
import { hatchCanvas, paintFrame, type Scene } from './render';
import { drawLabels, setFont, wrap } from './labels';

/** The picture's size in CSS px; it is drawn at IMAGE_DPR device px per CSS px. */
const IMAGE_SIZE: Viewport = { width: 1600, height: 1000 };
const IMAGE_DPR = 2;

const MARGIN = 24;
const HEADER_HEIGHT = 84;
const FOOTER_HEIGHT = 44;
const LEGEND_WIDTH = 300;
/** Where the map goes in the picture, CSS px. */
const MAP_FRAME = {
  x: MARGIN,
  y: HEADER_HEIGHT,
  width: IMAGE_SIZE.width - 3 * MARGIN - LEGEND_WIDTH,
  height: IMAGE_SIZE.height - HEADER_HEIGHT - FOOTER_HEIGHT,
};
const MUTED = '#6b665e';
const SWATCH_EDGE = 'rgba(0, 0, 0, 0.15)';


/** "地区生产总值 · 2022 · 区县与地市" / "GDP · 2022 · Districts & cities". */
export function imageTitle(indicator: IndicatorId, year: number, level: Level, lang: Lang): string {
  return `${indicatorLabel(indicator, lang)} · ${year} · ${t(lang, LEVEL_LABEL_KEYS[level])}`;
}


/** A publisher without its trailing "(repost at …)" / "(copy at …)": the line names who published, not where it was read. */
export function shortPublisher(name: string): string {
  return name.replace(/\s*[(（][^()（）]*[)）]\s*$/u, '');
}

export interface FigureSources {
  /** Distinct shortened publishers, most figures first. */
  publishers: string[];
  /** Grades of the figures, best first. */
  grades: Grade[];
}

/** Who published the figures the map shows (derived figures: their inputs' sources), and their grades. */
/** The publishers and grades behind the units' figures, and behind `named` (figures the legend gives in words). */
export function figureSources(model: IndicatorModel, colouring: MapColouring, named: readonly Figure[] = []): FigureSources {
  const counts = new Map<string, number>();
  const grades = new Set<Grade>();
  const drawn = [...colouring.values].flatMap(([id, value]) => (value === null ? [] : [model.figure(id, colouring.indicator, colouring.year)]));
  for (const figure of [...drawn, ...named]) {
    for (const source of figure?.sources ?? []) {
      grades.add(source.grade);
      const publisher = model.source(source.id)?.publisher;
      if (publisher) counts.set(shortPublisher(publisher), (counts.get(shortPublisher(publisher)) ?? 0) + 1);
    }
  }
  const publishers = [...counts].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)).map(([name]) => name);
  return { publishers, grades: GRADES.filter((g) => grades.has(g)) };
}

/**
 * "数据：A、B 等 9 家 · 可信度 A–D · 行政区划：天地图 2024-05 · 成渝经济圈数据地图", naming the first `shown`
 * publishers (the caller lowers it until the line fits). Without figures the data part is left out.
 */
export function sourceLine(sources: FigureSources, lang: Lang, shown: number): string {
  const parts: string[] = [];
  const { publishers, grades } = sources;
  if (publishers.length > 0) {
    const rest = publishers.length - shown;
    const more = rest > 0 ? t(lang, 'image_more', { rest, total: publishers.length }) : '';
    parts.push(t(lang, 'image_data', { publishers: publishers.slice(0, shown).join(t(lang, 'list_separator')) }) + more);
  }
  if (grades.length > 0) {
    const span = grades.length === 1 ? grades[0] : `${grades[0]}–${grades[grades.length - 1]}`;
    parts.push(t(lang, grades.length === 1 ? 'image_grade_one' : 'image_grades', { span }));
  }
  parts.push(t(lang, 'image_boundaries'), t(lang, 'subtitle'));
  return parts.join(' · ');
}

/**
 * The camera of the picture's map: the default framing fitted to the picture, or the screen's camera zoomed so
 * that everything the screen showed is in the picture. No pitch: the 2D renderer draws none.
 */
export function exportCamera(camera: Camera | null, defaultBounds: LngLatBounds, screen: Viewport, frame: Viewport): Camera {
  if (!camera) return fitBoundsCamera(defaultBounds, frame, DEFAULT_PADDING, ZOOM_LIMITS);
  const scale = Math.min(frame.width / screen.width, frame.height / screen.height);
  const zoom = Math.min(Math.max(camera.zoom + Math.log2(scale), ZOOM_LIMITS.minZoom), ZOOM_LIMITS.maxZoom);
  return { ...camera, zoom, pitch: 0 };
}

export interface MapImageOptions {
  scene: Scene;
  model: IndicatorModel;
  state: ViewState;
  colouring: MapColouring;
  /** The on-screen map's size, CSS px. */
  screen: Viewport;
}

/** Device-px context with CSS-px coordinates, and the page's font. */
export interface Pen {
  ctx: CanvasRenderingContext2D;
  family: string;
}

function font(pen: Pen, size: number, weight = 400): void {
  setFont(pen.ctx, pen.family, size, weight);
}

/** The legend as the panel shows it (Legend.tsx), without counts: classes, no data, circle sizes, outline keys. */
export function drawLegend(pen: Pen, state: ViewState, colouring: MapColouring, measure: Measure | null, plan: LegendPlan, lists: readonly LegendFigureList[]): void {
  const { ctx } = pen;
  const { lang } = state;
  const x = IMAGE_SIZE.width - MARGIN - LEGEND_WIDTH;
  const textX = x + 40;
  const textWidth = LEGEND_WIDTH - 40;
  let y = HEADER_HEIGHT + 8;
  const row = (label: string, swatch: (top: number) => void, size = 14) => {
    font(pen, size);
    const lines = wrap(ctx, label, textWidth, lang);
    swatch(y);
    ctx.fillStyle = COLORS.label;
    lines.forEach((line, i) => ctx.fillText(line, textX, y + 13 + i * 18));
    y += Math.max(lines.length * 18, 18) + 6;
  };
  // Outlined as the panel's swatches are, so the lightest class still shows on white.
  const box = (fill: string | CanvasPattern, alpha = 1) => (top: number) => {
    ctx.globalAlpha = alpha;
    ctx.fillStyle = fill;
    ctx.fillRect(x, top + 1, 30, 16);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = SWATCH_EDGE;
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 0.5, top + 1.5, 29, 15);
  };
  const dashed = (key: LineKey, trace: (top: number) => void) => (top: number) => {
    ctx.strokeStyle = key.colour;
    ctx.lineWidth = key.width;
    ctx.setLineDash(dashPx(key));
    ctx.beginPath();
    trace(top);
    ctx.stroke();
    ctx.setLineDash([]);
  };

  font(pen, 16, 600);
  ctx.fillStyle = COLORS.label;
  ctx.fillText(measure ? `${t(lang, 'legend')} · ${measureLabel(measure, lang)}` : t(lang, 'legend'), x, y + 16);
  y += 32;
  const hint = (text: string, size = 12) => {
    font(pen, size);
    ctx.fillStyle = MUTED;
    for (const line of wrap(ctx, text, LEGEND_WIDTH, lang)) ctx.fillText(line, x, (y += size + 4));
    y += 8;
  };
  if (plan.classes) {
    const labels = measure ? formatClassLabels(colouring.breaks, measure, lang) : colouring.classes.map((c) => `${c.lo}–${c.hi}`);
    colouring.classes.forEach((c, i) => row(labels[i], box(c.color)));
    row(t(lang, 'no_data'), box(NO_DATA_COLOR));
  }

  const circleKey = measure ? plan.circleValues : [];
  if (measure && circleKey.length > 0) {
    y += 10;
    for (const value of circleKey) {
      const r = radiusFor(value, colouring.maxValue, MAX_CIRCLE_RADIUS_PX);
      const cy = y + r + 4;
      ctx.beginPath();
      ctx.arc(x + MAX_CIRCLE_RADIUS_PX, cy, r, 0, 2 * Math.PI);
      ctx.globalAlpha = LEGEND_KEYS.circles.opacity;
      ctx.fillStyle = LEGEND_KEYS.circles.colour;
      ctx.fill();
      ctx.globalAlpha = 1;
      font(pen, 14);
      ctx.fillStyle = COLORS.label;
      ctx.fillText(formatValue(value, measure, lang), x + 2 * MAX_CIRCLE_RADIUS_PX + 12, cy + 5);
      y += 2 * r + 8;
    }
    hint(t(lang, 'circle_size', { indicator: indicatorLabel(colouring.indicator, lang) }));
  }
  if (plan.circleCounts) {
    hint(`${t(lang, 'legend_with_circle')}: ${plan.circleCounts.drawn} · ${t(lang, 'legend_no_circle')}: ${plan.circleCounts.none}`);
    hint(t(lang, 'legend_fill_membership'));
  }
  for (const list of lists) {
    font(pen, 14, 600);
    ctx.fillStyle = COLORS.label;
    for (const line of wrap(ctx, list.title, LEGEND_WIDTH, lang)) ctx.fillText(line, x, (y += 18));
    y += 4;
    for (const item of list.items) hint(item.text, 13);
  }

  y += 10;
  row(
    t(lang, 'legend_circle'),
    dashed(LEGEND_KEYS.circle, (top) => {
      ctx.moveTo(x, top + 9);
      ctx.lineTo(x + 30, top + 9);
    }),
  );
  const hatch = ctx.createPattern(hatchCanvas(), 'repeat');
  if (plan.partial) {
    row(t(lang, 'legend_partial'), (top) => {
      box(LEGEND_KEYS.partial.fill)(top);
      if (hatch) box(hatch, LEGEND_KEYS.partial.hatchOpacity)(top);
    });
  }
  if (plan.zones) {
    row(t(lang, 'legend_zone'), (top) => {
      box(LEGEND_KEYS.zone.fill, LEGEND_KEYS.zone.fillOpacity)(top);
      dashed(LEGEND_KEYS.zone.line, () => ctx.rect(x + 1, top + 2, 28, 14))(top);
    });
    hint(t(lang, 'approximate'));
  }
  if (plan.plants) {
    // The plants' key, as the panel's (Legend.tsx): a dot per product, then how size and place are meant.
    const { plants } = LEGEND_KEYS;
    y += 10;
    font(pen, 14, 600);
    ctx.fillStyle = COLORS.label;
    for (const line of wrap(ctx, t(lang, 'legend_plants'), LEGEND_WIDTH, lang)) ctx.fillText(line, x, (y += 18));
    y += 8;
    for (const { product, colour } of plants.colours) {
      row(t(lang, `product_${product}`), (top) => {
        ctx.beginPath();
        ctx.arc(x + 15, top + 9, 6 + plants.strokeWidth, 0, 2 * Math.PI);
        ctx.fillStyle = plants.stroke;
        ctx.fill();
        ctx.beginPath();
        ctx.arc(x + 15, top + 9, 6, 0, 2 * Math.PI);
        ctx.globalAlpha = plants.opacity;
        ctx.fillStyle = colour;
        ctx.fill();
        ctx.globalAlpha = 1;
      });
    }
    for (const key of ['legend_plant_size', 'legend_plant_placed'] as const) hint(t(lang, key));
  }
}

/** The whole picture on a canvas of IMAGE_SIZE × IMAGE_DPR device px. */
function renderMapImage({ scene, model, state, colouring, screen }: MapImageOptions): HTMLCanvasElement {
  const camera = exportCamera(state.camera, scene.defaultBounds(state.level), screen, MAP_FRAME);
  const map = document.createElement('canvas');
  paintFrame(map, scene, { camera, level: state.level, zones: state.zones, plants: plantsShown(state.indicator), selected: state.selected, hovered: null, colouring }, MAP_FRAME, IMAGE_DPR);

  const canvas = document.createElement('canvas');
  canvas.width = IMAGE_SIZE.width * IMAGE_DPR;
  canvas.height = IMAGE_SIZE.height * IMAGE_DPR;
  const ctx = canvas.getContext('2d')!;
  const pen: Pen = { ctx, family: getComputedStyle(document.body).fontFamily };
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(map, MAP_FRAME.x * IMAGE_DPR, MAP_FRAME.y * IMAGE_DPR);
  ctx.scale(IMAGE_DPR, IMAGE_DPR);
  ctx.strokeStyle = COLORS.contextLine;
  ctx.lineWidth = 1;
  ctx.strokeRect(MAP_FRAME.x - 0.5, MAP_FRAME.y - 0.5, MAP_FRAME.width + 1, MAP_FRAME.height + 1);
  const transform = screenTransform(camera, MAP_FRAME);
  drawLabels({
    ctx,
    family: pen.family,
    scene,
    view: { level: state.level, lang: state.lang, zones: state.zones, zoom: camera.zoom },
    frame: MAP_FRAME,
    project: (p) => {
      const [x, y] = applyTransform(transform, p.x, p.y);
      return [MAP_FRAME.x + x, MAP_FRAME.y + y];
    },
  });

  const { lang } = state;
  const indicator = state.indicator as IndicatorId;
  font(pen, 14);
  ctx.fillStyle = MUTED;
  ctx.fillText(t(lang, 'title'), MARGIN, 32);
  font(pen, 28, 700);
  ctx.fillStyle = COLORS.label;
  ctx.fillText(imageTitle(indicator, state.year, state.level, lang), MARGIN, 68);

  const plan = legendPlan(colouring, { level: state.level, zones: state.zones, plants: plantsShown(state.indicator) && scene.plants.length > 0 }, model);
  drawLegend(pen, state, colouring, toMeasure(model.measure(indicator)), plan, legendFigureLists(plan, colouring, model, lang, (id) => {
    const unit = scene.unit(id);
    return unit ? (lang === 'zh' ? unit.name_zh : unit.name_en) : id;
  }));

  const zones = [...(colouring.radii?.keys() ?? [])].filter((id) => !colouring.values.has(id));
  const named = [
    ...zones.map((id) => model.figure(id, indicator, state.year)),
    ...plan.totals.map((total) => total.figure),
    ...plan.partYears.map((part) => part.figure),
  ].filter((figure): figure is Figure => figure !== null);
  const sources = figureSources(model, colouring, named);
  font(pen, 13);
  ctx.fillStyle = MUTED;
  const fits = (shown: number) => ctx.measureText(sourceLine(sources, lang, shown)).width <= IMAGE_SIZE.width - 2 * MARGIN;
  let shown = sources.publishers.length;
  while (shown > 1 && !fits(shown)) shown--;
  ctx.fillText(sourceLine(sources, lang, shown), MARGIN, IMAGE_SIZE.height - 16);
  return canvas;
}

export function mapImageBlob(options: MapImageOptions): Promise<Blob> {
  const canvas = renderMapImage(options);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the map image could not be encoded'))), 'image/png'),
  );
}
