import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBoth } from './browser';
import { downloadBytes, MAP2D_READY, openAtlas } from './atlas-page';
import { seriousViolations } from './axe';
import type { UnitProps } from '../../src/model/units';
import type { IndicatorDataset } from '../../src/model/dataset';

const units = JSON.parse(readFileSync('geo/units.json', 'utf8')) as UnitProps[];
const dataset = JSON.parse(readFileSync('public/data/indicators.json', 'utf8')) as IndicatorDataset;

/** The default level's units, as its planning outline has them: Sichuan's prefectures and Chongqing's districts in the Circle. */
const circleUnits = units
  .filter((u) => u.circle !== 'none' && (u.level === 'prefecture' || (u.level === 'county' && u.parent === '500000')))
  .map((u) => u.id);

let browser: Browser;
let noGl: Browser;
connectBoth((webgl, noWebgl) => ((browser = webgl), (noGl = noWebgl)));

/** Opens the charts, by default on the 2D map: they are panels, the same over either map. */
async function openCharts(query: string, on = noGl) {
  const opened = await openAtlas(on, query, on === noGl ? { waitFor: MAP2D_READY } : { waitForMap: false });
  await opened.page.waitForSelector('.charts-panel', { timeout: 30_000 });
  return opened;
}

/** The y of each line's first year-end point, per series, in legend order. */
function firstPointYs(page: Page): Promise<number[]> {
  return page.$$eval('.lines-chart .chart-series', (groups) => groups.map((g) => Number(g.querySelector('circle.chart-point')?.getAttribute('cy'))));
}

const series = (page: Page) => page.$$eval('.lines-chart .chart-series', (groups) => groups.map((g) => g.getAttribute('data-series')));

