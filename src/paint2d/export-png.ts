/**
 * The current view as a picture to download: the map (render.ts's drawView) with names, a title, the legend, the
 * boundaries' credit and a source line, drawn through Canvas 2D calls, so it needs no WebGL2 and comes out the same
 * whichever map is on screen. The PNG draws them on a canvas; the SVG (export-svg.ts) runs the same code against
 * an SVG-writing context. An all-China picture whose frame does not reach the South China Sea's dashes carries them
 * in an inset, as maps of all China do. The online basemap and pitch are not drawn: the picture is the offline map
 * seen from straight above.
 */
import { t, type Lang } from '../i18n/strings';
import { viewTitle } from '../i18n/view-title';
import { shortPublisher, sourceLine, sourcesOf, type FigureSources } from '../look/source-line';

export { shortPublisher, sourceLine, type FigureSources };
import { dashPx, LEGEND_KEYS, legendFigureLists, legendPlan, type LegendFigureList, type LegendPlan, type LineKey } from '../look/legend';
import { plantsShown } from '../model/plants';
import { COLORS, DEFAULT_PADDING, SOUTH_CHINA_SEA_INSET, ZOOM_LIMITS } from '../look/theme';
import type { Figure, IndicatorId, IndicatorModel } from '../model/dataset';
import { formatClassLabels, formatValue, measureLabel, toMeasure, type Measure } from '../model/format';
import { indicatorLabel } from '../model/indicator-labels';
import { MAX_CIRCLE_RADIUS_PX, type MapColouring } from '../model/map-colouring';
import { NO_DATA_COLOR, radiusFor } from '../model/palette';
import type { Camera, Level, ViewState } from '../state/view-state';
import { applyTransform, fitBoundsCamera, screenTransform, type LngLatBounds, type Viewport } from './mercator';
import { hatchCanvas, paintFrame, type PaintView, type Scene } from './render';
import { drawLabels, setFont, wrap, type LabelFrame } from './labels';
import type { PictureContext } from './svg-context';

/** The picture's size in CSS px; the PNG is drawn at IMAGE_DPR device px per CSS px. */
export const IMAGE_SIZE: Viewport = { width: 1600, height: 1000 };
const IMAGE_DPR = 2;

const MARGIN = 24;
const HEADER_HEIGHT = 84;
/** The credit line and the source line. */
const FOOTER_HEIGHT = 62;
const LEGEND_WIDTH = 300;
/** Where the map goes in the picture, CSS px. */
export const MAP_FRAME: LabelFrame = {
  x: MARGIN,
  y: HEADER_HEIGHT,
  width: IMAGE_SIZE.width - 3 * MARGIN - LEGEND_WIDTH,
  height: IMAGE_SIZE.height - HEADER_HEIGHT - FOOTER_HEIGHT,
};
const INSET_SIZE = { width: 200, height: 270 };
const INSET_CAPTION_HEIGHT = 24;
/** The South China Sea inset, in the map frame's lower right corner (CSS px of the picture). */
export const INSET_FRAME: LabelFrame = {
  x: MAP_FRAME.x + MAP_FRAME.width - INSET_SIZE.width,
  y: MAP_FRAME.y + MAP_FRAME.height - INSET_SIZE.height,
  ...INSET_SIZE,
};
const MUTED = '#6b665e';
const SWATCH_EDGE = 'rgba(0, 0, 0, 0.15)';


/** The picture's heading: the view's title, as a citation names the view. */
export const imageTitle = viewTitle;


/**
 * Who published the figures the map shows and those the legend names in words (`named`), derived figures through
 * their inputs' sources, and their grades.
 */
