import { useEffect } from 'preact/hooks';
import type { Store } from '../state/store';
import type { Observable } from '../state/observable';
import type { UnitProps } from '../model/units';
import type { IndicatorModel } from '../model/dataset';
import { t } from '../i18n/strings';
import { useViewState } from './use-store';
import { useObservable } from './use-observable';
import { Controls } from './Controls';
import { UnitPanel } from './UnitPanel';
import { Tooltip, type HoverInfo } from './Tooltip';
import { MembershipLegend } from './Legend';
import { IgnoredNotice } from './Notice';

export interface AppProps {
  store: Store;
  units: ReadonlyMap<string, UnitProps>;
  model: IndicatorModel;
  hover: Observable<HoverInfo | null>;
  mapMessage: string | null;
  /** Frames a unit on the map (no-op without a map). */
  focusUnit(id: string): void;
}

export function App({ store, units, model, hover, mapMessage, focusUnit }: AppProps) {
  const state = useViewState(store);
  const hoverInfo = useObservable(hover);
  const { lang } = state;
  const unit = state.selected ? units.get(state.selected) : undefined;

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
      <header class="topbar">
        <h1>{t(lang, 'title')}</h1>
        <Controls store={store} state={state} />
      </header>
      {mapMessage && (
        <p class="map-message" role="alert">
          {mapMessage}
        </p>
      )}
      <IgnoredNotice ignored={store.ignored} lang={lang} />
      <MembershipLegend lang={lang} zones={state.zones} />
      {unit && (
        <UnitPanel
          unit={unit}
          parent={unit.parent ? units.get(unit.parent) : undefined}
          lang={lang}
          onClose={() => store.update({ selected: null })}
        />
      )}
      <Tooltip hover={hoverInfo} />
    </>
  );
}
