import type { Store } from '../state/store';
import type { ViewState } from '../state/view-state';
import type { IndicatorModel } from '../model/dataset';
import type { UnitProps } from '../model/units';
import { viewForIndicator } from '../model/coverage';
import { t } from '../i18n/strings';
import './panels.css';

/**
 * The views a first visit may not find on its own, one click away. Each is an ordinary link of the URL codec (it
 * opens the same view in a new tab, or copied), which a click follows without reloading the page.
 */
export function Presets({ store, state, model, units }: { store: Store; state: ViewState; model: IndicatorModel; units: ReadonlyMap<string, UnitProps> }) {
  const { lang } = state;
  // The car industry over the whole Circle at its default level, in the year with the most figures (the new areas'),
  // with the zones, whose circles carry them.
  const auto = viewForIndicator(model, units, 'units', 'vehicles', state.year);
  const patch: Partial<ViewState> = { ...auto, camera: null, selected: null, compare: [], panel: null, zones: true };
  return (
    <nav class="presets" aria-label={t(lang, 'presets')}>
      <span class="presets-label">{t(lang, 'presets')}:</span>
      <a
        href={store.urlFor(patch)}
        data-preset="auto"
        title={t(lang, 'preset_auto_title')}
        onClick={(e) => {
          // A plain click stays in the page; a modified one (new tab, copy) keeps the link's own behaviour.
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          store.update(patch);
        }}
      >
        {t(lang, 'preset_auto')}
      </a>
    </nav>
  );
}
