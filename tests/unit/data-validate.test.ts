import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARENT_SUM_TOLERANCE, validateIndicatorData, type CsvFile } from '../../geo/lib/indicators/validate';
import { TEST_UNITS } from '../fixtures/data/units';
import { INDICATOR_CSVS, localIsoDate } from '../../geo/lib/indicators/files';
import { PLAUSIBLE_RANGES, UNIT_LEVELS } from '../../geo/lib/indicators/plausible';
import { RAW_INDICATOR_MEASURES } from '../../src/model/dataset';

const ROOT = resolve(__dirname, '../..');
/** The date fixture and inline cases are checked on, so they do not age. */
const TODAY = '2026-05-01';

function fixture(name: string): CsvFile {
  const path = `tests/fixtures/data/${name}`;
  return { path, text: readFileSync(resolve(ROOT, path), 'utf8') };
}

function messagesFor(indicators: string, sources = 'sources-valid.csv'): string[] {
  return validateIndicatorData({ indicators: [fixture(indicators)], sources: fixture(sources), units: TEST_UNITS, today: TODAY }).messages;
}

describe('validateIndicatorData: fixtures with one kind of problem each', () => {
  it('accepts a valid file and builds the dataset', () => {
    const result = validateIndicatorData({
      indicators: [fixture('indicators-valid.csv')],
      sources: fixture('sources-valid.csv'),
      units: TEST_UNITS,
      today: TODAY,
    });
    expect(result.messages).toEqual([]);
    expect(result.dataset?.rows).toContainEqual({
      unit: '500101', indicator: 'gdp', year: 2022, value: 1118.43, source: 'press', grade: 'C',
      note: 'Quoted note, with a comma and "quotes"', note_zh: '加引号的注释, 含逗号和"引号"',
    });
    // A row without a note has neither text.
    expect(result.dataset?.rows).toContainEqual({ unit: '500000', indicator: 'gdp', year: 2022, value: 29129.03, source: 'bulletin', grade: 'A' });
    expect(result.dataset?.sources['press']?.title).toBe('Report, with a comma');
  });

  // Each fixture holds one kind of problem; the messages name the file, the row and the problem.
  const REJECTED: Array<{ problem: string; files: [indicators: string, sources?: string]; messages: string[] }> = [
    {
      problem: 'rejects an unknown unit id',
      files: ['unknown-unit.csv'],
      messages: [
        'tests/fixtures/data/unknown-unit.csv row 3: unknown unit id "500199"',
      ],
    },
    {
      problem: 'rejects an unknown indicator',
      files: ['unknown-indicator.csv'],
      messages: [
        'tests/fixtures/data/unknown-indicator.csv row 3: unknown indicator "gdp_ppp"',
      ],
    },
    {
      problem: 'rejects a non-numeric value',
      files: ['non-numeric-value.csv'],
      messages: [
        'tests/fixtures/data/non-numeric-value.csv row 2: value "29,129.03" is not a number',
      ],
    },
    {
      problem: 'rejects a negative value',
      files: ['negative-value.csv'],
      messages: [
        'tests/fixtures/data/negative-value.csv row 2: value -5 is negative',
      ],
    },
    {
      problem: 'rejects a year that is not an integer or out of range',
      files: ['bad-year.csv'],
      messages: [
        'tests/fixtures/data/bad-year.csv row 2: year "2022.5" is not an integer from 1978 to 2030',
        'tests/fixtures/data/bad-year.csv row 3: year "1900" is not an integer from 1978 to 2030',
      ],
    },
    {
      problem: 'rejects a duplicate unit + indicator + year, naming the first row',
      files: ['duplicate-row.csv'],
      messages: [
        'tests/fixtures/data/duplicate-row.csv row 4: duplicate of row 2 (same unit, indicator, year and period: 500000 gdp 2022 year)',
      ],
    },
    {
      problem: 'rejects an unknown source id',
      files: ['unknown-source.csv'],
      messages: [
        'tests/fixtures/data/unknown-source.csv row 2: unknown source id "nowhere"',
      ],
    },
    {
      problem: 'rejects a source without an address',
      files: ['indicators-valid.csv', 'sources-no-address.csv'],
      messages: [
        'tests/fixtures/data/sources-no-address.csv row 3: source "noaddress" has no address (url)',
        'tests/fixtures/data/indicators-valid.csv row 3: unknown source id "press"',
        'tests/fixtures/data/indicators-valid.csv row 5: unknown source id "press"',
      ],
    },
    {
      problem: 'rejects a grade outside A-D',
      files: ['bad-grade.csv'],
      messages: [
        'tests/fixtures/data/bad-grade.csv row 2: grade "E" is not one of A, B, C, D',
      ],
    },
    {
      problem: 'rejects the wrong measure for an indicator',
      files: ['wrong-measure.csv'],
      messages: [
        'tests/fixtures/data/wrong-measure.csv row 2: measure "万辆" is wrong for indicator "vehicles" (expected "辆")',
      ],
    },
    {
      problem: 'rejects a parent smaller than the sum of its parts beyond the tolerance',
      files: ['parent-smaller.csv'],
      messages: [
        'tests/fixtures/data/parent-smaller.csv row 2: gdp of 500000 in 2022 (1000) is smaller than the sum of 2 of its 38 parts (1100) by more than 2%',
      ],
    },
    {
      problem: 'rejects a note without its Chinese translation',
      files: ['note-without-zh.csv'],
      messages: [
        'tests/fixtures/data/note-without-zh.csv row 3: note has no Chinese translation (note_zh is empty)',
      ],
    },
    {
      problem: 'rejects a Chinese note without its English note',
      files: ['note-zh-without-note.csv'],
      messages: [
        'tests/fixtures/data/note-zh-without-note.csv row 2: note_zh has no English note (note is empty)',
      ],
    },
    {
      problem: 'reports malformed quoting with its line',
      files: ['unclosed-quote.csv'],
      messages: [
        'tests/fixtures/data/unclosed-quote.csv row 3: quoted field is never closed',
      ],
    },
    {
      problem: 'rejects a file of figures with a header and no rows (the app would show "Year NaN")',
      files: ['empty-indicators.csv'],
      messages: [
        'tests/fixtures/data/empty-indicators.csv row 2: no rows after the header; every file of figures must hold at least one',
      ],
    },
    {
      problem: 'rejects a sources file with a header and no rows',
      files: ['empty-indicators.csv', 'sources-empty.csv'],
      messages: [
        'tests/fixtures/data/sources-empty.csv row 2: no sources after the header',
        'tests/fixtures/data/empty-indicators.csv row 2: no rows after the header; every file of figures must hold at least one',
      ],
    },
    {
      problem: 'rejects values outside the plausible range of their indicator and level (slips of 万, 亿 or millions)',
      files: ['out-of-range.csv'],
      messages: [
        'tests/fixtures/data/out-of-range.csv row 2: gdp 291290300 亿元 is implausible for a province (expected 1000 to 200000 亿元: a slip of 万, 亿 or millions?)',
        'tests/fixtures/data/out-of-range.csv row 3: population 0.8374 万人 is implausible for a province (expected 200 to 15000 万人: a slip of 万, 亿 or millions?)',
        'tests/fixtures/data/out-of-range.csv row 4: population 1000000000000000000000000000000 万人 is implausible for a province (expected 200 to 15000 万人: a slip of 万, 亿 or millions?)',
        'tests/fixtures/data/out-of-range.csv row 5: vehicles 254 辆 is implausible for a county (expected 1000 to 10000000 辆: a slip of 万, 亿 or millions?)',
      ],
    },
    {
      problem: 'names the row of a county ×10,000 too large, not only its parent',
      files: ['county-times-10000.csv'],
      messages: [
        'tests/fixtures/data/county-times-10000.csv row 5: gdp 15788400 亿元 is implausible for a county (expected 5 to 6000 亿元: a slip of 万, 亿 or millions?)',
        'tests/fixtures/data/county-times-10000.csv row 5: gdp of 500103 in 2022 (15788400) is larger than that of 500000, which contains it (29129.03, row 2)',
        'tests/fixtures/data/county-times-10000.csv row 2: gdp of 500000 in 2022 (29129.03) is smaller than the sum of 3 of its 38 parts (15790519.04) by more than 2%',
      ],
    },
    {
      problem: 'rejects a zone larger than its province (zones are not summed), on the zone\'s row',
      files: ['child-larger-than-parent.csv'],
      messages: [
        'tests/fixtures/data/child-larger-than-parent.csv row 3: vehicles of liangjiang in 2022 (1194000) is larger than that of 500000, which contains it (209000, row 2)',
      ],
    },
    {
      problem: 'rejects a year-over-year jump beyond the limit of its indicator, comparing full-year point values only',
      files: ['year-over-year-jump.csv'],
      messages: [
        'tests/fixtures/data/year-over-year-jump.csv row 3: gdp of 500000 changed from 27894.02 in 2021 (row 2) to 2912.903 in 2022, ×0.104 in 1 year, outside ×0.75 to ×1.35 a year; if the change is real, give the reason in break',
      ],
    },
    {
      problem: 'rejects a figure for a period that has not ended (today is 2026-05-01)',
      files: ['future-figures.csv'],
      messages: [
        'tests/fixtures/data/future-figures.csv row 3: year 2026 has not ended (today is 2026-05-01)',
        'tests/fixtures/data/future-figures.csv row 5: M1-M6 2026 (January to month 6) has not ended (today is 2026-05-01)',
        'tests/fixtures/data/future-figures.csv row 6: M1-M1 2027 (January to month 1) has not ended (today is 2026-05-01)',
      ],
    },
    {
      problem: 'rejects a source date that is not on the calendar or after today',
      files: ['indicators-valid.csv', 'sources-bad-date.csv'],
      messages: [
        'tests/fixtures/data/sources-bad-date.csv row 4: source "month13" date "2022-13-45" is not a calendar date',
        'tests/fixtures/data/sources-bad-date.csv row 5: source "feb30" date "2022-02-30" is not a calendar date',
        'tests/fixtures/data/sources-bad-date.csv row 6: source "future" date "2026-05-02" is after today (2026-05-01)',
        'tests/fixtures/data/sources-bad-date.csv row 7: source "futureyear" date "2027" is after today (2026-05-01)',
      ],
    },
    {
      problem: 'rejects a language that is not a known BCP 47 primary tag with an optional script and region',
      files: ['indicators-valid.csv', 'sources-bad-language.csv'],
      messages: [
        'tests/fixtures/data/sources-bad-language.csv row 4: source "unknown" language "xx" is not zh, en, fr, ja, de, ko, ru, es, it or pt, optionally with a script and a region (zh-Hant, en-GB)',
        'tests/fixtures/data/sources-bad-language.csv row 5: source "word" language "english" is not zh, en, fr, ja, de, ko, ru, es, it or pt, optionally with a script and a region (zh-Hant, en-GB)',
        'tests/fixtures/data/sources-bad-language.csv row 7: source "lower" language "en-gb" is not zh, en, fr, ja, de, ko, ru, es, it or pt, optionally with a script and a region (zh-Hant, en-GB)',
      ],
    },
    {
      problem: 'names the row where an unclosed quote opens, not the later row where the next quote trips the parser',
      files: ['unclosed-quote-runs-on.csv'],
      messages: [
        'tests/fixtures/data/unclosed-quote-runs-on.csv row 4: a quoted field opens on this row and runs on to row 8, where there is text after a closing quote: is a closing quote missing on this row?',
      ],
    },
    {
      problem: 'rejects a quoted field that runs over lines and closes cleanly (it swallowed the rows between)',
      files: ['quote-runs-on-cleanly.csv'],
      messages: [
        'tests/fixtures/data/quote-runs-on-cleanly.csv row 3: a quoted field runs on from this row to row 5 (is a closing quote missing?); no field of these files spans lines',
      ],
    },
    {
      problem: 'reports a UTF-16 file as such, not as a quote error',
      files: ['utf16.csv'],
      messages: [
        'tests/fixtures/data/utf16.csv row 1: the file is not UTF-8 text (it looks like UTF-16); save it as UTF-8',
      ],
    },
  ];

  it.each(REJECTED)('$problem', ({ files, messages }) => {
    expect(messagesFor(...files)).toEqual(messages);
  });
});

