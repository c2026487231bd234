import { describe, expect, it } from 'vitest';
import { pickAt, polygonContains, type MapHit } from './pick';

const YUBEI: MapHit = { kind: 'unit', id: '500112' };
const LIANGJIANG_AREA: MapHit = { kind: 'zone-area', id: 'liangjiang' };

describe('pickAt', () => {
  it('selects the district under a zone, and offers the zone', () => {
    expect(pickAt([LIANGJIANG_AREA, YUBEI])).toEqual({ selected: '500112', alsoHere: ['liangjiang'] });
  });

  it("selects the zone where its own marker or name was hit, and offers the district", () => {
    expect(pickAt([{ kind: 'zone-marker', id: 'tianfu' }, { kind: 'zone-area', id: 'tianfu' }, { kind: 'unit', id: '510116' }])).toEqual({
      selected: 'tianfu',
      alsoHere: ['510116'],
    });
    expect(pickAt([{ kind: 'zone-label', id: 'liangjiang' }, LIANGJIANG_AREA, YUBEI])).toEqual({ selected: 'liangjiang', alsoHere: ['500112'] });
  });

  it('prefers a marker to a name when both are hit', () => {
    expect(pickAt([{ kind: 'zone-label', id: 'tianfu' }, { kind: 'zone-marker', id: 'chengdu-hitech' }]).selected).toBe('chengdu-hitech');
  });

  it('offers every zone whose shape covers the point', () => {
    const hits: MapHit[] = [{ kind: 'zone-area', id: 'chengdu-hitech' }, { kind: 'zone-area', id: 'tianfu' }, { kind: 'unit', id: '510107' }];
    expect(pickAt(hits)).toEqual({ selected: '510107', alsoHere: ['chengdu-hitech', 'tianfu'] });
  });

  it("selects a zone's shape where no unit is under it", () => {
    expect(pickAt([LIANGJIANG_AREA])).toEqual({ selected: 'liangjiang', alsoHere: [] });
  });

  it('a plant wins over everything and offers nothing', () => {
    expect(pickAt([{ kind: 'plant', id: 'plant:x' }, LIANGJIANG_AREA, YUBEI])).toEqual({ selected: 'plant:x', alsoHere: [] });
  });

  it('nothing under the point selects nothing', () => {
    expect(pickAt([])).toEqual({ selected: null, alsoHere: [] });
  });
});

describe('polygonContains', () => {
  // A 10×10 square with a 2×2 hole in the middle.
  const square = [Float64Array.of(0, 0, 10, 0, 10, 10, 0, 10), Float64Array.of(4, 4, 6, 4, 6, 6, 4, 6)];

  it('is inside the outer ring and outside its holes', () => {
    expect(polygonContains(square, 1, 1)).toBe(true);
    expect(polygonContains(square, 5, 5)).toBe(false);
    expect(polygonContains(square, 11, 5)).toBe(false);
  });
});