describe('charts beside the map', () => {
  it("ranks GDP 2022 at the default level: the Circle's units largest first, Chengdu first, units without a figure listed after, a reference line", async () => {
    const { page, context, errors } = await openAtlas(noGl, './?ind=gdp&year=2022', { waitFor: MAP2D_READY });
    await page.getByRole('button', { name: '图表' }).click();
    await page.locator('.charts-panel .ranking-bar').first().waitFor();
    const withFigure = dataset.rows
      .filter((r) => r.indicator === 'gdp' && r.year === 2022 && !r.period && circleUnits.includes(r.unit))
      .sort((a, b) => b.value - a.value);
    const bars = await page.$$eval('.ranking-bar', (gs) => gs.map((g) => g.getAttribute('data-unit')));
    expect(bars).toEqual(withFigure.map((r) => r.unit));
    expect(bars[0]).toBe('510100');
    expect(await page.locator('.ranking-bar').first().getAttribute('aria-label')).toBe(`成都市 20,818 亿元, 第 1 位，共 ${withFigure.length} 个`);
    // Units without a 2022 figure are named after the bars, not dropped.
    const missing = circleUnits.length - withFigure.length;
    expect(missing).toBeGreaterThan(0);
    expect(await page.locator('.ranking-no-data').textContent()).toMatch(new RegExp(`^无数据（${missing}）：`));
    // Chongqing's 2022 total falls inside the bars' scale: its line is drawn; the legend names every reference.
    expect(await page.locator('.reference-line[data-unit="500000"]').count()).toBe(1);
    expect(await page.locator('.chart-legend li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^重庆市 29,129\.03 亿元/), expect.stringMatching(/^经济圈 /)]),
    );
    expect(new URL(page.url()).searchParams.get('panel')).toBe('charts');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('selecting Chengdu, Yubei and Mianyang (ranking, search, ranking) draws three lines; the index rescales them; the link reopens them', async () => {
    const { page, context } = await openCharts('./?ind=gdp&year=2022&panel=charts');
    await page.locator('.ranking-bar[data-unit="510100"]').click();
    const search = page.getByRole('combobox', { name: '搜索地名' });
    await search.fill('渝北');
    await search.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe('500112');
    // The ranking by keyboard: Enter on a focused bar selects it.
    await page.locator('.ranking-bar[data-unit="510700"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe('510700');
    await page.getByRole('button', { name: '历年走势' }).click();
    await page.locator('.lines-chart').waitFor();
    expect(await series(page)).toEqual(['510100', '500112', '510700']);
    const absolute = await firstPointYs(page);
    // Amounts: Chengdu's line starts far above Yubei's and Mianyang's.
    expect(absolute[0]).toBeLessThan(absolute[1] - 50);

    await page.getByRole('checkbox', { name: '指数（首年 = 100）' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('index')).toBe('1');
    const indexed = await firstPointYs(page);
    // Every line starts at 100: the same height.
    expect(new Set(indexed.map((y) => y.toFixed(1))).size).toBe(1);
    expect(indexed).not.toEqual(absolute);

    const link = page.url();
    expect(new URL(link).searchParams.get('lines')).toBe('510100,500112,510700');
    const reopened = await openCharts(link);
    await reopened.page.locator('.lines-chart').waitFor();
    expect(await series(reopened.page)).toEqual(['510100', '500112', '510700']);
    expect(await reopened.page.getByRole('checkbox', { name: '指数（首年 = 100）' }).isChecked()).toBe(true);
    expect(await firstPointYs(reopened.page)).toEqual(indexed);
    await reopened.context.close();

    // A line's × takes it off, and the link follows.
    await page.getByRole('button', { name: '移除 渝北区' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('lines')).toBe('510100,510700');
    await context.close();
  }, 120_000);

  it('the gap chart shows a value for each year with enough units, says how many it covers, and none for the others', async () => {
    const { page, context } = await openCharts('./?ind=gdp_per_capita&year=2020&panel=charts&chart=gap');
    await page.locator('.gap-chart').waitFor();
    const rows = await page.$$eval('.chart-table tbody tr', (trs) =>
      trs.map((tr) => ({
        year: Number(tr.getAttribute('data-year')),
        covers: tr.querySelector('td')!.textContent!,
        values: [...tr.querySelectorAll('td.num')].slice(1).map((td) => td.textContent),
      })),
    );
    expect(rows.length).toBeGreaterThan(1);
    let measured = 0;
    for (const row of rows) {
      const [count, of] = row.covers.split('/').map(Number);
      const enough = count >= 5 && count >= of / 2;
      expect(row.values.every((v) => v !== '—'), `${row.year}: ${row.covers}`).toBe(enough);
      expect(await page.locator(`.gap-chart .gap-value[data-year="${row.year}"]`).count()).toBe(enough ? 3 : 0);
      expect(await page.locator(`.gap-chart .gap-coverage[data-year="${row.year}"] text`).textContent()).toBe(enough ? `${count}/${of}` : `(${count}/${of})`);
      if (enough) measured += 1;
    }
    expect(measured).toBeGreaterThan(0);
    // The method is one click from the chart.
    await page.locator('.gap-method summary').click();
    expect(await page.locator('.gap-method p').textContent()).toContain('T = Σ');
    await context.close();
  }, 90_000);

  it('saves a chart as SVG (title, legend, source line) and as PNG', async () => {
    const { page, context } = await openCharts('./?ind=gdp_per_capita&year=2022&panel=charts&lang=en');
    await page.locator('.ranking-chart').waitFor();
    const save = async (label: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
      return { name: download.suggestedFilename(), bytes: await downloadBytes(download) };
    };
    const svg = await save('Download SVG');
    expect(svg.name).toBe('chengyu-atlas_ranking_gdp_per_capita_2022_units.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain('>GDP per capita · 2022 · Districts &amp; cities · Ranking</text>');
    expect(text).toMatch(/>Chongqing 90,650 yuan</);
    expect(text).toMatch(/>Data: [^<]+/);
    expect(text).toContain('data-unit="510100"');
    const png = await save('Download PNG');
    expect(png.name).toBe('chengyu-atlas_ranking_gdp_per_capita_2022_units.png');
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    await context.close();
  }, 90_000);

  it('axe finds no serious issue with each chart open, in both languages', async () => {
    // The whole page as people see it, MapLibre's controls included.
    const { page, context } = await openCharts('./?ind=gdp&year=2022&panel=charts&lines=510100,500112&sel=510100', browser);
    await page.waitForSelector('#map[data-map-ready="true"]', { timeout: 90_000 });
    for (const [tab, selector] of [['排名', '.ranking-chart'], ['历年走势', '.lines-chart'], ['差距', '.gap-chart']] as const) {
      await page.getByRole('button', { name: tab, exact: true }).click();
      await page.locator(selector).waitFor();
      expect(await seriousViolations(page), tab).toEqual([]);
    }
    await page.getByLabel('English').check();
    await page.getByRole('button', { name: 'Ranking', exact: true }).click();
    await page.locator('.ranking-chart').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }, 180_000);
});
