import type { ComponentChildren } from 'preact';
import type { Figure, IndicatorId, IndicatorModel } from '../model/dataset';
import { indexedSeries, joinedRuns, seriesValues, unitSeries, type SeriesPoint, type UnitSeries } from '../model/chart-data';
import { indicatorLabel } from '../model/indicator-labels';
import { periodLabel } from '../model/format';
import { CHART_COLOURS, CHART_WIDTHS } from '../look/theme';
import { sourcesOf } from '../look/source-line';
import { MAX_LINES } from '../state/view-state';
import { t, type Lang } from '../i18n/strings';
import { ChartFrame, YearAxes, linePath, yearPlot, type Frame, type LegendItem, type YearPlot } from './chart-parts';
import { boundedFigureText, figureText } from './figure-parts';
import { useObservable } from './use-observable';
import { chartUnitName, type ChartProps } from './chart-props';

const FRAME: Frame = { width: 440, height: 220, left: 40, right: 14, top: 10, bottom: 22 };

export interface DrawnSeries {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
  readonly series: UnitSeries;
  /** The unit the line stands for, outlined on the map while pointed at. */
  readonly unit?: string;
}

/** "2022 · 20,818 亿元" / "Jan–Sep 2024 · …": what a point's tooltip says. */
function pointText(point: SeriesPoint, format: (figure: Figure) => string, lang: Lang): string {
  return `${periodLabel(point.year, point.figure.period, lang)} · ${format(point.figure)}`;
}

/**
 * Each series as lines over its runs of consecutive years (a missing year is a gap), a dot per year-end figure, and
 * hollow dots, never joined, for figures over the census count and part-year figures.
 */
export function SeriesLines(props: {
  plot: YearPlot;
  drawn: readonly DrawnSeries[];
  lit: string | null;
  format(figure: Figure, point: SeriesPoint): string;
  lang: Lang;
  onPoint?(unit: string | null): void;
}) {
  const { plot, drawn, lit, format, lang } = props;
  const at = (p: SeriesPoint) => ({ x: plot.x(p.year), y: plot.y(p.value) });
  return (
    <>
      {drawn.map(({ key, label, colour, series, unit }) => {
        const width = CHART_WIDTHS.line + (unit && unit === lit ? CHART_WIDTHS.highlight : 0);
        const pointer = unit
          ? { onMouseEnter: () => props.onPoint?.(unit), onMouseLeave: () => props.onPoint?.(null) }
          : {};
        return (
          <g key={key} class="chart-series" data-series={key} {...pointer}>
            {joinedRuns(series.line).map((run) =>
              run.length > 1 ? <path key={run[0].year} d={linePath(run.map(at))} fill="none" stroke={colour} stroke-width={width} stroke-linejoin="round" /> : null,
            )}
            {series.line.map((p) => (
              <circle key={p.year} class="chart-point" data-year={p.year} cx={at(p).x} cy={at(p).y} r={CHART_WIDTHS.marker} fill={colour}>
                <title>{`${label} · ${pointText(p, (f) => format(f, p), lang)}`}</title>
              </circle>
            ))}
            {[...series.census, ...series.partYears].map((p) => (
              <circle
                key={`${p.year}${p.figure.period ?? 'census'}`}
                class="chart-point-apart"
                cx={at(p).x}
                cy={at(p).y}
                r={CHART_WIDTHS.markerApart}
                fill={CHART_COLOURS.background}
                stroke={colour}
                stroke-width={CHART_WIDTHS.markerStroke}
              >
                <title>{`${label} · ${pointText(p, (f) => format(f, p), lang)}${p.figure.period ? '' : ` (${t(lang, 'census_point')})`}`}</title>
              </circle>
            ))}
          </g>
        );
      })}
    </>
  );
}

