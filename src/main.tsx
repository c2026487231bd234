import { render } from 'preact';
import { decodeBoundaries, nationalAdditions, unitIndex } from './data/boundaries';
import { DataFormatError, dataFormatMessage } from './data/check-format';
import { censusChinaRows } from './data/census-china';
import { censusFailure, failureText, fetchNational, fetchStartData, NATIONAL_FILE, plantsFailure, type NationalData, type StartData } from './boot/data';
import { plantPoints, type PlantPoint } from './look/plants';
import { plantSelection, plantsShown, selectedPlant, type PlantsFile } from './model/plants';
import type { AtlasView, MapHandlers, MapView } from './look/atlas-view';
import type { AtlasMap } from './map/atlas-map';
import { supportsWebGL2 } from './paint2d/webgl-support';
import { addNational, addPlants, prepareScene, type Scene } from './paint2d/render';
import { CanvasMap } from './paint2d/canvas-map';
import { gesturesLeftOn } from './paint2d/gestures';
import { LabelOverlay } from './paint2d/label-overlay';
import { mountFallbackControls } from './paint2d/fallback-controls';
import { Store } from './state/store';
import { Observable } from './state/observable';
import { LANGS, type Camera, type ViewState } from './state/view-state';
import { defaultState } from './state/url-codec';
import { colouringCache } from './state/colouring-cache';
import { framePadding, MAP_COVERS, samePadding, type Padding } from './look/free-frame';
import { panelCovers } from './first-view/panel-covers';
import { firstViewPadding, PHONE_SCREEN } from './first-view/fit';
import { replayHeldInput } from './first-view/held-input';
import { FIRST_VIEW_NAMES_ID } from './first-view/first-view-names';
import { DEFAULT_PADDING } from './look/theme';
import { mercatorX, mercatorY } from './paint2d/mercator';
import type { MapColouring } from './model/map-colouring';
import type { BoundaryLines, UnitProps } from './model/units';
import { catalogOf, mayBeNationalUnit } from './state/catalog';
import { levelPatch } from './model/coverage';
import type { HoverInfo } from './ui/Tooltip';
import type { MapMessage } from './ui/App';
import { t } from './i18n/strings';
import type { IndicatorId, IndicatorModel } from './model/dataset';
import { formatValue, toMeasure } from './model/format';
import { figureLine, figureOrPartYear } from './model/part-year';
import { createIndicatorModel } from './model/derived';
import './styles.css';
import './print.css';
import './paint2d/paint2d.css';

/**
 * The app's start, in the order its steps run (each below): fetch the data, build the model, index and 2D scene,
 * create the store, paint the first frame in 2D, mount the panels, hand the map over to MapLibre; the service
 * worker is registered after all that (at the end of this file).
 */
async function boot(): Promise<void> {
  const appRoot = document.getElementById('app')!;
  const mapRoot = document.getElementById('map')!;
  keepScreenSizeForPrint(mapRoot);
  const data = await fetchStartData();
  const atlas = buildAtlas(data);
  const app = createApp(atlas, data);
  const maps = firstPaint(app, atlas, appRoot, mapRoot);
  // The panels and MapLibre wait until the 2D frame is on screen: each delayed it (perf.md), so the entry chunk holds
  // only what that frame needs. Then both chunks are fetched at once; MapLibre's starts its worker as soon as it has
  // run (atlas-map.ts), while the panels render. A browser without the WebGL2 API is spared MapLibre's 1 MB.
  await afterNextFrame();
  const panels = import('./ui/App');
  // MapLibre's chunk not arriving (offline, a deploy that replaced it while the page was open) leaves the 2D map as
  // the map, as a browser without WebGL2 does; the panels work either way.
  const maplibre = typeof WebGL2RenderingContext === 'function' ? orNull(import('./map/atlas-map')) : null;
  await mountPanels(panels, app, atlas, maps, appRoot, mapRoot);
  await handOverToMapLibre(maplibre, app, atlas, data, maps, mapRoot);
}

