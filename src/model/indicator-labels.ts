/** Names of every raw and derived indicator in both languages, for panel headings, table headers and charts. */
import type { IndicatorId } from './dataset';
import type { Lang } from '../state/view-state';

const INDICATOR_LABELS: Readonly<Record<IndicatorId, Readonly<Record<Lang, string>>>> = {
  gdp: { zh: '地区生产总值', en: 'GDP' },
  population: { zh: '常住人口', en: 'Resident population' },
  vehicles: { zh: '汽车产量', en: 'Vehicle output' },
  nev: { zh: '新能源汽车产量', en: 'NEV output' },
  auto_output_value: { zh: '汽车产业产值', en: 'Auto industry output value' },
  gdp_per_capita: { zh: '人均GDP', en: 'GDP per capita' },
  gdp_growth: { zh: '名义增速', en: 'Nominal GDP growth' },
  gdp_share_parent: { zh: '占省（市）比重', en: 'Share of province (municipality) GDP' },
  gdp_share_circle: { zh: '占经济圈比重', en: "Share of the Circle's GDP" },
  nev_share: { zh: '新能源占比', en: 'NEV share of vehicle output' },
  land_area: { zh: '面积（按边界计算）', en: 'Area (computed from the boundary)' },
};

export function indicatorLabel(id: IndicatorId, lang: Lang): string {
  return INDICATOR_LABELS[id][lang];
}
