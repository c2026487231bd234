import { describe, expect, it } from 'vitest';
import type { UnitProps } from '../model/units';
import { mercatorShape, type MercatorShape } from './shapes';
import { compactPathData, svgFrame } from './svg-painter';

const identity = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };

/** The absolute points of a compact path (M x y, then l dx dy), ring by ring. */
function points(d: string): [number, number][][] {
  const rings: [number, number][][] = [];
  for (const [, command, x, y] of d.matchAll(/([Ml])(-?[\d.]+) (-?[\d.]+)/g)) {
    if (command === 'M') rings.push([[Number(x), Number(y)]]);
    else {
      const ring = rings[rings.length - 1];
      const [px, py] = ring[ring.length - 1];
      ring.push([px + Number(x), py + Number(y)]);
    }
  }
  return rings;
}

function shape(ring: number[]): MercatorShape<UnitProps> {
  return mercatorShape({ id: 't' } as UnitProps, [[Float64Array.from(ring)]]);
}

describe('compactPathData', () => {
  it('keeps corners, drops points within the tolerance, and closes every ring', () => {
    // A square with extra points on its edges, 0.4 px off the line at most.
    const d = compactPathData(shape([0, 0, 50, 0.4, 100, 0, 100, 50, 99.7, 70, 100, 100, 0, 100, 0, 0]), identity, 1);
    expect(points(d)).toEqual([
      [
        [0, 0],
        [100, 0],
        [100, 100],
        [0, 100],
        [0, 0],
      ],
    ]);
    expect(d.endsWith('z')).toBe(true);
  });

  it('keeps a point further off the line than the tolerance', () => {
    const d = compactPathData(shape([0, 0, 50, 3, 100, 0, 100, 100, 0, 100, 0, 0]), identity, 1);
    expect(points(d)[0]).toContainEqual([50, 3]);
  });

  it('adds up relative moves to the rounded positions: no drift over a long outline', () => {
    const ring: number[] = [];
    for (let i = 0; i <= 1000; i++) ring.push(i * 3.37, (i % 2) * 5.29);
    ring.push(0, 0);
    const kept = points(compactPathData(shape(ring), identity, 1))[0];
    expect(kept[kept.length - 2]).toEqual([Math.round(1000 * 3.37), 0]);
  });

  it('applies the transform', () => {
    const d = compactPathData(shape([0, 0, 1, 0, 1, 1, 0, 0]), { a: 200, b: 0, c: 0, d: 100, e: 10, f: 20 }, 1);
    expect(points(d)[0]).toEqual([
      [10, 20],
      [210, 20],
      [210, 120],
      [10, 20],
    ]);
  });
});

describe('svgFrame', () => {
  const square = shape([0, 0, 10, 0, 10, 10, 0, 10, 0, 0]);

  it('writes each shape once and draws it by reference, strokes in screen px', () => {
    const frame = svgFrame(identity, 6, 0.25);
    frame.painter.fill(square, '#abcdef');
    frame.painter.stroke([square], '#ffffff', 2, [3, 1.5]);
    const svg = frame.markup();
    expect(svg.match(/<path id=/g)).toHaveLength(1);
    expect(svg).toContain('vector-effect="non-scaling-stroke"');
    expect(svg).toMatch(/<use href="#fv0" fill="#abcdef"\/>/);
    // Dashes in multiples of the width, as MapLibre's line-dasharray.
    expect(svg).toContain('stroke-width="2" stroke-dasharray="6 3"');
  });

  it('masks the ring out of a translucent circle, not out of an opaque one', () => {
    const translucent = svgFrame(identity, 6, 0.25);
    translucent.painter.circle(0, 0, 10, 1, '#d95f0e', 0.75, '#ffffff');
    expect(translucent.markup().match(/<mask /g)).toHaveLength(1);
    expect(translucent.markup()).toContain('stroke-opacity="0.75"');
    const opaque = svgFrame(identity, 6, 0.25);
    opaque.painter.circle(0, 0, 4, 1.5, '#6a3d9a', 1, '#ffffff');
    opaque.painter.circle(0, 0, 0, 1, '#d95f0e', 0.75, '#ffffff');
    expect(opaque.markup()).not.toContain('<mask');
    // Two discs for the marker, one 1-px dot for the radius-0 circle.
    expect(opaque.markup().match(/stroke-linecap="round"/g)).toHaveLength(3);
  });

  it('refuses anything but a hex colour: the markup is built as text', () => {
    const frame = svgFrame(identity, 6, 0.25);
    expect(() => frame.painter.fill(square, 'red" onload="alert(1)')).toThrow(/not a hex colour/);
  });
});