// ——— Step 2: the model, the unit index and the 2D scene ———

/** The data as the app reads it; all China's units join it when they arrive. */
interface Atlas {
  units: Map<string, UnitProps>;
  model: IndicatorModel;
  scene: Scene;
  /** The vehicle assembly plants (null where plants.json failed), and where the maps draw them. */
  plants: PlantsFile | null;
  plantPoints: PlantPoint[];
  /** All China's boundary lines, once its data has arrived. */
  nationalLines: BoundaryLines | null;
  /** Joins the national units to the index, model and scene, and gives their ids. */
  joinNational(national: NationalData): string[];
}

function buildAtlas({ topology, dataset, national, plants: plantsFile }: StartData): Atlas {
  // GeoJSON waits for MapLibre: the 2D frame, the unit index and the model read the topology itself.
  const units = unitIndex(topology);
  const model = createIndicatorModel(dataset, [...units.values()]);
  const scene = prepareScene(topology);
  const plants = plantsFile instanceof Error ? null : plantsFile;
  const points = plantPoints(plants?.plants ?? []);
  addPlants(scene, points);
  /** The Circle's own counties keep their richer records. */
  const joinNational = (loaded: NationalData) => {
    const added = nationalAdditions(units, loaded.units);
    for (const unit of added) units.set(unit.id, unit);
    model.addUnits(added);
    // After the units: rows of units the model does not know would have no level to be coloured or ranked by.
    if (!(loaded.census instanceof Error)) model.addRows(censusChinaRows(loaded.census));
    addNational(scene, loaded.topology, loaded.units, loaded.lines);
    atlas.nationalLines = loaded.lines;
    return added.map((unit) => unit.id);
  };
  const atlas: Atlas = { units, model, scene, plants, plantPoints: points, nationalLines: null, joinNational };
  if (national && !(national instanceof Error)) joinNational(national);
  return atlas;
}

// ——— Step 3: the store, and what the panels and maps share besides it ———

interface App {
  store: Store;
  hover: Observable<HoverInfo | null>;
  /** The unit pointed at on the map or in a chart, outlined on both (not in the URL: it follows the pointer). */
  highlight: Observable<string | null>;
  /** Where the default framing goes: the part of the map the panels leave free. */
  framePadding: Observable<Padding>;
  /** What the last click on the map found there: the unit or zone it selected first, then the others (look/pick.ts). */
  picked: Observable<readonly string[] | null>;
  basemapFailed: Observable<boolean>;
  /** An embedded map's viewer asked for the online basemap (outside the URL: a link cannot ask on their behalf). */
  onlineBasemapAllowed: Observable<boolean>;
  mapMessage: Observable<MapMessage | null>;
  colouringOf(state: ViewState): MapColouring;
  /** Puts right what the view cannot show, in the entry the link opened instead of a new one (Back would return to it). */
  correctEntry(patch: Partial<ViewState>): void;
}

/**
 * The default framing's padding at the start, as the first view framed its picture (reveal.ts): clear of the panels'
 * copy from index.html where it is shown, else the first view's guess at the panels (first-view/fit.ts). So the 2D map
 * that replaces the first view frames, hit-tests and carries gestures on the very picture the reader sees.
 */
function startFramePadding(level: ViewState['level'], scene: Scene, embedded: boolean): Padding {
  const appRoot = document.getElementById('app')!;
  const mapRoot = document.getElementById('map')!;
  if (panelCovers(appRoot, mapRoot).length > 0) return panelsFramePadding(level, scene, appRoot, mapRoot);
  return firstViewPadding(mapRoot.clientWidth, DEFAULT_PADDING, !matchMedia(PHONE_SCREEN).matches && !embedded);
}

