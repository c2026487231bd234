import { describe, expect, it } from 'vitest';
import type { Grade } from './dataset';
import type { Lang } from './vocabulary';
import { computeBreaks } from './classify';
import { formatClassLabels, formatGrade, formatValue, measureLabel, periodLabel, toMeasure, withBound, type Measure } from './format';

describe('formatValue', () => {
  it.each<[number, Measure, string, string]>([
    [4550.6, '亿元', '4,550.6 亿元', '455.06 billion yuan'],
    [3213.3, '万人', '3,213.3 万人', '32.13 million people'],
    [1194000, 'units', '119.4 万辆', '1.194 million vehicles'],
    [145962, 'yuan_per_person', '145,962 元', '145,962 yuan'],
    [15.6, 'percent', '15.6%', '15.6%'],
    [82402.95, 'km2', '82,403 平方公里', '82,403 km²'],
  ])('%s %s → "%s" / "%s"', (value, measure, zh, en) => {
    expect(formatValue(value, measure, 'zh')).toBe(zh);
    expect(formatValue(value, measure, 'en')).toBe(en);
  });

  it('keeps exactly the digits the source gave, no more', () => {
    expect(formatValue(4550, '亿元', 'zh')).toBe('4,550 亿元');
    expect(formatValue(4550, '亿元', 'en')).toBe('455 billion yuan');
    expect(formatValue(30145.79, '亿元', 'zh')).toBe('30,145.79 亿元');
    expect(formatValue(1200000, 'units', 'zh')).toBe('120 万辆');
    expect(formatValue(1194321, 'units', 'zh')).toBe('119.43 万辆');
    expect(formatValue(0, '亿元', 'en')).toBe('0 billion yuan');
  });

  it('ignores floating-point noise from sums', () => {
    expect(211.7 + 103.1).not.toBe(314.8);
    expect(formatValue(211.7 + 103.1, '亿元', 'zh')).toBe('314.8 亿元');
    expect(formatValue(211.7 + 103.1, '亿元', 'en')).toBe('31.48 billion yuan');
  });

  it('keeps three significant digits for small values in a large display unit', () => {
    expect(formatValue(9.8, '万人', 'en')).toBe('0.098 million people');
    expect(formatValue(9.8, '万人', 'zh')).toBe('9.8 万人');
    expect(formatValue(23456, 'units', 'en')).toBe('23.46 thousand vehicles');
    // From a million on, in millions, with every digit the source gave and no more.
    expect(formatValue(999000, 'units', 'en')).toBe('999 thousand vehicles');
    expect(formatValue(1000000, 'units', 'en')).toBe('1 million vehicles');
    expect(formatValue(2540000, 'units', 'en')).toBe('2.54 million vehicles');
    expect(formatValue(1194321, 'units', 'en')).toBe('1.194 million vehicles');
  });

  it('rounds derived figures to their fixed precision', () => {
    expect(formatValue(145962.4321, 'yuan_per_person', 'en')).toBe('145,962 yuan');
    expect(formatValue(15.6432, 'percent', 'zh')).toBe('15.6%');
    expect(formatValue(-2.35, 'percent', 'en')).toBe('-2.4%');
  });

  it('says "no data" for null and NaN', () => {
    expect(formatValue(null, '亿元', 'zh')).toBe('无数据');
    expect(formatValue(Number.NaN, '亿元', 'en')).toBe('no data');
  });
});

describe('measureLabel', () => {
  it.each<[Measure, string, string]>([
    ['亿元', '亿元', 'billion yuan'],
    ['万人', '万人', 'million people'],
    ['units', '万辆', 'thousand vehicles'],
    ['yuan_per_person', '元/人', 'yuan per person'],
    ['percent', '%', '%'],
    ['km2', '平方公里', 'km²'],
  ])('%s → %s / %s', (measure, zh, en) => {
    expect(measureLabel(measure, 'zh')).toBe(zh);
    expect(measureLabel(measure, 'en')).toBe(en);
  });

  it('names the same unit the formatted values use', () => {
    const measures: Measure[] = ['亿元', '万人', 'units', 'percent', 'km2'];
    for (const lang of ['zh', 'en'] as Lang[]) {
      for (const measure of measures) expect(formatValue(12345, measure, lang).endsWith(measureLabel(measure, lang))).toBe(true);
    }
  });
});

describe('toMeasure', () => {
  it('reads both the measure ids and the unit spellings of the data files', () => {
    expect(['亿元', '万人', '辆', 'units', '元/人', '%', 'percent', 'km²'].map(toMeasure)).toEqual([
      '亿元',
      '万人',
      'units',
      'units',
      'yuan_per_person',
      'percent',
      'percent',
      'km2',
    ]);
  });

  it('returns null for anything else, including inherited object keys', () => {
    expect(toMeasure('吨')).toBeNull();
    expect(toMeasure('toString')).toBeNull();
  });
});

