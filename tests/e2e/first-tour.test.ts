/**
 * What a first-time user trips over: zones that take clicks meant for the districts under them, panels over the
 * Circle, a phone's left-over tooltip and cut-off compare table, and the small things of the figures.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBoth } from './browser';
import { MAP2D_READY, mapSettled, openAtlas, panelsReady, param } from './atlas-page';
import { formatValue } from '../../src/model/format';

let browser: Browser;
let noGl: Browser;
connectBoth((webgl, noWebgl) => ((browser = webgl), (noGl = noWebgl)));

const DESKTOP = { width: 1280, height: 800 };
const CENTRE = { x: DESKTOP.width / 2, y: DESKTOP.height / 2 };
/** Yubei's label point (boundaries.topo.json), inside Liangjiang's drawn shape; Liangjiang's name hangs below it. */
const AT_YUBEI = '#map=9/29.8505/106.7128';

/** The selected unit as the link says, once a click has been handled. */
async function selectedAfterClick(page: Page, x: number, y: number): Promise<string | null> {
  const before = page.url();
  await page.mouse.click(x, y);
  await expect.poll(() => page.url()).not.toBe(before);
  return param(page, 'sel');
}

describe('zones and the districts under them', () => {
  for (const kind of ['maplibre', '2d'] as const) {
    it(`a click on Yubei with zones shown selects Yubei, and offers Liangjiang beside it (${kind} map)`, async () => {
      const gl = kind === 'maplibre';
      const { page, context, errors } = await openAtlas(gl ? browser : noGl, `./?lang=en${AT_YUBEI}`, { waitForMap: gl });
      if (gl) await mapSettled(page);
      else await page.waitForSelector('#map[data-first-paint="true"]', { timeout: 30_000 });
      // 40 px north of the label point: in Yubei, clear of both names.
      expect(await selectedAfterClick(page, CENTRE.x, CENTRE.y - 40)).toBe('500112');
      await expect.poll(() => page.locator('.unit-panel h2').textContent()).toBe('Yubei District');
      const offer = page.locator('.also-here button[data-unit="liangjiang"]');
      expect(await offer.textContent()).toBe('Liangjiang New Area (approx.)');
      await offer.click();
      await expect.poll(() => param(page, 'sel')).toBe('liangjiang');
      // And back: the zone's panel offers the district.
      await page.locator('.also-here button[data-unit="500112"]').click();
      await expect.poll(() => param(page, 'sel')).toBe('500112');
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("a click on a zone's name selects the zone; Tianfu's marker selects Tianfu", async () => {
    const { page, context } = await openAtlas(browser, `./?lang=en${AT_YUBEI}`);
    await mapSettled(page);
    // Liangjiang's name hangs 1.1 em below its point, the map's centre.
    expect(await selectedAfterClick(page, CENTRE.x, CENTRE.y + 20)).toBe('liangjiang');
    await context.close();
    // Centred on Tianfu's core marker (boundaries.topo.json), which sits in Shuangliu District.
    const tianfu = await openAtlas(browser, './?lang=en#map=9/30.4001/104.0701');
    await mapSettled(tianfu.page);
    expect(await selectedAfterClick(tianfu.page, CENTRE.x, CENTRE.y)).toBe('tianfu');
    await tianfu.context.close();
  });
});

type Box = { x0: number; y0: number; x1: number; y1: number };

/** Where the map's names are drawn now, CSS px (the names' canvas answers an `atlas-names` event). */
async function nameBoxes(page: Page): Promise<Map<string, Box>> {
  const names = await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.map-labels')!;
    canvas.dispatchEvent(new Event('atlas-names'));
    return JSON.parse(canvas.dataset.names ?? '[]') as [string, number, number, number, number][];
  });
  return new Map(names.map(([id, x0, y0, x1, y1]) => [id, { x0, y0, x1, y1 }]));
}

/** The panels over the map. */
async function panelBoxes(page: Page): Promise<Box[]> {
  return page.$$eval('#app > :is(.topbar, .legend, .unit-panel, .data-panel)', (els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    }),
  );
}

