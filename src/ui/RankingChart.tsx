import { useRef, useState } from 'preact/hooks';
import type { IndicatorId } from '../model/dataset';
import { ranking } from '../model/chart-data';
import { coverageUnits } from '../model/coverage';
import { indicatorLabel } from '../model/indicator-labels';
import { CHART_COLOURS, CHART_DASHES, CHART_WIDTHS } from '../look/theme';
import { sourcesOf } from '../look/source-line';
import { LEVEL_LABEL_KEYS, t } from '../i18n/strings';
import { ChartFrame, ChartText, labelWidth, niceTicks, type LegendItem } from './chart-parts';
import { boundedFigureText, FigureSources, figureText } from './figure-parts';
import { useObservable } from './use-observable';
import { chartUnitName, type ChartProps } from './chart-props';

const BAR = { height: 12, gap: 3 } as const;
/** Bars drawn at most (all China has 2,891 counties): the rest are counted in a note and listed by the table panel. */
const MAX_BARS = 100;
const FRAME = { width: 440, left: 118, right: 64, top: 6, referenceRow: 12, axis: 20 } as const;

/**
 * The level's units by the current indicator and year, largest first, with the Circle's and each province's figure
 * as reference lines (those beyond the bars' scale listed in the legend instead). Pointing at a bar outlines its
 * unit on the map and back; a click (or Enter) selects it. Units without a figure are listed after the bars.
 */
