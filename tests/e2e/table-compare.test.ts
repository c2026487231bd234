import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBoth } from './browser';
import { downloadBytes, MAP2D_READY, openAtlas } from './atlas-page';
import type { UnitProps } from '../../src/model/units';
import { tableRowsWithFigure } from './expected';

const TABLE = './?panel=table&ind=gdp&year=2022';
const COMPARE = './?panel=compare&cmp=liangjiang,tianfu&ind=gdp&year=2022';
const PHONE = { width: 375, height: 667 };
const DESKTOP = { width: 1280, height: 800 };

const units = JSON.parse(readFileSync('geo/units.json', 'utf8')) as UnitProps[];
const chongqingDistricts = units.filter((unit) => unit.level === 'county' && unit.parent === '500000').map((unit) => unit.id);

/** Opens the atlas on the 2D map (the panels are the same over either map) and waits for `panel`. */
async function openPanel(query: string, panel: string) {
  const opened = await openAtlas(noGl, query, { waitFor: MAP2D_READY });
  await opened.page.waitForSelector(panel, { timeout: 30_000 });
  return opened;
}

let browser: Browser;
let noGl: Browser;
connectBoth((webgl, noWebgl) => ((browser = webgl), (noGl = noWebgl)));

/** The value column as numbers, in row order; "no data" cells are NaN. */
async function shownValues(page: Page): Promise<number[]> {
  const texts = await page.locator('.table-panel tbody td.num:nth-of-type(1)').allTextContents();
  return texts.map((text) => Number.parseFloat(text.replaceAll(',', '')));
}

describe('the data table', () => {
  it('lists the units of the level with value, rank, grade and a source link', async () => {
    const { page, context, errors } = await openPanel(TABLE, '.table-panel');
    const yubei = page.locator('.table-panel tr[data-unit="500112"]');
    expect(await yubei.locator('th').textContent()).toBe('渝北区');
    expect(await yubei.locator('td').first().textContent()).toBe('2,297.11 亿元');
    expect(await yubei.locator('td').nth(1).textContent()).toMatch(/^\d+ \/ \d+$/);
    expect(await yubei.locator('.grade').first().textContent()).toBe('C');
    const link = yubei.locator('a').first();
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await link.textContent()).toBe('maigoo.com');
    // Every Chongqing district is a row, with a figure or "无数据".
    expect(await page.locator('.table-panel tbody tr[data-unit^="500"]').count()).toBe(chongqingDistricts.length);
    expect(await page.locator('.table-panel tbody td.no-data').first().textContent()).toBe('无数据');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sorts by value, largest first, with "no data" last, and back', async () => {
    const { page, context } = await openPanel(TABLE, '.table-panel');
    const header = page.locator('.table-panel th.col-value');
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const values = await shownValues(page);
    const known = values.filter((value) => !Number.isNaN(value));
    expect(known.length).toBe(tableRowsWithFigure('units', 'gdp', 2022));
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(values.slice(0, known.length)).toEqual(known); // no gaps before the last figure
    expect(await page.locator('.table-panel tbody tr').first().getAttribute('data-unit')).toBe('510100'); // 成都市
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const ascending = (await shownValues(page)).filter((value) => !Number.isNaN(value));
    expect(ascending).toEqual([...known].reverse());
    await context.close();
  });

  it('selects a unit from its row', async () => {
    const { page, context } = await openPanel(TABLE, '.table-panel');
    await page.locator('.table-panel tr[data-unit="500112"] td').first().click();
    await expect.poll(() => page.locator('.unit-panel h2').textContent()).toBe('渝北区');
    expect(new URL(page.url()).searchParams.get('sel')).toBe('500112');
    expect(await page.locator('.table-panel tr[data-unit="500112"]').getAttribute('class')).toBe('selected');
    await context.close();
  });

  it('downloads the table as UTF-8 CSV with a BOM', async () => {
    const { page, context } = await openPanel(TABLE, '.table-panel');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('chengyu-atlas_gdp_2022_units.csv');
    const bytes = await downloadBytes(download);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('unit_id,name_zh,name_en,indicator,year,period,value,bound,measure,grade,source_title,source_url,note');
    expect(lines.find((line) => line.startsWith('500112,'))).toMatch(
      /^500112,渝北区,Yubei District,gdp,2022,year,2297\.11,,亿元,C,\[重庆各区县GDP排行 2020-2022\],https:\/\/www\.maigoo\.com\/news\/661116\.html,/,
    );
    const rowIds = lines.slice(1).map((line) => line.split(',')[0]);
    expect(chongqingDistricts.every((id) => rowIds.includes(id))).toBe(true);
    await context.close();
  });
});

