import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { connectShared, launchBrowser } from './browser';
import { newAtlasContext, openAtlas } from './atlas-page';

const CHENGDU = '#map=8/30.66/104.07';
const CENTRE = { x: 640, y: 400 };
// Tests that load the atlas two or three times, each time with a 2 MB precache behind it: slow on a busy machine.
const SLOW = 150_000;

let browser: Browser;
connectShared((shared) => (browser = shared));

/** Every file of the build, as a path relative to dist/ with forward slashes. */
function distFiles(dir = 'dist'): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative('dist', join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/** Waits until a service worker is active and, after a reload, controls the page. */
async function waitForControl(page: Page): Promise<void> {
  // Wait until the new worker has claimed this page before reloading: a reload during install would make the
  // registering helper see an "external" worker and reload the page again on its own, and one just after activation
  // (registration state "activated", the claim not yet done) was left uncontrolled in 3 of 4 runs here.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { polling: 250, timeout: 60_000 });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

describe('offline and installable', () => {
  it('precaches every file of the build, MapLibre worker and data included', async () => {
    const { page, context, errors } = await openAtlas(browser, '', { serviceWorker: true });
    await waitForControl(page);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        if (!name.startsWith('workbox-precache')) continue; // all China's level, kept as it is viewed
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      }
      return urls;
    });
    const base = new URL(inject('baseUrl'));
    const paths = cached.map((url) => new URL(url).pathname.slice(base.pathname.length)).sort();
    // Only the service worker and its runtime are not in its own precache, all China's level (its 1.5 MB of
    // boundaries and its tiles), which is kept when first viewed instead; the archive of all the data, which is
    // downloaded on request (half a megabyte no map needs); and the share card, which is for the platforms a link is
    // posted on, not for the app.
    const keptWhenViewed = (path: string) => path === 'data/china.topo.json' || path.startsWith('tiles/china/');
    const downloadOnly = (path: string) => path === 'data/chengyu-atlas-data.zip';
    const expected = distFiles()
      .filter((path) => path !== 'sw.js' && path !== 'share-card.png' && !/^workbox-[\w-]+\.js$/.test(path) && !keptWhenViewed(path) && !downloadOnly(path))
      .sort();
    expect(expected).toContainEqual(expect.stringMatching(/^assets\/maplibre-gl-worker-[\w-]+\.m?js$/));
    expect(expected).toContain('data/boundaries.topo.json');
    // All China's census figures (126 kB) are installed up front, unlike its boundaries: the level's colours offline.
    expect(expected).toContain('data/census-china.json');
    expect(paths).toEqual(expected);
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);

  it('registers its service worker only once MapLibre has loaded: its install does not slow the start', async () => {
    const { page, context, errors } = await openAtlas(browser, '', { serviceWorker: true });
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.active != null, null, {
      polling: 250,
      timeout: 60_000,
    });
    const { mapReady, registering } = await page.evaluate(() => ({
      mapReady: performance.getEntriesByName('atlas:map-ready')[0]?.startTime,
      // The chunk that registers the worker is fetched when registration begins.
      registering: performance.getEntriesByType('resource').find((e) => /\/assets\/pwa-[\w-]+\.js$/.test(e.name))?.startTime,
    }));
    expect(mapReady).toBeGreaterThan(0);
    expect(registering).toBeGreaterThan(mapReady!);
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);

  it('reopens and answers clicks with the server gone and the browser offline', async () => {
    // A private server this test can shut down, so nothing but the service worker can answer the reload.
    const server: PreviewServer = await preview({ preview: { port: 0, strictPort: false }, logLevel: 'warn' });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a local URL');
    const context = await newAtlasContext(browser, { viewport: { width: 1280, height: 800 }, serviceWorker: true });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await page.goto(new URL(`./${CHENGDU}`, url).toString());
      await page.waitForSelector('#map[data-map-ready="true"]', { timeout: 30_000 });
      await waitForControl(page);
      // Let the controlled page finish loading, so going offline cuts nothing still in flight.
      await page.waitForSelector('#map[data-map-ready="true"]', { timeout: 30_000 });
    } finally {
      await server.close();
    }
    await context.setOffline(true);
    const notFromWorker: string[] = [];
    page.on('response', (response) => {
      if (!response.fromServiceWorker()) notFromWorker.push(response.url());
    });
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));

    await page.reload();
    await page.waitForSelector('#map[data-map-ready="true"]', { timeout: 30_000 });
    await page.mouse.click(CENTRE.x, CENTRE.y);
    await expect.poll(() => page.locator('.unit-panel h2').textContent()).toBe('成都市');
    // A link opened in the address bar (another query, another camera) gets the precached shell too.
    await page.goto(new URL('./?ind=gdp&year=2022', url).toString());
    await page.waitForSelector('#map[data-map-ready="true"]', { timeout: 30_000 });
    expect(failed).toEqual([]);
    expect(notFromWorker.filter((u) => u.startsWith('http'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);

  it('swaps a new deploy in whole: the open page reloads onto the new version', async () => {
    // A copy of the build this test can redeploy in place.
    const root = mkdtempSync(join(tmpdir(), 'atlas-deploy-'));
    cpSync('dist', root, { recursive: true });
    const server = await preview({ build: { outDir: root }, preview: { port: 0, strictPort: false }, logLevel: 'warn' });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a local URL');
    // A browser of its own: after the offline test's server went away, a shared browser process sometimes never
    // picked up the new worker here (seen only when run after it), so this test starts from a clean process.
    const ownBrowser = await launchBrowser();
    const context = await newAtlasContext(ownBrowser, { viewport: { width: 1280, height: 800 }, serviceWorker: true });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await page.goto(url);
      await waitForControl(page);
      await page.waitForSelector('#map[data-map-ready="true"]', { timeout: 30_000 });

      // Deploy 2: a changed page, with its new revision in the worker's precache list (as a build writes it).
      const html = join(root, 'index.html');
      writeFileSync(html, readFileSync(html, 'utf8').replace('</head>', '<meta name="atlas-deploy" content="2"></head>'));
      const sw = join(root, 'sw.js');
      const before = readFileSync(sw, 'utf8');
      const after = before.replace(/(url:\s*"index\.html",\s*revision:\s*")[^"]+/, '$1deploy-2');
      expect(after).not.toBe(before);
      writeFileSync(sw, after);

      // The browser's own update check, run now instead of on the next navigation. A check made while the first
      // worker is still settling can find nothing to do, so it is asked again until one finds the new worker (as a
      // browser would on later navigations); each waits for the check's answer. Then the new worker installs, takes
      // over, and the page reloads: only a reload can put the new tag into this page, and only the new precache can
      // serve it.
      const deployed = page.locator('meta[name="atlas-deploy"]');
      await expect
        .poll(
          async () =>
            (await deployed.count()) > 0 ||
            (await page
              .evaluate(async () => {
                const registration = await navigator.serviceWorker.getRegistration();
                await registration?.update();
                return !!(registration?.installing || registration?.waiting);
              })
              .catch(() => false)), // the page may be reloading under us: that is the point
          { timeout: 60_000 },
        )
        .toBe(true);
      await deployed.waitFor({ state: 'attached', timeout: 30_000 });
      const shells = await page.evaluate(async () => {
        const keys: string[] = [];
        for (const name of await caches.keys()) {
          for (const request of await (await caches.open(name)).keys()) keys.push(request.url);
        }
        return keys.filter((key) => new URL(key).pathname.endsWith('/index.html'));
      });
      expect(shells.map((key) => new URL(key).search)).toEqual(['?__WB_REVISION__=deploy-2']);
    } finally {
      await context.close();
      await ownBrowser.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  }, SLOW);

  it('serves a web app manifest that Chromium accepts for installation', async () => {
    const { page, context } = await openAtlas(browser, '', { serviceWorker: true });
    const href = await page.getAttribute('link[rel="manifest"]', 'href');
    expect(href).toBe('./manifest.webmanifest');
    const manifestUrl = new URL(href!, page.url());
    const response = await fetch(manifestUrl);
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      scope: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest.name).toBe('成渝地区双城经济圈地图 · Chengyu Atlas');
    expect(manifest.short_name).toBe('成渝地图');
    // Relative, so an install works from whatever folder dist/ is served.
    expect(manifest.start_url).toBe('./');
    expect(manifest.scope).toBe('./');
    expect(manifest.theme_color).toBe('#f3f1ec');
    for (const size of [192, 512]) {
      const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}`);
      expect(icon?.type).toBe('image/png');
      const png = Buffer.from(await (await fetch(new URL(icon!.src, manifestUrl))).arrayBuffer());
      // PNG header: width and height are the IHDR chunk's first two big-endian words.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    const cdp = await context.newCDPSession(page);
    const { errors: manifestErrors } = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[] };
    expect(manifestErrors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    await context.close();
  });
});
