import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/strings';
import type { ChartProps } from './chart-props';
import type * as DataPanels from './data-panels';

type DataPanelsModule = typeof DataPanels;

let loaded: DataPanelsModule | null = null;
let loading: Promise<DataPanelsModule> | null = null;

/**
 * The panel a tab opens (table, compare, charts, sources). Their code is a chunk of its own, fetched when the first of
 * them opens: the start of the atlas carries none of it (its bytes: docs/performance.md). Nothing is drawn while it
 * comes (from the offline cache, a moment); if it cannot come, a line says so and the map goes on working.
 */
export function DataPanel(props: ChartProps) {
  const { state } = props;
  const [panels, setPanels] = useState<DataPanelsModule | Error | null>(loaded);
  useEffect(() => {
    if (loaded) return;
    let shown = true;
    loading ??= import('./data-panels');
    loading.then(
      (module) => {
        loaded = module;
        if (shown) setPanels(module);
      },
      (error: unknown) => {
        loading = null; // the next panel opened tries again
        if (shown) setPanels(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      shown = false;
    };
  }, []);
  if (panels === null) return null;
  if (panels instanceof Error) {
    return (
      <p class="map-message" role="alert">
        {t(state.lang, 'panels_failed')}
      </p>
    );
  }
  const { TablePanel, ComparePanel, SourcesPanel, ChartsPanel } = panels;
  if (state.panel === 'table') return <TablePanel {...props} />;
  if (state.panel === 'compare') return <ComparePanel {...props} />;
  if (state.panel === 'sources') return <SourcesPanel {...props} />;
  if (state.panel === 'charts') return <ChartsPanel {...props} />;
  return null;
}
