import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBrowser } from './browser';
import { downloadBytes, legendClassColours, openAtlas, withPngDecoder, type PngDecodingPage } from './atlas-page';
import { COLORS } from '../../src/look/theme';
import { NO_DATA_COLOR } from '../../src/model/palette';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The picture is 1600×1000 CSS px drawn at 2 device px per CSS px. */
const SIZE = { width: 3200, height: 2000 };
/** The shared test machine is slow: building and encoding a 6-megapixel PNG takes seconds there. */
const SLOW_TEST_MS = 180_000;

/** Opens Share, clicks the download button, and returns the file's suggested name and bytes. */
async function downloadPng(page: Page, share: string, download: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole('button', { name: share, exact: true }).click();
  // The clipboard's answer adds a message (and maybe a link field) above the button: click once the popover is still.
  await page.locator('.share-message').waitFor();
  // Encoding the PNG holds the page's main thread (seconds on a loaded machine), which the click waits out.
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    page.getByRole('button', { name: download }).click({ timeout: 90_000 }),
  ]);
  return { name: file.suggestedFilename(), bytes: await downloadBytes(file) };
}

/** Width and height from the PNG's IHDR chunk (big-endian, right after the signature and chunk header). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes the PNG in the page: how many distinct colours it has, and how many pixels match each of `hexes`. */
async function pixelStats(page: Page, bytes: Buffer, hexes: string[]): Promise<{ distinct: number; counts: number[] }> {
  await withPngDecoder(page);
  return page.evaluate(
    async ({ data, hexes }) => {
      const px = (await (globalThis as unknown as PngDecodingPage).atlasTestPixels(data)).data;
      const targets = hexes.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
      const counts = hexes.map(() => 0);
      const colours = new Set<number>();
      for (let i = 0; i < px.length; i += 4) {
        colours.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
        targets.forEach(([r, g, b], k) => {
          if (Math.abs(px[i] - r) + Math.abs(px[i + 1] - g) + Math.abs(px[i + 2] - b) <= 6) counts[k]++;
        });
      }
      return { distinct: colours.size, counts };
    },
    { data: bytes.toString('base64'), hexes },
  );
}

/** Checks a downloaded picture: a PNG of the full size with the map, the legend's class colours and label ink. */
async function expectMapPicture(page: Page, bytes: Buffer): Promise<void> {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_MAGIC);
  expect(pngSize(bytes)).toEqual(SIZE);
  const classes = await legendClassColours(page);
  expect(classes.length).toBeGreaterThan(1);
  const { distinct, counts } = await pixelStats(page, bytes, [COLORS.context, COLORS.label, NO_DATA_COLOR, ...classes]);
  const [context, ink, noData, ...classCounts] = counts;
  expect(distinct).toBeGreaterThan(500); // antialiased map, text and circles, not a flat fill
  expect(context).toBeGreaterThan(50_000); // the neighbouring provinces around the Circle
  expect(ink).toBeGreaterThan(5_000); // title, legend text and labels
  // Each class and "no data": at least the inside of its legend swatch (28×14 CSS px at 2×); the map's units add more.
  expect(noData).toBeGreaterThanOrEqual(28 * 14 * 4);
  for (const n of classCounts) expect(n).toBeGreaterThanOrEqual(28 * 14 * 4);
  expect(Math.max(...classCounts)).toBeGreaterThan(20_000);
}

describe('download the map as PNG', () => {
  let browser: Browser;
  let noGl: Browser;

  beforeAll(async () => {
    browser = await connectBrowser();
    noGl = await connectBrowser('no-webgl');
  });

  afterAll(async () => {
    await browser?.close();
    await noGl?.close();
  });

  it(
    'saves the current view with title, legend and sources from the share popover',
    async () => {
      const { page, context, errors } = await openAtlas(browser, './?ind=gdp_per_capita&year=2020', { waitForMap: false });
      // With MapLibre on screen (the export must not depend on it); software WebGL is slow on a loaded machine.
      await page.waitForSelector('#map[data-map-ready="true"]', { timeout: 90_000 });
      const { name, bytes } = await downloadPng(page, '分享', '下载 PNG');
      expect(name).toBe('chengyu-atlas_gdp_per_capita_2020_units.png');
      await expectMapPicture(page, bytes);
      expect(errors).toEqual([]);
      await context.close();
    },
    SLOW_TEST_MS,
  );

  it(
    'works without WebGL2, in English, for another indicator and level',
    async () => {
      const { page, context, errors } = await openAtlas(noGl, './?ind=gdp_per_capita&year=2021&level=cities&lang=en&zones=1', {
        waitForMap: false,
      });
      await page.waitForSelector('#map[data-first-paint="true"]', { timeout: 30_000 });
      const { name, bytes } = await downloadPng(page, 'Share', 'Download PNG');
      expect(name).toBe('chengyu-atlas_gdp_per_capita_2021_cities.png');
      await expectMapPicture(page, bytes);
      expect(errors).toEqual([]);
      await context.close();
    },
    SLOW_TEST_MS,
  );
});
