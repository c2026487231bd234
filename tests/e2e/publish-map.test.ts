/**
 * A map others may publish: all China with its boundary lines (the South China Sea dashes) on screen and in the
 * exported pictures, the inset when the picture's frame does not reach the sea, a print view without controls, and an
 * embedded map that lets its page scroll.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { connectBoth } from './browser';
import { afterRender, downloadBytes, MAP2D_READY, mapSettled, nextFrames, openAtlas, withPngDecoder, type PngDecodingPage } from './atlas-page';
import { COLORS } from '../../src/look/theme';
import { INSET_FRAME } from '../../src/paint2d/export-png';
import { project } from '../../src/paint2d/mercator';
import type { BoundaryLines } from '../../src/model/units';

const VIEWPORT = { width: 1280, height: 800 };
/** The South China Sea in the right half of the screen, clear of the panels (top left) and the legend (bottom left). */
const SEA_CAMERA = { lng: 104, lat: 14, zoom: 4, bearing: 0, pitch: 0 };
const SEA_LINK = `./?level=china#map=${SEA_CAMERA.zoom}/${SEA_CAMERA.lat}/${SEA_CAMERA.lng}`;
/** The picture is drawn at 2 device px per CSS px. */
const IMAGE_DPR = 2;
/** Building and encoding a 6-megapixel PNG takes seconds on the shared test machine. */
const SLOW_TEST_MS = 180_000;

const lines = JSON.parse(readFileSync('public/data/china-lines.json', 'utf8')) as BoundaryLines;
const seaDashes = lines.features.find((f) => f.properties.sea)!.geometry.coordinates;

/** The box (CSS px) around the sea's dashes seen through `camera` on a viewport, padded a little. */
function seaBox(camera: typeof SEA_CAMERA, viewport: typeof VIEWPORT): { x: number; y: number; width: number; height: number } {
  const points = seaDashes.flat().map(([lng, lat]) => project(lng, lat, camera, viewport));
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, y0] = [Math.min(...xs) - 4, Math.min(...ys) - 4];
  return { x: Math.round(x0), y: Math.round(y0), width: Math.round(Math.max(...xs) + 4 - x0), height: Math.round(Math.max(...ys) + 4 - y0) };
}

/** Pixels of a PNG within `box` (its own px) near `hex` (sum of channel differences at most `tolerance`). */
async function pixelsNear(page: Page, png: Buffer, box: { x: number; y: number; width: number; height: number }, hex: string, tolerance: number): Promise<number> {
  await withPngDecoder(page);
  return page.evaluate(
    async ({ data, box, hex, tolerance }) => {
      const { data: px, width } = await (globalThis as unknown as PngDecodingPage).atlasTestPixels(data);
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let n = 0;
      for (let y = box.y; y < box.y + box.height; y++) {
        for (let x = box.x; x < box.x + box.width; x++) {
          const i = (y * width + x) * 4;
          if (Math.abs(px[i] - r) + Math.abs(px[i + 1] - g) + Math.abs(px[i + 2] - b) <= tolerance) n++;
        }
      }
      return n;
    },
    { data: png.toString('base64'), box, hex, tolerance },
  );
}

/** Dash pixels: the boundary lines' colour, antialiased (nothing else at sea is near it; the fills are far). */
const DASH_TOLERANCE = 60;

/** Opens Share and downloads the picture in `format`. */
async function downloadPicture(page: Page, format: 'PNG' | 'SVG'): Promise<Buffer> {
  await page.getByRole('button', { name: '分享', exact: true }).click();
  await page.locator('.share-message').waitFor();
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    page.getByRole('button', { name: `下载 ${format}` }).click({ timeout: 90_000 }),
  ]);
  return downloadBytes(file);
}

let browser: Browser;
let noGl: Browser;
connectBoth((webgl, noWebgl) => ((browser = webgl), (noGl = noWebgl)));

describe('all China with its boundary lines', () => {
  it('draws the South China Sea dashes on screen (MapLibre)', async () => {
    const { page, context, errors } = await openAtlas(browser, SEA_LINK);
    await mapSettled(page);
    const box = seaBox(SEA_CAMERA, VIEWPORT);
    const dashes = await pixelsNear(page, await page.screenshot({ type: 'png' }), box, COLORS.boundaryLine, DASH_TOLERANCE);
    expect(dashes).toBeGreaterThan(100);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws them on the 2D map without WebGL2', async () => {
    const { page, context } = await openAtlas(noGl, SEA_LINK, { waitForMap: false });
    await page.waitForSelector('#map[data-first-paint="true"]');
    await nextFrames(page);
    const dashes = await pixelsNear(page, await page.screenshot({ type: 'png' }), seaBox(SEA_CAMERA, VIEWPORT), COLORS.boundaryLine, DASH_TOLERANCE);
    expect(dashes).toBeGreaterThan(100);
    await context.close();
  });

  it(
    'puts them in the PNG, in the South China Sea inset where the frame shows the mainland',
    async () => {
      // The picture is the 2D painter's, drawn from the scene: the same with MapLibre on screen (export-png.test.ts).
      const { page, context, errors } = await openAtlas(noGl, './?level=china', { waitFor: MAP2D_READY });
      const png = await downloadPicture(page, 'PNG');
      const inset = { x: INSET_FRAME.x * IMAGE_DPR, y: INSET_FRAME.y * IMAGE_DPR, width: INSET_FRAME.width * IMAGE_DPR, height: INSET_FRAME.height * IMAGE_DPR };
      expect(await pixelsNear(page, png, inset, COLORS.boundaryLine, DASH_TOLERANCE)).toBeGreaterThan(100);
      // The inset's frame: its top edge is a line of the province outline's colour across its width.
      const topEdge = { ...inset, height: 2 * IMAGE_DPR };
      expect(await pixelsNear(page, png, topEdge, COLORS.provinceLine, 40)).toBeGreaterThan(inset.width / 2);
      expect(errors).toEqual([]);
      await context.close();
    },
    SLOW_TEST_MS,
  );

  it(
    'draws no inset where the frame reaches the whole sea, and the SVG carries the same picture',
    async () => {
      const { page, context } = await openAtlas(noGl, SEA_LINK, { waitFor: MAP2D_READY });
      const png = await downloadPicture(page, 'PNG');
      const topEdge = { x: INSET_FRAME.x * IMAGE_DPR, y: INSET_FRAME.y * IMAGE_DPR, width: INSET_FRAME.width * IMAGE_DPR, height: 2 * IMAGE_DPR };
      expect(await pixelsNear(page, png, topEdge, COLORS.provinceLine, 40)).toBeLessThan(INSET_FRAME.width / 4);
      await page.keyboard.press('Escape');
      const svg = (await downloadPicture(page, 'SVG')).toString('utf8');
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1600" height="1000"/);
      expect(svg).toContain(`stroke="${COLORS.boundaryLine}"`);
      expect(svg).toContain('行政区划：天地图');
      await context.close();
    },
    SLOW_TEST_MS,
  );
});

