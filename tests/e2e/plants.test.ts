import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBoth } from './browser';
import { afterRender, drawnByMapLibre, MAP2D_READY, mapSettled, openAtlas, param } from './atlas-page';

let browser: Browser;
let noGl: Browser;
connectBoth((webgl, noWebgl) => ((browser = webgl), (noGl = noWebgl)));

const plantsShown = async (page: Page) => (await drawnByMapLibre(page))?.plants;
const searchBox = (page: Page, name = '搜索地名') => page.getByRole('combobox', { name });

describe('plants on the map', () => {
  it('picking vehicle output at the default level shows at least 20 plants, and their legend', async () => {
    const { page, context, errors } = await openAtlas(browser);
    expect(await plantsShown(page)).toBe(0);
    await afterRender(page, () => page.locator('select[name="indicator"]').selectOption('vehicles'));
    await expect.poll(() => plantsShown(page)).toBeGreaterThanOrEqual(20);
    const key = page.locator('.legend [data-legend="plants"]');
    expect(await key.locator('[data-product]').count()).toBe(4);
    expect(await key.textContent()).toContain('并非其实际厂址');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a click on a plant opens its panel and puts it in the link', async () => {
    // Centred on Geely's Nanchong plant (alone at Jialing District's centre, so not moved onto a ring).
    const [lng, lat] = [105.931832, 30.694174];
    const { page, context } = await openAtlas(browser, `./?ind=vehicles&lang=en#map=8/${lat}/${lng}`);
    await mapSettled(page);
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const panel = page.locator('.plant-panel[data-plant="geely-nanchong"]');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(param(page, 'sel')).toBe('plant:geely-nanchong');
    expect(await panel.locator('[data-field="where"]').textContent()).toContain('Jialing District');
    await context.close();
  });

  it('FAW-Volkswagen Chengdu from the search: district, products, capacity and a graded source', async () => {
    // The search and the plant's panel are the panels' (MapLibre's plant click: the test above).
    const { page, context, errors } = await openAtlas(noGl, './?ind=vehicles&lang=en', { waitFor: MAP2D_READY });
    const box = searchBox(page, 'Search places');
    await box.pressSequentially('一汽-大众');
    const option = page.locator('[role="option"][data-plant="faw-vw-chengdu"]');
    await expect.poll(() => option.isVisible()).toBe(true);
    expect(await option.textContent()).toContain('plant');
    await option.click();
    const panel = page.locator('.plant-panel[data-plant="faw-vw-chengdu"]');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(param(page, 'sel')).toBe('plant:faw-vw-chengdu');
    expect(await panel.locator('[data-field="where"]').textContent()).toContain('Longquanyi District');
    expect(await panel.locator('[data-field="where"]').textContent()).toContain("Shown at the district's centre");
    expect(await panel.locator('[data-field="products"]').textContent()).toBe('Passenger cars (fuel)');
    const capacity = panel.locator('[data-field="capacity"]');
    expect(await capacity.textContent()).toContain('600,000 vehicles a year (design capacity, 2016)');
    expect(await capacity.locator('.grade').textContent()).toBe('B');
    expect(await capacity.locator('a').getAttribute('href')).toMatch(/^https?:\/\//);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reopens a selected plant from its link, in Chinese', async () => {
    const { page, context } = await openAtlas(noGl, './?ind=vehicles&sel=plant:faw-vw-chengdu', { waitFor: MAP2D_READY });
    const panel = page.locator('.plant-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('一汽-大众汽车有限公司成都分公司');
    expect(await panel.locator('[data-field="where"]').textContent()).toContain('龙泉驿区');
    await context.close();
  });

  it.each([
    ['问界', '搜索地名'],
    ['Seres', 'Search places'],
  ])("searching %s lists Seres' plants", async (query, label) => {
    const { page, context } = await openAtlas(noGl, label === '搜索地名' ? './' : './?lang=en', { waitFor: MAP2D_READY });
    await searchBox(page, label).pressSequentially(query);
    const options = page.locator('[role="option"][data-plant]');
    await expect.poll(() => options.count()).toBe(3);
    const ids = await options.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-plant')).sort());
    expect(ids).toEqual(['seres-liangjiang', 'seres-phoenix', 'seres-super-factory']);
    await context.close();
  });
});

describe('a plants file the app cannot read', () => {
  it('leaves the map without plants and a line saying so; the start goes on', async () => {
    const { page, context, errors } = await openAtlas(browser, './?ind=vehicles&lang=en', {
      routes: (c) => c.route('**/data/plants.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ schema: 7, plants: [] }) })),
    });
    const line = page.locator('.map-message[role="alert"]');
    await expect.poll(() => line.textContent()).toContain('Could not load the vehicle plants (data/plants.json)');
    expect(await line.textContent()).toContain('data format version 7');
    expect(await plantsShown(page)).toBe(0);
    expect(await page.locator('.legend [data-legend="plants"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