/** The padding that frames `level`'s default view in the part of the map the panels shown leave free. */
function panelsFramePadding(level: ViewState['level'], scene: Scene, appRoot: HTMLElement, mapRoot: HTMLElement): Padding {
  const [west, south, east, north] = scene.defaultBounds(level);
  const aspect = { width: mercatorX(east) - mercatorX(west), height: mercatorY(south) - mercatorY(north) };
  return framePadding({ width: mapRoot.clientWidth, height: mapRoot.clientHeight }, panelCovers(appRoot, mapRoot), aspect, DEFAULT_PADDING);
}

function createApp(atlas: Atlas, { dataset, national: startNational, plants: plantsFile }: StartData): App {
  const { units, model } = atlas;
  const initialNational = startNational instanceof Error ? null : startNational;
  // Until all China's units are in, a link may name one of them at any level: kept, and checked once they arrive.
  const catalog = {
    ...catalogOf(units, model, dataset),
    ...(initialNational ? {} : { awaitsUnit: mayBeNationalUnit }),
    plantIds: (atlas.plants?.plants ?? []).map((p) => plantSelection(p.id)),
  };
  const store = new Store(catalog);
  const lang = store.get().lang;
  const mapMessage = new Observable<MapMessage | null>((initialNational ? censusFailure(initialNational, lang) : null) ?? plantsFailure(plantsFile, lang));
  const correctEntry = (patch: Partial<ViewState>) => {
    store.update(patch, { transient: true });
    history.replaceState(null, '', store.path());
  };
  if (startNational instanceof Error) {
    // All China draws nothing without its boundaries: the Circle's default level instead, and a line saying why.
    correctEntry(levelPatch(model, units, store.get(), defaultState(catalog).level));
    const vars = { file: NATIONAL_FILE, message: failureText(startNational, store.get().lang) };
    mapMessage.set({ key: 'china_start_failed', vars });
  }
  loadNationalWhenNamed(atlas, store, mapMessage, initialNational !== null, startNational instanceof Error);
  return {
    store,
    hover: new Observable<HoverInfo | null>(null),
    highlight: new Observable<string | null>(null),
    picked: new Observable<readonly string[] | null>(null),
    framePadding: new Observable(startFramePadding(store.get().level, atlas.scene, store.get().embed)),
    basemapFailed: new Observable(false),
    onlineBasemapAllowed: new Observable(false),
    mapMessage,
    colouringOf: colouringCache(model, units),
    correctEntry,
  };
}

/**
 * The national units come when the level is first shown, or a unit of theirs is named; the map and panels draw again
 * once they are in. A link's own unit waits for no level switch; after a failed start the line says why, and a
 * switch retries.
 */
function loadNationalWhenNamed(atlas: Atlas, store: Store, mapMessage: Observable<MapMessage | null>, loaded: boolean, startFailed: boolean): void {
  const { units } = atlas;
  let national: Promise<void> | null = loaded ? Promise.resolve() : null;
  const loadNational = () => {
    mapMessage.set({ key: 'china_loading' });
    national = fetchNational().then(
      (collection) => {
        store.addUnits(atlas.joinNational(collection));
        mapMessage.set(censusFailure(collection, store.get().lang));
        store.refresh();
      },
      (error: unknown) => {
        national = null; // a later visit to the level, or another such unit, tries again
        const message = error instanceof Error ? failureText(error, store.get().lang) : String(error);
        mapMessage.set({ key: 'china_load_failed', vars: { message } });
      },
    );
  };
  /** Units the view names that are not loaded: all China's, selected there before a level switch (or in a link). */
  const awaited = (state: ViewState) => [state.selected ?? '', ...state.compare].filter((id) => id && !units.has(id));
  store.subscribe((state, prev) => {
    if (national) return;
    const newlyAwaited = awaited(state).some((id) => !awaited(prev).includes(id));
    if (state.level === 'china' || newlyAwaited) loadNational();
  });
  if (!national && !startFailed && awaited(store.get()).length > 0) loadNational();
}

