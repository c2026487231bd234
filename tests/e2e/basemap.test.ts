import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectBrowser } from './browser';
import { afterRender, countColour, countColours, openAtlas, tileOf } from './atlas-page';
import { COLORS } from '../../src/look/theme';
import { BASEMAP_TILES } from '../../src/map/style';
import { expectTileBlock } from './expected';

/** The tile server the build points at (VITE_BASEMAP_TILES or OSM's); never reached: the tests refuse or answer it. */
const TILE_ORIGIN = new URL(BASEMAP_TILES.replace(/\{[xyz]\}/g, '0')).origin;
/** A colour nothing in the built-in style uses, so its pixels can only come from the tiles. */
const TILE_COLOUR = '#ff00ff';
/** A good share of the 1280×800 screen: the neighbouring provinces around the Circle in the default framing. */
const MIN_PIXELS = 1280 * 800 * 0.05;
/** The shared test machine is slow: a screenshot alone can take over 10 s there. */
const SLOW_TEST_MS = 180_000;
const SLOW_STEP_MS = 30_000;

let browser: Browser;
let tilePng: Buffer;
beforeAll(async () => {
  browser = await connectBrowser();
  const scratch = await browser.newPage();
  const bytes = await scratch.evaluate(async (colour) => {
    const canvas = new OffscreenCanvas(256, 256);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = colour;
    ctx.fillRect(0, 0, 256, 256);
    return [...new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer())];
  }, TILE_COLOUR);
  await scratch.close();
  tilePng = Buffer.from(bytes);
});
afterAll(async () => {
  await browser?.close();
});

const basemapBox = (page: Page) => page.locator('input[name="basemap"]');
const notice = (page: Page) => page.locator('.basemap-notice');

/** The view fell back to the built-in style and said so: notice, checkbox, URL, pixels, no extra history entry. */
async function expectFallback(page: Page): Promise<void> {
  await notice(page).waitFor();
  expect(await notice(page).textContent()).toContain('在线底图无法加载');
  expect(await basemapBox(page).isChecked()).toBe(false);
  expect(new URL(page.url()).searchParams.get('basemap')).not.toBe('osm');
  // The built-in style is back: the neighbouring provinces are filled again.
  await expect.poll(() => countColour(page, COLORS.context, 6), { timeout: 15_000 }).toBeGreaterThan(MIN_PIXELS);
  await notice(page).getByRole('button').click();
  expect(await notice(page).count()).toBe(0);
  // The failure corrected the entry the link opened rather than adding one: Back leaves the atlas, it does not
  // return to the failing basemap.
  await page.goBack();
  expect(page.url()).toBe('about:blank');
}

describe('the online basemap', () => {
  it('falls back to the built-in style, and says so, when its tiles fail', async () => {
    const { page, context, offsite, errors } = await openAtlas(browser, './?basemap=osm');
    context.setDefaultTimeout(SLOW_STEP_MS);
    await expectFallback(page);
    expect(offsite.some((url) => url.startsWith(`${TILE_ORIGIN}/`))).toBe(true);
    // The refused tile requests are the browser's own console lines; nothing else went wrong.
    expect(errors.filter((e) => !/net::ERR_FAILED/.test(e))).toEqual([]);
    await context.close();
  }, SLOW_TEST_MS);

  it('falls back when no tile arrives in time', async () => {
    // MapLibre reports no error for a 404 tile (an empty tile is normal): only the time limit notices.
    const { page, context } = await openAtlas(browser, './?basemap=osm', {
      routes: (c: BrowserContext) => c.route(`${TILE_ORIGIN}/**`, (route) => route.fulfill({ status: 404 })),
    });
    context.setDefaultTimeout(SLOW_STEP_MS);
    await expectFallback(page);
    await context.close();
  }, SLOW_TEST_MS);

  it('draws its tiles under see-through units when switched on, and goes away when switched off', async () => {
    const requested: string[] = [];
    const { page, context, offsite, errors } = await openAtlas(browser, './', {
      routes: (c: BrowserContext) =>
        c.route(`${TILE_ORIGIN}/**`, (route) => {
          requested.push(route.request().url());
          return route.fulfill({ contentType: 'image/png', body: tilePng });
        }),
    });
    context.setDefaultTimeout(SLOW_STEP_MS);
    expect(await countColour(page, TILE_COLOUR)).toBe(0);
    expect(requested).toEqual([]);

    await afterRender(page, () => basemapBox(page).check());
    expectTileBlock(requested.flatMap((url) => tileOf(BASEMAP_TILES, url) ?? []));
    expect(requested.filter((url) => !tileOf(BASEMAP_TILES, url))).toEqual([]);
    expect(new URL(page.url()).searchParams.get('basemap')).toBe('osm');
    const [tilePixels, contextPixels] = await countColours(page, [TILE_COLOUR, COLORS.context], [12, 6]);
    expect(tilePixels).toBeGreaterThan(MIN_PIXELS);
    // The context fill is hidden, or it would cover the tiles around the Circle (a few stray pixels are the UI's).
    expect(contextPixels).toBeLessThan(1000);
    expect(await page.locator('.maplibregl-ctrl-attrib a[href="https://www.openstreetmap.org/copyright"]').textContent()).toBe(
      '© OpenStreetMap contributors',
    );
    // Tiles that arrived keep the basemap on: the time limit was called off (it no longer runs), and nothing said it failed.
    await page.waitForSelector('#map:not([data-basemap-waiting])', { state: 'attached' });
    expect(await notice(page).count()).toBe(0);
    expect(await basemapBox(page).isChecked()).toBe(true);

    await afterRender(page, () => basemapBox(page).uncheck());
    const [tilesLeft, contextBack] = await countColours(page, [TILE_COLOUR, COLORS.context], [12, 6]);
    expect(tilesLeft).toBe(0);
    expect(contextBack).toBeGreaterThan(MIN_PIXELS);
    expect(new URL(page.url()).searchParams.get('basemap')).not.toBe('osm');
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW_TEST_MS);
});
