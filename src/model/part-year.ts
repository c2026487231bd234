/**
 * Part-year figures (`M1-Mn`) where a view names a year that has no full-year figure for a unit: shown, always with
 * their period, never coloured, sized or ranked with full years. Pure.
 */
import type { Figure, IndicatorId, IndicatorModel } from './dataset';
import { formatValue, periodLabel, toMeasure, withBound } from './format';
import type { Lang } from './vocabulary';

/** The part-year figure of `year` that covers the most months, or null. */
export function partYearFigure(model: IndicatorModel, unit: string, indicator: IndicatorId, year: number): Figure | null {
  // partYears is sorted by year, then by the period's last month: the last of the year covers the most.
  const ofYear = model.partYears(unit, indicator).filter((figure) => figure.year === year);
  return ofYear.at(-1) ?? null;
}

/** The full-year figure of `year`, else its longest part-year figure (`period` set), else null. */
export function figureOrPartYear(model: IndicatorModel, unit: string, indicator: IndicatorId, year: number): Figure | null {
  return model.figure(unit, indicator, year) ?? partYearFigure(model, unit, indicator, year);
}

/**
 * A figure as one line of text: its bounded value, and for a part year its period ("628,000 vehicles (Jan–Sep
 * 2025)" / "62.8 万辆（2025年1-9月）"); null for no figure.
 */
export function figureLine(model: IndicatorModel, indicator: IndicatorId, figure: Figure | null, lang: Lang): string | null {
  const measure = toMeasure(model.measure(indicator));
  if (!figure) return null;
  const value = measure ? formatValue(figure.value, measure, lang) : `${figure.value} ${model.measure(indicator)}`;
  const bounded = withBound(value, figure.bound, lang);
  if (!figure.period) return bounded;
  const period = periodLabel(figure.year, figure.period, lang);
  return lang === 'zh' ? `${bounded}（${period}）` : `${bounded} (${period})`;
}