// ——— Step 4: the first frame, painted in 2D ———

/**
 * The basemap the map draws. An embedded map (`embed=1`) fetches third-party tiles only once its viewer has clicked
 * to load them: whoever embedded the link cannot agree to that for them. The link keeps `basemap=osm` meanwhile.
 */
function drawnBasemap(state: ViewState, onlineAllowed: boolean): ViewState['basemap'] {
  return state.embed && !onlineAllowed ? 'offline' : state.basemap;
}

function mapViewOf(app: App, { scene, nationalLines }: Atlas): MapView {
  const state = app.store.get();
  return {
    defaultBounds: scene.defaultBounds(state.level),
    level: state.level,
    lang: state.lang,
    zones: state.zones,
    plants: plantsShown(state.indicator),
    selected: state.selected,
    highlighted: app.highlight.get(),
    camera: state.camera,
    colouring: app.colouringOf(state),
    attribution: t(state.lang, 'map_credit'),
    nationalLines,
    basemap: drawnBasemap(state, app.onlineBasemapAllowed.get()),
    framePadding: app.framePadding.get(),
    cooperativeGestures: state.embed,
  };
}

/** The maps in the page: the 2D map until the hand-over (or for good), MapLibre from its construction. */
class Maps {
  canvas: CanvasMap | null = null;
  maplibre: AtlasMap | null = null;

  constructor(
    readonly handlers: MapHandlers,
    readonly labels: LabelOverlay,
    /** Paints the 2D map of the current view and puts it in the page. */
    readonly paint2d: () => CanvasMap,
  ) {}

  /** Where a unit is framed: MapLibre as soon as it exists, the 2D map before (or without) it. */
  get front(): AtlasView | null {
    return this.maplibre ?? this.canvas;
  }

  update(view: MapView): void {
    this.canvas?.update(view);
    this.maplibre?.update(view);
  }
}

/** What the user does on either map, into the store and the tooltip. */
function mapHandlers(app: App, { units, model, plants }: Atlas): MapHandlers {
  const { store, hover } = app;
  return {
    onSelect: (id, alsoHere = []) => {
      // A tap on a phone leaves a hover behind (no pointer moves off): the tooltip would sit over the panel it opens.
      hover.set(null);
      app.picked.set(id ? [id, ...alsoHere] : null);
      store.update({ selected: id });
    },
    onHover: (id, point) => {
      app.highlight.set(id && units.has(id) ? id : null);
      const plant = plants?.plants.find((p) => p.id === selectedPlant(id));
      if (plant && point) return hover.set({ text: plant.company[app.store.get().lang], x: point.x, y: point.y });
      const unit = id ? units.get(id) : undefined;
      if (!unit || !point) return hover.set(null);
      const state = store.get();
      const name = state.lang === 'zh' ? unit.name_zh : unit.name_en;
      const measure = toMeasure(model.measure(state.indicator as IndicatorId));
      // Where the year has only a part-year figure, it is shown with its period (never as the year's).
      const figure = measure ? figureOrPartYear(model, unit.id, state.indicator as IndicatorId, state.year) : null;
      // A zone without a figure is named only: most indicators are not published for zones.
      if (!measure || (unit.level === 'zone' && !figure)) return hover.set({ text: name, x: point.x, y: point.y });
      const value = figureLine(model, state.indicator as IndicatorId, figure, state.lang) ?? formatValue(null, measure, state.lang);
      hover.set({ text: `${name} · ${value}`, x: point.x, y: point.y });
    },
    onCamera: (camera) => store.update({ camera }),
    onBasemapFailed: () => {
      app.correctEntry({ basemap: 'offline' });
      app.basemapFailed.set(true);
    },
  };
}