describe('a class label (formatClassLabels of one class)', () => {
  const formatRange = (lo: number, hi: number, measure: Measure, lang: Lang) => formatClassLabels([lo, hi], measure, lang)[0];

  it('writes a class with its unit once', () => {
    expect(formatRange(1000, 2500, '亿元', 'zh')).toBe('1,000–2,500 亿元');
    expect(formatRange(1000, 2500, '亿元', 'en')).toBe('100–250 billion yuan');
    expect(formatRange(10, 20, 'percent', 'en')).toBe('10–20%');
  });

  it('adds decimals until the two bounds read differently', () => {
    expect(formatRange(4550.6, 4550.62, '亿元', 'zh')).toBe('4,550.60–4,550.62 亿元');
    expect(formatRange(30, 45, '万人', 'en')).toBe('0.3–0.5 million people');
  });

  it('spaces the dash when a bound is negative', () => {
    expect(formatRange(-2, 3, 'percent', 'en')).toBe('-2 – 3%');
  });

  it('shows a single value at its source precision', () => {
    expect(formatRange(4550.6, 4550.6, '亿元', 'en')).toBe('455.06 billion yuan');
  });
});

describe('formatClassLabels', () => {
  it('labels every class with one shared, sufficient number of decimals', () => {
    const breaks = [1200, 2062.5, 3500, 4550.6, 9100];
    expect(formatClassLabels(breaks, '亿元', 'zh')).toEqual([
      '1,200–2,063 亿元',
      '2,063–3,500 亿元',
      '3,500–4,551 亿元',
      '4,551–9,100 亿元',
    ]);
    expect(formatClassLabels(breaks, '亿元', 'en')[0]).toBe('120–206 billion yuan');
  });

  it('uses more decimals when close breaks would otherwise read the same', () => {
    expect(formatClassLabels([10, 10.2, 10.4, 11], 'percent', 'en')).toEqual(['10.0–10.2%', '10.2–10.4%', '10.4–11.0%']);
  });

  it('tells every class of real breaks apart', () => {
    const values = [1200, 1300, 1450, 2500, 2700, 2900, 4100, 4300, 4550.6, 8000, 8600, 9100];
    for (const lang of ['zh', 'en'] as Lang[]) {
      const labels = formatClassLabels(computeBreaks(values, 'quantile', 5), '亿元', lang);
      expect(labels).toHaveLength(5);
      expect(new Set(labels).size).toBe(5);
    }
  });

  it('labels a single-valued top class with its value', () => {
    expect(formatClassLabels([1, 2, 3, 3], '万人', 'zh')).toEqual(['1–2 万人', '2–3 万人', '3 万人']);
    expect(formatClassLabels([], '万人', 'zh')).toEqual([]);
  });
});

describe('formatGrade', () => {
  it('explains each grade in both languages', () => {
    expect(formatGrade('A', 'zh')).toBe('A：官方统计公报或政府网站');
    expect(formatGrade('A', 'en')).toBe('A: official statistical bulletin or government website');
    expect(formatGrade('B', 'en')).toBe('B: press report citing the statistics bureau');
    const grades: Grade[] = ['A', 'B', 'C', 'D'];
    for (const lang of ['zh', 'en'] as Lang[]) {
      const texts = grades.map((g) => formatGrade(g, lang));
      expect(new Set(texts).size).toBe(4);
      texts.forEach((text, i) => expect(text.startsWith(grades[i])).toBe(true));
    }
  });
});

describe('bounds and periods', () => {
  it('reads floors as "at least" and round figures as "about", in both languages', () => {
    expect(withBound(formatValue(2540000, 'units', 'en'), 'min', 'en')).toBe('at least 2.54 million vehicles');
    expect(withBound(formatValue(2540000, 'units', 'zh'), 'min', 'zh')).toBe('不少于 254 万辆');
    expect(withBound('6.3', 'approx', 'en')).toBe('about 6.3');
    expect(withBound('6.3', undefined, 'zh')).toBe('6.3');
  });

  it('names part years by their months; a full year is the year', () => {
    expect(periodLabel(2024, 'M1-M9', 'en')).toBe('Jan–Sep 2024');
    expect(periodLabel(2024, 'M1-M9', 'zh')).toBe('2024年1-9月');
    expect(periodLabel(2024, 'M1-M6', 'en')).toBe('Jan–Jun 2024');
    expect(periodLabel(2024, undefined, 'en')).toBe('2024');
  });

  it('formats census counts (persons) in the units of year-end population', () => {
    expect(formatValue(2191493, toMeasure('人')!, 'zh')).toBe('219.15 万人');
    expect(formatValue(2191493, toMeasure('人')!, 'en')).toBe('2.19 million people');
  });
});
