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