describe('validateIndicatorData: inline cases', () => {
  const sources = fixture('sources-valid.csv');
  const header = 'unit,indicator,year,period,value,bound,basis,measure,source,grade,note,note_zh,break\n';
  const check = (body: string) =>
    validateIndicatorData({ indicators: [{ path: 'x.csv', text: header + body }], sources, units: TEST_UNITS, today: TODAY }).messages;

  it('allows parts, and a single part, to exceed the parent by up to the tolerance, not beyond', () => {
    const within = 1000 * (1 + PARENT_SUM_TOLERANCE) - 1;
    const beyond = 1000 * (1 + PARENT_SUM_TOLERANCE) + 1;
    expect(check(`500000,gdp,2022,year,1000,,,亿元,bulletin,A,,,\n500101,gdp,2022,year,${within},,,亿元,bulletin,A,,,\n`)).toEqual([]);
    expect(check(`500000,gdp,2022,year,1000,,,亿元,bulletin,A,,,\n500101,gdp,2022,year,${beyond},,,亿元,bulletin,A,,,\n`)).toEqual([
      'x.csv row 3: gdp of 500101 in 2022 (1021) is larger than that of 500000, which contains it (1000, row 2)',
      'x.csv row 2: gdp of 500000 in 2022 (1000) is smaller than the sum of 1 of its 38 parts (1021) by more than 2%',
    ]);
  });

  it('compares a part-year figure with the same period of the nearest ancestor that has one, never with a bound', () => {
    // Longquanyi (510112) in Chengdu (510100, no figure) in Sichuan (510000).
    expect(check('510000,vehicles,2025,M1-M9,500000,,,辆,press,C,,,\n510112,vehicles,2025,M1-M9,628000,,,辆,press,C,,,\n510112,vehicles,2025,M1-M4,600000,,,辆,press,C,,,\n')).toEqual([
      'x.csv row 3: vehicles of 510112 in 2025 M1-M9 (628000) is larger than that of 510000, which contains it (500000, row 2)',
    ]);
    expect(check('510000,vehicles,2025,year,500000,min,,辆,press,C,,,\n510112,vehicles,2025,year,628000,,,辆,press,C,,,\n')).toEqual([]);
  });

  it('does not add zones to their province: they overlap its districts', () => {
    expect(check('500000,gdp,2022,year,1000,,,亿元,bulletin,A,,,\nliangjiang,gdp,2022,year,900,,,亿元,bulletin,A,,,\n500101,gdp,2022,year,900,,,亿元,bulletin,A,,,\n')).toEqual([]);
  });

  it('reports every problem of a row, and rows with the wrong number of fields', () => {
    expect(check('500199,gdp,20x,year,abc,,,亿元,nowhere,Z,,,\n500000,gdp,2022\n')).toEqual([
      'x.csv row 2: unknown unit id "500199"',
      'x.csv row 2: year "20x" is not an integer from 1978 to 2030',
      'x.csv row 2: value "abc" is not a number',
      'x.csv row 2: unknown source id "nowhere"',
      'x.csv row 2: grade "Z" is not one of A, B, C, D',
      'x.csv row 3: expected 13 fields, found 3',
    ]);
  });

  it('wants a note in both languages or in neither: blank counts as empty, and each half is reported with its row', () => {
    expect(check('500000,gdp,2022,year,1000,,,亿元,bulletin,A,First release.,首次公布数。,\n500101,gdp,2022,year,900,,,亿元,bulletin,A,,,\n')).toEqual([]);
    expect(check('500000,gdp,2022,year,1000,,,亿元,bulletin,A,First release.,"  ",\n500101,gdp,2022,year,900,,,亿元,bulletin,A, ,首次公布数。,\n')).toEqual([
      'x.csv row 2: note has no Chinese translation (note_zh is empty)',
      'x.csv row 3: note_zh has no English note (note is empty)',
    ]);
  });

  it('rejects a row still without the note_zh or the break column, naming the row', () => {
    expect(check('500000,gdp,2022,year,1000,,,亿元,bulletin,A,First release.\n')).toEqual(['x.csv row 2: expected 13 fields, found 11']);
    expect(check('500000,gdp,2022,year,1000,,,亿元,bulletin,A,First release.,首次公布数。\n')).toEqual(['x.csv row 2: expected 13 fields, found 12']);
  });

  it('carries both texts of a note into the dataset', () => {
    const result = validateIndicatorData({
      indicators: [{ path: 'x.csv', text: `${header}500000,gdp,2022,year,1000,,,亿元,bulletin,A,First release.,首次公布数。,\n` }],
      sources,
      units: TEST_UNITS,
      today: TODAY,
    });
    expect(result.dataset?.rows).toEqual([
      { unit: '500000', indicator: 'gdp', year: 2022, value: 1000, source: 'bulletin', grade: 'A', note: 'First release.', note_zh: '首次公布数。' },
    ]);
  });

  it('reads period, bound and basis, and rejects values outside their lists', () => {
    const result = validateIndicatorData({
      indicators: [{ path: 'x.csv', text: `${header}500000,vehicles,2024,M1-M9,1734600,,,辆,press,C,,,\n500000,vehicles,2024,year,2540000,min,,辆,press,C,,,\n500000,gdp,2024,year,32193.15,,ec5,亿元,bulletin,A,,,\n` }],
      sources,
      units: TEST_UNITS,
      today: TODAY,
    });
    expect(result.messages).toEqual([]);
    expect(result.dataset?.rows.map((row) => [row.indicator, row.period, row.bound, row.basis])).toEqual([
      ['gdp', undefined, undefined, 'ec5'],
      ['vehicles', 'M1-M9', undefined, undefined],
      ['vehicles', undefined, 'min', undefined],
    ]);
    expect(check('500000,gdp,2022,Jan-Sep,1000,about,ec4,亿元,bulletin,A,,,\n500000,gdp,2022,M1-M12,1000,,,亿元,bulletin,A,,,\n')).toEqual([
      'x.csv row 2: period "Jan-Sep" is not "year" or "M1-Mn" (January to month n, n from 1 to 11)',
      'x.csv row 2: bound "about" is not empty, "min" (at least), "max" (at most) or "approx" (about)',
      'x.csv row 2: basis "ec4" is not empty, "ec5" (revised after the fifth economic census) or "pre7" (population before the seventh census)',
      'x.csv row 3: period "M1-M12" is not "year" or "M1-Mn" (January to month n, n from 1 to 11)',
    ]);
  });

  it('finds a duplicate across files, naming the other file; a part year beside its full year is no duplicate', () => {
    const messages = validateIndicatorData({
      indicators: [
        { path: 'a.csv', text: `${header}500000,nev,2024,year,953200,,,辆,press,B,,,\n` },
        { path: 'b.csv', text: `${header}500000,nev,2024,M1-M6,391000,,,辆,press,C,,,\n500000,nev,2024,year,953200,,,辆,press,B,,,\n` },
      ],
      sources,
      units: TEST_UNITS,
      today: TODAY,
    }).messages;
    expect(messages).toEqual(['b.csv row 3: duplicate of a.csv row 2 (same unit, indicator, year and period: 500000 nev 2024 year)']);
  });

  it('does not sum part years or floors into the parent check', () => {
    expect(check('500000,gdp,2022,year,1000,,,亿元,bulletin,A,,,\n500101,gdp,2022,year,900,min,,亿元,bulletin,A,,,\n500102,gdp,2022,M1-M6,900,,,亿元,bulletin,A,,,\n')).toEqual([]);
  });

  it('accepts a jump whose row gives a break, and compares across a change of basis', () => {
    const census = '510100,population,2019,year,1658.1,,,万人,bulletin,A,,,\n510100,population,2020,year,2094.7,,,万人,bulletin,A,,,';
    expect(check(`${census}2020 census revised the count\n`)).toEqual([]);
    expect(check(`${census}\n`)).toEqual([
      'x.csv row 3: population of 510100 changed from 1658.1 in 2019 (row 2) to 2094.7 in 2020, ×1.26 in 1 year, outside ×0.9 to ×1.1 a year; if the change is real, give the reason in break',
    ]);
    expect(check('500000,gdp,2023,year,20000,,,亿元,bulletin,A,,,\n500000,gdp,2024,year,32193.15,,ec5,亿元,bulletin,A,,,\n')).toEqual([
      'x.csv row 3: gdp of 500000 changed from 20000 in 2023 (row 2) to 32193.15 in 2024, ×1.61 in 1 year, outside ×0.75 to ×1.35 a year; if the change is real, give the reason in break',
    ]);
  });

  it('compounds the limits over missing years and leaves implausible values to the range check', () => {
    expect(check('500000,gdp,2019,year,20000,,,亿元,bulletin,A,,,\n500000,gdp,2021,year,36000,,,亿元,bulletin,A,,,\n')).toEqual([]);
    expect(check('500000,gdp,2021,year,27894.02,,,亿元,bulletin,A,,,\n500000,gdp,2022,year,291290300,,,亿元,bulletin,A,,,\n500000,gdp,2023,year,30145.79,,,亿元,bulletin,A,,,\n')).toEqual([
      'x.csv row 3: gdp 291290300 亿元 is implausible for a province (expected 1000 to 200000 亿元: a slip of 万, 亿 or millions?)',
    ]);
  });

  it('rejects a break that overrides nothing, or sits where no change is compared', () => {
    expect(check('500000,gdp,2021,year,27894.02,,,亿元,bulletin,A,,,\n500000,gdp,2022,year,29129.03,,,亿元,bulletin,A,,,Boundary change\n500000,gdp,2023,M1-M6,14000,,,亿元,bulletin,A,,,Census\n500101,gdp,2022,year,1000,,,亿元,bulletin,A,,,New county\n')).toEqual([
      'x.csv row 3: break "Boundary change" overrides nothing: the change from 2021 (row 2) is within ×0.75 to ×1.35 a year',
      'x.csv row 4: break "Census" is on a part year or a bound, which the year-over-year check does not compare',
      'x.csv row 5: break "New county" overrides nothing: there is no earlier full-year figure of 500101 gdp',
    ]);
  });

  it('takes today as a Date (read in UTC) as well as a YYYY-MM-DD text, and refuses any other text', () => {
    const input = { indicators: [{ path: 'x.csv', text: `${header}500000,gdp,2026,year,33000,,,亿元,bulletin,A,,,\n` }], sources, units: TEST_UNITS };
    expect(validateIndicatorData({ ...input, today: new Date('2026-12-31T23:00:00Z') }).messages).toEqual(['x.csv row 2: year 2026 has not ended (today is 2026-12-31)']);
    expect(validateIndicatorData({ ...input, today: '2027-01-01' }).messages).toEqual([]);
    expect(() => validateIndicatorData({ ...input, today: '2026-02-30' })).toThrow('today "2026-02-30" is not a YYYY-MM-DD date');
  });

  it('names the row of a byte that is not UTF-8 (decoded as U+FFFD), e.g. a GBK file', () => {
    expect(check('500000,gdp,2022,year,1000,,,亿元,bulletin,A,,,\n500101,gdp,2022,year,900,,,\uFFFD\uFFFD,bulletin,A,,,\n')).toEqual([
      'x.csv row 3: the file is not UTF-8 text (this row holds bytes that are not UTF-8: saved as GBK?); save it as UTF-8',
    ]);
  });

  it('rejects a wrong header', () => {
    const messages = validateIndicatorData({
      indicators: [{ path: 'x.csv', text: 'unit,indicator,year,value\n' }],
      sources,
      units: TEST_UNITS,
      today: TODAY,
    }).messages;
    expect(messages).toEqual([
      'x.csv row 1: header must be "unit,indicator,year,period,value,bound,basis,measure,source,grade,note,note_zh,break", found "unit,indicator,year,value"',
    ]);
  });
});