function firstPaint(app: App, atlas: Atlas, appRoot: HTMLElement, mapRoot: HTMLElement): Maps {
  const { store } = app;
  const handlers = mapHandlers(app, atlas);
  // The 2D frame has no pitch: a tilted link waits for MapLibre (bearing it can draw) where WebGL2 works. Only such a
  // link asks the browser first (the probe creates a GPU context, slow where GL is software); for any other link
  // MapLibre's own constructor is the test, and the 2D map stays if it fails.
  const initial = store.get();
  const pitched = !!initial.camera && initial.camera.pitch > 0;
  appRoot.querySelector(':scope > .loading')?.remove(); // index.html's line; the panels' copy (if shown) stays
  const labels = new LabelOverlay(mapRoot, atlas.scene);
  const paint2d = () => {
    // The first view (index.html) shows this very frame where it was drawn, unless the link selects a unit (its
    // outline is not in it); the 2D map starts from its pixels and replaces it in the same frame. What the user did on
    // it (a drag, maybe still under way; a wheel zoom; a click) carries over.
    const firstView = document.getElementById('first-view');
    const revealed = firstView instanceof HTMLCanvasElement && !firstView.hidden ? firstView : null;
    const shown = revealed && store.get().selected === null ? revealed : null;
    const carried = revealed && gesturesLeftOn(revealed);
    const painted = new CanvasMap(mapRoot, atlas.scene, mapViewOf(app, atlas), handlers, labels, shown, carried);
    removeFirstView();
    mapRoot.dataset.firstPaint = 'true';
    performance.mark('atlas:first-paint');
    if (!carried) performance.mark('atlas:takes-input');
    return painted;
  };
  const maps = new Maps(handlers, labels, paint2d);
  const before = store.get();
  if (!pitched || !supportsWebGL2()) maps.canvas = paint2d();
  store.subscribe(() => maps.update(mapViewOf(app, atlas)));
  // A click the first view held selected a unit while the 2D map was made: drawn now.
  if (store.get() !== before) maps.update(mapViewOf(app, atlas));
  app.onlineBasemapAllowed.subscribe(() => maps.maplibre?.update(mapViewOf(app, atlas)));
  app.highlight.subscribe(() => maps.update(mapViewOf(app, atlas)));
  app.framePadding.subscribe(() => maps.update(mapViewOf(app, atlas)));
  return maps;
}

// ——— Step 5: the panels ———

async function mountPanels(
  chunk: Promise<typeof import('./ui/App')>,
  app: App,
  atlas: Atlas,
  maps: Maps,
  appRoot: HTMLElement,
  mapRoot: HTMLElement,
): Promise<void> {
  const { store, colouringOf } = app;
  const { units, model, scene } = atlas;
  // The panels' chunk not arriving leaves the map working (MapLibre still takes over) and says so where they go.
  const panelsModule = await orNull(chunk);
  if (!panelsModule) {
    const line = alertLine();
    line.classList.add('panels-failed');
    line.textContent = t(store.get().lang, 'panels_failed');
    appRoot.replaceChildren(line);
    replayHeldInput(appRoot);
    return;
  }
  const { App } = panelsModule;
  render(
    <App
      store={store}
      units={units}
      model={model}
      plants={atlas.plants}
      colouringOf={colouringOf}
      hover={app.hover}
      highlight={app.highlight}
      picked={app.picked}
      mapMessage={app.mapMessage}
      basemapFailed={app.basemapFailed}
      onlineBasemapAllowed={app.onlineBasemapAllowed}
      focusUnit={(id) => {
        // A plant: the map around its symbol, about a district's width.
        const plant = atlas.plantPoints.find((p) => plantSelection(p.properties.id) === id);
        const [lng, lat] = plant?.lngLat ?? [0, 0];
        const bounds = plant ? ([lng - 0.25, lat - 0.2, lng + 0.25, lat + 0.2] as const) : scene.unitBounds(id);
        if (bounds) maps.front?.focusBounds(bounds);
      }}
      exportPicture={async (state, format) => {
        const options = { scene, model, state, colouring: colouringOf(state), screen: { width: mapRoot.clientWidth, height: mapRoot.clientHeight } };
        return format === 'svg' ? (await import('./paint2d/export-svg')).mapImageSvgBlob(options) : (await import('./paint2d/export-png')).mapImageBlob(options);
      }}
    />,
    appRoot,
  );
  // Rendered over the panels' copy from index.html, if it was shown: what the reader did to it is done again now.
  replayHeldInput(appRoot);
  // The panels answer from here on; the copy looked the same but did not (tests and tools wait for this).
  appRoot.dataset.panelsReady = 'true';
  keepFrameClearOfPanels(app, scene, appRoot, mapRoot);
}

