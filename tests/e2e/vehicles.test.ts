import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBoth } from './browser';
import { afterRender, countColour, downloadBytes, drawnByMapLibre, MAP2D_READY, mapSettled, nextFrames, openAtlas, param } from './atlas-page';
import { plantPoints } from '../../src/look/plants';
import { mainProduct, type PlantsFile } from '../../src/model/plants';
import { PRODUCT_COLOURS } from '../../src/look/theme';

let browser: Browser;
let noGl: Browser;
connectBoth((webgl, noWebgl) => ((browser = webgl), (noGl = noWebgl)));

const plants = (JSON.parse(readFileSync('public/data/plants.json', 'utf8')) as PlantsFile).plants;
/** Longquanyi District (成都经开区): where its name and circle go (geo/units.json's label). */
const LONGQUANYI = { id: '510112', lng: 104.295755, lat: 30.592971 };

/** Ids of the units and zones whose circles MapLibre drew at its last idle (AtlasMap lists them on #map). */
const circlesShown = async (page: Page) => (await drawnByMapLibre(page))?.circles;
const plantsShown = async (page: Page) => (await drawnByMapLibre(page))?.plants;

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
    expect(await totals.locator('[data-unit="500000"] .legend-figure').textContent()).toBe('重庆市 · 209 万辆');
    expect(await totals.locator('[data-unit="510000"] .legend-figure').textContent()).toBe('四川省 · 109 万辆');
    // With where each is from: geo/data/vehicles.csv's source and grade for both rows.
    for (const unit of ['500000', '510000']) {
      const source = totals.locator(`[data-unit="${unit}"] .figure-sources li`);
      expect(await source.textContent()).toBe('BiChongqing');
      expect(await source.locator('a').getAttribute('href')).toBe('https://www.ichongqing.info/2023/06/19/12-of-chinas-automobile-produced-in-sichuan-chongqing/amp');
    }
    expect(await page.locator('.legend .circle-key').textContent()).toContain('圆面积与汽车产量成正比');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the hub’s figure in its tooltip', async () => {
    const { page, context } = await openAtlas(browser, './?ind=vehicles&year=2022#map=9/30.178525/104.288397');
    expect(await tooltipAtCentre(page)).toBe('天府新区 · 98 万辆');
    await context.close();
  });

  it('a district with no figure says so and points to where the figure is published', async () => {
    const { page, context } = await openAtlas(noGl, './?ind=vehicles&year=2022&sel=500112&lang=en', { waitFor: MAP2D_READY });
    const panel = page.locator('.unit-panel .published-elsewhere');
    await expect.poll(() => panel.textContent()).toContain('No Vehicle output figure is published for this unit.');
    expect(await panel.locator('[data-unit="500000"]').textContent()).toBe('Chongqing · 2.09 million vehicles (2022)');
    expect(await panel.locator('[data-unit="liangjiang"]').textContent()).toContain('1.194 million vehicles (2022)');
    await panel.locator('[data-unit="500000"] button').click();
    await expect.poll(() => param(page, 'sel')).toBe('500000');
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
    // The tooltip's words are the app's, whichever map was hovered (MapLibre's hover: the hub's tooltip above).
    const { page, context } = await openAtlas(noGl, `${query}#map=9/${LONGQUANYI.lat}/${LONGQUANYI.lng}`, { waitFor: MAP2D_READY });
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
    expect(await legend.locator('.legend-figure').textContent()).toBe('Longquanyi District · 628 thousand vehicles (Jan–Sep 2025)');
    expect(await legend.locator('.figure-sources .grade').count()).toBe(1);
    // Never drawn: a part of a year would read as a fall next to full years.
    expect(await circlesShown(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = (await downloadBytes(download)).toString('utf8');
    const line = csv.split('\r\n').find((l) => l.startsWith(`${LONGQUANYI.id},`));
    expect(line).toMatch(/^510112,龙泉驿区,Longquanyi District,vehicles,2025,M1-M9,628000,,辆,C,/);
    await context.close();
  });
});