describe('PLAUSIBLE_RANGES', () => {
  it('gives every indicator at every level exactly one range, min below max', () => {
    for (const indicator of Object.keys(RAW_INDICATOR_MEASURES)) {
      for (const level of UNIT_LEVELS) {
        const ranges = PLAUSIBLE_RANGES.filter((range) => range.indicator === indicator && range.levels.includes(level));
        expect([indicator, level, ranges.length]).toEqual([indicator, level, 1]);
        expect(ranges[0]!.min).toBeLessThan(ranges[0]!.max);
      }
    }
  });
});

describe('the committed data set', () => {
  it('passes validation against the research-note unit list', () => {
    const result = validateIndicatorData({
      indicators: INDICATOR_CSVS.map((path) => ({ path, text: readFileSync(resolve(ROOT, path), 'utf8') })),
      sources: { path: 'geo/data/sources.csv', text: readFileSync(resolve(ROOT, 'geo/data/sources.csv'), 'utf8') },
      units: TEST_UNITS,
      today: localIsoDate(new Date()),
    });
    expect(result.messages).toEqual([]);
    // Every figure of the seed article is present as stated, its vehicle figures under 2022 (audit finding 1).
    const seed = result.dataset?.rows.filter((row) => row.source === 'ichongqing-2023-03-10').map((row) => [row.unit, row.indicator, row.year, row.value]);
    expect(seed).toEqual(expect.arrayContaining([
      ['liangjiang', 'gdp', 2022, 4550.6], ['tianfu', 'gdp', 2022, 4532.4],
      ['liangjiang', 'vehicles', 2022, 1194000], ['liangjiang', 'auto_output_value', 2022, 2123.3], ['liangjiang', 'nev', 2022, 216000],
      ['tianfu', 'vehicles', 2022, 980000], ['tianfu', 'auto_output_value', 2022, 1550.6], ['tianfu', 'nev', 2022, 40000],
    ]));
    // The article says 2020; the rows moved to 2022 say so, in both languages, and none is left under 2020.
    const vehicleRows = result.dataset?.rows.filter((row) => row.source === 'ichongqing-2023-03-10' && row.indicator !== 'gdp') ?? [];
    expect(vehicleRows).toHaveLength(6);
    for (const row of vehicleRows) {
      expect(row.year).toBe(2022);
      expect(row.period).toBeUndefined();
      expect(row.note).toMatch(/source states 2020; shown under 2022/);
      expect(row.note_zh).toMatch(/来源称为2020年.*列于2022年/);
    }
  });

  it('gives every note a Chinese text, identical notes identical translations', () => {
    const rows = validateIndicatorData({
      indicators: INDICATOR_CSVS.map((path) => ({ path, text: readFileSync(resolve(ROOT, path), 'utf8') })),
      sources: { path: 'geo/data/sources.csv', text: readFileSync(resolve(ROOT, 'geo/data/sources.csv'), 'utf8') },
      units: TEST_UNITS,
      today: localIsoDate(new Date()),
    }).dataset?.rows ?? [];
    const translations = new Map<string, Set<string>>();
    for (const row of rows) {
      expect(row.note === undefined).toBe(row.note_zh === undefined);
      if (row.note === undefined || row.note_zh === undefined) continue;
      expect(row.note_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(row.note_zh).not.toBe(row.note);
      translations.set(row.note, (translations.get(row.note) ?? new Set()).add(row.note_zh));
    }
    expect(translations.size).toBeGreaterThan(50);
    for (const [note, zh] of translations) expect([note, zh.size]).toEqual([note, 1]);
  });
});
