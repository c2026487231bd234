import type { IndicatorId } from '../model/dataset';
import { coverageUnits } from '../model/coverage';
import { joinedRuns } from '../model/chart-data';
import { gapSeries, isGapIndicator, MIN_UNITS, type GapYear } from '../model/disparity';
import { indicatorLabel } from '../model/indicator-labels';
import { CHART_COLOURS, CHART_WIDTHS } from '../look/theme';
import { sourcesOf } from '../look/source-line';
import { LEVEL_LABEL_KEYS, t, type Lang } from '../i18n/strings';
import { ChartFrame, ChartText, YearAxes, linePath, yearPlot, type Frame, type LegendItem } from './chart-parts';
import type { ChartProps } from './chart-props';

const WIDTH = 440;
const PANEL: Frame = { width: WIDTH, height: 96, left: 58, right: 16, top: 18, bottom: 20 };
/** The row under the panels saying how many units each year covers. */
const COVERAGE_ROW = 30;
const BAR_WIDTH = 14;

const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };
const decimals = (value: number, digits: number, lang: Lang) =>
  new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

type Measure = 'cv' | 'maxMin' | 'theil';
const MEASURES: readonly { measure: Measure; label: 'gap_cv' | 'gap_max_min' | 'gap_theil'; digits: number }[] = [
  { measure: 'cv', label: 'gap_cv', digits: 3 },
  { measure: 'maxMin', label: 'gap_max_min', digits: 2 },
  { measure: 'theil', label: 'gap_theil', digits: 3 },
];

function valueOf(year: GapYear, measure: Measure): number | null {
  const d = year.disparity;
  if (!d) return null;
  return measure === 'theil' ? (d.theil?.total ?? null) : d[measure];
}

/**
 * The spread between the level's units, per year: coefficient of variation, max/min, and the Theil index as stacked
 * bars of its between-provinces and within-province parts; under each year how many units it covers. Years with too
 * few units show none. Drawn for per-head and ratio indicators; any other falls back to GDP per head, and says so.
 */
