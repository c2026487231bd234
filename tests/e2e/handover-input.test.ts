import { describe, expect, inject, it } from 'vitest';
import { firstViewPadding } from '../../src/first-view/fit';
import type { Browser, Page } from 'playwright-core';
import { connectShared } from './browser';
import { CHENGDU_IN_DEFAULT_VIEW, holdRoute, mapSettled, newAtlasContext, openFirstFrameOnly, withPngDecoder, type PngDecodingPage } from './atlas-page';
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { fitBoundsCamera, project } from '../../src/paint2d/mercator';
import { prepareScene } from '../../src/paint2d/render';
import { DEFAULT_PADDING, ZOOM_LIMITS } from '../../src/look/theme';

const VIEWPORT = { width: 1280, height: 800 };
/** Chengdu itself (its label point on screen in the default framing: CHENGDU_IN_DEFAULT_VIEW). */
const CHENGDU = { lng: 104.07, lat: 30.66 };
/** Where Chengdu lands may differ from the pointer's travel by the URL's rounding and the painters' own rounding. */
const PLACE_TOLERANCE_PX = 3;
/** The shared test machine is slow: screenshots alone take seconds there. */
const SLOW_TEST_MS = 240_000;

let browser: Browser;
connectShared((shared) => (browser = shared));

/** The camera a link without one opens: the Circle fitted to the screen. */
function defaultCamera() {
  const topology = JSON.parse(readFileSync('public/data/boundaries.topo.json', 'utf8')) as Topology;
  // Framed right of the top bar's column, as the first view and the app frame it on a desktop screen.
  return fitBoundsCamera(prepareScene(topology).defaultBounds('cities'), VIEWPORT, firstViewPadding(VIEWPORT.width, DEFAULT_PADDING, true), ZOOM_LIMITS);
}

/** The camera the page's address holds, or null while it holds none. */
async function urlCamera(page: Page) {
  const match = (await page.evaluate(() => location.hash)).match(/map=([\d.]+)\/([\d.-]+)\/([\d.-]+)/);
  return match ? { zoom: Number(match[1]), lat: Number(match[2]), lng: Number(match[3]), bearing: 0, pitch: 0 } : null;
}

/** Where Chengdu is on screen with the address's camera. */
async function chengduOnScreen(page: Page): Promise<{ x: number; y: number } | null> {
  const camera = await urlCamera(page);
  if (!camera) return null;
  const [x, y] = project(CHENGDU.lng, CHENGDU.lat, camera, VIEWPORT);
  return { x, y };
}

/** The default link with the app's script held back (atlas-page.ts), on this file's screen. */
const openFirstViewOnly = () => openFirstFrameOnly(browser, '', VIEWPORT);

/**
 * The address's camera puts Chengdu `moved` px from where the default framing has it, and MapLibre shows that
 * camera: a click there selects Chengdu. The address follows a camera move a moment later (store.ts).
 */
async function expectChengduMovedBy(page: Page, moved: { x: number; y: number }): Promise<void> {
  await expect.poll(() => chengduOnScreen(page)).not.toBeNull();
  const chengdu = (await chengduOnScreen(page))!;
  expect(Math.abs(chengdu.x - (CHENGDU_IN_DEFAULT_VIEW.x + moved.x))).toBeLessThanOrEqual(PLACE_TOLERANCE_PX);
  expect(Math.abs(chengdu.y - (CHENGDU_IN_DEFAULT_VIEW.y + moved.y))).toBeLessThanOrEqual(PLACE_TOLERANCE_PX);
  await page.mouse.click(chengdu.x, chengdu.y);
  await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('sel'))).toBe('510100');
}

/** Presses at `from` and moves to `to` in small steps, the button still down. */
async function dragTo(page: Page, from: { x: number; y: number } | null, to: { x: number; y: number }): Promise<void> {
  if (from) {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
  }
  await page.mouse.move(to.x, to.y, { steps: 6 });
}

/**
 * The share of the map's pixels in `before` that reappear moved by (dx, dy) in `after` (channels within 24), over the
 * part of the screen both show and no panel covers.
 */