/**
 * Measures the panels over the map whenever one comes, goes or changes size, and sets the padding that frames the
 * default view in the part they leave free (look/free-frame.ts). Only the default framing follows it: a camera the
 * user moved or a link set stays where it is (AtlasMap.applyAll, CanvasMap.currentCamera).
 */
function keepFrameClearOfPanels(app: App, scene: Scene, appRoot: HTMLElement, mapRoot: HTMLElement): void {
  const measure = () => {
    const padding = panelsFramePadding(app.store.get().level, scene, appRoot, mapRoot);
    if (!samePadding(padding, app.framePadding.get())) app.framePadding.set(padding);
  };
  const sizes = new ResizeObserver(measure);
  const watch = () => {
    sizes.disconnect();
    sizes.observe(mapRoot);
    for (const el of appRoot.querySelectorAll(MAP_COVERS)) sizes.observe(el);
  };
  new MutationObserver(() => {
    watch();
    measure();
  }).observe(appRoot, { childList: true });
  app.store.subscribe((state, prev) => state.level !== prev.level && measure());
  watch();
  measure();
}

// ——— Step 6: MapLibre takes over, or the 2D map stays ———

async function handOverToMapLibre(
  chunk: Promise<typeof import('./map/atlas-map') | null> | null,
  app: App,
  atlas: Atlas,
  { topology }: StartData,
  maps: Maps,
  mapRoot: HTMLElement,
): Promise<void> {
  const { store } = app;
  const mapModule = await chunk;
  // The camera as the user may have moved it on the 2D map meanwhile.
  const startView = mapViewOf(app, atlas);
  const map = mapModule?.AtlasMap.create(mapRoot, decodeBoundaries(topology), startView, maps.handlers, !!maps.canvas, atlas.plantPoints) ?? null;
  maps.maplibre = map;
  if (!map) {
    // The 2D map is the map, with zoom buttons of its own and a line saying why.
    const canvasMap = (maps.canvas ??= maps.paint2d());
    const reason = chunk && !mapModule ? 'map-code-failed' : 'no-webgl';
    const controls = mountFallbackControls(mapRoot, store.get().lang, reason, (delta) => canvasMap.zoomBy(delta));
    store.subscribe((state, prev) => state.lang !== prev.lang && controls.setLang(state.lang));
    return;
  }
  await map.whenReady();
  if (maps.canvas) {
    // The load handler has just set the colours as feature-state; the idle after that has drawn them.
    await nextIdle(mapRoot);
    await betweenGestures(maps.canvas, map, mapRoot);
    // The tooltip stays as it is: MapLibre takes over hover with the pointer's next move.
    maps.canvas.destroy();
    maps.canvas = null;
    performance.mark('atlas:handed-over');
  }
  map.drawLabels(maps.labels);
}

/**
 * Resolves when MapLibre may replace the 2D map: no drag or wheel zoom under way on it (one that is goes on there
 * to its end), and MapLibre showing its very camera, not the one rounded for the URL, so nothing moves.
 */