export function GapChart({ state, units, model }: ChartProps) {
  const { lang, level } = state;
  const indicator: IndicatorId = isGapIndicator(state.indicator) ? state.indicator : 'gdp_per_capita';
  const ids = coverageUnits(units, level);
  const series = gapSeries(model, indicator, ids);
  const years = series.map((y) => y.year);
  const height = MEASURES.length * PANEL.height + COVERAGE_ROW;
  const title = `${indicatorLabel(indicator, lang)} · ${t(lang, LEVEL_LABEL_KEYS[level])} · ${t(lang, 'chart_gap')}`;
  const legend: LegendItem[] = [
    { label: `${t(lang, 'gap_cv')}, ${t(lang, 'gap_max_min')}`, colour: CHART_COLOURS.measure, shape: 'line' },
    { label: t(lang, 'gap_between'), colour: CHART_COLOURS.between, shape: 'bar' },
    { label: t(lang, 'gap_within'), colour: CHART_COLOURS.within, shape: 'bar' },
  ];
  const weighting = (y: GapYear) => (y.disparity ? t(lang, y.disparity.weighted ? 'gap_weighted' : 'gap_unweighted') : t(lang, 'gap_too_few'));
  const figures = series.flatMap((y) => (y.disparity ? ids.map((id) => model.figure(id, indicator, y.year)) : []));

  const table = (
    <table>
      <thead>
        <tr>
          <th scope="col">{t(lang, 'year')}</th>
          <th scope="col" class="num">{t(lang, 'units_count')}</th>
          {MEASURES.map(({ label }) => (
            <th key={label} scope="col" class="num">
              {t(lang, label)}
            </th>
          ))}
          <th scope="col" class="num">{t(lang, 'gap_between')}</th>
          <th scope="col" class="num">{t(lang, 'gap_within')}</th>
          <th scope="col">{t(lang, 'gap_method')}</th>
        </tr>
      </thead>
      <tbody>
        {series.map((y) => (
          <tr key={y.year} data-year={y.year}>
            <th scope="row">{y.year}</th>
            <td class="num">{t(lang, 'gap_covers', { count: y.count, of: y.of })}</td>
            {MEASURES.map(({ measure, digits }) => {
              const value = valueOf(y, measure);
              return (
                <td key={measure} class="num">
                  {value === null ? '—' : decimals(value, digits, lang)}
                </td>
              );
            })}
            <td class="num">{y.disparity?.theil ? decimals(y.disparity.theil.between, 3, lang) : '—'}</td>
            <td class="num">{y.disparity?.theil ? decimals(y.disparity.theil.within, 3, lang) : '—'}</td>
            <td>{weighting(y)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  const tools = (
    <>
      <p class="muted">{t(lang, 'gap_coverage_note', { min: MIN_UNITS })}</p>
      {indicator !== state.indicator && <p class="muted">{t(lang, 'gap_indicator_note', { indicator: indicatorLabel(indicator, lang) })}</p>}
      <details class="gap-method">
        <summary>{t(lang, 'gap_method')}</summary>
        <p>{t(lang, 'gap_method_text', { min: MIN_UNITS })}</p>
      </details>
    </>
  );

  return (
    <ChartFrame
      lang={lang}
      title={title}
      legend={legend}
      sources={sourcesOf(model, figures)}
      fileName={`chengyu-atlas_gap_${indicator}_${level}`}
      tools={tools}
      table={table}
    >
      <svg class="gap-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        {MEASURES.map(({ measure, label, digits }, panel) => {
          const values = series.flatMap((y) => {
            const value = valueOf(y, measure);
            return value === null ? [] : [value];
          });
          const plot = yearPlot(PANEL, years, values);
          const points = series.flatMap((y) => {
            const value = valueOf(y, measure);
            return value === null ? [] : [{ year: y.year, x: plot.x(y.year), y: plot.y(value), value }];
          });
          return (
            <g key={measure} class={`gap-panel gap-${measure}`} transform={`translate(0 ${panel * PANEL.height})`}>
              <ChartText x={PANEL.left} y={12}>
                {t(lang, label)}
              </ChartText>
              <YearAxes plot={plot} tickText={(value) => decimals(value, measure === 'maxMin' ? 0 : 2, lang)} />
              {measure === 'theil'
                ? series.map((y) => {
                    const theil = y.disparity?.theil;
                    if (!theil) return null;
                    const x = plot.x(y.year) - BAR_WIDTH / 2;
                    return (
                      <g key={y.year} class="gap-value" data-year={y.year}>
                        <title>{`${y.year} · ${t(lang, 'gap_theil')} ${decimals(theil.total, 3, lang)} = ${t(lang, 'gap_between')} ${decimals(theil.between, 3, lang)} + ${t(lang, 'gap_within')} ${decimals(theil.within, 3, lang)}`}</title>
                        <rect x={x} y={plot.y(theil.between)} width={BAR_WIDTH} height={plot.y(0) - plot.y(theil.between)} fill={CHART_COLOURS.between} />
                        <rect x={x} y={plot.y(theil.total)} width={BAR_WIDTH} height={plot.y(theil.between) - plot.y(theil.total)} fill={CHART_COLOURS.within} />
                      </g>
                    );
                  })
                : [
                    ...joinedRuns(points).map((run) => (
                      <path key={`run${run[0].year}`} d={linePath(run)} fill="none" stroke={CHART_COLOURS.measure} stroke-width={CHART_WIDTHS.line} />
                    )),
                    ...points.map((p) => (
                      <circle key={p.year} class="gap-value" data-year={p.year} cx={p.x} cy={p.y} r={CHART_WIDTHS.marker} fill={CHART_COLOURS.measure}>
                        <title>{`${p.year} · ${t(lang, label)} ${decimals(p.value, digits, lang)}`}</title>
                      </circle>
                    )),
                  ]}
            </g>
          );
        })}
        <ChartText x={4} y={height - 18} muted size={10}>
          {t(lang, 'units_count')}
        </ChartText>
        {series.map((y) => {
          const plot = yearPlot(PANEL, years, [0]);
          return (
            <g key={y.year} class="gap-coverage" data-year={y.year}>
              <title>{`${y.year} · ${t(lang, 'gap_covers', { count: y.count, of: y.of })}${y.disparity ? '' : ` · ${t(lang, 'gap_too_few')}`}`}</title>
              <ChartText x={plot.x(y.year)} y={height - 4} anchor="middle" muted={!y.disparity} size={10}>
                {y.disparity ? `${y.count}/${y.of}` : `(${y.count}/${y.of})`}
              </ChartText>
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}
