import type { Figure, IndicatorModel } from '../model/dataset';
import { seriesValues, unitSeries } from '../model/chart-data';
import { formatValue } from '../model/format';
import { CHART_COLOURS } from '../look/theme';
import { sourcesOf } from '../look/source-line';
import { t, type Lang } from '../i18n/strings';
import { ChartFrame, ChartText, YearAxes, yearPlot, type Frame, type LegendItem } from './chart-parts';
import { boundedFigureText, figureText } from './figure-parts';
import { SeriesLines, SeriesTable, apartKey, type DrawnSeries } from './LinesChart';

/** The years the vehicle figures are drawn over, gaps and all. */
const YEARS = [2019, 2025] as const;
const FRAME: Frame = { width: 440, height: 190, left: 60, right: 14, top: 10, bottom: 36 };

/** Whether a unit has any vehicle or NEV figure (full year or part of one) to draw. */
export function hasVehicleFigures(model: IndicatorModel, unit: string): boolean {
  return (['vehicles', 'nev'] as const).some((indicator) => model.series(unit, indicator).length > 0 || model.partYears(unit, indicator).length > 0);
}

/**
 * A unit's vehicle and NEV output over 2019-2025 as two lines of full-year figures (a missing year is a gap), part-year
 * figures as hollow dots beside them, and under each year the NEV share where both full-year figures exist.
 */
export function VehiclesChart({ model, unit, name, lang }: { model: IndicatorModel; unit: string; name: string; lang: Lang }) {
  const drawn: DrawnSeries[] = (['vehicles', 'nev'] as const).map((indicator, i) => ({
    key: indicator,
    label: t(lang, indicator === 'vehicles' ? 'vehicles_series' : 'nev_series'),
    colour: CHART_COLOURS.series[i],
    series: unitSeries(model, unit, indicator),
  }));
  const shares = Array.from({ length: YEARS[1] - YEARS[0] + 1 }, (_, i) => model.figure(unit, 'nev_share', YEARS[0] + i)).filter(
    (figure): figure is Figure => figure !== null,
  );
  const tickText = (value: number) => figureText(model, 'vehicles', value, lang);
  const plot = yearPlot(FRAME, [...YEARS], seriesValues(drawn.map((d) => d.series)), true, tickText);
  const format = (figure: Figure) => boundedFigureText(model, 'vehicles', figure, lang);
  const title = `${name} · ${t(lang, 'vehicles_chart')} · ${YEARS[0]}–${YEARS[1]}`;
  const legend: LegendItem[] = [...drawn.map((d) => ({ label: d.label, colour: d.colour, shape: 'line' as const })), ...apartKey(drawn, lang)];
  const shareLabel = t(lang, 'nev_share_short');
  const years = Array.from({ length: YEARS[1] - YEARS[0] + 1 }, (_, i) => YEARS[0] + i);
  const table = (
    <>
      <SeriesTable drawn={drawn} years={years} format={format} lang={lang} />
      <p class="muted">
        {shareLabel}: {shares.map((share) => `${share.year} ${formatValue(share.value, 'percent', lang)}`).join('; ') || t(lang, 'no_data')}
      </p>
    </>
  );
  return (
    <ChartFrame
      lang={lang}
      title={title}
      legend={legend}
      sources={sourcesOf(model, [...drawn.flatMap((d) => [...d.series.line, ...d.series.partYears].map((p) => p.figure))])}
      fileName={`chengyu-atlas_vehicles_${unit}`}
      table={table}
    >
      <svg class="vehicles-chart" viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-label={title}>
        <YearAxes plot={plot} tickText={tickText} />
        <SeriesLines plot={plot} drawn={drawn} lit={null} format={format} lang={lang} />
        <ChartText x={plot.frame.left - 4} y={FRAME.height - 4} anchor="end" muted size={10}>
          {shareLabel}
        </ChartText>
        {shares.map((share) => (
          <g key={share.year} class="nev-share" data-year={share.year}>
            <ChartText x={plot.x(share.year)} y={FRAME.height - 4} anchor="middle" size={10}>
              {formatValue(share.value, 'percent', lang)}
            </ChartText>
          </g>
        ))}
      </svg>
    </ChartFrame>
  );
}
