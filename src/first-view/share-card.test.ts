import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COLORS } from '../look/theme';
import { rasterFrame } from '../paint2d/raster-painter';
import { mercatorShape } from '../paint2d/shapes';
import type { UnitProps } from '../model/units';
import { encodePng, shareCard, SHARE_CARD_SIZE } from './share-card';

/** The RGB pixels of a PNG that encodePng wrote (one IDAT, no filters). */
function decode(png: Buffer): { width: number; height: number; rgb: Buffer } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat = png.indexOf('IDAT');
  const rows = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) rows.copy(rgb, y * width * 3, y * (1 + width * 3) + 1, (y + 1) * (1 + width * 3));
  return { width, height, rgb };
}

const count = (rgb: Buffer, hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < rgb.length; i += 3) if (Math.abs(rgb[i] - r) + Math.abs(rgb[i + 1] - g) + Math.abs(rgb[i + 2] - b) <= 12) n++;
  return n;
};

describe('the raster painter', () => {
  it('covers a square in whole pixels and blends its edge by the share of samples', () => {
    const frame = rasterFrame(4, 1, { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }, 0);
    frame.painter.background('#ffffff');
    // x 0 to 2.5: two whole pixels, half of the third.
    frame.painter.fill(mercatorShape({ id: 'square' } as UnitProps, [[new Float64Array([0, 0, 2.5, 0, 2.5, 1, 0, 1])]]), '#000000');
    expect([...frame.pixels.filter((_, i) => i % 3 === 0)]).toEqual([0, 0, 128, 255]);
  });
});

describe('the share card', () => {
  const png = shareCard(
    JSON.parse(readFileSync('public/data/boundaries.topo.json', 'utf8')),
    JSON.parse(readFileSync('public/data/indicators.json', 'utf8')),
  );

  it('is a PNG of the card size that decodes to the map: its background and the Circle outline', () => {
    const { width, height, rgb } = decode(png);
    expect({ width, height }).toEqual(SHARE_CARD_SIZE);
    expect(count(rgb, COLORS.circleLine)).toBeGreaterThan(1000);
    expect(count(rgb, COLORS.context)).toBeGreaterThan(20_000);
  });

  it('encodes what it is given', () => {
    const rgb = new Uint8Array([255, 0, 0, 0, 255, 0]);
    expect([...decode(encodePng(2, 1, rgb)).rgb]).toEqual([...rgb]);
  });
});
