import type { Store } from '../state/store';
import type { Panel, ViewState } from '../state/view-state';
import { t, type StringKey } from '../i18n/strings';
import './panels.css';

const TABS: readonly { panel: Panel; label: StringKey }[] = [
  { panel: 'table', label: 'tab_table' },
  { panel: 'compare', label: 'tab_compare' },
  { panel: 'charts', label: 'tab_charts' },
  { panel: 'sources', label: 'sources' },
];

/** Opens the table, the compare view, the charts or the sources; pressing the open one closes it again. */
export function PanelTabs({ store, state }: { store: Store; state: ViewState }) {
  return (
    <div class="panel-tabs" role="group" aria-label={t(state.lang, 'panel_tabs')}>
      {TABS.map(({ panel, label }) => (
        <button
          key={panel}
          type="button"
          aria-pressed={state.panel === panel}
          onClick={() => store.update({ panel: state.panel === panel ? null : panel })}
        >
          {t(state.lang, label)}
        </button>
      ))}
    </div>
  );
}