describe('the compare view', () => {
  it('compares Liangjiang and Tianfu: values, difference, sources and a chart with two lines', async () => {
    const { page, context, errors } = await openPanel(COMPARE, '.compare-panel');
    const panel = page.locator('.compare-panel');
    const gdp = panel.locator('tr[data-indicator="gdp"] td');
    expect(await gdp.nth(0).locator('.figure-value').textContent()).toBe('4,550.6 亿元');
    expect(await gdp.nth(1).locator('.figure-value').textContent()).toBe('4,532.4 亿元');
    expect(await gdp.nth(2).locator('.difference').textContent()).toBe('+18.2 亿元');
    expect(await gdp.nth(2).locator('.ratio').textContent()).toBe('1.00×');
    expect(await gdp.nth(0).locator('a').getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await gdp.nth(0).locator('.grade').textContent()).toBe('B');
    expect(await panel.locator('.compare-chart svg path').count()).toBe(2);
    // Liangjiang has 2019 and 2022 but not the years between: two separate pieces, no joining segment.
    expect(await panel.locator('.compare-chart svg path').first().getAttribute('d')).toMatch(/^M[\d.,]+M[\d.,]+$/);
    expect(await panel.locator('.approx-note summary').allTextContents()).toEqual([
      '两江新区（示意） 示意范围，非官方边界。',
      '天府新区（示意） 示意范围，非官方边界。',
    ]);
    expect(await panel.locator('select').evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).value))).toEqual([
      'liangjiang',
      'tianfu',
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('speaks English', async () => {
    const { page, context } = await openPanel(`${COMPARE}&lang=en`, '.compare-panel');
    const gdp = page.locator('.compare-panel tr[data-indicator="gdp"]');
    expect(await gdp.locator('th').textContent()).toBe('GDP');
    expect(await gdp.locator('.figure-value').allTextContents()).toEqual(['455.06 billion yuan', '453.24 billion yuan']);
    expect(await page.locator('.compare-panel h2').textContent()).toBe('Compare · 2022');
    await context.close();
  });

  it('suggests Liangjiang and Tianfu without a pair, and takes a new unit from a picker', async () => {
    const { page, context } = await openPanel('./?panel=compare&ind=gdp&year=2022', '.compare-panel');
    const pickers = page.locator('.compare-panel select');
    expect(await pickers.nth(0).inputValue()).toBe('liangjiang');
    await pickers.nth(1).selectOption('500112');
    await expect.poll(() => new URL(page.url()).searchParams.get('cmp')).toBe('liangjiang,500112');
    expect(await page.locator('.compare-panel tr[data-indicator="gdp"] td').nth(1).locator('.figure-value').textContent()).toBe(
      '2,297.11 亿元',
    );
    // Choosing the other picker's unit swaps the pair instead of comparing a unit with itself.
    await pickers.nth(0).selectOption('500112');
    await expect.poll(() => new URL(page.url()).searchParams.get('cmp')).toBe('500112,liangjiang');
    await context.close();
  });
});

describe('panel tabs and layout', () => {
  it('opens and closes the panels from the tab bar', async () => {
    const { page, context } = await openPanel('./', '.panel-tabs');
    const tableTab = page.getByRole('button', { name: '表格' });
    expect(await tableTab.getAttribute('aria-pressed')).toBe('false');
    await tableTab.click();
    expect(await tableTab.getAttribute('aria-pressed')).toBe('true');
    // The panels' code comes with the first one opened.
    await page.locator('.table-panel').waitFor();
    await page.getByRole('button', { name: '对比' }).click();
    expect(await page.locator('.table-panel').count()).toBe(0);
    expect(await page.locator('.compare-panel').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('panel')).toBe('compare');
    await page.getByRole('button', { name: '对比' }).click();
    expect(await page.locator('.compare-panel').count()).toBe(0);
    await context.close();
  });

  // With the map drawn, so the screenshots show the panels as people see them.
  it.each([
    { name: 'table', query: TABLE, size: 'desktop', viewport: DESKTOP },
    { name: 'table', query: TABLE, size: 'phone', viewport: PHONE },
    { name: 'compare', query: COMPARE, size: 'desktop', viewport: DESKTOP },
    { name: 'compare', query: COMPARE, size: 'phone', viewport: PHONE },
  ] as const)('docks the $name panel on a $size: bottom-right card or bottom sheet', async ({ name, query, size, viewport }) => {
    const { page, context } = await openAtlas(browser, query, { viewport });
    const box = (await page.locator(`.${name}-panel`).boundingBox())!;
    if (size === 'desktop') {
      expect(box.width).toBeLessThanOrEqual(viewport.width * 0.45 + 1);
      expect(box.x + box.width).toBeGreaterThan(viewport.width - 20);
    } else {
      expect([box.x, box.width, Math.round(box.y + box.height)]).toEqual([0, viewport.width, viewport.height]);
    }
    // Software WebGL on a busy machine can take long to hand over a full frame.
    await page.screenshot({ path: `/tmp/chengyu-${name}-${size}.png`, timeout: 60_000 });
    await context.close();
  }, 150_000);
});