export function figureSources(model: IndicatorModel, colouring: MapColouring, named: readonly Figure[] = []): FigureSources {
  const drawn = [...colouring.values].flatMap(([id, value]) => (value === null ? [] : [model.figure(id, colouring.indicator, colouring.year)]));
  return sourcesOf(model, [...drawn, ...named]);
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

/** A context with CSS-px coordinates, and the page's font. */
export interface Pen {
  ctx: PictureContext;
  family: string;
}

/** What a picture is drawn on: a canvas for the PNG, an SVG-writing context for the SVG, each drawing maps its way. */
export interface PictureSurface extends Pen {
  /** Draws `view`'s map into `frame` (the picture's CSS px), clipped to it. */
  map(view: PaintView, frame: LabelFrame): void;
}

/** The main map's default bounds: all China's without the South China Sea, which the inset shows (needsInset). */
export function pictureBounds(scene: Scene, level: Level): LngLatBounds {
  const [west, south, east, north] = scene.defaultBounds(level);
  return level === 'china' ? [west, Math.max(south, SOUTH_CHINA_SEA_INSET.mainSouth), east, north] : [west, south, east, north];
}

/** Whether an all-China picture needs the inset: some of the South China Sea's dashes lie outside the main frame. */
export function needsInset(scene: Scene, view: Pick<PaintView, 'level' | 'camera'>, frame: Viewport): boolean {
  if (view.level !== 'china') return false;
  const t = screenTransform(view.camera, frame);
  return scene.nationalLines
    .filter((line) => line.properties.sea)
    .some(({ box: [x0, y0, x1, y1] }) =>
      [applyTransform(t, x0, y0), applyTransform(t, x1, y0), applyTransform(t, x0, y1), applyTransform(t, x1, y1)].some(
        ([x, y]) => x < 0 || y < 0 || x > frame.width || y > frame.height,
      ),
    );
}

/** The inset: the South China Sea at a smaller scale, framed, with its caption (南海诸岛). */
function drawInset(surface: PictureSurface, view: PaintView, lang: Lang): void {
  const { ctx } = surface;
  const map = { ...INSET_FRAME, height: INSET_FRAME.height - INSET_CAPTION_HEIGHT };
  // Any zoom: the inset is smaller than the map's smallest zoom allows for the sea.
  const camera = fitBoundsCamera(SOUTH_CHINA_SEA_INSET.bounds, map, 4, { minZoom: 0, maxZoom: ZOOM_LIMITS.maxZoom });
  surface.map({ ...view, camera, zones: false, plants: false }, map);
  ctx.fillStyle = COLORS.background;
  ctx.fillRect(INSET_FRAME.x, map.y + map.height, INSET_FRAME.width, INSET_CAPTION_HEIGHT);
  font(surface, 13);
  ctx.fillStyle = COLORS.label;
  ctx.textAlign = 'center';
  ctx.fillText(t(lang, 'inset_south_china_sea'), INSET_FRAME.x + INSET_FRAME.width / 2, INSET_FRAME.y + INSET_FRAME.height - 8);
  ctx.textAlign = 'start';
  ctx.strokeStyle = COLORS.provinceLine;
  ctx.lineWidth = 1;
  ctx.strokeRect(INSET_FRAME.x + 0.5, INSET_FRAME.y + 0.5, INSET_FRAME.width - 1, INSET_FRAME.height - 1);
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

/** The whole picture, IMAGE_SIZE CSS px, on `surface`. */
export function drawPicture(surface: PictureSurface, { scene, model, state, colouring, screen }: MapImageOptions): void {
  const { ctx } = surface;
  const pen: Pen = surface;
  const camera = exportCamera(state.camera, pictureBounds(scene, state.level), screen, MAP_FRAME);
  const view: PaintView = { camera, level: state.level, zones: state.zones, plants: plantsShown(state.indicator), selected: state.selected, hovered: null, colouring };
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, IMAGE_SIZE.width, IMAGE_SIZE.height);
  surface.map(view, MAP_FRAME);
  ctx.strokeStyle = COLORS.contextLine;
  ctx.lineWidth = 1;
  ctx.strokeRect(MAP_FRAME.x - 0.5, MAP_FRAME.y - 0.5, MAP_FRAME.width + 1, MAP_FRAME.height + 1);
  const transform = screenTransform(camera, MAP_FRAME);
  drawLabels({
    ctx,
    family: pen.family,
    scene,
    view: { level: state.level, lang: state.lang, zones: state.zones, zoom: camera.zoom },
    zoneSuffix: t(state.lang, 'approx_suffix'),
    frame: MAP_FRAME,
    project: (p) => {
      const [x, y] = applyTransform(transform, p.x, p.y);
      return [MAP_FRAME.x + x, MAP_FRAME.y + y];
    },
  });
  if (needsInset(scene, view, MAP_FRAME)) drawInset(surface, view, state.lang);

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
  ctx.fillText(t(lang, 'map_credit'), MARGIN, IMAGE_SIZE.height - 36);
  const fits = (shown: number) => ctx.measureText(sourceLine(sources, lang, shown)).width <= IMAGE_SIZE.width - 2 * MARGIN;
  let shown = sources.publishers.length;
  while (shown > 1 && !fits(shown)) shown--;
  ctx.fillText(sourceLine(sources, lang, shown), MARGIN, IMAGE_SIZE.height - 14);
}

/** The page's font family: the picture's text is set in it. */
export function pageFont(): string {
  return getComputedStyle(document.body).fontFamily;
}

/** The whole picture on a canvas of IMAGE_SIZE × IMAGE_DPR device px. */
function renderMapImage(options: MapImageOptions): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = IMAGE_SIZE.width * IMAGE_DPR;
  canvas.height = IMAGE_SIZE.height * IMAGE_DPR;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(IMAGE_DPR, IMAGE_DPR);
  const map = (view: PaintView, frame: LabelFrame) => {
    const painted = document.createElement('canvas');
    paintFrame(painted, options.scene, view, frame, IMAGE_DPR);
    ctx.drawImage(painted, frame.x, frame.y, frame.width, frame.height);
  };
  drawPicture({ ctx, family: pageFont(), map }, options);
  return canvas;
}

export function mapImageBlob(options: MapImageOptions): Promise<Blob> {
  const canvas = renderMapImage(options);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the map image could not be encoded'))), 'image/png'),
  );
}
