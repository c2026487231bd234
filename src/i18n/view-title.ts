/** The title of a view: what the PNG's heading and a citation call it. */
import type { IndicatorId } from '../model/dataset';
import { indicatorLabel } from '../model/indicator-labels';
import type { Lang, Level } from '../model/vocabulary';
import { LEVEL_LABEL_KEYS, t } from './strings';

/** "地区生产总值 · 2022 · 区县与地市" / "GDP · 2022 · Districts & cities". */
export function viewTitle(indicator: IndicatorId, year: number, level: Level, lang: Lang): string {
  return `${indicatorLabel(indicator, lang)} · ${year} · ${t(lang, LEVEL_LABEL_KEYS[level])}`;
}
