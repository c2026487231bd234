import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCensusChina, checkIndicators, checkTopology, DataFormatError, dataFormatMessage, type FormatProblem } from './check-format';

const shipped = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../public/data/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

function problemOf(check: () => unknown): FormatProblem {
  try {
    check();
  } catch (error) {
    if (error instanceof DataFormatError) return error.problem;
    throw error;
  }
  throw new Error('no DataFormatError');
}

describe('checkIndicators', () => {
  const good = shipped('indicators.json');

  it('passes the shipped file through unchanged', () => {
    expect(checkIndicators('indicators.json', good)).toBe(good);
  });

  it('refuses an unknown schema version, naming what it found', () => {
    expect(problemOf(() => checkIndicators('f', { ...good, schema: 99 }))).toEqual({ kind: 'schema', found: '99' });
    expect(problemOf(() => checkIndicators('f', { ...good, schema: '1' }))).toEqual({ kind: 'schema', found: '"1"' });
  });

  it('cuts a long found value short', () => {
    const problem = problemOf(() => checkIndicators('f', { ...good, schema: 'x'.repeat(500) }));
    expect(problem.kind === 'schema' && problem.found.length).toBe(40);
  });

  it('names a missing part', () => {
    const { schema: _schema, ...noSchema } = good;
    expect(problemOf(() => checkIndicators('f', noSchema))).toEqual({ kind: 'missing', field: 'schema' });
    expect(problemOf(() => checkIndicators('f', { ...good, indicators: [] }))).toEqual({ kind: 'missing', field: 'indicators' });
    expect(problemOf(() => checkIndicators('f', { ...good, sources: null }))).toEqual({ kind: 'missing', field: 'sources' });
    expect(problemOf(() => checkIndicators('f', { ...good, rows: {} }))).toEqual({ kind: 'missing', field: 'rows' });
  });

  it('refuses what is not an object', () => {
    for (const json of [null, [], 1, 'schema']) expect(problemOf(() => checkIndicators('f', json))).toEqual({ kind: 'not-object' });
  });
});

describe('checkTopology', () => {
  const good = shipped('boundaries.topo.json');
  const objects = good.objects as Record<string, unknown>;

  it('passes the shipped file through unchanged', () => {
    expect(checkTopology('boundaries.topo.json', good)).toBe(good);
  });

  it('refuses GeoJSON and untyped files', () => {
    expect(problemOf(() => checkTopology('f', { type: 'FeatureCollection', features: [] }))).toEqual({
      kind: 'not-topology',
      found: '"FeatureCollection"',
    });
    const { type: _type, ...untyped } = good;
    expect(problemOf(() => checkTopology('f', untyped))).toEqual({ kind: 'missing', field: 'type' });
  });

  it('names a missing or malformed object the map draws', () => {
    const { counties: _counties, ...noCounties } = objects;
    expect(problemOf(() => checkTopology('f', { ...good, objects: noCounties }))).toEqual({ kind: 'missing', field: 'objects.counties' });
    const pointNotCollection = { ...objects, circle: { type: 'Point', coordinates: [0, 0] } };
    expect(problemOf(() => checkTopology('f', { ...good, objects: pointNotCollection }))).toEqual({ kind: 'missing', field: 'objects.circle' });
    expect(problemOf(() => checkTopology('f', { ...good, objects: undefined }))).toEqual({ kind: 'missing', field: 'objects' });
    expect(problemOf(() => checkTopology('f', { ...good, arcs: {} }))).toEqual({ kind: 'missing', field: 'arcs' });
  });
});

describe('dataFormatMessage', () => {
  it('says in both languages which file, what it found and what this build reads', () => {
    const problem: FormatProblem = { kind: 'schema', found: '99' };
    for (const lang of ['zh', 'en'] as const) {
      const text = dataFormatMessage('data/indicators.json', problem, lang);
      expect(text).toContain('data/indicators.json');
      expect(text).toContain('99');
      expect(text).toContain('1');
      expect(text).not.toMatch(/\{\w+\}/);
    }
    expect(dataFormatMessage('f', problem, 'zh')).not.toBe(dataFormatMessage('f', problem, 'en'));
  });

  it('is the English text of the error itself', () => {
    const error = new DataFormatError('f', { kind: 'missing', field: 'rows' });
    expect(error.message).toBe(dataFormatMessage('f', error.problem, 'en'));
    expect(error.message).toContain('"rows"');
  });
});

