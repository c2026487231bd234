import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../indicators/files';
import { PLANTS_JSON, buildPlants, hanPinyin } from './build';
import { PLANT_COLUMNS, validatePlants, type PlantUnit } from './validate';

const UNITS: PlantUnit[] = [
  { id: '510112', level: 'county', circle: 'full', label: [104.29, 30.59] },
  { id: '500156', level: 'county', circle: 'none', label: [107.65, 29.35] },
  { id: 'liangjiang', level: 'zone', circle: 'full', label: [106.71, 29.84] },
  { id: '512000', level: 'prefecture', circle: 'full', label: [105.08, 30.15] },
  { id: '510000', level: 'province', circle: 'partial', label: [102.9, 30.2] },
];
const SOURCES = new Set(['page-a', 'page-b']);
const HEADER = PLANT_COLUMNS.join(',');

type Row = Partial<Record<(typeof PLANT_COLUMNS)[number], string>>;
const GOOD: Row = {
  id: 'faw-vw-chengdu', company_zh: '一汽-大众成都分公司', company_en: 'FAW-Volkswagen Chengdu', brands_zh: '大众;捷达',
  brands_en: 'Volkswagen;Jetta', unit: '510112', placed: 'district', products: 'passenger_ice', opened: '2011',
  capacity: '600000', capacity_year: '2016', capacity_kind: 'design', capacity_source: 'page-b', capacity_grade: 'B',
  source: 'page-a;page-b', grade: 'C;B', note: 'A note.', note_zh: '注。',
};

function csv(...rows: Row[]): string {
  const line = (row: Row) => PLANT_COLUMNS.map((column) => `"${(row[column] ?? '').replace(/"/g, '""')}"`).join(',');
  return [HEADER, ...rows.map(line)].join('\n') + '\n';
}
function check(...rows: Row[]) {
  return validatePlants({ plants: { path: 'plants.csv', text: csv(...rows) }, units: UNITS, sourceIds: SOURCES, thisYear: 2026 });
}
const problems = (changes: Row) => check({ ...GOOD, ...changes }).messages;

