/**
 * The first view: the default link's map drawn at build time into index.html as SVG, so a visit sees the coloured
 * map before the app's own script has even arrived. It is the 2D frame's own drawing (render.ts's drawView through
 * svg-painter.ts) for the state a link without parameters opens. reveal.ts draws it, only for links that open that
 * picture; main.tsx replaces it with the live 2D map. Pure: no DOM, no files.
 */
import type { Topology } from 'topojson-specification';
import { escapeHtml } from '../../geo/lib/indicators/render';
import { unitIndex } from '../data/boundaries';
import { DEFAULT_PADDING, ZOOM_LIMITS } from '../look/theme';
import type { IndicatorDataset } from '../model/dataset';
import { createIndicatorModel } from '../model/derived';
import { fitBoundsCamera, mercatorX, mercatorY, screenTransform, applyTransform, type LngLatBounds, type ScreenTransform, type Viewport } from '../paint2d/mercator';
import { t as text } from '../i18n/strings';
import { LABELLED_OBJECTS } from '../model/units';
import type { FirstViewNames } from './first-view-names';
import { drawView, prepareScene, type PaintView, type Scene } from '../paint2d/render';
import { svgFrame } from '../paint2d/svg-painter';
import { catalogOf } from '../state/catalog';
import { colouringCache } from '../state/colouring-cache';
import { defaultState, stateParams } from '../state/url-codec';
import type { Camera, ViewState } from '../state/view-state';
import type { FirstViewPicture } from './link-rule';

/**
 * The screen the SVG's user units are px of. The picture fits any screen (viewBox); only the zoom-dependent unit
 * borders and hatch stripes are those of this size until the 2D frame replaces it.
 */
const REFERENCE_VIEWPORT: Viewport = { width: 1280, height: 800 };
/** The smallest screen it is sized for: a small phone. */
const SMALLEST_VIEWPORT: Viewport = { width: 320, height: 480 };

/**
 * Fields that leave the map's picture as it is (what panels show, the names' language, the selection's outline,
 * which the 2D frame adds): a link may set them and still open on the first view. Every other field, including
 * any added later, must have its default value.
 */
const PICTURE_NEUTRAL: ReadonlySet<keyof ViewState> = new Set(['selected', 'compare', 'lang', 'panel', 'chart', 'lines', 'chartIndex', 'embed']);

/** The parameters a link must leave out or write as here to open the first view's picture. */
export function firstViewPicture(state: ViewState): FirstViewPicture {
  return Object.fromEntries(stateParams(state).filter((p) => p.field === null || !PICTURE_NEUTRAL.has(p.field)).map((p) => [p.name, p.value]));
}

const SVG_SOURCE_ID = 'first-view-svg';

/**
 * The first view's hidden canvas, with what reveal.ts needs to draw it (the picture's parameters, the Circle's box in
 * the SVG's user units, the fit's padding), and the SVG as a data block beside it.
 */
/** The default link's view, drawn from the data files as the app draws it: its scene, state and colours. */
export interface DefaultPicture {
  scene: Scene;
  state: ViewState;
  bounds: LngLatBounds;
  /** The frame seen through `camera` (no plants: the default link's indicator shows none, and the scene has none). */
  view(camera: Camera): PaintView;
}

export function defaultPicture(topology: Topology, dataset: IndicatorDataset): DefaultPicture {
  const units = unitIndex(topology);
  const model = createIndicatorModel(dataset, [...units.values()]);
  const scene = prepareScene(topology);
  const state = defaultState(catalogOf(units, model, dataset));
  const colouring = colouringCache(model, units)(state);
  const view = (camera: Camera): PaintView => ({ camera, level: state.level, zones: state.zones, plants: false, selected: null, hovered: null, colouring });
  return { scene, state, bounds: scene.defaultBounds(state.level), view };
}

/** The names the first view may draw (reveal.ts, with labels.ts as the maps draw them). */
function firstViewNames(scene: Scene, state: ViewState, t: ScreenTransform): FirstViewNames {
  const members = scene.membersOf(state.level);
  const points = Object.fromEntries(
    LABELLED_OBJECTS.map((source) => [
      source,
      scene.labelPoints[source]
        .filter(({ properties }) => source === 'zones' || members.has(properties.id))
        .map(({ properties, x, y }) => [properties.id, ...applyTransform(t, x, y), properties.name_zh, properties.name_en]),
    ]),
  ) as FirstViewNames['points'];
  return { level: state.level, zoneSuffix: { zh: text('zh', 'approx_suffix'), en: text('en', 'approx_suffix') }, points };
}

export function firstViewMarkup(topology: Topology, dataset: IndicatorDataset): string {
  const { scene, state, bounds, view } = defaultPicture(topology, dataset);
  const camera = fitBoundsCamera(bounds, REFERENCE_VIEWPORT, DEFAULT_PADDING, ZOOM_LIMITS);
  const smallest = fitBoundsCamera(bounds, SMALLEST_VIEWPORT, DEFAULT_PADDING, ZOOM_LIMITS);
  const t = screenTransform(camera, REFERENCE_VIEWPORT);
  const frame = svgFrame(t, camera.zoom, 2 ** (smallest.zoom - camera.zoom));
  drawView(frame.painter, scene, view(camera));
  const [west, south, east, north] = bounds;
  const [x0, y0] = applyTransform(t, mercatorX(west), mercatorY(north));
  const [x1, y1] = applyTransform(t, mercatorX(east), mercatorY(south));
  const attributes = {
    picture: JSON.stringify(firstViewPicture(state)),
    bounds: [x0, y0, x1 - x0, y1 - y0].join(' '),
    padding: String(DEFAULT_PADDING),
    // How far a wheel may zoom the picture: the map's zoom limits, and the zoom of a user unit as one screen px.
    zoom: [camera.zoom, ZOOM_LIMITS.minZoom, ZOOM_LIMITS.maxZoom].join(' '),
  };
  const data = Object.entries({ ...attributes, names: JSON.stringify(firstViewNames(scene, state, t)) }).map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`).join('');
  const svg = frame.markup();
  // A data block: text the parser keeps as it is, which nothing can end early.
  if (/<\/script/i.test(svg)) throw new Error('first view: the SVG markup contains "</script"');
  return `<canvas id="first-view" hidden aria-hidden="true"${data}></canvas><script type="image/svg+xml" id="${SVG_SOURCE_ID}">${svg}</script>`;
}
