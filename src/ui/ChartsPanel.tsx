import type { StringKey } from '../i18n/strings';
import { t } from '../i18n/strings';
import { CHARTS, type ChartKind } from '../state/view-state';
import type { ChartProps } from './chart-props';
import { RankingChart } from './RankingChart';
import { LinesChart } from './LinesChart';
import { GapChart } from './GapChart';
import './panels.css';

const CHART_LABEL: Readonly<Record<ChartKind, StringKey>> = { ranking: 'chart_ranking', lines: 'compare_chart', gap: 'chart_gap' };

/** The charts beside the map, one at a time: the level's ranking, the chosen units' lines, the gap between units. */
export function ChartsPanel(props: ChartProps) {
  const { store, state } = props;
  const { lang } = state;
  return (
    <section class="data-panel charts-panel" aria-labelledby="charts-panel-title">
      <header class="data-panel-head">
        <h2 id="charts-panel-title">{t(lang, 'tab_charts')}</h2>
        <button type="button" class="close" aria-label={t(lang, 'close')} onClick={() => store.update({ panel: null })}>
          ×
        </button>
      </header>
      <div class="chart-kinds" role="group" aria-label={t(lang, 'chart_kind')}>
        {CHARTS.map((chart) => (
          <button key={chart} type="button" aria-pressed={state.chart === chart} onClick={() => store.update({ chart })}>
            {t(lang, CHART_LABEL[chart])}
          </button>
        ))}
      </div>
      <div class="data-panel-scroll">
        {state.chart === 'ranking' && <RankingChart {...props} />}
        {state.chart === 'lines' && <LinesChart {...props} />}
        {state.chart === 'gap' && <GapChart {...props} />}
      </div>
    </section>
  );
}
