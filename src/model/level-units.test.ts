import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { Topology } from 'topojson-specification';
import { decodeBoundaries, decodeNational, nationalAdditions, nationalUnits, unitIndex } from '../data/boundaries';
import { levelFilter, nationalVisibility } from '../map/style';
import { LEVELS, type Level } from './vocabulary';
import { levelShowing, unitsOfLevel } from './level-units';
import { UNIT_OBJECTS, type UnitProps } from './units';
import unitsJson from '../../geo/units.json';

const topology = JSON.parse(readFileSync('public/data/boundaries.topo.json', 'utf8')) as Topology;
const boundaries = decodeBoundaries(topology);
const nationalTopology = JSON.parse(readFileSync('public/data/china.topo.json', 'utf8')) as Topology;
const national = decodeNational(nationalTopology);
// As the app holds them once the national level has been shown.
const units = unitIndex(topology);
for (const unit of nationalAdditions(units, nationalUnits(nationalTopology))) units.set(unit.id, unit);

/** Ids the map draws at `level`: the style's own filters run by MapLibre's filter evaluator on each source. */
function drawnIds(level: Level): string[] {
  const ids: string[] = [];
  for (const source of UNIT_OBJECTS) {
    const filter = featureFilter(levelFilter(source, level), 'filter');
    for (const feature of boundaries[source].features) {
      if (filter.filter({ zoom: 8 }, { type: 'Polygon', properties: feature.properties })) ids.push(feature.properties.id);
    }
  }
  // The national layers have no filter: the level shows or hides them whole.
  if (nationalVisibility(level) === 'visible') for (const feature of national.features) ids.push(feature.properties.id);
  // Every feature of the zones source is drawn (outline layer without a filter).
  for (const feature of boundaries.zones.features) ids.push(feature.properties.id);
  return ids.sort();
}

describe('unitsOfLevel', () => {
  it.each(LEVELS)('lists exactly what the map draws at level %s', (level) => {
    const listed = unitsOfLevel(units, level).map((unit) => unit.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(drawnIds(level));
  });

  it('splits and merges Chongqing and Chengdu as the levels say', () => {
    const ids = (level: Level) => new Set(unitsOfLevel(units, level).map((unit) => unit.id));
    // 渝北区 500112 and 成都市 510100 are units; 锦江区 510104 shows only at the districts level.
    expect(['500112', '510100', '510104', '500000'].map((id) => ids('units').has(id))).toEqual([true, true, false, false]);
    expect(['500000', '500112', '510100'].map((id) => ids('cities').has(id))).toEqual([true, false, true]);
    expect(['510104', '510100', '500112'].map((id) => ids('districts').has(id))).toEqual([true, false, true]);
  });

  it('puts the zones last, without their point markers', () => {
    const listed = unitsOfLevel(units, 'units');
    expect(listed.slice(-3).map((unit) => unit.id)).toEqual(['chengdu-hitech', 'liangjiang', 'tianfu']);
    expect(listed.some((unit) => unit.id === 'tianfu-core')).toBe(false);
  });
});

describe('levelShowing', () => {
  const byId = new Map((unitsJson as UnitProps[]).map((u) => [u.id, u]));
  it('keeps the current level when it draws the unit, else switches to one that does', () => {
    const yubei = byId.get('500112')!;
    const wuhou = byId.get('510107')!;
    const chongqing = byId.get('500000')!;
    expect(levelShowing(yubei, 'units')).toBe('units');
    expect(levelShowing(yubei, 'cities')).toBe('units');
    expect(levelShowing(wuhou, 'units')).toBe('districts');
    expect(levelShowing(chongqing, 'units')).toBe('cities');
    expect(levelShowing(byId.get('liangjiang')!, 'cities')).toBe('cities');
  });
});
