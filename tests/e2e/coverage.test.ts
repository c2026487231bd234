import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectBoth } from './browser';
import { afterRender, legendCounts, MAP2D_READY, openAtlas, param } from './atlas-page';
import { bestYearCoverage, unitsDrawn } from './expected';

let browser: Browser;
let noGl: Browser;
connectBoth((webgl, noWebgl) => ((browser = webgl), (noGl = noWebgl)));

describe('coverage you can see', () => {
  it('picking an indicator the default level leaves mostly grey leads to a map with figures, and says so', async () => {
    const { page, context } = await openAtlas(browser, './?lang=en');
    await afterRender(page, () => page.selectOption('select[name=indicator]', 'population'));
    expect(param(page, 'ind')).toBe('population');
    // Year-end population is published for cities, seldom for Chongqing's districts: the level that has it opens.
    expect(param(page, 'level')).toBe('cities');
    // A total is drawn as circles: the legend counts every unit drawn, with a circle or as no data.
    const counts = await legendCounts(page);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(unitsDrawn('cities'));
    expect(counts[0]).toBeGreaterThan(0);
    const notice = page.locator('.coverage-notice');
    // The move is said, with the count left behind, and can be undone.
    await expect.poll(() => notice.textContent()).toMatch(/Resident population \(year end\) is shown for Cities, where \d+ of 16 have a figure \(Districts & cities: \d+ of 44\)\./);
    await afterRender(page, () => notice.getByRole('button', { name: 'Back to Districts & cities' }).click());
    expect(param(page, 'level') ?? 'units').toBe('units');
    await context.close();
  });

  it('picking vehicle output keeps the level (its figures are drawn at every level) and says where they are', async () => {
    const { page, context } = await openAtlas(browser, './?lang=en');
    await afterRender(page, () => page.selectOption('select[name=indicator]', 'vehicles'));
    expect(param(page, 'level')).toBeNull();
    const notice = page.locator('.coverage-notice');
    await expect.poll(() => notice.textContent()).toMatch(/Figures also for: .*Sichuan/);
    await context.close();
  });

  it('counts in the picker how many of the level’s units have a figure', async () => {
    const { page, context } = await openAtlas(noGl, './?ind=gdp&year=2022&lang=en', { waitFor: MAP2D_READY });
    const gdp = await page.locator('select[name=indicator] option[value=gdp]').textContent();
    expect(gdp).toMatch(/^GDP \((\d+)\/44\)$/);
    await context.close();
  });

  it('a thin year says so and offers the better-covered year', async () => {
    const { page, context } = await openAtlas(browser, './?ind=gdp&year=2023&lang=en');
    const notice = page.locator('.coverage-notice');
    expect(await notice.textContent()).toMatch(/GDP, 2023: figures for \d+ of 44 districts and cities in the Circle/);
    await afterRender(page, () => notice.locator('button').first().click());
    expect(param(page, 'year')).not.toBe('2023');
    await expect.poll(() => notice.count()).toBe(0);
    await context.close();
  });

  it('a mangled year opens the year best covered at the link’s level, not a grey one', async () => {
    const { page, context } = await openAtlas(noGl, './?level=districts&ind=gdp&year=abc&lang=en', { waitFor: MAP2D_READY });
    await page.waitForSelector('.legend li[data-class]');
    const counts = await legendCounts(page);
    const noData = counts[counts.length - 1];
    expect(counts.reduce((a, b) => a + b, 0) - noData).toBe(bestYearCoverage('districts', 'gdp'));
    await context.close();
  });

  it('ranks a district among the level’s units and a zone among zones, and says so', async () => {
    const { page, context } = await openAtlas(noGl, './?ind=gdp&year=2022&sel=500112&lang=en', { waitFor: MAP2D_READY });
    expect(await page.locator('.unit-panel').textContent()).toMatch(/Rank\s*\d+(st|nd|rd|th) of \d+\s*among the districts and cities in the Circle with a figure/);
    await page.goto(page.url().replace('sel=500112', 'sel=liangjiang'));
    await page.waitForSelector('.unit-panel');
    await expect.poll(() => page.locator('.unit-panel').textContent()).toMatch(/Rank\s*1st of 2\s*among the zones with a figure/);
    await context.close();
  });
});