/** The series' figures as a table: a row per series, a column per year; part-year figures after them. */
export function SeriesTable(props: { drawn: readonly DrawnSeries[]; years: readonly number[]; format(figure: Figure, point: SeriesPoint): string; lang: Lang }) {
  const { drawn, years, format, lang } = props;
  const cell = (p: SeriesPoint | undefined) => (p ? format(p.figure, p) : '—');
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t(lang, 'column_name')}</th>
          {years.map((year) => (
            <th key={year} scope="col" class="num">
              {year}
            </th>
          ))}
          <th scope="col">{t(lang, 'part_years')}</th>
        </tr>
      </thead>
      <tbody>
        {drawn.map(({ key, label, series }) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            {years.map((year) => {
              const census = series.census.find((p) => p.year === year);
              return (
                <td key={year} class="num">
                  {cell(series.line.find((p) => p.year === year) ?? census)}
                  {census && ` (${t(lang, 'census_point')})`}
                </td>
              );
            })}
            <td>{series.partYears.map((p) => pointText(p, (f) => format(f, p), lang)).join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The hollow dot's key, where a chart draws any. */
export function apartKey(drawn: readonly DrawnSeries[], lang: Lang): LegendItem[] {
  const census = drawn.some((d) => d.series.census.length > 0);
  const part = drawn.some((d) => d.series.partYears.length > 0);
  const label = [census ? t(lang, 'census_point') : '', part ? t(lang, 'part_years') : ''].filter(Boolean).join('; ');
  return label ? [{ label, colour: CHART_COLOURS.muted, shape: 'hollow' }] : [];
}

/** Every year the series draw, for the axis: the indicator's years and any part-year point's. */
export function seriesYears(model: IndicatorModel, indicators: readonly IndicatorId[], drawn: readonly DrawnSeries[]): number[] {
  const years = new Set(indicators.flatMap((indicator) => model.years(indicator)));
  for (const d of drawn) for (const p of d.series.partYears) years.add(p.year);
  return [...years].sort((a, b) => a - b);
}

/** A line per unit of `state.lines` over the indicator's years; as an index on request. */
export function LinesChart({ store, state, units, model, highlight }: ChartProps) {
  const { lang, year } = state;
  const indicator = state.indicator as IndicatorId;
  const lit = useObservable(highlight);
  const ids = state.lines.filter((id) => units.has(id));
  const drawn: DrawnSeries[] = [];
  ids.forEach((id, i) => {
    const own = unitSeries(model, id, indicator);
    const series = state.chartIndex ? indexedSeries(own) : own;
    const label = chartUnitName(units, id, lang, true);
    if (series && seriesValues([series]).length > 0) drawn.push({ key: id, label, colour: CHART_COLOURS.series[i % MAX_LINES], series, unit: id });
  });
  const format = (figure: Figure, point: SeriesPoint) =>
    state.chartIndex ? point.value.toFixed(1) : boundedFigureText(model, indicator, figure, lang);
  const tickText = (value: number) => (state.chartIndex ? String(Math.round(value)) : figureText(model, indicator, value, lang));
  const years = seriesYears(model, [indicator], drawn);
  const plot = yearPlot(FRAME, years.length ? years : [year], seriesValues(drawn.map((d) => d.series)), !state.chartIndex, tickText);
  const title = `${indicatorLabel(indicator, lang)}${state.chartIndex ? ` (${t(lang, 'index_toggle')})` : ''} · ${t(lang, 'compare_chart')}`;
  const legend: LegendItem[] = [
    ...ids.map((id, i) => ({
      label: chartUnitName(units, id, lang, true) + (drawn.some((d) => d.key === id) ? '' : ` (${t(lang, 'no_data')})`),
      colour: CHART_COLOURS.series[i % MAX_LINES],
      shape: 'line' as const,
      unit: id,
      removeLabel: t(lang, 'line_remove', { name: chartUnitName(units, id, lang, true) }),
      onRemove: () => store.update({ lines: state.lines.filter((line) => line !== id) }),
    })),
    ...apartKey(drawn, lang),
  ];
  const tools: ComponentChildren = (
    <div class="chart-tools">
      <label>
        <input type="checkbox" checked={state.chartIndex} onChange={() => store.update({ chartIndex: !state.chartIndex })} />
        {t(lang, 'index_toggle')}
      </label>
      <span class="muted">{t(lang, 'lines_hint', { max: MAX_LINES })}</span>
    </div>
  );
  return (
    <ChartFrame
      lang={lang}
      title={title}
      legend={legend}
      sources={sourcesOf(model, drawn.flatMap((d) => [...d.series.line, ...d.series.census, ...d.series.partYears].map((p) => p.figure)))}
      fileName={`chengyu-atlas_lines_${indicator}${state.chartIndex ? '_index' : ''}`}
      tools={tools}
      table={<SeriesTable drawn={drawn} years={years} format={format} lang={lang} />}
      onPoint={(unit) => highlight.set(unit)}
      notes={state.chartIndex && <p class="muted">{t(lang, 'index_note')}</p>}
    >
      {ids.length === 0 ? (
        <p class="muted lines-empty">{t(lang, 'lines_empty')}</p>
      ) : (
        <svg class="lines-chart" viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-label={title}>
          <YearAxes plot={plot} tickText={tickText} year={year} />
          <SeriesLines plot={plot} drawn={drawn} lit={lit} format={format} lang={lang} onPoint={(unit) => highlight.set(unit)} />
        </svg>
      )}
    </ChartFrame>
  );
}
