/** Names of every raw and derived indicator in both languages, for panel headings, table headers and charts. */
import type { IndicatorId } from './dataset';
import type { Lang } from './vocabulary';

const INDICATOR_LABELS: Readonly<Record<IndicatorId, Readonly<Record<Lang, string>>>> = {
  gdp: { zh: '地区生产总值', en: 'GDP' },
  population: { zh: '常住人口（年末）', en: 'Resident population (year end)' },
  census_population: { zh: '常住人口（2020年人口普查）', en: 'Resident population (2020 census)' },
  census_urban_share: { zh: '城镇化率（2020年人口普查）', en: 'Urbanisation rate (2020 census)' },
  census_share_65: { zh: '65岁及以上人口占比（2020年人口普查）', en: 'Share aged 65+ (2020 census)' },
  census_pop_change: { zh: '人口变化 2010-2020（人口普查，按2020年区划）', en: 'Population change 2010-2020 (censuses, 2020 boundaries)' },
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
