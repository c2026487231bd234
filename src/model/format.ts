/**
 * Numbers as people read them, in Chinese and English. Each measure has ONE display unit per language, so a
 * legend never mixes units (no switch to 万亿元 for large values):
 *
 * | measure           | stored as          | zh                  | en                       |
 * |-------------------|--------------------|---------------------|--------------------------|
 * | `亿元`            | 亿元               | 4,550.6 亿元        | 455.06 billion yuan      |
 * | `万人`            | 万人               | 3,213.3 万人        | 32.13 million people     |
 * | `units` (vehicles)| single vehicles    | 119.4 万辆          | 850 thousand vehicles, 1.194 million vehicles |
 * | `yuan_per_person` | 元 per person      | 145,962 元          | 145,962 yuan             |
 * | `percent`         | percentage points  | 15.6%               | 15.6%                    |
 * | `km2`             | km²                | 82,403 平方公里     | 82,403 km²               |
 *
 * One exception, for single figures only: English vehicle counts of a million or more read in millions (a legend's
 * ranges stay in thousands, its unit in its title).
 *
 * Precision: raw totals keep exactly the digits the source gave (read from the stored number, trailing zeros
 * of whole numbers treated as not significant), cut to 2 decimals in the display unit unless fewer than 3
 * significant digits would remain. Derived figures have fixed decimals: whole yuan per person (as statistics
 * bureaus publish it), percent to 0.1, area to whole km² (measured, not surveyed). Legend ranges use the fewest
 * decimals that still tell every class bound apart.
 */
import { NO_DATA_LABEL, type Lang } from './vocabulary';
import type { Grade } from './dataset';
import { classBounds } from './classify';

export type Measure = '亿元' | '万人' | 'persons' | 'units' | 'yuan_per_person' | 'percent' | 'km2';

interface DisplayUnit {
  /** display number = stored value / 10^exponent */
  exponent: number;
  /** What follows the number, spacing included. */
  suffix: string;
  label: string;
}

interface MeasureFormat {
  /** 'source': as many as the stored value carries; a number: always this many (in the display unit). */
  decimals: 'source' | number;
  zh: DisplayUnit;
  en: DisplayUnit;
  /**
   * A single figure from `from` (stored units) on reads in this larger unit, with the digits its source gave down to
   * `decimals` (the smaller unit's whole numbers).
   */
  large?: Partial<Record<Lang, DisplayUnit & { from: number; decimals: number }>>;
}

const MEASURE_FORMATS: Readonly<Record<Measure, MeasureFormat>> = {
  亿元: {
    decimals: 'source',
    zh: { exponent: 0, suffix: ' 亿元', label: '亿元' },
    en: { exponent: 1, suffix: ' billion yuan', label: 'billion yuan' },
  },
  万人: {
    decimals: 'source',
    zh: { exponent: 0, suffix: ' 万人', label: '万人' },
    en: { exponent: 2, suffix: ' million people', label: 'million people' },
  },
  // Census counts, stored as persons, read in the same units as year-end population.
  persons: {
    decimals: 'source',
    zh: { exponent: 4, suffix: ' 万人', label: '万人' },
    en: { exponent: 6, suffix: ' million people', label: 'million people' },
  },
  units: {
    decimals: 'source',
    zh: { exponent: 4, suffix: ' 万辆', label: '万辆' },
    en: { exponent: 3, suffix: ' thousand vehicles', label: 'thousand vehicles' },
    large: { en: { from: 1e6, exponent: 6, decimals: 3, suffix: ' million vehicles', label: 'million vehicles' } },
  },
  yuan_per_person: {
    decimals: 0,
    zh: { exponent: 0, suffix: ' 元', label: '元/人' },
    en: { exponent: 0, suffix: ' yuan', label: 'yuan per person' },
  },
  percent: {
    decimals: 1,
    zh: { exponent: 0, suffix: '%', label: '%' },
    en: { exponent: 0, suffix: '%', label: '%' },
  },
  km2: {
    decimals: 0,
    zh: { exponent: 0, suffix: ' 平方公里', label: '平方公里' },
    en: { exponent: 0, suffix: ' km²', label: 'km²' },
  },
};

/**
 * The data files spell measures as units (`辆`, `元/人`, `%`, see src/model/dataset.ts); this maps either
 * spelling to a Measure, or null for one this module cannot format.
 */
const MEASURE_ALIASES: Readonly<Record<string, Measure>> = {
  亿元: '亿元',
  万人: '万人',
  persons: 'persons',
  人: 'persons',
  units: 'units',
  辆: 'units',
  yuan_per_person: 'yuan_per_person',
  '元/人': 'yuan_per_person',
  percent: 'percent',
  '%': 'percent',
  km2: 'km2',
  'km²': 'km2',
};

export function toMeasure(text: string): Measure | null {
  return Object.hasOwn(MEASURE_ALIASES, text) ? MEASURE_ALIASES[text] : null;
}

/** Beyond this, more decimals only show floating-point noise. */
const MAX_DECIMALS = 6;

/** The unit of the stored value's last significant digit, as a power of ten: 4550.6 → -1, 1194000 → 3. */
function precisionExponent(value: number): number {
  if (value === 0) return 0;
  // 12 significant digits absorb floating-point noise from sums (211.7 + 103.1 = 314.79999999999995).
  const [mantissa, exponent] = Number(Math.abs(value).toPrecision(12)).toExponential().split('e');
  const fractionDigits = mantissa.split('.')[1]?.length ?? 0;
  return Number(exponent) - fractionDigits;
}

