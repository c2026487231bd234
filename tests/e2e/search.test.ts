import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBoth } from './browser';
import { MAP2D_READY, openAtlas } from './atlas-page';

let browser: Browser;
let noGl: Browser;
connectBoth((webgl, noWebgl) => ((browser = webgl), (noGl = noWebgl)));

const selectedId = (page: Page) => new URL(page.url()).searchParams.get('sel');
// By name: the indicator pickers are comboboxes too, and their <option>s are options.
const searchBox = (page: Page, name = '搜索地名') => page.getByRole('combobox', { name });
const results = (page: Page, name = '搜索地名') => page.getByRole('listbox', { name, includeHidden: true });

describe('place search', () => {
  it('finds 渝北区 from toneless pinyin and opens it with Enter', async () => {
    const { page, context, errors } = await openAtlas(noGl, '', { waitFor: MAP2D_READY });
    const box = searchBox(page);
    await box.pressSequentially('yubei');
    const option = results(page).getByRole('option', { name: /渝北区/ });
    await expect.poll(() => option.isVisible()).toBe(true);
    expect(await option.textContent()).toContain('Yubei District');
    expect(await option.textContent()).toContain('重庆市'); // the parent
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await box.press('Enter');
    await expect.poll(() => page.locator('.unit-panel h2').textContent()).toBe('渝北区');
    expect(selectedId(page)).toBe('500112');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens Chengdu in English on a click', async () => {
    const { page, context } = await openAtlas(noGl, './?lang=en', { waitFor: MAP2D_READY });
    const box = searchBox(page, 'Search places');
    await box.pressSequentially('Chengdu');
    const option = results(page, 'Search places').getByRole('option').filter({ has: page.locator('.search-name', { hasText: /^Chengdu$/ }) });
    await option.click();
    await expect.poll(() => page.locator('.unit-panel h2').textContent()).toBe('Chengdu');
    expect(selectedId(page)).toBe('510100');
    await context.close();
  });

  it('moves through the options with the arrow keys and closes on Escape without deselecting', async () => {
    const { page, context } = await openAtlas(noGl, './?sel=500112', { waitFor: MAP2D_READY });
    const box = searchBox(page);
    await box.pressSequentially('chong');
    const options = results(page).getByRole('option');
    await expect.poll(() => options.count()).toBe(4);
    const activeName = async () => {
      const id = await box.getAttribute('aria-activedescendant');
      return page.locator(`[id="${id}"] .search-name`).textContent();
    };
    expect(await activeName()).toBe('重庆市');
    await box.press('ArrowDown');
    expect(await activeName()).toBe('崇州市');
    await box.press('ArrowUp');
    await box.press('ArrowUp');
    expect(await activeName()).toBe('西充县'); // wrapped round to the last
    await box.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await results(page).isVisible()).toBe(false);
    expect(await page.locator('.unit-panel h2').textContent()).toBe('渝北区');
    await box.press('Escape');
    expect(await box.inputValue()).toBe('');
    await context.close();
  });

  it('treats a hostile query as text: no result, no element injected', async () => {
    const { page, context, errors } = await openAtlas(browser);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const images = () => page.evaluate(() => document.querySelectorAll('img').length);
    const before = await images();
    const box = searchBox(page);
    await box.pressSequentially('<img src=x onerror=alert(1)>');
    await expect.poll(() => page.locator('.search-empty').textContent()).toBe('没有匹配的地名');
    expect(await results(page).getByRole('option').count()).toBe(0);
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await box.press('Enter');
    expect(await images()).toBe(before);
    expect(selectedId(page)).toBeNull();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits the result list on a phone screen', async () => {
    const width = 360;
    const { page, context } = await openAtlas(noGl, '', { viewport: { width, height: 640 }, waitFor: MAP2D_READY });
    await searchBox(page).pressSequentially('cheng');
    const list = results(page);
    await expect.poll(() => list.isVisible()).toBe(true);
    const box = (await list.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(await list.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // Every option shows: none is cut off by the scrolling top bar it sits in (what the finger would hit is the option).
    const options = page.getByRole('option');
    expect(await options.count()).toBeGreaterThan(2);
    for (const option of await options.all()) {
      const hit = await option.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
      });
      expect(hit).toBe(true);
    }
    await context.close();
  });
});