const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The names of `ids` that are not drawn, or drawn under a panel. */
async function hiddenNames(page: Page, ids: readonly string[]): Promise<string[]> {
  const [names, panels] = await Promise.all([nameBoxes(page), panelBoxes(page)]);
  return ids.filter((id) => {
    const box = names.get(id);
    return !box || panels.some((panel) => overlap(box, panel));
  });
}

describe('panels leave the Circle free (1280×800, English)', () => {
  // Chengdu, and Liangjiang's name in the middle of Chongqing's districts.
  const WATCHED = ['510100', 'liangjiang'];
  // Both maps fit the same padding (look/free-frame.ts) and draw the names with labels.ts: MapLibre with no panel
  // open and in the refit test below, the 2D map with each panel.
  for (const [what, query, gl] of [
    ['no panel open', '', true],
    ['the unit panel', '&sel=500112', false],
    ['the table', '&panel=table', false],
    ['the compare panel', '&panel=compare&cmp=510100,500112', false],
  ] as const) {
    it(`no panel covers Chengdu's or Liangjiang's name with ${what}`, async () => {
      const { page, context } = await openAtlas(gl ? browser : noGl, `./?lang=en${query}`, gl ? {} : { waitFor: MAP2D_READY });
      await expect.poll(() => hiddenNames(page, WATCHED)).toEqual([]);
      expect(page.url()).not.toContain('#map=');
      await context.close();
    });
  }

  it('refits when a panel opens and closes, but never moves a camera the link set', async () => {
    const { page, context } = await openAtlas(browser, './?lang=en');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.locator('.compare-panel').waitFor();
    await expect.poll(() => hiddenNames(page, WATCHED)).toEqual([]);
    await page.locator('.compare-panel .close').click();
    await expect.poll(() => hiddenNames(page, WATCHED)).toEqual([]);
    expect(page.url()).not.toContain('#map=');
    await context.close();

    const linked = await openAtlas(browser, './?lang=en#map=8/30.66/104.07');
    await mapSettled(linked.page);
    await linked.page.getByRole('button', { name: 'Table', exact: true }).click();
    await linked.page.locator('.table-panel').waitFor();
    await mapSettled(linked.page);
    expect(new URL(linked.page.url()).hash).toBe('#map=8/30.66/104.07');
    await linked.context.close();
  });
});

