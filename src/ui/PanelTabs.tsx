import type { Store } from '../state/store';
import type { Lang, Panel, ViewState } from '../state/view-state';
import './panels.css';

const TABS: readonly { panel: Panel; label: Record<Lang, string> }[] = [
  { panel: 'table', label: { zh: '表格', en: 'Table' } },
  { panel: 'compare', label: { zh: '对比', en: 'Compare' } },
];

const GROUP_LABEL: Record<Lang, string> = { zh: '数据面板', en: 'Data panels' };

/** Opens the table or the compare view; pressing the open one closes it again. */
export function PanelTabs({ store, state }: { store: Store; state: ViewState }) {
  return (
    <div class="panel-tabs" role="group" aria-label={GROUP_LABEL[state.lang]}>
      {TABS.map(({ panel, label }) => (
        <button
          key={panel}
          type="button"
          aria-pressed={state.panel === panel}
          onClick={() => store.update({ panel: state.panel === panel ? null : panel })}
        >
          {label[state.lang]}
        </button>
      ))}
    </div>
  );
}