async function betweenGestures(canvas: CanvasMap, map: AtlasMap, mapRoot: HTMLElement): Promise<void> {
  let shown: Camera | null = null;
  for (;;) {
    await canvas.gestures.whenIdle();
    // Without a camera of its own the 2D map shows the default framing, as MapLibre does. A camera MapLibre was
    // already sent to is not sent again (it may keep one a little apart: its own limits).
    const camera = canvas.ownCamera();
    if (!camera || camera === shown || !map.jumpTo(camera)) return;
    shown = camera;
    // A gesture may begin and end meanwhile: then round again.
    await nextIdle(mapRoot);
  }
}

// ——— Helpers ———

/** The map's size on screen as CSS variables, which print.css keeps it at on paper. */
function keepScreenSizeForPrint(mapRoot: HTMLElement): void {
  new ResizeObserver(() => {
    document.documentElement.style.setProperty('--screen-map-width', `${mapRoot.clientWidth}px`);
    document.documentElement.style.setProperty('--screen-map-height', `${mapRoot.clientHeight}px`);
  }).observe(mapRoot);
}

/** Resolves once the frame drawn so far has been shown: rAF runs before that paint, the task after it after. */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Resolves on MapLibre's next `idle` (the map counts them on its container as data-idle-count). */
function nextIdle(container: HTMLElement): Promise<void> {
  const seen = Number(container.dataset.idleCount ?? 0);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (Number(container.dataset.idleCount ?? 0) > seen) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(container, { attributes: true, attributeFilter: ['data-idle-count'] });
  });
}

/** The default view drawn at build time (src/first-view/), gone once the live map is drawn or the start failed. */
function removeFirstView(): void {
  for (const id of ['first-view', 'first-view-svg', FIRST_VIEW_NAMES_ID]) document.getElementById(id)?.remove();
}

/** A chunk's module, or null where it did not arrive (said in the console; the caller says it on the page). */
function orNull<T>(chunk: Promise<T>): Promise<T | null> {
  return chunk.catch((error: unknown) => {
    console.warn(error);
    return null;
  });
}

/** A line where the panels go, saying what went wrong (text only, never HTML). */
function alertLine(): HTMLParagraphElement {
  const line = document.createElement('p');
  line.className = 'map-message';
  line.setAttribute('role', 'alert');
  return line;
}

/** The start failed: a line saying why, in both languages for a data file the app could not read. */
function showBootFailure(error: unknown): void {
  removeFirstView();
  const root = document.getElementById('app')!;
  const lang = navigator.language.startsWith('zh') ? 'zh' : 'en';
  const message = alertLine();
  if (error instanceof DataFormatError) {
    // In both languages, as the static loading line: the reader's choice is in a view that never got built.
    message.replaceChildren(
      ...LANGS.flatMap((l, i) => {
        const line = document.createElement('span');
        line.lang = l;
        line.textContent = `${t(l, 'load_failed')}: ${dataFormatMessage(error.file, error.problem, l)}`;
        return i ? [document.createElement('br'), line] : [line];
      }),
    );
  } else message.textContent = `${t(lang, 'load_failed')}: ${error instanceof Error ? error.message : String(error)}`;
  root.replaceChildren(message);
}

// ——— Step 7: the offline service worker ———

// The service worker's install downloads every file of the app (about 2 MB) and writes it to the cache: registered
// at the page's load event, it ran while MapLibre started, and MapLibre's load came 0.06-0.27 s later (A/B loads on
// 2 cores; `npm run bench` blocks service workers, so its figures never had this cost).
// Registered once the map is up, the fallback map is, or the boot failed; at the latest after SERVICE_WORKER_DELAY_MS.
const SERVICE_WORKER_DELAY_MS = 10_000;

function registerServiceWorkerAfter(started: Promise<void>): void {
  void Promise.race([started, new Promise((resolve) => setTimeout(resolve, SERVICE_WORKER_DELAY_MS))])
    .then(() => import('./pwa'))
    .then(({ registerServiceWorker }) => registerServiceWorker());
}

registerServiceWorkerAfter(boot().catch(showBootFailure));