describe('validatePlants', () => {
  it('accepts a good row and places it at its unit label', () => {
    const { messages, plants } = check(GOOD);
    expect(messages).toEqual([]);
    expect(plants?.[0]).toMatchObject({
      position: [104.29, 30.59],
      placed: 'district',
      capacity: { value: 600000, year: 2016, kind: 'design', source: 'page-b', grade: 'B' },
      output: null,
      sources: [{ id: 'page-a', grade: 'C' }, { id: 'page-b', grade: 'B' }],
    });
  });

  it('uses its own coordinates when placed at the park', () => {
    const { messages, plants } = check({ ...GOOD, placed: 'park', park_zh: '经开区', park_en: 'the zone', lng: '104.2', lat: '30.5' });
    expect(messages).toEqual([]);
    expect(plants?.[0]?.position).toEqual([104.2, 30.5]);
  });

  it.each<[string, Row, string]>([
    ['unknown unit', { unit: '999999' }, 'plants.csv row 2: unknown unit "999999" (not an id of geo/units.json)'],
    ['unit outside the Circle', { unit: '500156' }, 'plants.csv row 2: unit "500156" is outside the Circle'],
    ['a province', { unit: '510000' }, 'plants.csv row 2: unit "510000" is a province; a plant sits in a county-level unit, a zone or a prefecture'],
    ['placement not fitting the unit', { unit: 'liangjiang' }, 'plants.csv row 2: placed "district" does not fit unit "liangjiang", a zone (placed "zone")'],
    ['unknown source', { source: 'page-a;page-z' }, 'plants.csv row 2: source "page-z" is not an id of geo/data/sources.csv'],
    ['unknown capacity source', { capacity_source: 'nowhere' }, 'plants.csv row 2: capacity_source "nowhere" is not an id of geo/data/sources.csv'],
    ['grade outside A-D', { grade: 'C;E' }, 'plants.csv row 2: grade "E" is not one of A, B, C, D'],
    ['one grade per source', { grade: 'C' }, 'plants.csv row 2: source names 2 page(s) and grade 1; give one grade per source, in the same order'],
    ['product outside the list', { products: 'passenger_ice;tractor' }, 'plants.csv row 2: product "tractor" is not one of passenger_ice, passenger_nev, commercial, mini'],
    ['no product', { products: '' }, 'plants.csv row 2: products is empty; give one or more of passenger_ice, passenger_nev, commercial, mini'],
    ['note without note_zh', { note_zh: '' }, 'plants.csv row 2: note and note_zh must both be filled or both empty'],
    ['capacity not a whole number', { capacity: '60万' }, 'plants.csv row 2: capacity "60万" is not a positive whole number of vehicles a year'],
    ['capacity zero', { capacity: '0' }, 'plants.csv row 2: capacity "0" is not a positive whole number of vehicles a year'],
    ['capacity without its year', { capacity_year: '' }, 'plants.csv row 2: capacity needs capacity_year'],
    ['capacity kind', { capacity_kind: 'actual' }, 'plants.csv row 2: capacity_kind "actual" is not one of design, planned'],
    ['output columns without output', { output_year: '2020' }, 'plants.csv row 2: output_year filled without output'],
    ['output not a whole number', { output: '3.02', output_year: '2022', output_source: 'page-a', output_grade: 'B' }, 'plants.csv row 2: output "3.02" is not a positive whole number of vehicles a year'],
    ['year before 1950', { opened: '1949' }, 'plants.csv row 2: opened "1949" is not a year from 1950 to 2026'],
    ['year after the build', { capacity_year: '2027' }, 'plants.csv row 2: capacity_year "2027" is not a year from 1950 to 2026'],
    ['coordinates without park placement', { lng: '104.2', lat: '30.5' }, 'plants.csv row 2: lng and lat are only for placed "park"; placed "district" takes its unit\'s label point'],
    ['coordinates outside Sichuan and Chongqing', { placed: 'park', park_zh: '园', park_en: 'park', lng: '30.5', lat: '104.2' }, 'plants.csv row 2: lng 30.5, lat 104.2 lie outside Sichuan and Chongqing (lng 97-111, lat 26-34.5); swapped or mistyped?'],
    ['park placement without coordinates', { placed: 'park', park_zh: '园', park_en: 'park' }, 'plants.csv row 2: placed "park" needs lng and lat'],
    ['half a park name', { park_zh: '园' }, 'plants.csv row 2: park_zh and park_en must both be filled or both empty'],
    ['brands not paired', { brands_en: 'Volkswagen' }, 'plants.csv row 2: brands_zh names 2 brand(s) and brands_en 1; give each brand in both'],
    ['bad id', { id: 'FAW VW' }, 'plants.csv row 2: plant id "FAW VW" must be lower-case letters and digits joined by hyphens'],
  ])('reports %s', (_, changes, message) => {
    expect(problems(changes)).toContain(message);
  });

  it('reports a duplicate id on the second row', () => {
    expect(check(GOOD, GOOD).messages).toEqual(['plants.csv row 3: duplicate plant id "faw-vw-chengdu" (first on row 2)']);
  });

  it('reports a wrong header, a file in UTF-16 and a table without rows, as the indicator files do', () => {
    const run = (text: string) => validatePlants({ plants: { path: 'plants.csv', text }, units: UNITS, sourceIds: SOURCES, thisYear: 2026 }).messages;
    expect(run('id,company\n')).toEqual([`plants.csv row 1: header must be "${HEADER}", found "id,company"`]);
    expect(run('i\u0000d\n')[0]).toMatch(/^plants\.csv row 1: the file is not UTF-8 text \(it looks like UTF-16\)/);
    expect(run(`${HEADER}\n`)).toEqual(['plants.csv row 2: no plants after the header']);
  });
});

describe('geo/data/plants.csv', () => {
  const built = buildPlants();
  const units = JSON.parse(readFileSync(resolve(REPO_ROOT, 'geo/units.json'), 'utf8')) as PlantUnit[];
  const file = JSON.parse(built.json ?? '{"plants":[]}') as { plants: { id: string; unit: string; placed: string; company: { en: string }; brands: { zh: string[]; en: string[] }; pinyin: { brands: string[] } }[] };

  it('builds without problems, and the committed public/data/plants.json is what it builds', () => {
    expect(built.messages).toEqual([]);
    expect(readFileSync(resolve(REPO_ROOT, PLANTS_JSON), 'utf8')).toBe(built.json);
  });

  it('holds at least 20 plants, each in a unit of the Circle', () => {
    expect(file.plants.length).toBeGreaterThanOrEqual(20);
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    for (const plant of file.plants) {
      const unit = byId.get(plant.unit);
      expect(unit?.circle, plant.id).not.toBe('none');
      // A county or district; a zone or a city only where the sources name no district.
      expect(['county', 'zone', 'prefecture'], plant.id).toContain(unit?.level);
      expect(plant.placed === 'district' || plant.placed === 'park', plant.id).toBe(unit?.level === 'county');
    }
  });

  it('finds Seres by 问界 and by "Seres", and the FAW-Volkswagen Chengdu plant', () => {
    const seres = file.plants.filter((plant) => plant.brands.zh.includes('问界'));
    expect(seres.length).toBeGreaterThanOrEqual(2);
    expect(seres.every((plant) => plant.brands.en.includes('Seres') && plant.pinyin.brands.includes('wen jie'))).toBe(true);
    expect(file.plants.find((plant) => plant.id === 'faw-vw-chengdu')?.unit).toBe('510112');
  });

  it('reads Chinese names in toneless pinyin', () => {
    expect(hanPinyin('一汽-大众')).toBe('yi qi da zhong');
    expect(hanPinyin('长安')).toBe('chang an');
  });
});