describe('on a 390×844 phone', () => {
  const PHONE = { width: 390, height: 844 };
  /** On MapLibre (`gl`), or, for the panels alone, on the 2D map. */
  const openPhone = async (query: string, gl = true) => {
    const atlas = await openAtlas(gl ? browser : noGl, query, { viewport: PHONE, mobile: true, waitForMap: false });
    await atlas.page.waitForSelector(gl ? '#map[data-map-ready="true"]' : MAP2D_READY, { state: 'attached', timeout: 90_000 });
    await panelsReady(atlas.page);
    return atlas;
  };

  it('a tap opens the sheet and leaves no tooltip over it', async () => {
    const { page, context } = await openPhone('./?lang=en#map=8/30.66/104.07');
    await mapSettled(page);
    // Chengdu, 42 px above the middle of the screen: above the sheet to come (the lower half).
    await page.touchscreen.tap(PHONE.width / 2, PHONE.height / 2 - 42);
    await expect.poll(() => page.locator('.unit-panel h2').textContent()).toBe('Chengdu');
    // Whatever MapLibre makes of the tap's emulated mouse events has happened by the map's next idle.
    await mapSettled(page);
    expect(await page.locator('.tooltip').filter({ visible: true }).count()).toBe(0);
    await context.close();
  }, 120_000);

  it('opening Table or Compare folds the options away, so the map stays in sight', async () => {
    const { page, context } = await openPhone('./?lang=en', false);
    await page.locator('.options-toggle').tap();
    const options = page.locator('#topbar-options');
    await options.waitFor();
    await page.getByRole('button', { name: 'Compare', exact: true }).tap();
    await page.locator('.compare-panel').waitFor();
    await expect.poll(() => options.isHidden()).toBe(true);
    // The options come back on demand, the panel stays.
    await page.locator('.options-toggle').tap();
    await options.waitFor();
    await page.getByRole('button', { name: 'Table', exact: true }).tap();
    await page.locator('.table-panel').waitFor();
    await expect.poll(() => options.isHidden()).toBe(true);
    await context.close();
  }, 120_000);

  for (const lang of ['en', 'zh'] as const) {
    it(`the compare table fits the phone's width (${lang})`, async () => {
      const { page, context } = await openPhone(`./?lang=${lang}&panel=compare&cmp=510100,500112`, false);
      const table = page.locator('.compare-table');
      await table.waitFor();
      const fit = await table.evaluate((el) => {
        const scroller = el.closest('.data-panel-scroll')!;
        return { right: el.getBoundingClientRect().right, overflow: scroller.scrollWidth - scroller.clientWidth };
      });
      expect(fit.right).toBeLessThanOrEqual(PHONE.width);
      expect(fit.overflow).toBeLessThanOrEqual(0);
      await context.close();
    }, 120_000);
  }
});

describe('the small things', () => {
  it("a sparkline has a zero baseline and the first and last year's figures", async () => {
    const { page, context } = await openAtlas(noGl, './?lang=en&ind=gdp&year=2021&sel=510100', { waitForMap: false });
    const panel = page.locator('.unit-panel');
    await panel.locator('svg.sparkline').waitFor();
    expect(await panel.locator('svg.sparkline line.baseline').count()).toBe(1);
    // Chengdu's GDP in indicators.json: 2019 and 2025 are its first and last years.
    const ends = await panel.locator('.sparkline-ends span').allTextContents();
    expect(ends).toEqual([`2019 ${formatValue(17012.7, '亿元', 'en')}`, `2025 ${formatValue(24763.6, '亿元', 'en')}`]);
    expect(ends[0]).toBe('2019 1,701.27 billion yuan');
    await context.close();
  });

  it('vehicle counts above a million read in millions', async () => {
    const { page, context } = await openAtlas(noGl, './?lang=en&ind=vehicles&year=2022&sel=liangjiang', { waitForMap: false });
    await expect.poll(() => page.locator('.unit-panel .headline').textContent()).toBe('1.194 million vehicles');
    await page.getByLabel('中文').check();
    await expect.poll(() => page.locator('.unit-panel .headline').textContent()).toBe('119.4 万辆');
    await context.close();
  });

  it('the year slider says which years it skips for want of data; the compare chart shows every year', async () => {
    // Vehicles: figures for 2019, then from 2022 on.
    const { page, context } = await openAtlas(noGl, './?lang=en&ind=vehicles&year=2022', { waitForMap: false });
    const gaps = page.locator('.year-control .year-gaps');
    await expect.poll(() => gaps.textContent()).toBe('No data for 2020, 2021');
    expect(await page.locator('input[name="year"]').getAttribute('aria-describedby')).toBe('year-gaps');
    await context.close();
    // GDP: the Hi-Tech Zone's 2017 figure, then 2019 on; no unit has one for 2018.
    const compare = await openAtlas(noGl, './?lang=en&ind=gdp&year=2021&panel=compare&cmp=510100,500112', { waitForMap: false });
    const ticks = compare.page.locator('.compare-chart .x-tick');
    await ticks.first().waitFor();
    expect(await ticks.allTextContents()).toEqual(['2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    expect(await compare.page.locator('.compare-chart .x-tick.no-data').allTextContents()).toEqual(['2018']);
    await compare.context.close();
  });
});
