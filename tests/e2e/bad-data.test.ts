import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { connectShared } from './browser';
import { openAtlas } from './atlas-page';

let browser: Browser;
connectShared((shared) => (browser = shared));

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

/** Opens `query` with `file` (under data/) answered by `body` as it is (text, not re-encoded). */
async function openWithText(query: string, file: string, body: string, waitForMap = false) {
  return openAtlas(browser, query, {
    waitForMap,
    routes: (c) => c.route(`**/data/${file}`, (route) => route.fulfill({ contentType: 'application/json', body })),
  });
}

const bootLines = async (page: import('playwright-core').Page) => {
  const message = page.locator('#app .map-message[role="alert"]');
  await message.waitFor();
  return message.locator('span').evaluateAll((spans) => spans.map((s) => `${s.getAttribute('lang')}: ${s.textContent}`));
};

describe('a corrupted data file gets a message naming it', () => {
  it('indicators.json cut short: not valid JSON, named in both languages', async () => {
    const { page, errors, context } = await openWithText('./', 'indicators.json', '{"schema":1,"indicators":{},"sour');
    expect(await bootLines(page)).toEqual([
      'zh: 数据加载失败: data/indicators.json 不是有效的 JSON（文件可能已损坏或不完整）',
      'en: Could not load the data: data/indicators.json is not valid JSON (the file may be damaged or cut short)',
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('indicators.json with a GDP that is not a number: refused, naming the row and field', async () => {
    const shipped = JSON.parse(readFileSync(resolve(__dirname, '../../public/data/indicators.json'), 'utf8')) as { rows: { value: unknown }[] };
    shipped.rows[5].value = 'abc';
    const { page, context } = await openWithText('./', 'indicators.json', JSON.stringify(shipped));
    expect((await bootLines(page))[1]).toBe(
      'en: Could not load the data: data/indicators.json lacks the required part "rows[5].value", or it is malformed',
    );
    await context.close();
  });

  it('boundaries with a zero scale: refused, not an empty map', async () => {
    const shipped = JSON.parse(readFileSync(resolve(__dirname, '../../public/data/boundaries.topo.json'), 'utf8')) as { transform: { scale: number[] } };
    shipped.transform.scale = [0, 0];
    const { page, context } = await openWithText('./', 'boundaries.topo.json', JSON.stringify(shipped));
    expect((await bootLines(page))[1]).toBe(
      'en: Could not load the data: data/boundaries.topo.json lacks the required part "transform.scale", or it is malformed',
    );
    await context.close();
  });

  it("all China's boundaries cut short: the Circle starts and a line names the file", async () => {
    const { page, context } = await openWithText('./?level=china&lang=en', 'china.topo.json', '{"type":"Topology","arcs":[[', true);
    const notice = page.locator('.map-message[role="alert"]');
    await expect.poll(() => notice.textContent()).toMatch(/data\/china\.topo\.json is not valid JSON/);
    await context.close();
  });

  it("all China's census cut short: the map shows and a line names the file", async () => {
    const { page, context } = await openWithText('./?level=china&lang=en', 'census-china.json', '{"schema":1,"year":20', true);
    const notice = page.locator('.map-message[role="alert"]');
    await expect.poll(() => notice.textContent()).toMatch(/data\/census-china\.json is not valid JSON/);
    await context.close();
  });
});
