import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectShared } from './browser';
import { afterRender, countColour, countColours, mapFillColours, openAtlas } from './atlas-page';
import { COLORS } from '../../src/look/theme';

// Camera hashes that put a known place at the centre of the 1280×800 viewport (640, 400).
const CHENGDU = '#map=8/30.66/104.07';
const YUZHONG = '#map=10/29.556/106.57';
const CENTRE = { x: 640, y: 400 };

let browser: Browser;
connectShared((shared) => (browser = shared));

describe('the atlas in a real browser', () => {
  it('draws the Circle with WebGL2, coloured polygons and no request off this host', async () => {
    const { page, context, offsite, errors } = await openAtlas(browser);
    expect(await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'))).toBe(true);
    expect(await page.locator('#map canvas.maplibregl-canvas').count()).toBe(1);
    // Pixels, not just a canvas: a good share of the screen is filled with the units' colours.
    const filled = (await countColours(page, await mapFillColours(page), 6)).reduce((a, b) => a + b, 0);
    expect(filled).toBeGreaterThan(1280 * 800 * 0.05);
    expect(await page.title()).toContain('成渝');
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens the figures of Chengdu on a click, naming it in both languages', async () => {
    const { page, context } = await openAtlas(browser, `./${CHENGDU}`);
    await page.mouse.click(CENTRE.x, CENTRE.y);
    const panel = page.locator('.unit-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('成都市');
    expect(await panel.locator('.secondary-name').textContent()).toBe('Chengdu');
    expect(await panel.textContent()).toContain('四川省');
    expect(await panel.textContent()).toContain('km²');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    await context.close();
  });

  it('highlights and names the unit under the pointer', async () => {
    const { page, context } = await openAtlas(browser, `./${CHENGDU}`);
    await page.mouse.move(CENTRE.x, CENTRE.y);
    await expect.poll(() => page.locator('.tooltip').textContent()).toMatch(/^成都市 · /);
    await context.close();
  });

  it('switches level: a district of Chongqing, then Chongqing as one city', async () => {
    const { page, context, errors } = await openAtlas(browser, `./${YUZHONG}`);
    await page.mouse.click(CENTRE.x, CENTRE.y);
    await expect.poll(() => page.locator('.unit-panel h2').textContent()).toBe('渝中区');
    await afterRender(page, () => page.getByLabel('城市', { exact: true }).check());
    await page.mouse.click(CENTRE.x + 40, CENTRE.y + 40);
    await expect.poll(() => page.locator('.unit-panel h2').textContent()).toBe('重庆市');
    // Every layer the level switch touches exists (MapLibre reports a missing one as an error, not a throw).
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches the districts level on in Sichuan: Chengdu splits into its districts', async () => {
    const { page, context } = await openAtlas(browser, `./?level=districts${CHENGDU}`);
    await page.mouse.click(CENTRE.x, CENTRE.y);
    const name = page.locator('.unit-panel h2');
    await expect.poll(() => name.textContent()).toMatch(/区$/);
    expect(await page.locator('.unit-panel').textContent()).toContain('成都市');
    await context.close();
  });

  it('switches language at run time: interface, panel and map labels', async () => {
    const { page, context } = await openAtlas(browser, `./${CHENGDU}`);
    await page.mouse.click(CENTRE.x, CENTRE.y);
    const before = await page.locator('#map canvas.maplibregl-canvas').screenshot();
    await afterRender(page, () => page.getByLabel('English').check());
    await expect.poll(() => page.locator('h1 .title-long').textContent()).toBe('Chengdu-Chongqing Economic Circle Atlas');
    expect(await page.locator('.unit-panel h2').textContent()).toBe('Chengdu');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const after = await page.locator('#map canvas.maplibregl-canvas').screenshot();
    expect(Buffer.compare(before, after)).not.toBe(0);
    await context.close();
  });

  it('shows and hides the zones, labelled approximate', async () => {
    const { page, context } = await openAtlas(browser, `./${YUZHONG.replace('10/', '8.5/')}`);
    // The zones' outline colour appears nowhere else on the map.
    const zoneOutline = () => countColour(page, COLORS.zone, 40);
    expect(await zoneOutline()).toBeGreaterThan(200);
    expect(await page.locator('.legend').textContent()).toContain('功能区（示意）');
    await afterRender(page, () => page.getByLabel('显示功能区（示意）').uncheck());
    expect(await zoneOutline()).toBeLessThan(20);
    await context.close();
  });
});
