import type { Figure, IndicatorId, IndicatorModel } from '../model/dataset';
import type { UnitProps } from '../model/units';
import { t, type Lang } from '../i18n/strings';
import { toMeasure } from '../model/format';
import { indicatorLabel } from '../model/indicator-labels';
import { isZoneArea, unitsOfLevel } from '../model/level-units';
import type { DataPanelProps } from './TablePanel';
import { FigureSources, boundedFigureText, figureText, unitName } from './figure-parts';
import { VehiclesChart, hasVehicleFigures } from './VehiclesChart';
import { niceStep } from './chart-parts';
import { CHART_COLOURS } from '../look/theme';
import './panels.css';

/** Suggested when a link names no units: the two state-level new areas the Circle is built around. */
const DEFAULT_PAIR = ['liangjiang', 'tianfu'] as const;

const LINE_COLORS = [CHART_COLOURS.series[0], CHART_COLOURS.series[1]] as const;
/** A's markers are larger, so equal values still show both. */
const MARKER_RADII = [4.5, 2.5] as const;

function comparePair(compare: readonly string[]): [string, string] {
  const first = compare[0] ?? DEFAULT_PAIR[0];
  return [first, compare[1] ?? (first === DEFAULT_PAIR[0] ? DEFAULT_PAIR[1] : DEFAULT_PAIR[0])];
}

const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

function signed(value: number, decimals: number, lang: Lang): string {
  const text = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
  return value > 0 ? `+${text}` : text;
}

/** A − B: percentages in percentage points, everything else in the indicator's own unit. */
function differenceText(model: IndicatorModel, indicator: IndicatorId, a: Figure | null, b: Figure | null, lang: Lang): string {
  if (!a || !b) return '—';
  const diff = a.value - b.value;
  if (toMeasure(model.measure(indicator)) === 'percent') return `${signed(diff, 1, lang)} ${t(lang, 'percentage_points')}`;
  const text = figureText(model, indicator, diff, lang);
  return diff > 0 ? `+${text}` : text;
}

/** A / B, only for amounts (a ratio of two percentages reads as nonsense) and only between positive values. */
function ratioText(model: IndicatorModel, indicator: IndicatorId, a: Figure | null, b: Figure | null, lang: Lang): string | null {
  if (!a || !b || a.value <= 0 || b.value <= 0 || toMeasure(model.measure(indicator)) === 'percent') return null;
  return `${new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(a.value / b.value)}×`;
}

function FigureCell({ figure, model, indicator, lang }: { figure: Figure | null; model: IndicatorModel; indicator: IndicatorId; lang: Lang }) {
  return (
    <td class={figure ? 'num' : 'num no-data'}>
      <span class="figure-value">{boundedFigureText(model, indicator, figure, lang)}</span>
      {figure && <FigureSources figure={figure} model={model} lang={lang} grades />}
      {/* What a reader must know beside the value (the year a source misstates, a scope), folded to keep rows short. */}
      {figure && figure.notes.length > 0 && (
        <details class="figure-notes">
          <summary>⚠ {t(lang, 'notes')}</summary>
          {figure.notes.map((note, i) => (
            <p key={i} role="note">
              {note[lang]}
            </p>
          ))}
        </details>
      )}
    </td>
  );
}

const CHART = { width: 420, height: 170, left: 18, right: 18, top: 12, bottom: 22 } as const;

