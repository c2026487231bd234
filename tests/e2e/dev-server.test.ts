import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser } from 'playwright-core';
import { connectBrowser } from './browser';

// README's first command is `npm run dev`: the dev server must open a working map too (it differs from the
// build: no CSP, unbundled modules, MapLibre's worker served on the fly).
let server: ViteDevServer;
let browser: Browser;
beforeAll(async () => {
  server = await createServer({ server: { port: 0 }, logLevel: 'warn' });
  await server.listen();
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('opens the atlas from the dev server with a working map', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.resolvedUrls!.local[0] + '#map=8/30.66/104.07');
  await page.waitForSelector('#map[data-map-ready="true"]', { timeout: 60_000 });
  await page.mouse.click(640, 400);
  await expect.poll(() => page.locator('.unit-panel h2').textContent()).toBe('成都市');
  expect(errors.filter((e) => !/favicon|GPU stall/.test(e))).toEqual([]);
}, 120_000);
