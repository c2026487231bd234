import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectBoth } from './browser';
import { afterRender, legendCounts, MAP2D_READY, openAtlas, param } from './atlas-page';

let browser: Browser;
let noGl: Browser;
connectBoth((webgl, noWebgl) => ((browser = webgl), (noGl = noWebgl)));

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;

/** National units with a census count: from census-china.json, or the Circle's own rows of indicators.json. */
function unitsWithCensusCount(): number {
  const ids: string[] = json('public/data/china.topo.json').objects.counties.geometries.map((g: { properties: { id: string } }) => g.properties.id);
  const national = json('public/data/census-china.json').values.census_population as Record<string, number>;
  const circle = new Set(
    (json('public/data/indicators.json').rows as { unit: string; indicator: string }[]).filter((row) => row.indicator === 'census_population').map((row) => row.unit),
  );
  return ids.filter((id) => id in national || circle.has(id)).length;
}

const LINK = './?v=1&level=china&ind=census_population&year=2020';

describe("the 2020 census on all China's counties", () => {
  it('opens from a link: the legend counts every county with a census figure, the rest as no data', async () => {
    const expected = unitsWithCensusCount();
    expect(expected).toBeGreaterThanOrEqual(2800);
    // The legend and the link are the panels' and the state's, the same over either map; MapLibre draws the census
    // in the next test.
    const { page, context, errors } = await openAtlas(noGl, LINK, { waitFor: MAP2D_READY });
    expect(await page.locator('.legend-title').textContent()).toContain('人口普查');
    const counts = await legendCounts(page);
    const noData = counts[counts.length - 1]!;
    expect(counts.reduce((a, b) => a + b, 0) - noData).toBe(expected);
    expect(noData).toBe(2891 - expected);
    // The link is kept as given: the catalog knew census_population and 2020 from the Circle's rows.
    expect(param(page, 'ind')).toBe('census_population');
    expect(param(page, 'year')).toBe('2020');
    expect(await page.locator('.map-message').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('arrives with the counties when the level is first switched to', async () => {
    const expected = unitsWithCensusCount();
    const { page, context, errors } = await openAtlas(browser, './');
    await afterRender(page, () => page.getByLabel('全国区县').check());
    // The level opens with the area, the one figure every unit has; the census is a choice away.
    await expect.poll(() => page.locator('.legend-title').textContent(), { timeout: 20_000 }).toContain('面积');
    await afterRender(page, () => page.locator('select[name="indicator"]').selectOption('census_population'));
    expect(param(page, 'level')).toBe('china');
    expect(param(page, 'ind')).toBe('census_population');
    expect(param(page, 'year')).toBe('2020');
    const counts = await legendCounts(page);
    expect(counts[counts.length - 1]).toBe(2891 - expected);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('without the census file the national map still shows, and a line says what failed, in the reader\'s language', async () => {
    const { page, context } = await openAtlas(noGl, './?level=china&lang=en', {
      routes: (c) => c.route('**/data/census-china.json', (route) => route.fulfill({ status: 503, body: '' })),
      waitFor: MAP2D_READY,
    });
    expect((await legendCounts(page)).reduce((a, b) => a + b, 0)).toBe(2891);
    const message = page.locator('.map-message[role="alert"]');
    await expect.poll(() => message.textContent()).toContain('2020 census');
    expect(await message.textContent()).toContain('data/census-china.json: HTTP 503');
    await context.close();
  });
});