describe('checkCensusChina', () => {
  const good = shipped('census-china.json');
  const values = good.values as Record<string, Record<string, unknown>>;

  it('passes the shipped file through unchanged', () => {
    expect(checkCensusChina('census-china.json', good)).toBe(good);
  });

  it('refuses another schema version, naming what it found and what it reads', () => {
    expect(problemOf(() => checkCensusChina('f', { ...good, schema: 2 }))).toEqual({ kind: 'schema', found: '2', expected: 1 });
  });

  it('names a missing or malformed part', () => {
    expect(problemOf(() => checkCensusChina('f', { ...good, grade: 'E' }))).toEqual({ kind: 'missing', field: 'grade' });
    expect(problemOf(() => checkCensusChina('f', { ...good, values: [] }))).toEqual({ kind: 'missing', field: 'values' });
    expect(problemOf(() => checkCensusChina('f', { ...good, notes: { ...(good.notes as object), census_share_65: { en: 'x' } } }))).toEqual({
      kind: 'missing',
      field: 'notes.census_share_65',
    });
    const badValue = { ...good, values: { ...values, census_population: { ...values.census_population, '110101': '708829' } } };
    expect(problemOf(() => checkCensusChina('f', badValue))).toEqual({ kind: 'missing', field: 'values.census_population.110101' });
  });

  it('names the file in its message, in both languages', () => {
    const problem: FormatProblem = { kind: 'missing', field: 'values' };
    expect(dataFormatMessage('data/census-china.json', problem, 'en')).toContain('data/census-china.json');
    expect(dataFormatMessage('data/census-china.json', problem, 'zh')).toContain('data/census-china.json');
  });
});

describe('rows and shapes the build would not have written', () => {
  const good = shipped('indicators.json') as { rows: Record<string, unknown>[]; sources: Record<string, unknown> };
  const withRow = (patch: Record<string, unknown>, index = 3) => ({ ...good, rows: good.rows.map((row, i) => (i === index ? { ...row, ...patch } : row)) });

  it.each([
    [{ value: 'abc' }, 'rows[3].value'],
    [{ value: Number.NaN }, 'rows[3].value'],
    [{ year: 1000000000 }, 'rows[3].year'],
    [{ indicator: 'gdp_ppp' }, 'rows[3].indicator'],
    [{ source: 'nowhere' }, 'rows[3].source'],
    [{ grade: 'E' }, 'rows[3].grade'],
    [{ note: { en: 'x' } }, 'rows[3].note'],
    [{ period: 'Q3' }, 'rows[3].period'],
    [{ bound: 'about' }, 'rows[3].bound'],
  ])('refuses a row with %o, naming the part', (patch, field) => {
    expect(problemOf(() => checkIndicators('f', withRow(patch)))).toEqual({ kind: 'missing', field });
  });

  it('refuses a row that is no object and a source without its fields', () => {
    expect(problemOf(() => checkIndicators('f', { ...good, rows: [null] }))).toEqual({ kind: 'missing', field: 'rows[0]' });
    const [id] = Object.keys(good.sources);
    expect(problemOf(() => checkIndicators('f', { ...good, sources: { ...good.sources, [id]: { title: 1 } } }))).toEqual({
      kind: 'missing',
      field: `sources.${id}`,
    });
  });

  it('refuses a topology whose scale would put every point on one spot, or a shape without an id', () => {
    const topology = shipped('boundaries.topo.json') as { transform: { scale: number[] }; objects: Record<string, { geometries: { properties: object }[] }> };
    expect(problemOf(() => checkTopology('f', { ...topology, transform: { ...topology.transform, scale: [0, 0] } }))).toEqual({
      kind: 'missing',
      field: 'transform.scale',
    });
    const counties = topology.objects.counties;
    const noId = { ...counties, geometries: [{ ...counties.geometries[0], properties: {} }, ...counties.geometries.slice(1)] };
    expect(problemOf(() => checkTopology('f', { ...topology, objects: { ...topology.objects, counties: noId } }))).toEqual({
      kind: 'missing',
      field: 'objects.counties.geometries[0].properties.id',
    });
  });

  it('words a file that is not JSON in both languages, naming it', () => {
    expect(dataFormatMessage('data/indicators.json', { kind: 'not-json' }, 'en')).toBe(
      'data/indicators.json is not valid JSON (the file may be damaged or cut short)',
    );
    expect(dataFormatMessage('data/indicators.json', { kind: 'not-json' }, 'zh')).toMatch(/^data\/indicators\.json 不是有效的 JSON/);
  });
});

describe('signed indicators', () => {
  it('accepts a negative change, refuses a negative amount', () => {
    const good = shipped('indicators.json') as { rows: Record<string, unknown>[] };
    const falling = good.rows.findIndex((row) => row.indicator === 'census_pop_change' && (row.value as number) < 0);
    expect(falling).toBeGreaterThanOrEqual(0);
    expect(() => checkIndicators('f', good)).not.toThrow();
    const gdp = good.rows.findIndex((row) => row.indicator === 'gdp');
    const negative = { ...good, rows: good.rows.map((row, i) => (i === gdp ? { ...row, value: -1 } : row)) };
    expect(problemOf(() => checkIndicators('f', negative))).toEqual({ kind: 'missing', field: `rows[${gdp}].value` });
  });
});