describe('the boundaries credited', () => {
  it("on MapLibre's attribution and the 2D map, with the release, in the reader's language", async () => {
    const { page, context } = await openAtlas(browser, './?level=china');
    const attribution = page.locator('.maplibregl-ctrl-attrib-inner');
    expect(await attribution.textContent()).toMatch(/天地图，2024 年 5 月版/);
    await afterRender(page, () => page.getByText('English', { exact: true }).click());
    await expect.poll(() => attribution.textContent()).toMatch(/Tianditu, May 2024/);
    await context.close();
    const flat = await openAtlas(noGl, './?lang=en', { waitForMap: false });
    await flat.page.waitForSelector('#map[data-first-paint="true"]');
    await expect.poll(() => flat.page.locator('.map2d-credit').textContent(), { timeout: 30_000 }).toMatch(/Tianditu, May 2024/);
    expect(await flat.page.locator('.map2d-credit').isVisible()).toBe(true);
    await flat.context.close();
  });
});

describe('print', () => {
  it('shows the map, legend and credit without controls or panels', async () => {
    const { page, context } = await openAtlas(browser, './?level=cities');
    await page.emulateMedia({ media: 'print' });
    for (const control of ['.maplibregl-ctrl-top-right', '.share-button', '.indicator-controls', '.search input', '.panel-tabs']) {
      await expect.poll(() => page.locator(control).first().isVisible(), { timeout: 5_000 }).toBe(false);
    }
    expect(await page.locator('.legend').isVisible()).toBe(true);
    expect(await page.locator('#map canvas').first().isVisible()).toBe(true);
    expect(await page.locator('.print-credit').textContent()).toContain('天地图');
    expect(await page.locator('.print-credit').isVisible()).toBe(true);
    await context.close();
  });
});

describe('an embedded map', () => {
  /**
   * A page taller than the screen with the atlas embedded at its top (served from the atlas's own origin), opened
   * until `ready` shows in the embedded map; `hint` starts being recorded (a map shows it for a moment only); then the
   * wheel turns over the map. Resolves once the page has scrolled, with the embedded page's address before it.
   */
  async function wheelOverEmbed(kind: Browser, ready: string, hint: string): Promise<{ page: Page; embedded: Frame; before: string; close(): Promise<void> }> {
    const host = new URL('embed-host.html', inject('baseUrl')).href;
    const { page, context } = await openAtlas(kind, './', {
      waitForMap: false,
      routes: (c) =>
        c.route(host, (route) =>
          route.fulfill({
            contentType: 'text/html',
            body: '<!doctype html><body style="margin:0"><iframe src="./?embed=1" style="width:800px;height:500px;border:0"></iframe><div style="height:3000px"></div></body>',
          }),
        ),
    });
    await page.goto(host);
    await page.frameLocator('iframe').locator(ready).waitFor({ state: 'attached', timeout: 30_000 });
    const embedded = page.frames().find((f) => f.url().includes('embed=1'))!;
    await embedded.evaluate((selector) => {
      const record = window as unknown as { hinted: boolean };
      record.hinted = false;
      new MutationObserver(() => {
        if (document.querySelector(selector)) record.hinted = true;
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'] });
    }, hint);
    const before = embedded.url();
    await page.mouse.move(400, 250);
    await page.mouse.wheel(0, 400);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
    // The map says how to zoom it instead of zooming.
    await expect.poll(() => embedded.evaluate(() => (window as unknown as { hinted: boolean }).hinted)).toBe(true);
    return { page, embedded, before, close: () => context.close() };
  }

  it('lets the wheel scroll its page, and leaves its camera as it is (MapLibre)', async () => {
    const ready = '#map[data-map-ready="true"][data-idle-count]:not([data-render-pending])';
    const { embedded, before, close } = await wheelOverEmbed(browser, ready, '.maplibregl-cooperative-gesture-screen.maplibregl-show');
    await embedded.waitForSelector('#map:not([data-render-pending])', { state: 'attached' });
    expect(embedded.url()).toBe(before);
    await close();
  });

  it('does the same on the 2D map without WebGL2', async () => {
    const { embedded, before, close } = await wheelOverEmbed(noGl, '#map[data-first-paint="true"]', '.map2d-gesture-hint.shown');
    expect(embedded.url()).toBe(before);
    await close();
  });
});
