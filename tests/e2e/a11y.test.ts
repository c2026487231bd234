import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectShared } from './browser';
import { openAtlas } from './atlas-page';
import { seriousViolations } from './axe';

let browser: Browser;
connectShared((shared) => (browser = shared));

/** The shared test machine can be slow: MapLibre's controls are part of what is checked, so wait for them. */
async function open(query: string) {
  const atlas = await openAtlas(browser, query, { waitForMap: false });
  await atlas.page.waitForSelector('#map[data-map-ready="true"]', { timeout: 90_000 });
  return atlas;
}

describe('accessibility (axe-core)', () => {
  it('default view, then a unit panel, then the table, then English: no serious or critical violation', async () => {
    const { page, context } = await open('./');
    expect(await seriousViolations(page)).toEqual([]);
    const search = page.getByRole('combobox', { name: '搜索地名' });
    await search.fill('成都');
    await search.press('Enter');
    await page.locator('.unit-panel').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '表格' }).click();
    await page.locator('.table-panel').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('English').check();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }, 180_000);

  it('with the compare panel and the share popover open', async () => {
    const { page, context } = await open('./?panel=compare');
    await page.locator('.compare-panel').waitFor();
    await page.getByRole('button', { name: '分享' }).click();
    await page.locator('.share-popover').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The check can fail: a button without a name is a critical violation axe must report.
    await page.evaluate(() => document.querySelector('.share-popover')?.append(document.createElement('button')));
    expect((await seriousViolations(page)).join('\n')).toMatch(/^button-name \(critical\)/);
    await context.close();
  }, 120_000);

  it('with the sources panel, and in an embedded map asking for its online basemap', async () => {
    const sources = await open('./?panel=sources');
    await sources.page.locator('.sources-panel').waitFor();
    expect(await seriousViolations(sources.page)).toEqual([]);
    await sources.context.close();
    const embedded = await open('./?embed=1&basemap=osm');
    await embedded.page.locator('.embed-basemap').waitFor();
    expect(await seriousViolations(embedded.page)).toEqual([]);
    await embedded.context.close();
  }, 120_000);
});

/** The focused element, described, and whether a focus ring is drawn on it (or on the label of a hidden radio). */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'body', ring: false };
    const ringOf = (node: Element) => {
      const style = getComputedStyle(node);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    };
    const label = el.closest('label');
    const name = el.getAttribute('aria-label') ?? (label?.textContent || el.textContent || '').trim();
    return {
      what: `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' && el.tagName === 'SUMMARY' ? `.${el.className}` : ''}${el.getAttribute('name') ? `[${el.getAttribute('name')}]` : ''}:${name.slice(0, 30)}`,
      ring: ringOf(el) || (!!label && ringOf(label)),
    };
  });
}

describe('keyboard', () => {
  it('Tab reaches every control with a visible focus ring; Enter opens a table row; Esc closes the unit panel', async () => {
    const { page, context } = await open('./?panel=table');
    // DOM order: the map and its MapLibre controls, then the top bar, the legend and the table.
    const seen: { what: string; ring: boolean }[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      seen.push(now);
      if (now.what.startsWith('summary.legend-title')) break;
    }
    const names = seen.map((s) => s.what);
    for (const expected of [/^button:分享/, /^input:搜索地名/, /^select\[indicator\]/, /^input\[year\]/, /^select\[classification\]/,
      /^input\[level\]/, /^input\[lang\]/, /^input\[zones\]/, /^button:表格/, /^button:对比/, /^button:数据来源/, /^summary\.legend-title/]) {
      expect(names.some((n) => expected.test(n)), `${expected} in ${names.join(' | ')}`).toBe(true);
    }
    expect(seen.filter((s) => !s.ring).map((s) => s.what)).toEqual([]);

    // A table row is a button: Enter selects its unit, Escape closes the panel again.
    const row = page.locator('.table-panel .row-select').first();
    const name = (await row.textContent())!;
    await row.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.unit-panel h2').textContent()).toBe(name);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.unit-panel').count()).toBe(0);
    // Space works as well as Enter.
    await page.locator('.table-panel .row-select').nth(1).focus();
    await page.keyboard.press('Space');
    await page.locator('.unit-panel').waitFor();
    await context.close();
  }, 120_000);
});
