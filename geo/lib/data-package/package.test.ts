import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import JSZip from 'jszip';
import parse from 'csv-parse/lib/sync';
import type { IndicatorDataset } from '../../../src/model/dataset';
import type { CensusChinaFile } from '../../../src/data/census-china';
import { FIGURE_COLUMNS } from './figures';
import { dataPackageFiles, dataPackageZip, fencedBlockAfter, GEOJSON_OBJECTS, PACKAGE_NAME, type PublicData } from './package';

const json = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
const data: PublicData = {
  indicators: json<IndicatorDataset>('public/data/indicators.json'),
  censusChina: json<CensusChinaFile>('public/data/census-china.json'),
  boundaries: json<Topology>('public/data/boundaries.topo.json'),
  china: json<Topology>('public/data/china.topo.json'),
};
const licences = { census: 'census notice\n', boundaries: 'boundaries notice\n' };
const packageFiles = dataPackageFiles(data, licences, '2026-12-07');
// ignoreBOM: keep the byte order mark in the text, where the test looks for it.
const files = new Map(packageFiles.map((file) => [file.name, new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes)]));
const figures = files.get('figures.csv')!;
const rows = parse(figures, { bom: true, columns: true }) as Record<string, string>[];

describe('the data package', () => {
  it('has every figure of indicators.json and census-china.json, once', () => {
    const census = Object.values(data.censusChina.values).reduce((sum, values) => sum + Object.keys(values).length, 0);
    expect(rows).toHaveLength(data.indicators.rows.length + census);
    const keys = new Set(rows.map((row) => [row.unit_id, row.indicator, row.year, row.period].join('|')));
    expect(keys.size).toBe(rows.length);
  });

  it('writes the columns the schema lists, with a byte order mark for Excel', () => {
    expect(figures.startsWith('\uFEFFunit_id,name_zh,name_en,level,indicator,')).toBe(true);
    expect(Object.keys(rows[0]!)).toEqual(FIGURE_COLUMNS.map((column) => column.name));
    const descriptor = JSON.parse(files.get('datapackage.json')!) as { resources: { name: string; schema?: { fields: { name: string }[] } }[] };
    expect(descriptor.resources.map((resource) => resource.name)).toEqual(['figures', 'sources', 'boundaries']);
    expect(descriptor.resources[0]!.schema!.fields.map((field) => field.name)).toEqual(FIGURE_COLUMNS.map((column) => column.name));
  });

  it('writes a figure as the data file has it, with its unit, source and notes', () => {
    const row = data.indicators.rows.find((r) => r.bound && r.note)!;
    const written = rows.find((r) => r.unit_id === row.unit && r.indicator === row.indicator && r.year === String(row.year) && r.period === (row.period ?? 'year'))!;
    const source = data.indicators.sources[row.source]!;
    expect(written).toMatchObject({ value: String(row.value), bound: row.bound, source_url: source.url, source_title: source.title, grade: row.grade, note_en: row.note, note_zh: row.note_zh });
  });

  it('names the census figures of all China by the national map, as county-level units', () => {
    const [id, value] = Object.entries(data.censusChina.values.census_population)[0]!;
    const written = rows.find((r) => r.unit_id === id && r.indicator === 'census_population')!;
    expect(written.name_zh).not.toBe('');
    expect(written).toMatchObject({ level: 'county', value: String(value), source_id: 'census-2020-leiii', year: '2020' });
  });

  it("writes the Circle's units as GeoJSON, the zones marked approximate", () => {
    const geojson = JSON.parse(files.get('boundaries.geojson')!) as GeoJSON.FeatureCollection;
    const count = GEOJSON_OBJECTS.reduce((sum, object) => sum + (data.boundaries.objects[object] as { geometries: unknown[] }).geometries.length, 0);
    expect(geojson.features).toHaveLength(count);
    const zones = geojson.features.filter((feature) => feature.properties!.level === 'zone');
    expect(zones.length).toBeGreaterThan(0);
    for (const zone of zones) expect(zone.properties).toMatchObject({ approx: true });
  });

  it('carries the licence notices and says in the README whose licence covers what', () => {
    expect(files.get('licences/census-leiii-MIT.txt')).toBe(licences.census);
    const readme = files.get('README.md')!;
    expect(readme).toContain('does not state a licence');
    expect(readme).toContain('census notice');
    expect(readme).toContain('How to cite');
  });

  // Zipping and unzipping 8 MB takes a few seconds when the whole unit project runs beside it.
  it('zips them into one folder', { timeout: 30_000 }, async () => {
    const zip = await JSZip.loadAsync(dataPackageZip(data, licences, '2026-12-07'), { checkCRC32: true });
    expect(Object.keys(zip.files)).toContain(`${PACKAGE_NAME}/datapackage.json`);
    const csv = packageFiles.find((file) => file.name === 'figures.csv')!.bytes;
    // Compared as buffers: a deep equality of 7 million array items takes a minute.
    expect(Buffer.from(await zip.file(`${PACKAGE_NAME}/figures.csv`)!.async('uint8array')).equals(csv)).toBe(true);
  });
});

describe('fencedBlockAfter', () => {
  it('reads the census licence out of its README', () => {
    const text = fencedBlockAfter(readFileSync('geo/data/census/README.md', 'utf8'), '## Licence');
    expect(text.startsWith('MIT License\n\nCopyright (c) 2022 Lei Dong')).toBe(true);
  });

  it('fails without such a block', () => {
    expect(() => fencedBlockAfter('# x\n## Licence\nnone', '## Licence')).toThrow('no fenced block');
  });
});
