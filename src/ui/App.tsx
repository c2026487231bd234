import { useEffect, useState } from 'preact/hooks';
import type { Store } from '../state/store';
import type { ViewState } from '../state/view-state';
import type { PictureFormat } from './download';
import type { Observable } from '../state/observable';
import { placeOf, type UnitProps } from '../model/units';
import { levelShowing } from '../model/level-units';
import { plantsShown, selectedPlant, type PlantsFile } from '../model/plants';
import { PlantPanel } from './PlantPanel';
import type { IndicatorModel } from '../model/dataset';
import { t, type StringKey } from '../i18n/strings';
import { useViewState } from './use-store';
import { useObservable } from './use-observable';
import { Controls } from './Controls';
import { Search } from './Search';
import { UnitPanel } from './UnitPanel';
import { AlsoHere } from './AlsoHere';
import { Tooltip, type HoverInfo } from './Tooltip';
import { Legend } from './Legend';
import { IndicatorControls, type LevelMove } from './IndicatorControls';
import { Figures } from './Figures';
import type { MapColouring } from '../model/map-colouring';
import type { IndicatorId } from '../model/dataset';
import { toMeasure } from '../model/format';
import { IgnoredNotice } from './Notice';
import { CoverageNotice } from './CoverageNotice';
import { PanelTabs } from './PanelTabs';
import { Presets } from './Presets';
import { DataPanel } from './DataPanel';
import { VehiclesChart, hasVehicleFigures } from './VehiclesChart';
import { unitName } from './figure-parts';
import { ShareButton } from './ShareButton';
import { EmbedBar } from './EmbedBar';
import { PHONE_QUERY } from './layout';
import { BasemapNotice } from './BasemapNotice';
import { ViewDescription } from './ViewDescription';

export interface AppProps {
  store: Store;
  units: ReadonlyMap<string, UnitProps>;
  model: IndicatorModel;
  /** The vehicle assembly plants; null where their file could not be read. */
  plants: PlantsFile | null;
  /** The map's colouring of a view (cached), shared with the legend so both always agree. */
  colouringOf(state: ViewState): MapColouring;
  hover: Observable<HoverInfo | null>;
  /** The unit pointed at on the map or in a chart: both outline it. */
  highlight: Observable<string | null>;
  /** What the last click on the map found there, the selected unit or zone first (the panel offers the others). */
  picked: Observable<readonly string[] | null>;
  /** A line over the map about its data (all China's boundaries loading, or failing). */
  mapMessage: Observable<MapMessage | null>;
  /** Whether to say that the online basemap failed (the map has gone back to the offline style). */
  basemapFailed: Observable<boolean>;
  /** Whether the viewer of an embedded map has asked for the online basemap (it waits for that click). */
  onlineBasemapAllowed: Observable<boolean>;
  /** Frames a unit on the map (no-op without a map). */
  focusUnit(id: string): void;
  /** The view drawn as a PNG (title, legend, sources), for the share popover's download. */
  exportPicture(state: ViewState, format: PictureFormat): Promise<Blob>;
}

export interface MapMessage {
  key: Extract<StringKey, 'china_loading' | 'china_load_failed' | 'china_start_failed' | 'census_load_failed' | 'plants_load_failed'>;
  vars?: Record<string, string>;
}

