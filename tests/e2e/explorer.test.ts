import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBoth } from './browser';
import { afterRender, legendCounts, MAP2D_READY, openAtlas, param } from './atlas-page';

let browser: Browser;
let noGl: Browser;
connectBoth((webgl, noWebgl) => ((browser = webgl), (noGl = noWebgl)));

const legendRanges = (page: Page) => page.$$eval('.legend li[data-class] .range', (els) => els.map((e) => e.textContent));

describe('indicator layers, legend and figures', () => {
  it('switches indicator: URL, legend and map follow', async () => {
    const { page, context } = await openAtlas(browser, './?ind=gdp&year=2022');
    expect(await page.locator('.legend-title').textContent()).toContain('地区生产总值');
    const before = await page.locator('#map canvas.maplibregl-canvas').screenshot();
    await afterRender(page, () => page.selectOption('select[name=indicator]', 'gdp_per_capita'));
    expect(param(page, 'ind')).toBe('gdp_per_capita');
    expect(await page.locator('.legend-title').textContent()).toContain('人均GDP');
    expect(Buffer.compare(before, await page.locator('#map canvas.maplibregl-canvas').screenshot())).not.toBe(0);
    await context.close();
  });

  it('counts every unit of the level in a class or as no data', async () => {
    const { page, context } = await openAtlas(noGl, './?ind=gdp&year=2022', { waitFor: MAP2D_READY });
    await page.waitForSelector('.legend li[data-class]');
    const counts = await legendCounts(page);
    // units level: Sichuan's 21 prefectures and Chongqing's 38 districts and counties.
    expect(counts.reduce((a, b) => a + b, 0)).toBe(59);
    await context.close();
  });

  it('moves through years with the slider while the class ranges hold still', async () => {
    // The legend is the panels' (MapLibre's repaint on a change: the indicator switch above).
    const { page, context } = await openAtlas(noGl, './?ind=gdp&year=2022', { waitFor: MAP2D_READY });
    const ranges = await legendRanges(page);
    await page.focus('input[name=year]');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('.year-control output').textContent()).toBe('2021');
    await expect.poll(() => param(page, 'year')).toBe('2021');
    expect(await legendRanges(page)).toEqual(ranges);
    await context.close();
  });

  it('plays through the years', async () => {
    const { page, context } = await openAtlas(noGl, './?ind=gdp&year=2019', { waitFor: MAP2D_READY });
    await page.click('button.play');
    await expect.poll(() => page.locator('.year-control output').textContent(), { timeout: 5000 }).not.toBe('2019');
    await page.click('button.play');
    await context.close();
  });

  it('switches classification: other breaks, same units', async () => {
    // A ratio: a total's circles have no classes.
    const { page, context } = await openAtlas(noGl, './?ind=gdp_per_capita&year=2020', { waitFor: MAP2D_READY });
    const quantiles = await legendRanges(page);
    await page.selectOption('select[name=classification]', 'equal');
    await expect.poll(() => param(page, 'class')).toBe('equal');
    expect(await legendRanges(page)).not.toEqual(quantiles);
    await context.close();
  });

  it("shows a zone's seed figures with source, grade and the approximate-shape label", async () => {
    const { page, context } = await openAtlas(noGl, './?ind=gdp&year=2022&sel=liangjiang', { waitFor: MAP2D_READY });
    const panel = page.locator('.unit-panel');
    expect(await panel.locator('h2').textContent()).toBe('两江新区');
    expect(await panel.locator('.headline').textContent()).toBe('4,550.6 亿元');
    expect(await panel.locator('.approx-badge').count()).toBe(1);
    const link = panel.locator('.figure-sources a').first();
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await panel.locator('.figure-sources .grade').first().textContent()).toMatch(/^[ABCD]$/);
    await context.close();
  });

  it('shows, beside the seed vehicle figures, that the source states 2020', async () => {
    const { page, context } = await openAtlas(noGl, './?ind=vehicles&year=2022&sel=liangjiang&lang=en', { waitFor: MAP2D_READY });
    const panel = page.locator('.unit-panel');
    expect(await panel.locator('.headline').textContent()).toBe('1.194 million vehicles');
    expect((await panel.locator('.figure-note').allTextContents()).join(' ')).toMatch(/2020/);
    await context.close();
  });

  it("gives a city's rank, share of its province, change and a sparkline", async () => {
    const { page, context } = await openAtlas(noGl, './?ind=gdp&year=2022&sel=510100&lang=en', { waitFor: MAP2D_READY });
    const panel = page.locator('.unit-panel');
    expect(await panel.locator('h2').textContent()).toBe('Chengdu');
    const text = await panel.textContent();
    expect(text).toMatch(/Rank\s*1st of \d+\s*among the districts and cities in the Circle with a figure/);
    expect(text).toMatch(/Share of province\/municipality\s*\d+\.\d%/);
    expect(text).toMatch(/Change from previous year\s*[+−]\d+\.\d%/);
    expect(await panel.locator('svg.sparkline path').count()).toBe(1);
    await context.close();
  });

  it('names the value under the pointer, on screen even at its edge', async () => {
    const { page, context } = await openAtlas(browser, './?ind=gdp&year=2022#map=8/30.66/104.07');
    await page.mouse.move(640, 400);
    await expect.poll(() => page.locator('.tooltip').textContent()).toMatch(/^成都市 · [\d,]+ 亿元$/);
    // A unit lies under the bottom right corner in this view: there the tooltip goes above left of the pointer.
    await page.mouse.move(1275, 795);
    await expect.poll(() => page.locator('.tooltip').textContent()).toMatch(/^\S+ · /);
    const tip = (await page.locator('.tooltip').boundingBox())!;
    expect(tip.x + tip.width).toBeLessThanOrEqual(1275);
    expect(tip.y + tip.height).toBeLessThanOrEqual(795);
    await context.close();
  });
});