async function shiftedMatch(page: Page, before: Buffer, after: Buffer, dx: number, dy: number): Promise<number> {
  await withPngDecoder(page);
  return page.evaluate(
    async ({ before, after, dx, dy }) => {
      const { atlasTestPixels } = globalThis as unknown as PngDecodingPage;
      const a = await atlasTestPixels(before);
      const b = await atlasTestPixels(after);
      const { width, height } = a;
      let same = 0;
      let compared = 0;
      // Right of and below the middle, where neither the static loading line nor, later, a panel is.
      for (let y = 450; y < height - 100; y += 2) {
        for (let x = width / 2; x < width - 100; x += 2) {
          if (x + dx < 0 || x + dx >= width || y + dy < 0 || y + dy >= height) continue;
          const i = (y * width + x) * 4;
          const j = ((y + dy) * width + x + dx) * 4;
          compared++;
          if (Math.max(Math.abs(a.data[i] - b.data[j]), Math.abs(a.data[i + 1] - b.data[j + 1]), Math.abs(a.data[i + 2] - b.data[j + 2])) <= 24) same++;
        }
      }
      return same / compared;
    },
    { before: before.toString('base64'), after: after.toString('base64'), dx, dy },
  );
}

describe('input before MapLibre takes over', () => {
  it("a drag on the first view, before the app's script has run, moves the map and the URL's camera", async () => {
    // The app's script waits until the drag is over: the first view alone is on screen for it.
    const { context, app, page, errors } = await openFirstViewOnly();
    const before = await page.screenshot({ type: 'png' });
    const drag = { x: 160, y: 90 };
    const from = { x: 700, y: 400 };
    const to = { x: from.x + drag.x, y: from.y + drag.y };
    await dragTo(page, from, to);
    await page.mouse.up();
    expect(await page.evaluate(() => !!document.querySelector('#map canvas.map2d'))).toBe(false);
    // The picture moved with the pointer while no script of the app had run.
    const after = await page.screenshot({ type: 'png' });
    const moved = await shiftedMatch(page, before, after, drag.x, drag.y);
    const unmoved = await shiftedMatch(page, before, after, 0, 0);
    console.info(`first view after a drag: ${(moved * 100).toFixed(1)}% of pixels moved with it, ${(unmoved * 100).toFixed(1)}% stayed`);
    expect(moved).toBeGreaterThan(0.97);

    app.release();
    // The app starts from the moved view and writes its camera, and MapLibre takes over with it.
    await page.waitForSelector('#map[data-map-ready="true"][data-idle-count]', { timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('#map canvas.map2d'), null, { timeout: 30_000 });
    await mapSettled(page);
    await expectChengduMovedBy(page, drag);
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW_TEST_MS);

  it("a click on the first view, before the app's script has run, selects what was clicked", async () => {
    const { context, app, page } = await openFirstViewOnly();
    await page.mouse.click(CHENGDU_IN_DEFAULT_VIEW.x, CHENGDU_IN_DEFAULT_VIEW.y);
    app.release();
    await expect.poll(() => page.locator('.unit-panel h2').textContent(), { timeout: 30_000 }).toBe('成都市');
    expect(await page.evaluate(() => new URL(location.href).searchParams.get('sel'))).toBe('510100');
    await context.close();
  }, SLOW_TEST_MS);

  it('a drag right after the first coloured frame moves the map and the URL camera', async () => {
    const context = await newAtlasContext(browser, { viewport: VIEWPORT });
    context.setDefaultTimeout(60_000);
    // When the first view became visible and when the drag began, by the page's clock.
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const canvas = document.getElementById('first-view');
        if (canvas && !canvas.hidden) {
          Object.assign(window, { firstViewShownAt: performance.now() });
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
      addEventListener('pointerdown', (e) => Object.assign(window, { pressedAt: e.timeStamp }), { capture: true, once: true });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(inject('baseUrl'), { waitUntil: 'commit' });
    // The first view may be replaced by the 2D map within a few frames: its showing is what the init script saw.
    await page.waitForFunction(() => 'firstViewShownAt' in window, null, { timeout: 30_000, polling: 'raf' });
    const drag = { x: -120, y: 70 };
    const from = { x: 800, y: 450 };
    await dragTo(page, from, { x: from.x + drag.x, y: from.y + drag.y });
    await page.mouse.up();
    const delay = await page.evaluate(() => (window as unknown as { pressedAt: number }).pressedAt - (window as unknown as { firstViewShownAt: number }).firstViewShownAt);
    console.info(`drag began ${delay.toFixed(0)} ms after the first view was shown`);
    await page.waitForSelector('#map[data-map-ready="true"][data-idle-count]', { timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('#map canvas.map2d'), null, { timeout: 30_000 });
    // The address follows a camera move a moment later (store.ts).
    await expect.poll(() => chengduOnScreen(page)).not.toBeNull();
    const chengdu = await chengduOnScreen(page);
    expect(Math.abs(chengdu!.x - (CHENGDU_IN_DEFAULT_VIEW.x + drag.x))).toBeLessThanOrEqual(PLACE_TOLERANCE_PX);
    expect(Math.abs(chengdu!.y - (CHENGDU_IN_DEFAULT_VIEW.y + drag.y))).toBeLessThanOrEqual(PLACE_TOLERANCE_PX);
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW_TEST_MS);

  it('a drag in progress across the hand-over to MapLibre ends where the pointer ends', async () => {
    const context = await newAtlasContext(browser, { viewport: VIEWPORT });
    context.setDefaultTimeout(60_000);
    const maplibre = await holdRoute(context, '**/atlas-map-*.js');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(inject('baseUrl'));
    await page.waitForSelector('#map[data-first-paint="true"]', { timeout: 30_000 });
    await expect.poll(maplibre.requested, { timeout: 15_000 }).toBe(true);

    // Pressed and moving on the 2D map ...
    const from = { x: 700, y: 420 };
    await dragTo(page, from, { x: 640, y: 460 });
    // ... while MapLibre loads and draws its first frame ...
    maplibre.release();
    await page.waitForSelector('#map[data-map-ready="true"][data-idle-count]', { timeout: 60_000 });
    // ... and on, until the button is let go.
    const to = { x: 560, y: 520 };
    await dragTo(page, null, to);
    await page.mouse.up();

    await page.waitForFunction(() => !document.querySelector('#map canvas.map2d'), null, { timeout: 30_000 });
    await mapSettled(page);
    await expectChengduMovedBy(page, { x: to.x - from.x, y: to.y - from.y });
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW_TEST_MS);

  it("a wheel zoom on the first view, before the app's script has run, carries over to MapLibre", async () => {
    const { context, app, page } = await openFirstViewOnly();
    // Zooming in by one level (MapLibre's rate: 450 wheel px a level) about Chengdu keeps Chengdu where it is.
    await page.mouse.move(CHENGDU_IN_DEFAULT_VIEW.x, CHENGDU_IN_DEFAULT_VIEW.y);
    await page.mouse.wheel(0, -225);
    await page.mouse.wheel(0, -225);
    app.release();
    await page.waitForSelector('#map[data-map-ready="true"][data-idle-count]', { timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('#map canvas.map2d'), null, { timeout: 30_000 });
    await expect.poll(() => urlCamera(page)).not.toBeNull();
    const zoom = (await urlCamera(page))?.zoom ?? 0;
    expect(zoom).toBeCloseTo(defaultCamera().zoom + 1, 1);
    const chengdu = await chengduOnScreen(page);
    expect(Math.abs(chengdu!.x - CHENGDU_IN_DEFAULT_VIEW.x)).toBeLessThanOrEqual(PLACE_TOLERANCE_PX);
    expect(Math.abs(chengdu!.y - CHENGDU_IN_DEFAULT_VIEW.y)).toBeLessThanOrEqual(PLACE_TOLERANCE_PX);
    await context.close();
  }, SLOW_TEST_MS);
});