/** Both units' figures over every year of the indicator: years without a figure are gaps in the line. */
function CompareChart(props: { model: IndicatorModel; indicator: IndicatorId; year: number; pair: readonly UnitProps[]; lang: Lang }) {
  const { model, indicator, year, pair, lang } = props;
  const years = model.years(indicator);
  const series = pair.map((unit) => new Map(model.series(unit.id, indicator).map((figure) => [figure.year, figure.value])));
  const values = series.flatMap((byYear) => [...byYear.values()]);
  const title = `${indicatorLabel(indicator, lang)} · ${pair.map((unit) => unitName(unit, lang)).join(' / ')} · ${years[0]}–${years[years.length - 1]}`;
  if (values.length === 0 || years.length === 0) return <p class="muted">{t(lang, 'no_data')}</p>;

  const step = niceStep(Math.max(...values, 0) - Math.min(...values, 0) || 1, 4);
  const low = Math.floor(Math.min(...values, 0) / step) * step;
  const high = Math.ceil(Math.max(...values, 0) / step) * step || step;
  const ticks = Array.from({ length: Math.round((high - low) / step) + 1 }, (_, i) => low + i * step);
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotBottom = CHART.height - CHART.bottom;
  const x = (y: number) =>
    years.length === 1 ? CHART.left + plotWidth / 2 : CHART.left + ((y - years[0]) / (years[years.length - 1] - years[0])) * plotWidth;
  const y = (value: number) => plotBottom - ((value - low) / (high - low)) * (plotBottom - CHART.top);

  /** "M" starts a new piece after a missing year, so the gap stays visible. */
  const pathOf = (byYear: Map<number, number>) =>
    years
      .map((yr, i) => {
        const value = byYear.get(yr);
        if (value === undefined) return '';
        return `${i > 0 && byYear.has(years[i - 1]) ? 'L' : 'M'}${x(yr).toFixed(1)},${y(value).toFixed(1)}`;
      })
      .join('');

  return (
    <figure class="compare-chart">
      <figcaption>
        {t(lang, 'compare_chart')} · {indicatorLabel(indicator, lang)}
      </figcaption>
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={title}>
        <title>{title}</title>
        {ticks.map((tick) => (
          <g key={tick} class="y-tick">
            <line x1={CHART.left} x2={CHART.width - CHART.right} y1={y(tick)} y2={y(tick)} />
            <text x={CHART.left + 2} y={y(tick) - 3}>
              {figureText(model, indicator, tick, lang)}
            </text>
          </g>
        ))}
        <line class="axis" x1={CHART.left} x2={CHART.width - CHART.right} y1={plotBottom} y2={plotBottom} />
        {years.includes(year) && <line class="current-year" x1={x(year)} x2={x(year)} y1={CHART.top} y2={plotBottom} />}
        {/* Every year of the span, those without any figure of the indicator greyed, so none goes missing unsaid. */}
        {years.length > 0 &&
          Array.from({ length: years[years.length - 1] - years[0] + 1 }, (_, i) => years[0] + i).map((yr) => (
            <text key={yr} class={years.includes(yr) ? 'x-tick' : 'x-tick no-data'} x={x(yr)} y={CHART.height - 8} text-anchor="middle">
              {yr}
            </text>
          ))}
        {series.map((byYear, i) => (
          <g key={pair[i].id} class={`series-group series-${i}`}>
            {byYear.size > 0 && <path class="series" d={pathOf(byYear)} stroke={LINE_COLORS[i]} fill="none" />}
            {[...byYear].map(([yr, value]) => (
              <circle key={yr} cx={x(yr)} cy={y(value)} r={MARKER_RADII[i]} fill={LINE_COLORS[i]} />
            ))}
          </g>
        ))}
      </svg>
      <ul class="chart-legend">
        {pair.map((unit, i) => (
          <li key={unit.id}>
            <span class="legend-line" style={{ background: LINE_COLORS[i] }} />
            {unitName(unit, lang)}
            {series[i].size === 0 && ` (${t(lang, 'no_data')})`}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Two units side by side: every indicator in the chosen year, the difference and ratio, and a line chart. */
export function ComparePanel({ store, state, units, model }: DataPanelProps) {
  const { lang, level, year } = state;
  const indicator = state.indicator as IndicatorId; // validated against the model's indicators by the URL codec
  const ids = comparePair(state.compare);
  const pair = ids.map((id) => units.get(id)).filter((unit): unit is UnitProps => unit !== undefined);

  const listed = unitsOfLevel(units, level);
  // A pair from a link may lie on another level; it stays choosable so the pickers can show it.
  const choosable = [...pair.filter((unit) => !listed.includes(unit)), ...listed];
  const groups = [
    [t(lang, 'compare_units'), choosable.filter((unit) => !isZoneArea(unit))],
    [t(lang, 'legend_zone'), choosable.filter(isZoneArea)],
  ] as const;

  const choose = (index: 0 | 1, id: string) => {
    const next = [...ids];
    // Choosing the other picker's unit swaps the two: the pair stays distinct, as links require.
    if (next[1 - index] === id) next[1 - index] = next[index];
    next[index] = id;
    store.update({ compare: next });
  };

  return (
    <section class="data-panel compare-panel" aria-labelledby="compare-panel-title">
      <header class="data-panel-head">
        <h2 id="compare-panel-title">
          {t(lang, 'tab_compare')} · {year}
        </h2>
        <button type="button" class="close" aria-label={t(lang, 'close')} onClick={() => store.update({ panel: null })}>
          ×
        </button>
      </header>
      <div class="data-panel-scroll">
        <div class="compare-pickers">
          {([0, 1] as const).map((index) => (
            <label key={index}>
              <span class="legend-line" style={{ background: LINE_COLORS[index] }} />
              {index === 0 ? t(lang, 'unit_a') : t(lang, 'unit_b')}
              <select value={ids[index]} onChange={(e) => choose(index, e.currentTarget.value)}>
                {groups.map(([label, group]) => (
                  <optgroup key={label} label={label}>
                    {group.map((unit) => (
                      <option key={unit.id} value={unit.id}>
                        {unitName(unit, lang)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
          ))}
        </div>
        {pair
          .filter((unit) => unit.approx)
          .map((unit) => (
            <details key={unit.id} class="approx-note">
              <summary>
                <strong>{unitName(unit, lang)}</strong> {t(lang, 'approximate') + t(lang, 'full_stop')}
              </summary>
              {lang === 'zh' ? unit.shape_zh : unit.shape_en}
            </details>
          ))}
        {pair.length === 2 && <CompareChart model={model} indicator={indicator} year={year} pair={pair} lang={lang} />}
        {pair
          .filter((unit) => hasVehicleFigures(model, unit.id))
          .map((unit) => (
            <VehiclesChart key={unit.id} model={model} unit={unit.id} name={unitName(unit, lang)} lang={lang} />
          ))}
        {pair.length === 2 && (
          <table class="compare-table">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'indicator')}</th>
                {pair.map((unit, i) => (
                  <th key={unit.id} scope="col">
                    <span class="legend-line" style={{ background: LINE_COLORS[i] }} />
                    {unitName(unit, lang)}
                  </th>
                ))}
                <th scope="col" class="num">{t(lang, 'compare_difference')}</th>
              </tr>
            </thead>
            <tbody>
              {model.indicatorIds().map((id) => {
                const [a, b] = pair.map((unit) => model.figure(unit.id, id, year));
                const ratio = ratioText(model, id, a, b, lang);
                return (
                  <tr key={id} class={id === indicator ? 'current' : undefined} data-indicator={id}>
                    <th scope="row">{indicatorLabel(id, lang)}</th>
                    <FigureCell figure={a} model={model} indicator={id} lang={lang} />
                    <FigureCell figure={b} model={model} indicator={id} lang={lang} />
                    <td class="num">
                      <span class="difference">{differenceText(model, id, a, b, lang)}</span>
                      {ratio && <span class="ratio">{ratio}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
