import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectBoth } from './browser';
import { afterRender, legendCounts, MAP2D_READY, openAtlas, param, tileOf } from './atlas-page';
import { BASEMAP_TILES } from '../../src/map/style';
import { expectTileBlock, unitsDrawn } from './expected';

let browser: Browser;
let noGl: Browser;
connectBoth((webgl, noWebgl) => ((browser = webgl), (noGl = noWebgl)));

const mapMessage = (page: Page) => page.locator('.map-message');
const linkNotice = (page: Page) => page.locator('.notice');
const heading = (page: Page) => page.locator('.unit-panel h2').textContent();
const checkedLevel = (page: Page) => page.locator('input[name="level"]:checked').getAttribute('value');
const refuse = (file: string) => (context: BrowserContext) => context.route(`**/${file}`, (route) => route.abort());

describe('an optional file that fails never stops the start', () => {
  it('opens an All China link on the Circle, says what could not be loaded, and tries again at the next visit', async () => {
    const { page, context, errors } = await openAtlas(browser, './?level=china', { routes: refuse('data/china.topo.json') });
    await expect.poll(() => mapMessage(page).textContent()).toContain('加载失败');
    expect(await mapMessage(page).textContent()).toContain('全国区县边界（data/china.topo.json）');
    // The Circle's default level instead, in the link too (the entry corrected, as a failing basemap's is).
    expect(await checkedLevel(page)).toBe('units');
    expect(param(page, 'level')).toBeNull();
    // The view a switch to that level opens: the link's indicator (each county's area) over the Circle's units.
    expect(await page.locator('.legend-title').textContent()).toContain('面积');
    // Every unit has its computed area: all in the classes, none as no data.
    const counts = await legendCounts(page);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(unitsDrawn('units'));
    expect(counts[counts.length - 1]).toBe(0);

    // Back online: choosing All China fetches it again.
    await context.unroute('**/data/china.topo.json');
    await afterRender(page, () => page.getByLabel('全国区县').check());
    await expect.poll(() => legendCounts(page).then((counts) => counts.reduce((a, b) => a + b, 0)), { timeout: 20_000 }).toBe(2891);
    expect(await mapMessage(page).count()).toBe(0);
    expect(errors.filter((e) => !/net::ERR_FAILED/.test(e))).toEqual([]);
    await context.close();
  });

  it('says it in English in an English link', async () => {
    const { page, context } = await openAtlas(noGl, './?level=china&lang=en', {
      routes: refuse('data/china.topo.json'),
      waitFor: 'input[name="level"]',
    });
    await expect.poll(() => mapMessage(page).textContent()).toContain("Could not load the boundaries of all China's counties");
    expect(await mapMessage(page).textContent()).toContain('data/china.topo.json');
    expect(await checkedLevel(page)).toBe('units');
    await context.close();
  });
});

describe('links keep what they hold', () => {
  it("keeps a county of All China selected through a level switch, and reopens it from the link", async () => {
    // The selection, the level and the link are the state's, which both maps follow alike.
    const first = await openAtlas(noGl, './?level=china', { waitFor: MAP2D_READY });
    await first.page.locator('.search input').fill('东城');
    const option = first.page.getByRole('option').filter({ hasText: '北京市' }).first();
    await option.click();
    await expect.poll(() => param(first.page, 'sel')).toBe('110101');
    await first.page.getByLabel('区县与地市').check();
    await expect.poll(() => param(first.page, 'level')).toBeNull();
    expect(param(first.page, 'sel')).toBe('110101');
    const link = first.page.url();
    await first.context.close();

    const { page, context, errors } = await openAtlas(noGl, link, { waitFor: MAP2D_READY });
    // The county's record arrives with all China's file: its panel shows then, and nothing of the link was dropped.
    await expect.poll(() => heading(page), { timeout: 20_000 }).toBe('东城区');
    expect(await linkNotice(page).count()).toBe(0);
    expect(param(page, 'sel')).toBe('110101');
    expect(await checkedLevel(page)).toBe('units');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reports an adcode that turns out to be no county once all China has arrived, and drops it from the link', async () => {
    const { page, context } = await openAtlas(noGl, './?sel=999999&cmp=110101,999998&lang=en', { waitForMap: false });
    await expect.poll(() => linkNotice(page).count(), { timeout: 20_000 }).toBe(1);
    const text = (await linkNotice(page).textContent()) ?? '';
    expect(text).toContain('999999');
    expect(text).toContain('999998');
    expect(text).toContain('no such value');
    expect(param(page, 'sel')).toBeNull();
    expect(param(page, 'cmp')).toBe('110101');
    await context.close();
  });

  it('opens the list of sources from panel=sources and from its tab', async () => {
    const { page, context } = await openAtlas(noGl, './?panel=sources&lang=en', { waitFor: MAP2D_READY });
    const panel = page.locator('.sources-panel');
    await panel.waitFor();
    expect(await panel.locator('h2').textContent()).toBe('Sources');
    const link = panel.getByRole('link', { name: /full list of sources/ });
    const href = new URL((await link.getAttribute('href'))!, page.url());
    const response = await context.request.get(href.toString());
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('Sources of the figures in Chengyu Atlas');
    expect(await linkNotice(page).count()).toBe(0);

    const tab = page.getByRole('button', { name: 'Sources', exact: true });
    expect(await tab.getAttribute('aria-pressed')).toBe('true');
    await tab.click();
    await expect.poll(() => panel.count()).toBe(0);
    expect(param(page, 'panel')).toBeNull();
    await tab.click();
    await panel.waitFor();
    expect(param(page, 'panel')).toBe('sources');
    await context.close();
  });
});

/** The tile server the build points at; the test answers it, so the only question is when it is asked. */
const TILE_ORIGIN = new URL(BASEMAP_TILES.replace(/\{[xyz]\}/g, '0')).origin;
/** A 1×1 PNG: a tile that loads (an empty answer would count as the basemap failing). */
const TILE_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('an embedded map', () => {
  it('asks before it loads the online basemap, and keeps basemap=osm in its link', async () => {
    const tiles: string[] = [];
    const { page, context, offsite } = await openAtlas(browser, './?embed=1&basemap=osm&lang=en', {
      routes: (c) => c.route(`${TILE_ORIGIN}/**`, (route) => (tiles.push(route.request().url()), route.fulfill({ contentType: 'image/png', body: TILE_PNG }))),
    });
    const button = page.getByRole('button', { name: 'Load the online basemap (OpenStreetMap)' });
    await button.waitFor();
    expect(tiles).toEqual([]);
    expect(offsite).toEqual([]);
    expect(param(page, 'basemap')).toBe('osm');
    expect(await page.locator('.embed-bar a').getAttribute('href')).toContain('basemap=osm');

    await afterRender(page, () => button.click());
    await expect.poll(() => tiles.length).toBeGreaterThan(0);
    expectTileBlock(tiles.flatMap((url) => tileOf(BASEMAP_TILES, url) ?? []));
    expect(tiles.filter((url) => !tileOf(BASEMAP_TILES, url))).toEqual([]);
    expect(await button.count()).toBe(0);
    expect(param(page, 'basemap')).toBe('osm');
    await context.close();
  });

  it('asks in Chinese too', async () => {
    const { page, context } = await openAtlas(browser, './?embed=1&basemap=osm', { waitForMap: false });
    await page.getByRole('button', { name: '加载在线底图（OpenStreetMap）' }).waitFor();
    await context.close();
  });
});
