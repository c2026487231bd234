import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { TILED_SOURCES, tileUrl } from './style';

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
