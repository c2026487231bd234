import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBrowser } from './browser';
import { afterRender, downloadBytes, mapSettled, openAtlas, param } from './atlas-page';
import { plantPoints } from '../../src/look/plants';
import type { PlantsFile } from '../../src/model/plants';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const plants = (JSON.parse(readFileSync('public/data/plants.json', 'utf8')) as PlantsFile).plants;
/** Longquanyi District (成都经开区): where its name and circle go (geo/units.json's label). */
const LONGQUANYI = { id: '510112', lng: 104.295755, lat: 30.592971 };

/** Ids of the units and zones whose circles MapLibre drew at its last idle (AtlasMap lists them on #map). */
const circlesShown = async (page: Page) => ((await page.getAttribute('#map', 'data-circles-shown')) ?? '').split(' ').filter(Boolean);
const plantsShown = async (page: Page) => Number(await page.getAttribute('#map', 'data-plants-shown'));

/** Moves the pointer to the middle of the map and waits for the tooltip's text. */
async function tooltipAtCentre(page: Page): Promise<string> {
  const box = (await page.locator('#map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2 - 3, box.y + box.height / 2 - 3);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tooltip = page.locator('.tooltip');
  await tooltip.waitFor();
  return (await tooltip.textContent()) ?? '';
}

describe('vehicle output at the default level', () => {
  it('picking it keeps the level and shows the plants, the hubs’ circles and the two totals', async () => {
    const { page, context, errors } = await openAtlas(browser, './');
    await afterRender(page, () => page.locator('select[name="indicator"]').selectOption('vehicles'));
    expect(param(page, 'level')).toBeNull();
    // The year with the most figures among the level's units and zones: the seed's Liangjiang and Tianfu.
    expect(param(page, 'year')).toBe('2022');
    await expect.poll(() => plantsShown(page)).toBeGreaterThanOrEqual(20);
    expect(await circlesShown(page)).toEqual(['liangjiang', 'tianfu']);
    const totals = page.locator('.legend [data-legend="totals"]');
    expect(await totals.locator('[data-unit="500000"]').textContent()).toBe('重庆市 · 209 万辆');
    expect(await totals.locator('[data-unit="510000"]').textContent()).toBe('四川省 · 109 万辆');
    expect(await page.locator('.legend [data-legend="circles"]').textContent()).toContain('圆面积与汽车产量成正比');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the hub’s figure in its tooltip', async () => {
    const { page, context } = await openAtlas(browser, './?ind=vehicles&year=2022#map=9/30.178525/104.288397');
    expect(await tooltipAtCentre(page)).toBe('天府新区 · 98 万辆');
    await context.close();
  });

  it('a district with no figure says so and points to where the figure is published', async () => {
    const { page, context } = await openAtlas(browser, './?ind=vehicles&year=2022&sel=500112&lang=en');
    const panel = page.locator('.unit-panel .published-elsewhere');
    await expect.poll(() => panel.textContent()).toContain('No Vehicle output figure is published for this unit.');
    expect(await panel.locator('[data-unit="500000"]').textContent()).toBe('Chongqing · 2,090 thousand vehicles (2022)');
    expect(await panel.locator('[data-unit="liangjiang"]').textContent()).toContain('1,194 thousand vehicles (2022)');
    await afterRender(page, () => panel.locator('[data-unit="500000"] button').click());
    expect(param(page, 'sel')).toBe('500000');
    expect(param(page, 'level')).toBe('cities');
    await context.close();
  });
});

describe('the FAW-Volkswagen Chengdu plant on the map', () => {
  it('a click on its symbol shows its district, products, capacity and a graded source', async () => {
    const [lng, lat] = plantPoints(plants).find((p) => p.properties.id === 'faw-vw-chengdu')!.lngLat;
    const { page, context } = await openAtlas(browser, `./?ind=vehicles&lang=en#map=9/${lat}/${lng}`);
    await mapSettled(page);
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const panel = page.locator('.plant-panel[data-plant="faw-vw-chengdu"]');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('[data-field="where"]').textContent()).toContain('Longquanyi District');
    expect(await panel.locator('[data-field="products"]').textContent()).toBe('Passenger cars (fuel)');
    expect(await panel.locator('[data-field="capacity"]').textContent()).toContain('600,000 vehicles a year');
    expect(await panel.locator('[data-field="capacity"] .grade').textContent()).toMatch(/^[A-D]$/);
    await context.close();
  });
});

describe('a part-year figure (Jan-Sep) keeps its period everywhere', () => {
  const query = `./?ind=vehicles&year=2025&level=districts&lang=en`;

  it('in the tooltip', async () => {
    const { page, context } = await openAtlas(browser, `${query}#map=9/${LONGQUANYI.lat}/${LONGQUANYI.lng}`);
    expect(await tooltipAtCentre(page)).toBe('Longquanyi District · 628 thousand vehicles (Jan–Sep 2025)');
    await context.close();
  });

  it('in the unit panel, the table, the CSV and the legend, never ranked', async () => {
    const { page, context } = await openAtlas(browser, `${query}&sel=${LONGQUANYI.id}&panel=table`);
    const panel = page.locator('.unit-panel table.part-years');
    await expect.poll(() => panel.textContent()).toContain('Jan–Sep 2025');
    const row = page.locator(`.table-panel tr[data-unit="${LONGQUANYI.id}"]`);
    expect(await row.locator('td').first().textContent()).toBe('628 thousand vehicles (Jan–Sep 2025)');
    expect(await row.locator('td').first().getAttribute('data-period')).toBe('M1-M9');
    expect(await row.locator('td').nth(1).textContent()).toBe('—');
    const legend = page.locator(`.legend [data-legend="part-years"] [data-unit="${LONGQUANYI.id}"]`);
    expect(await legend.textContent()).toBe('Longquanyi District · 628 thousand vehicles (Jan–Sep 2025)');
    // Never drawn: a part of a year would read as a fall next to full years.
    expect(await circlesShown(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = (await downloadBytes(download)).toString('utf8');
    const line = csv.split('\r\n').find((l) => l.startsWith(`${LONGQUANYI.id},`));
    expect(line).toMatch(/^510112,龙泉驿区,Longquanyi District,vehicles,2025,M1-M9,628000,,辆,C,/);
    await context.close();
  });
});
