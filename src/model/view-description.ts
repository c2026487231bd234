/** The current map view as one sentence, for screen readers: what is shown, the extremes and the gaps. */
import type { Lang, Level } from './vocabulary';
import type { MapColouring } from './map-colouring';
import type { UnitProps } from './units';
import { formatValue, type Measure } from './format';
import { indicatorLabel } from './indicator-labels';

const LEVEL_TEXT: Readonly<Record<Level, Readonly<Record<Lang, string>>>> = {
  units: { zh: '区县与地市', en: 'district and city' },
  cities: { zh: '城市', en: 'city' },
  districts: { zh: '全部区县', en: 'county' },
  china: { zh: '全国区县', en: 'county across China' },
};

interface Extreme {
  names: string[];
  value: number;
}

/** The units sharing the highest (or lowest) value: ties are all named, so none is singled out arbitrarily. */
function extreme(
  colouring: MapColouring,
  units: ReadonlyMap<string, UnitProps>,
  lang: Lang,
  pick: (a: number, b: number) => number,
): Extreme | null {
  let best: number | null = null;
  for (const value of colouring.values.values()) if (value !== null) best = best === null ? value : pick(best, value);
  if (best === null) return null;
  const names: string[] = [];
  for (const [id, value] of colouring.values) {
    const unit = units.get(id);
    if (value === best) names.push(unit ? (lang === 'zh' ? unit.name_zh : unit.name_en) : id);
  }
  return { names, value: best };
}

export function describeView(
  colouring: MapColouring,
  units: ReadonlyMap<string, UnitProps>,
  level: Level,
  measure: Measure | null,
  lang: Lang,
): string {
  const value = (v: number) => (measure ? formatValue(v, measure, lang) : String(v));
  const high = extreme(colouring, units, lang, Math.max);
  const low = extreme(colouring, units, lang, Math.min);
  const label = indicatorLabel(colouring.indicator, lang);
  const levelText = LEVEL_TEXT[level][lang];
  const parts: string[] = [];
  if (lang === 'zh') {
    // A total is drawn as circles (area ∝ value) over the units' membership colour, not as their colour.
    parts.push(`地图：${colouring.year} 年${label}，按${levelText}${!colouring.filled ? '画圆（面积与数值成正比）' : '着色'}`);
    if (high && low) parts.push(`最高：${high.names.join('、')} ${value(high.value)}`, `最低：${low.names.join('、')} ${value(low.value)}`);
    parts.push(`无数据 ${colouring.noDataCount} 个`);
    return `${parts.join('；')}。`;
  }
  parts.push(`Map: ${label} in ${colouring.year} by ${levelText}${!colouring.filled ? ', as circles of area proportional to the value' : ''}`);
  if (high && low) parts.push(`highest ${high.names.join(', ')} ${value(high.value)}`, `lowest ${low.names.join(', ')} ${value(low.value)}`);
  parts.push(`${colouring.noDataCount} ${colouring.noDataCount === 1 ? 'unit' : 'units'} with no data`);
  return `${parts.join('; ')}.`;
}
