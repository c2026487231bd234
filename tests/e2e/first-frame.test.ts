import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectShared } from './browser';
import { diffFrames, openFirstFrameOnly, panelsReady, param } from './atlas-page';

/** index.html's own panels, before the app's script has run (src/first-view/panels.tsx). */
const SLOW_TEST_MS = 120_000;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let browser: Browser;
connectShared((shared) => (browser = shared));


/**
 * PNGs of the top bar and the legend, over a hidden map: the top bar lets the map show through, and the names drawn
 * behind it once the app has started are the map's, not the panels'.
 */
async function panelsPictures(page: Page): Promise<Buffer[]> {
  const mapShown = (shown: boolean) => page.evaluate((v) => (document.getElementById('map')!.style.visibility = v), shown ? '' : 'hidden');
  await mapShown(false);
  const pictures = await Promise.all(['#app > .topbar', '#app > .legend'].map((panel) => page.locator(panel).screenshot({ type: 'png' })));
  await mapShown(true);
  return pictures;
}

describe("the panels in the first frame, before the app's script", () => {
  it('show the top bar and legend of the link, in its language, and the app keeps them as they are', async () => {
    const { context, app, page, errors } = await openFirstFrameOnly(browser, './?lang=en', DESKTOP);
    expect(await page.locator('.topbar h1 .title-long').textContent()).toBe('Chengdu-Chongqing Economic Circle Atlas');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('.legend').isVisible()).toBe(true);
    expect(await page.locator('.legend summary').textContent()).toBe('GDP · 2021 · billion yuan');
    // The legend's hatched key is styled though the page's policy refuses style attributes.
    expect(await page.locator('.legend .swatch.hatched').evaluate((el) => getComputedStyle(el).backgroundImage)).toContain('repeating-linear-gradient');
    // The preset link points at this page, not at the build's placeholder.
    const preset = new URL((await page.locator('a[data-preset="auto"]').getAttribute('href'))!);
    expect(preset.origin).toBe(new URL(page.url()).origin);
    expect(preset.searchParams.get('lang')).toBe('en');
    const before = await panelsPictures(page);
    await page.evaluate(() => Object.assign(window, { firstTopbar: document.querySelector('.topbar') }));

    app.release();
    await panelsReady(page);
    await page.waitForSelector('#map[data-map-ready="true"]', { state: 'attached', timeout: 60_000 });
    // The same elements, drawn the same.
    expect(await page.evaluate(() => document.querySelector('.topbar') === (window as unknown as { firstTopbar: Element }).firstTopbar)).toBe(true);
    const after = await panelsPictures(page);
    // Text may be smoothed a shade differently once the map below is composited: a changed word or swatch is not.
    const changed = await Promise.all(after.map(async (picture, i) => (await diffFrames(page, before[i], picture, [])).differing));
    expect(changed).toEqual([0, 0]);
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW_TEST_MS);

  it('are folded on a phone, as the app folds them there', async () => {
    const { context, app, page } = await openFirstFrameOnly(browser, './', PHONE);
    expect(await page.locator('.topbar h1 .title-short').isVisible()).toBe(true);
    expect(await page.locator('#topbar-options').isVisible()).toBe(false);
    expect(await page.locator('.legend').getAttribute('open')).toBeNull();
    app.release();
    await panelsReady(page);
    expect(await page.locator('#topbar-options').isVisible()).toBe(false);
    await context.close();
  }, SLOW_TEST_MS);

  it('are not shown for a link that asks for other panels: the app draws those', async () => {
    const { context, app, page } = await openFirstFrameOnly(browser, './?level=cities', DESKTOP, '#app');
    expect(await page.locator('#app .topbar').count()).toBe(0);
    expect(await page.locator('#app .loading').count()).toBe(1);
    app.release();
    await panelsReady(page);
    await page.locator('.topbar').waitFor();
    await context.close();
  }, SLOW_TEST_MS);

  it('keep what the reader does on them until the app takes over: a language, a panel and a search', async () => {
    const { context, app, page } = await openFirstFrameOnly(browser, './', DESKTOP);
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('button', { name: '表格' }).click();
    await page.locator('.search input').fill('mianyang');
    app.release();
    await panelsReady(page);
    await expect.poll(() => param(page, 'lang')).toBe('en');
    await expect.poll(() => param(page, 'panel')).toBe('table');
    await page.locator('.data-panel').waitFor();
    expect(await page.locator('.search input').inputValue()).toBe('mianyang');
    await expect.poll(() => page.getByRole('option').first().textContent()).toContain('Mianyang');
    await context.close();
  }, SLOW_TEST_MS);
});