describe('the legend', () => {
  it('no legend key for undrawn symbols: no circle key where no circle is drawn, no stripes key at All China', async () => {
    // All China draws no circles (its units have no label points): its census counts are filled, with classes.
    // The legend's keys are the legend plan's, whichever map draws (the 2D map here; MapLibre's circles below).
    const china = await openAtlas(noGl, './?level=china&ind=census_population&lang=en', { waitFor: MAP2D_READY });
    await china.page.waitForSelector('.legend li[data-class="0"]');
    expect(await china.page.locator('.legend .circle-key').count()).toBe(0);
    expect(await china.page.locator('.legend .swatch.hatched').count()).toBe(0);
    await china.context.close();
    // Vehicle output in 2019 is published for Chongqing and Sichuan only, neither drawn at the default level.
    const { page, context } = await openAtlas(browser, './?ind=vehicles&year=2019&lang=en');
    expect(await circlesShown(page)).toEqual([]);
    expect(await page.locator('.legend .circle-key').count()).toBe(0);
    // Said in words instead, with the year.
    expect(await page.locator('.legend [data-legend="totals"]').textContent()).toContain('Chongqing · 1.375 million vehicles');
    await context.close();
  });

  it("a total's circles over the units' membership colour, said in the legend, with the year's count", async () => {
    const { page, context } = await openAtlas(browser, './?ind=gdp&year=2022&lang=en');
    expect(await page.locator('.legend .circle-key').count()).toBe(1);
    // No class colours: the fill is not a second picture of the same figure.
    expect(await page.locator('.legend li[data-class="0"]').count()).toBe(0);
    const counts = page.locator('.legend [data-legend="circle-counts"]');
    expect(await counts.textContent()).toContain('The fill shows membership of the Circle, not the figure.');
    // Every unit with a figure has its circle (a few lie outside the frame MapLibre reports on).
    const drawn = Number(await counts.locator('li[data-class="circles"] .count').textContent());
    const shown = (await circlesShown(page))!.length;
    expect(shown).toBeGreaterThan(30);
    expect(drawn).toBeGreaterThanOrEqual(shown);
    expect(drawn - shown).toBeLessThanOrEqual(3);
    await context.close();
  });
});

describe('Liangjiang and Tianfu, and the preset link', () => {
  it('compares both zones’ vehicle figures side by side, each with its year note', async () => {
    const { page, context } = await openAtlas(noGl, './?ind=vehicles&year=2022&panel=compare&cmp=liangjiang,tianfu&lang=en', { waitFor: MAP2D_READY });
    await page.waitForSelector('.compare-table');
    const row = page.locator('.compare-table tr[data-indicator="vehicles"]');
    const cells = row.locator('td .figure-value');
    expect(await cells.allTextContents()).toEqual(['1.194 million vehicles', '980 thousand vehicles']);
    for (const cell of await row.locator('td').all().then((tds) => tds.slice(0, 2))) {
      expect(await cell.locator('.figure-notes').textContent()).toContain('The source states 2020; shown under 2022');
    }
    expect(await page.locator('.compare-table tr[data-indicator="nev"] td .figure-value').allTextContents()).toEqual(['216 thousand vehicles', '40 thousand vehicles']);
    await context.close();
  });

  it('"Auto industry" is an ordinary link that opens the vehicles layer over the Circle with its plants', async () => {
    const { page, context } = await openAtlas(browser, './?ind=gdp_per_capita&year=2020&sel=510100');
    const preset = page.getByRole('link', { name: '汽车产业' });
    const href = (await preset.getAttribute('href'))!;
    expect(new URL(href).searchParams.get('ind')).toBe('vehicles');
    await afterRender(page, () => preset.click());
    expect(page.url()).toBe(href);
    expect([param(page, 'ind'), param(page, 'year'), param(page, 'level'), param(page, 'sel')]).toEqual(['vehicles', '2022', null, null]);
    await expect.poll(() => plantsShown(page)).toBeGreaterThanOrEqual(20);
    expect(await circlesShown(page)).toEqual(['liangjiang', 'tianfu']);
    // The same link opened afresh shows the same view.
    const fresh = await openAtlas(browser, href.replace(/^https?:\/\/[^/]+\//, './'));
    expect(await circlesShown(fresh.page)).toEqual(['liangjiang', 'tianfu']);
    expect(await fresh.page.getByRole('link', { name: '汽车产业' }).isVisible()).toBe(true);
    await fresh.context.close();
    await context.close();
  });
});

describe('without WebGL2: the plants and the hubs on the 2D map', () => {
  it('draws a plant from the first frame of a vehicle link, names it under the pointer and opens it on a click', async () => {
    // Geely's Nanchong plant, alone at Jialing District's centre, in the middle of the map.
    const geely = plants.find((p) => p.id === 'geely-nanchong')!;
    const [lng, lat] = geely.position;
    const { page, context, errors } = await openAtlas(noGl, `./?ind=vehicles&year=2022&lang=en#map=8/${lat}/${lng}`, { waitForMap: false });
    await page.waitForSelector('#map[data-first-paint="true"]', { timeout: 30_000 });
    await nextFrames(page);
    // The symbol's colour on the map itself, with the panels and legend (which has the same colour) out of sight.
    await page.evaluate(() => document.getElementById('app')!.style.setProperty('visibility', 'hidden'));
    expect(await countColour(page, PRODUCT_COLOURS[mainProduct(geely)], 30)).toBeGreaterThan(20);
    await page.evaluate(() => document.getElementById('app')!.style.removeProperty('visibility'));
    expect(await tooltipAtCentre(page)).toBe(geely.company.en);
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator('.plant-panel[data-plant="geely-nanchong"]').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a hub's circle stands for its zone, as on MapLibre's map", async () => {
    const { page, context } = await openAtlas(noGl, './?ind=vehicles&year=2022#map=9/30.178525/104.288397', { waitForMap: false });
    await page.waitForSelector('#map[data-first-paint="true"]', { timeout: 30_000 });
    expect(await tooltipAtCentre(page)).toBe('天府新区 · 98 万辆');
    await context.close();
  });
});
