import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { decodeBoundaries } from '../data/boundaries';
import { UNIT_OBJECTS } from '../model/units';
import { LEVELS } from '../state/view-state';
import { SHAPES_SOURCE, TILED_SOURCES, buildStyle, shapeFeatures, tileUrl } from './style';

const topology = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Topology;

describe('pre-built tile sources', () => {
  it("bound the set by its data's box, so no tile outside the built ones is ever asked for", () => {
    const china = topology('public/data/china.topo.json').bbox!;
    TILED_SOURCES.china.bounds.forEach((v, i) => expect(v).toBeCloseTo(china[i], 5));
  });

  it('name tiles MapLibre can fetch from its worker: absolute, the template left as it is', () => {
    expect(tileUrl('china', 'https://example.org/atlas/index.html?level=china')).toBe('https://example.org/atlas/tiles/china/{z}/{x}/{y}.pbf');
  });
});

describe('the shapes source at the start', () => {
  const boundaries = decodeBoundaries(topology('public/data/boundaries.topo.json'));
  const all = (['context', ...UNIT_OBJECTS, 'circle', 'zones'] as const).flatMap((o) => boundaries[o].features);
  const ids = (features: { properties: { id: string; level: string } }[]) => new Set(features.map((f) => `${f.properties.level}:${f.properties.id}`));

  it.each(LEVELS)("holds every shape the style's layers draw at level %s", (level) => {
    const held = ids(shapeFeatures(boundaries, level));
    const style = buildStyle(boundaries, level, true, 'https://example.org/');
    for (const layer of style.layers) {
      if (!('source' in layer) || layer.source !== SHAPES_SOURCE) continue;
      const filter = featureFilter(layer.filter, 'filter');
      const drawn = all.filter((f) => filter.filter({ zoom: 8 }, { type: 'Polygon', properties: f.properties }));
      for (const id of ids(drawn)) expect(held, `${layer.id} draws ${id}`).toContain(id);
    }
  });

  it("leaves out units the first level does not draw (at the default level, Sichuan's counties), and holds all of them on request", () => {
    const held = ids(shapeFeatures(boundaries, 'units'));
    const sichuanCounties = boundaries.counties.features.filter((f) => f.properties.parent !== '500000');
    expect(sichuanCounties.length).toBeGreaterThan(100);
    for (const id of ids(sichuanCounties)) expect(held).not.toContain(id);
    expect(ids(shapeFeatures(boundaries, null))).toEqual(ids(all));
  });
});
