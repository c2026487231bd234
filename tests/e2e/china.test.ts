import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBrowser, connectShared } from './browser';
import { afterRender, legendCounts, openAtlas, param, tileOf } from './atlas-page';
import { expectTileBlock } from './expected';

let browser: Browser;
connectShared((shared) => (browser = shared));


/** Requests the page made for a path under the app, e.g. `tiles/china/`. */
function requestsTo(page: Page, fragment: string): string[] {
  const seen: string[] = [];
  page.on('request', (r) => r.url().includes(fragment) && seen.push(r.url()));
  return seen;
}

/** The address template of all China's tiles on the preview server. */
const chinaTiles = () => new URL('tiles/china/{z}/{x}/{y}.pbf', inject('baseUrl')).href.replace(/%7B/g, '{').replace(/%7D/g, '}');

/** The tiles among `urls` that the build did not make (dist/tiles/china/z/x/y.pbf), and any other address. */
function notBuiltTiles(urls: string[]): string[] {
  const template = chinaTiles();
  return urls.filter((url) => {
    const tile = tileOf(template, url);
    return !tile || !existsSync(`dist/tiles/china/${tile.z}/${tile.x}/${tile.y}.pbf`);
  });
}

/** Zhengzhou's Erqi District (410103) at the centre of the map: a unit only the national layer has. */
const ERQI = '#map=6/34.75/113.65';
const CENTRE = { x: 640, y: 400 };

describe("all China's counties", () => {
  it('opens from a link: every county coloured by its area, from tiles, with the legend counting them all', async () => {
    const tiles: string[] = [];
    const { page, context } = await openAtlas(browser, './?level=china', {
      // MapLibre's worker fetches the tiles: they are seen on the context, not in the page's resource timing.
      routes: (c) => c.route('**/tiles/china/**', (route) => (tiles.push(route.request().url()), route.continue())),
    });
    expect(await page.locator('.legend-title').textContent()).toContain('面积');
    // 2,891 county-level units in the boundary source (its 7 other features are boundary lines), each with its computed area (the no-data row counts 0).
    expect((await legendCounts(page)).reduce((a, b) => a + b, 0)).toBe(2891);
    expect(await page.locator('.legend li[data-class="no-data"] .count').textContent()).toBe('0');
    // MapLibre reads the pre-built tiles, not a GeoJSON of the whole country, and asks for no tile the build did not make.
    expectTileBlock(tiles.flatMap((url) => tileOf(chinaTiles(), url) ?? []));
    expect(notBuiltTiles(tiles)).toEqual([]);
    await context.close();
  });

  it('is reached from the level switch: the map shows China, the link says so, and Back returns', async () => {
    const { page, context } = await openAtlas(browser, './');
    const tiles = requestsTo(page, '/tiles/china/');
    expect(tiles).toEqual([]);
    await afterRender(page, () => page.getByLabel('全国区县').check());
    await expect.poll(() => page.locator('.legend-title').textContent(), { timeout: 20_000 }).toContain('面积');
    expect(param(page, 'level')).toBe('china');
    expect(param(page, 'ind')).toBe('land_area');
    expectTileBlock(tiles.flatMap((url) => tileOf(chinaTiles(), url) ?? []), 'last-zoom');
    expect(notBuiltTiles(tiles)).toEqual([]);
    await page.goBack();
    await expect.poll(() => param(page, 'level')).toBeNull();
    await expect.poll(() => page.locator('.legend-title').textContent()).toContain('地区生产总值');
    await context.close();
  });

  it('names and measures a county on a click, with the source, grade and the computed-area caveat', async () => {
    const { page, context } = await openAtlas(browser, `./?level=china&lang=en${ERQI}`);
    await page.mouse.click(CENTRE.x, CENTRE.y);
    const panel = page.locator('.unit-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Erqi District');
    const text = await panel.textContent();
    expect(text).toContain('km²');
    expect(text).toContain('Tianditu');
    expect(text).toMatch(/official land areas differ/);
    expect(param(page, 'sel')).toBe('410103');
    // The selection survives a reload of the link.
    await page.reload();
    await page.waitForSelector('#map[data-map-ready="true"][data-idle-count]', { timeout: 30_000 });
    expect(await panel.locator('h2').textContent()).toBe('Erqi District');
    expect(param(page, 'sel')).toBe('410103');
    await context.close();
  });

  it('finds a county anywhere in China by name, says its province, and frames it', async () => {
    const { page, context } = await openAtlas(browser, './?level=china');
    await page.locator('.search input').fill('海淀');
    const option = page.getByRole('option').first();
    await expect.poll(() => option.textContent()).toContain('北京市');
    await option.click();
    await expect.poll(() => param(page, 'sel')).toBe('110108');
    const panel = page.locator('.unit-panel');
    expect(await panel.locator('h2').textContent()).toBe('海淀区');
    expect(await panel.textContent()).toContain('北京市');
    // Framed: the map moves to Beijing (the URL's camera follows once the move ends).
    const centre = () => new URL(page.url()).hash.match(/^#map=[\d.]+\/([\d.]+)\/([\d.]+)/)?.slice(1).map(Number) ?? [];
    await expect.poll(() => Math.abs((centre()[0] ?? 0) - 40) < 0.3 && Math.abs((centre()[1] ?? 0) - 116.25) < 0.3, { timeout: 10_000 }).toBe(true);
    await context.close();
  });
});

describe('all China without WebGL2', () => {
  let noGl: Browser;
  beforeAll(async () => {
    noGl = await connectBrowser('no-webgl');
  });
  afterAll(async () => {
    await noGl?.close();
  });

  it('draws the counties in 2D and selects one by its outline', async () => {
    const { page, context } = await openAtlas(noGl, `./?level=china&lang=en${ERQI}`, { waitForMap: false });
    await page.waitForSelector('#map[data-first-paint="true"]');
    await page.mouse.click(CENTRE.x, CENTRE.y);
    // The panels' code loads after the first frame: on a busy machine the panel can take a few seconds to show.
    await expect.poll(() => page.locator('.unit-panel h2').textContent(), { timeout: 10_000 }).toBe('Erqi District');
    expect(await page.locator('.unit-panel').textContent()).toContain('km²');
    await context.close();
  });
});
