import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from './browser';
import { openAtlas } from './atlas-page';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the atlas with `file` (under data/) answered by `body`, and returns the boot message's lines. */
async function openWith(file: string, body: unknown): Promise<{ lines: string[]; errors: string[]; context: BrowserContext }> {
  const { page, context, errors } = await openAtlas(browser, './', {
    waitForMap: false,
    routes: (c) => c.route(`**/data/${file}`, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) })),
  });
  const message = page.locator('#app .map-message[role="alert"]');
  await message.waitFor();
  const lines = await message.locator('span').evaluateAll((spans) => spans.map((s) => `${s.getAttribute('lang')}: ${s.textContent}`));
  return { lines, errors, context };
}

describe('a data file in a format this build does not know', () => {
  it('is refused with its schema version named, in both languages', async () => {
    const { lines, errors, context } = await openWith('indicators.json', { schema: 99, indicators: {}, sources: {}, rows: [] });
    expect(lines).toEqual([
      'zh: 数据加载失败: data/indicators.json 的数据格式版本为 99，本应用无法识别（可读版本：1）',
      'en: Could not load the data: data/indicators.json has data format version 99, which this app does not know (it reads version 1)',
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is refused when the boundaries are not TopoJSON', async () => {
    const { lines, errors, context } = await openWith('boundaries.topo.json', { type: 'FeatureCollection', features: [] });
    expect(lines).toEqual([
      'zh: 数据加载失败: data/boundaries.topo.json 不是 TopoJSON 拓扑数据（type 为 "FeatureCollection"）',
      'en: Could not load the data: data/boundaries.topo.json is not TopoJSON topology data (its type is "FeatureCollection")',
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