export function RankingChart({ store, state, units, model, highlight }: ChartProps) {
  const { lang, year, level } = state;
  const indicator = state.indicator as IndicatorId;
  const highlighted = useObservable(highlight);
  const ranked = ranking(model, indicator, year, coverageUnits(units, level));
  const { noData, references } = ranked;
  const bars = ranked.bars.slice(0, MAX_BARS);
  const notDrawn = ranked.bars.length - bars.length;
  const [active, setActive] = useState(0);
  const barRefs = useRef<(SVGGElement | null)[]>([]);

  const values = bars.map((bar) => bar.figure.value);
  const ticks = niceTicks(values.length ? values : [0], 3);
  const [low, high] = [ticks[0], ticks[ticks.length - 1]];
  const shown = references.filter((ref) => ref.figure.value >= low && ref.figure.value <= high);
  const top = FRAME.top + shown.length * FRAME.referenceRow;
  const height = top + bars.length * (BAR.height + BAR.gap) + FRAME.axis;
  const plotRight = FRAME.width - FRAME.right;
  const x = (value: number) => FRAME.left + ((value - low) / (high - low || 1)) * (plotRight - FRAME.left);
  const barsBottom = height - FRAME.axis;
  const refName = (id: string) => (id === 'circle' ? t(lang, 'ref_circle') : chartUnitName(units, id, lang));
  const title = `${indicatorLabel(indicator, lang)} · ${year} · ${t(lang, LEVEL_LABEL_KEYS[level])} · ${t(lang, 'chart_ranking')}`;

  const legend: LegendItem[] = [
    { label: indicatorLabel(indicator, lang), colour: CHART_COLOURS.bar, shape: 'bar' },
    ...references.map((ref) => {
      const beyond = shown.includes(ref) ? '' : ` (${t(lang, 'reference_beyond')})`;
      return { label: `${refName(ref.id)} ${boundedFigureText(model, indicator, ref.figure, lang)}${beyond}`, colour: CHART_COLOURS.reference[ref.id], shape: 'dash' as const };
    }),
  ];

  const select = (id: string) => store.update({ selected: id });
  const onKey = (e: KeyboardEvent, index: number, id: string) => {
    const next = e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? bars.length - 1 : null;
    if (next !== null) {
      e.preventDefault();
      const target = Math.max(0, Math.min(bars.length - 1, next));
      setActive(target);
      barRefs.current[target]?.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select(id);
    }
  };

  const table = (
    <table>
      <thead>
        <tr>
          <th scope="col">{t(lang, 'rank')}</th>
          <th scope="col">{t(lang, 'column_name')}</th>
          <th scope="col" class="num">{t(lang, 'column_value')}</th>
          <th scope="col">{t(lang, 'figure_source')}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((bar, i) => (
          <tr key={bar.id}>
            <td>{i + 1}</td>
            <th scope="row">{chartUnitName(units, bar.id, lang, true)}</th>
            <td class="num">{boundedFigureText(model, indicator, bar.figure, lang)}</td>
            <td>
              <FigureSources figure={bar.figure} model={model} lang={lang} grades />
            </td>
          </tr>
        ))}
        {noData.slice(0, MAX_BARS).map((id) => (
          <tr key={id} class="no-data">
            <td>—</td>
            <th scope="row">{chartUnitName(units, id, lang, true)}</th>
            <td class="num">{t(lang, 'no_data')}</td>
            <td />
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartFrame
      lang={lang}
      title={title}
      legend={legend}
      sources={sourcesOf(model, [...bars, ...references].map((bar) => bar.figure))}
      fileName={`chengyu-atlas_ranking_${indicator}_${year}_${level}`}
      table={table}
      notes={
        <>
          {notDrawn > 0 && <p class="muted">{t(lang, 'ranking_more', { count: notDrawn })}</p>}
          {noData.length > 0 && (
          <p class="ranking-no-data muted">
            {t(lang, 'ranking_no_data', { count: noData.length })}
            {noData.slice(0, MAX_BARS).map((id) => chartUnitName(units, id, lang, true)).join(t(lang, 'list_separator'))}
            {noData.length > MAX_BARS && '…'}
          </p>
          )}
        </>
      }
    >
      {bars.length === 0 ? (
        <p class="muted">{t(lang, 'no_data_year', { year })}</p>
      ) : (
        <svg class="ranking-chart" viewBox={`0 0 ${FRAME.width} ${height}`} role="group" aria-label={title}>
          {ticks.map((tick) => (
            <g key={tick} aria-hidden="true">
              <line x1={x(tick)} x2={x(tick)} y1={top} y2={barsBottom} stroke={CHART_COLOURS.grid} stroke-width={CHART_WIDTHS.grid} />
              <ChartText x={x(tick)} y={barsBottom + 14} anchor="middle" muted>
                {figureText(model, indicator, tick, lang)}
              </ChartText>
            </g>
          ))}
          {bars.map((bar, i) => {
            const y = top + i * (BAR.height + BAR.gap);
            const name = chartUnitName(units, bar.id, lang);
            const fullName = chartUnitName(units, bar.id, lang, true);
            const value = boundedFigureText(model, indicator, bar.figure, lang);
            const selected = state.selected === bar.id || state.lines.includes(bar.id);
            const lit = highlighted === bar.id;
            return (
              <g
                key={bar.id}
                class="ranking-bar"
                data-unit={bar.id}
                role="button"
                tabIndex={i === active ? 0 : -1}
                aria-pressed={state.selected === bar.id}
                aria-label={`${name} ${value}${name === fullName ? '' : ` (${fullName})`}, ${t(lang, 'rank_value', { rank: i + 1, of: ranked.bars.length })}`}
                ref={(element) => {
                  barRefs.current[i] = element;
                }}
                onClick={() => select(bar.id)}
                onKeyDown={(e) => onKey(e, i, bar.id)}
                onMouseEnter={() => highlight.set(bar.id)}
                onMouseLeave={() => highlight.set(null)}
                onFocus={() => {
                  setActive(i);
                  highlight.set(bar.id);
                }}
                onBlur={() => highlight.set(null)}
              >
                <title>{`${fullName} · ${year} · ${value}`}</title>
                {/* The whole row answers the pointer, names and values included (they are drawn above, unpainted here). */}
                <rect x={0} y={y - 1} width={FRAME.width} height={BAR.height + 2} fill={CHART_COLOURS.background} fill-opacity={0} />
                <rect
                  x={Math.min(x(0), x(bar.figure.value))}
                  y={y}
                  width={Math.max(1, Math.abs(x(bar.figure.value) - x(0)))}
                  height={BAR.height}
                  fill={selected ? CHART_COLOURS.barSelected : CHART_COLOURS.bar}
                  stroke={lit ? CHART_COLOURS.highlight : 'none'}
                  stroke-width={CHART_WIDTHS.highlight}
                />
              </g>
            );
          })}
          {/* Over the bars, the reference lines, then the names and values (haloed, so a value over a line reads). */}
          {shown.map((ref, i) => (
            <g key={ref.id} class="reference-line" data-unit={ref.id} aria-hidden="true" pointer-events="none">
              <line
                x1={x(ref.figure.value)}
                x2={x(ref.figure.value)}
                y1={FRAME.top + i * FRAME.referenceRow + 4}
                y2={barsBottom}
                stroke={CHART_COLOURS.reference[ref.id]}
                stroke-width={CHART_WIDTHS.reference}
                stroke-dasharray={CHART_DASHES.reference}
              />
              <ChartText x={x(ref.figure.value) + 3} y={FRAME.top + i * FRAME.referenceRow + 8}>
                {refName(ref.id)}
              </ChartText>
            </g>
          ))}
          <g aria-hidden="true" pointer-events="none">
            {bars.map((bar, i) => {
              const y = top + i * (BAR.height + BAR.gap) + BAR.height - 2;
              const value = ` ${boundedFigureText(model, indicator, bar.figure, lang)}`;
              const end = Math.max(x(0), x(bar.figure.value));
              // A value that would leave the chart goes inside the end of its bar.
              const inside = end + 3 + labelWidth(value) > FRAME.width;
              return (
                <ChartText key={bar.id} x={FRAME.left - 4} y={y} anchor="end" halo>
                  <tspan>{chartUnitName(units, bar.id, lang)}</tspan>
                  <tspan x={inside ? end - 3 : end + 3} text-anchor={inside ? 'end' : 'start'} fill={CHART_COLOURS.muted}>
                    {value}
                  </tspan>
                </ChartText>
              );
            })}
          </g>
        </svg>
      )}
    </ChartFrame>
  );
}