function displayDecimals(value: number, measure: Measure, lang: Lang): number {
  const format = MEASURE_FORMATS[measure];
  if (format.decimals !== 'source') return format.decimals;
  if (value === 0) return 0;
  const unit = format[lang];
  const sourceDecimals = Math.max(0, unit.exponent - precisionExponent(value));
  const shown = Math.abs(value) / 10 ** unit.exponent;
  const decimalsForThreeSignificant = Math.max(0, 2 - Math.floor(Math.log10(shown)));
  return Math.min(sourceDecimals, Math.max(2, decimalsForThreeSignificant), MAX_DECIMALS);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    numberFormats.set(key, format);
  }
  return format;
}

function toDisplay(value: number, measure: Measure, lang: Lang): number {
  return value / 10 ** MEASURE_FORMATS[measure][lang].exponent;
}

/** A figure with its unit, e.g. "4,550.6 亿元" / "455.06 billion yuan"; null or NaN read "无数据" / "no data". */
export function formatValue(value: number | null, measure: Measure, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA_LABEL[lang];
  const large = MEASURE_FORMATS[measure].large?.[lang];
  if (large && Math.abs(value) >= large.from) {
    // The digits the source gave (1,194,000 → 1.194; 2,540,000 → 2.54), to a thousand vehicles.
    const decimals = Math.min(Math.max(0, large.exponent - precisionExponent(value)), large.decimals);
    return numberFormat(lang, decimals).format(value / 10 ** large.exponent) + large.suffix;
  }
  const text = numberFormat(lang, displayDecimals(value, measure, lang)).format(toDisplay(value, measure, lang));
  return text + MEASURE_FORMATS[measure][lang].suffix;
}

const BOUND_PREFIX: Readonly<Record<'min' | 'max' | 'approx', Readonly<Record<Lang, string>>>> = {
  min: { zh: '不少于 ', en: 'at least ' },
  max: { zh: '不超过 ', en: 'at most ' },
  approx: { zh: '约 ', en: 'about ' },
};

/** A figure the source gives as a floor or a round number reads so: "at least 2.54 million vehicles". */
export function withBound(text: string, bound: 'min' | 'max' | 'approx' | undefined, lang: Lang): string {
  return bound ? BOUND_PREFIX[bound][lang] + text : text;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A part of a year as readers know it: `M1-M9` → "Jan–Sep 2024" / "2024年1-9月"; a full year is just the year.
 */
export function periodLabel(year: number, period: string | undefined, lang: Lang): string {
  const last = period ? Number(period.slice(period.indexOf('-') + 2)) : 12;
  if (!period || !(last >= 1 && last <= 11)) return String(year);
  if (lang === 'zh') return last === 1 ? `${year}年1月` : `${year}年1-${last}月`;
  return last === 1 ? `Jan ${year}` : `Jan–${MONTHS_EN[last - 1]} ${year}`;
}

/** The display unit on its own, for legend titles and table headers: "亿元" / "billion yuan". */
export function measureLabel(measure: Measure, lang: Lang): string {
  return MEASURE_FORMATS[measure][lang].label;
}

/** Fewest decimals (in the display unit) at which every two neighbouring, different bounds still read differently. */
function legendDecimals(bounds: readonly number[], measure: Measure, lang: Lang): number {
  const shown = bounds.map((b) => toDisplay(b, measure, lang));
  for (let decimals = 0; decimals < MAX_DECIMALS; decimals++) {
    const format = numberFormat(lang, decimals);
    const distinct = shown.every((b, i) => i === 0 || b === shown[i - 1] || format.format(b) !== format.format(shown[i - 1]));
    if (distinct) return decimals;
  }
  return MAX_DECIMALS;
}

function rangeText(lo: number, hi: number, measure: Measure, lang: Lang, decimals: number): string {
  // A class of one value is that value, at the precision its source had.
  if (lo === hi) return formatValue(lo, measure, lang);
  const format = numberFormat(lang, decimals);
  // En dash between bounds; spaced when a bound is negative, so "-2 – 3" does not read as a minus chain.
  const dash = lo < 0 || hi < 0 ? ' – ' : '–';
  const numbers = format.format(toDisplay(lo, measure, lang)) + dash + format.format(toDisplay(hi, measure, lang));
  return numbers + MEASURE_FORMATS[measure][lang].suffix;
}

/**
 * Labels for every class of `breaks` (see computeBreaks), e.g. "1,000–2,500 亿元" / "100–250 billion yuan", with one
 * shared number of decimals at which neighbouring bounds still read differently.
 */
export function formatClassLabels(breaks: readonly number[], measure: Measure, lang: Lang): string[] {
  const decimals = legendDecimals(breaks, measure, lang);
  return classBounds(breaks).map(([lo, hi]) => rangeText(lo, hi, measure, lang, decimals));
}

const GRADE_EXPLANATIONS: Readonly<Record<Grade, Readonly<Record<Lang, string>>>> = {
  A: { zh: '官方统计公报或政府网站', en: 'official statistical bulletin or government website' },
  B: { zh: '媒体报道，引用统计局数据', en: 'press report citing the statistics bureau' },
  C: { zh: '数据汇编或转载网站', en: 'aggregator or mirror site' },
  D: { zh: '权威性低的来源', en: 'low-authority source' },
};

/** The trust grade with what it means: "A：官方统计公报或政府网站" / "A: official statistical bulletin or government website". */
export function formatGrade(grade: Grade, lang: Lang): string {
  return `${grade}${lang === 'zh' ? '：' : ': '}${GRADE_EXPLANATIONS[grade][lang]}`;
}