export function App({ store, units, model, plants, colouringOf, hover, highlight, picked, mapMessage, basemapFailed, onlineBasemapAllowed, focusUnit, exportPicture }: AppProps) {
  const state = useViewState(store);
  // On a phone the options start folded away so the map stays visible; on a desktop they are always shown.
  const [optionsOpen, setOptionsOpen] = useState(() => !matchMedia(PHONE_QUERY).matches);
  const hoverInfo = useObservable(hover);
  const pickedHere = useObservable(picked);
  const alsoHere = state.selected && pickedHere?.includes(state.selected) ? pickedHere.filter((id) => id !== state.selected) : [];
  // Said while the view is the one picking an indicator moved to (CoverageNotice checks), not kept in the URL.
  const [levelMove, setLevelMove] = useState<LevelMove | null>(null);
  const message = useObservable(mapMessage);
  const { lang } = state;
  const unit = state.selected ? units.get(state.selected) : undefined;
  const plantId = selectedPlant(state.selected);
  const plant = plantId ? plants?.plants.find((p) => p.id === plantId) : undefined;

  // On a phone the options and an opened panel or sheet would leave no map between them: opening one folds the options.
  useEffect(() => {
    if ((state.panel || state.selected) && matchMedia(PHONE_QUERY).matches) setOptionsOpen(false);
  }, [state.panel, state.selected]);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'title');
  }, [lang]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && store.get().selected) store.update({ selected: null });
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [store]);

  return (
    <>
      {!state.embed && (
        <header class="topbar">
          <ShareButton store={store} state={state} exportPicture={exportPicture} />
          <h1>
            <span class="title-long">{t(lang, 'title')}</span>
            <span class="title-short">{t(lang, 'subtitle')}</span>
          </h1>
          <button
            type="button"
            class="options-toggle"
            aria-expanded={optionsOpen}
            aria-controls="topbar-options"
            onClick={() => setOptionsOpen(!optionsOpen)}
          >
            {t(lang, optionsOpen ? 'options_hide' : 'options_show')}
          </button>
          <Search store={store} units={units} plants={plants?.plants ?? []} lang={lang} focusUnit={focusUnit} />
          <div id="topbar-options" class="topbar-options" hidden={!optionsOpen}>
            <IndicatorControls store={store} state={state} model={model} units={units} onLevelMoved={setLevelMove} />
            <Controls store={store} state={state} model={model} units={units} />
            <div class="tab-row">
              <PanelTabs store={store} state={state} />
              <Presets store={store} state={state} model={model} units={units} />
            </div>
          </div>
        </header>
      )}
      {state.embed && <EmbedBar store={store} state={state} onlineBasemapAllowed={onlineBasemapAllowed} />}
      {message && (
        <p class="map-message" role={message.key === 'china_loading' ? 'status' : 'alert'}>
          {t(lang, message.key, message.vars)}
        </p>
      )}
      <IgnoredNotice ignored={store.ignored} lang={lang} />
      {!state.embed && <CoverageNotice store={store} state={state} model={model} units={units} moved={levelMove} />}
      <BasemapNotice shown={basemapFailed} lang={lang} />
      <Legend
        lang={lang}
        zones={state.zones}
        plants={plantsShown(state.indicator) && plants !== null}
        level={state.level}
        colouring={colouringOf(state)}
        measure={toMeasure(model.measure(state.indicator as IndicatorId))}
        model={model}
        units={units}
      />
      <ViewDescription state={state} colouring={colouringOf(state)} model={model} units={units} />
      {state.panel && <DataPanel store={store} state={state} units={units} model={model} highlight={highlight} />}
      {unit && (
        <UnitPanel
          unit={unit}
          place={placeOf(unit, units, lang)}
          lang={lang}
          onClose={() => store.update({ selected: null })}
        >
          <AlsoHere ids={alsoHere} units={units} lang={lang} store={store} />
          <Figures
            unit={unit}
            units={units}
            level={state.level}
            indicator={state.indicator as IndicatorId}
            year={state.year}
            model={model}
            lang={lang}
            onShow={(id) => {
              const other = units.get(id);
              if (other) store.update({ selected: id, level: levelShowing(other, state.level) });
            }}
          />
          {/* With the car industry's indicators only: with others it would only lengthen the panel over the map. */}
          {(plantsShown(state.indicator) || state.indicator === 'nev_share') && hasVehicleFigures(model, unit.id) && <VehiclesChart model={model} unit={unit.id} name={unitName(unit, lang)} lang={lang} />}
        </UnitPanel>
      )}
      {plant && plants && (
        <PlantPanel
          plant={plant}
          sharesPoint={plants.plants.some((p) => p !== plant && p.position.join() === plant.position.join())}
          sources={plants.sources}
          units={units}
          lang={lang}
          onClose={() => store.update({ selected: null })}
        />
      )}
      <Tooltip hover={hoverInfo} />
      {/* The credit on paper, where MapLibre's attribution (a screen control) is not printed. */}
      <p class="print-credit">
        {t(lang, 'map_credit')} · {t(lang, 'subtitle')}
      </p>
    </>
  );
}
