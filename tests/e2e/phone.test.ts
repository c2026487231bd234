import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { connectShared } from './browser';
import { openAtlas } from './atlas-page';

const PHONE = { width: 375, height: 667 };

let browser: Browser;
connectShared((shared) => (browser = shared));

/** Opens the atlas on a phone; MapLibre can take long to start on a loaded test machine. */
async function openPhone(query: string) {
  const atlas = await openAtlas(browser, query, { viewport: PHONE, mobile: true, waitForMap: false });
  await atlas.page.waitForSelector('#map[data-map-ready="true"]', { timeout: 90_000 });
  return atlas;
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not visible');
  return b;
}

/** Fully inside the 375×667 viewport (a pixel of rounding allowed). */
async function expectInViewport(locator: Locator) {
  const b = await box(locator);
  expect(b.x).toBeGreaterThanOrEqual(-1);
  expect(b.y).toBeGreaterThanOrEqual(-1);
  expect(b.x + b.width).toBeLessThanOrEqual(PHONE.width + 1);
  expect(b.y + b.height).toBeLessThanOrEqual(PHONE.height + 1);
}

/** Nothing in the page is wider than the phone: no sideways scrolling anywhere. */
async function widestOverflow(page: Page): Promise<string[]> {
  return page.evaluate((width) =>
    [...document.querySelectorAll('#app *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > width + 1 || r.left < -1) && !el.closest('[hidden]');
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    PHONE.width,
  );
}

describe('on a 375×667 phone', () => {
  it('options fold behind a toggle; a search opens the figures in a bottom sheet that fits and scrolls', async () => {
    const { page, context, errors } = await openPhone('./');
    await page.screenshot({ path: '/tmp/phone-1-start.png' });
    const options = page.locator('#topbar-options');
    expect(await options.isHidden()).toBe(true);
    await page.getByRole('button', { name: '选项', exact: true }).tap();
    await options.waitFor();
    await page.locator('select[name="indicator"]').selectOption('gdp_growth');
    await expect.poll(() => page.locator('.legend-title').textContent()).toContain('名义增速');
    await page.screenshot({ path: '/tmp/phone-2-options.png' });
    expect(await widestOverflow(page)).toEqual([]);
    await page.locator('.options-toggle').tap();
    await expect.poll(() => options.isHidden()).toBe(true);

    const search = page.getByRole('combobox', { name: '搜索地名' });
    await search.tap();
    await search.fill('chengdu');
    await page.getByRole('option').first().tap();
    const panel = page.locator('.unit-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('成都市');
    expect(await panel.textContent()).toMatch(/名义增速[\s\S]*\d%/);
    await page.screenshot({ path: '/tmp/phone-3-sheet.png' });
    await expectInViewport(panel);
    // A bottom sheet: it holds more than it shows, and scrolls to its end.
    const scroll = await panel.evaluate((el) => ({ overflow: getComputedStyle(el).overflowY, more: el.scrollHeight > el.clientHeight }));
    expect(scroll.overflow).toBe('auto');
    expect(scroll.more).toBe(true);
    await panel.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => panel.evaluate((el) => el.scrollTop > 0)).toBe(true);
    await page.screenshot({ path: '/tmp/phone-3-sheet-scrolled.png' });
    expect(await widestOverflow(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);

  it('a tap on the map selects the unit under the finger; the zoom buttons, below the top bar, take taps', async () => {
    const { page, context } = await openPhone('./#map=8/30.66/104.07');
    // Below the top bar, above the legend: the centre of the screen is Chengdu.
    await page.touchscreen.tap(PHONE.width / 2, PHONE.height / 2);
    await expect.poll(() => page.locator('.unit-panel h2').textContent()).toBe('成都市');
    await expectInViewport(page.locator('.unit-panel'));

    // maplibre-gl.css arrives after the app's styles: the buttons once sat at the top, under the bar, out of reach.
    const bar = await box(page.locator('.topbar'));
    const zoomIn = await box(page.locator('.maplibregl-ctrl-zoom-in'));
    expect(zoomIn.y).toBeGreaterThan(bar.y + bar.height);
    await page.touchscreen.tap(zoomIn.x + zoomIn.width / 2, zoomIn.y + zoomIn.height / 2);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/map=9(\.0+)?\//);
    await context.close();
  }, 120_000);

  it('share: the popover fits the width and, with the clipboard refused, shows the link in a selected field', async () => {
    const { page, context } = await openPhone('./?ind=gdp&year=2022');
    // No clipboard permission: writeText rejects, as on a phone that refuses.
    await context.clearPermissions();
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('refused')) } });
    });
    await page.getByRole('button', { name: '分享' }).tap();
    const popover = page.locator('.share-popover');
    await popover.waitFor();
    const field = popover.locator('input[readonly]');
    await field.waitFor();
    const link = new URL(await field.inputValue());
    expect(link.origin + link.pathname).toBe(await page.evaluate(() => location.origin + location.pathname));
    expect(link.searchParams.get('ind')).toBe('gdp');
    expect(link.searchParams.get('year')).toBe('2022');
    expect(await field.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart! === el.value.length)).toBe(true);
    await page.screenshot({ path: '/tmp/phone-4-share.png' });
    await expectInViewport(popover);
    expect(await widestOverflow(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
