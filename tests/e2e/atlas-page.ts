import type { Browser, BrowserContext, BrowserContextOptions, Download, Page } from 'playwright-core';
import { inject } from 'vitest';
import { COLORS } from '../../src/look/theme';

export interface AtlasPage {
  page: Page;
  context: BrowserContext;
  /** Requests the page tried to send anywhere but the preview server (all were refused). */
  offsite: string[];
  errors: string[];
}

/** Console noise that is not ours: software GL's readback warning. */
const BENIGN = [/GPU stall due to ReadPixels/, /favicon/];

/**
 * Where Chengdu's label point lands in the default framing at 1280x800, right of the top bar's column
 * (fitBoundsCamera with a 520 px left padding, look/free-frame.ts; mercator.test.ts checks it against MapLibre's own
 * fitBounds).
 */
export const CHENGDU_IN_DEFAULT_VIEW = { x: 744, y: 322 };

/**
 * In a browser without WebGL2 (`connectBrowser('no-webgl')`): the 2D map is the map, with its own controls; the
 * signal to wait for where `openAtlas` would wait for MapLibre (whose chunk such a page never loads). `openAtlas`'s
 * `waitFor` also waits until the panels answer (`panelsReady`); a direct wait on this does not.
 */
export const MAP2D_READY = '#map[data-first-paint="true"] .map2d-footer';

/** Opens the built atlas at `query` (search + hash) and waits until MapLibre has drawn it. */
export async function openAtlas(
  browser: Browser,
  query = '',
  options: {
    viewport?: { width: number; height: number };
    waitForMap?: boolean;
    /**
     * Waits for this selector instead of MapLibre's hand-over, which then goes on behind the test: for tests of the
     * panels alone (they render from the state before either map draws).
     */
    waitFor?: string;
    /** A phone: touch events and the mobile viewport meta. */
    mobile?: boolean;
    /** Runs in the page before any of its own scripts (e.g. to record events from the start). */
    initScript?: () => void;
    /** Adds routes before the page loads; added after the catch-all that refuses other hosts, they take precedence. */
    routes?: (context: BrowserContext) => Promise<unknown>;
    /** Lets the offline copy install (`newAtlasContext`): for tests of the service worker and what it answers. */
    serviceWorker?: boolean;
  } = {},
): Promise<AtlasPage> {
  const base = inject('baseUrl');
  const context = await newAtlasContext(browser, {
    viewport: options.viewport ?? { width: 1280, height: 800 },
    hasTouch: options.mobile ?? false,
    isMobile: options.mobile ?? false,
    serviceWorker: options.serviceWorker,
  });
  if (options.initScript) await context.addInitScript(options.initScript);
  // Short waits: a missing element should fail an assertion quickly, not stall a test for 30 s.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const offsite: string[] = [];
  const errors: string[] = [];
  const origin = new URL(base).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  await options.routes?.(context);
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !BENIGN.some((re) => re.test(m.text()))) errors.push(m.text());
  });
  await page.goto(new URL(query, base).toString());
  // Loaded and idle once: the 2D first paint has handed over, and afterRender's count starts from a settled map.
  if (options.waitFor) {
    // The default link's panels are in index.html before the app's script has run: found, but not yet working.
    await panelsReady(page);
    await page.waitForSelector(options.waitFor, { state: 'attached', timeout: 30_000 });
  }
  else if (options.waitForMap !== false) await page.waitForSelector('#map[data-map-ready="true"][data-idle-count]', { timeout: 30_000 });
  return { page, context, offsite, errors };
}

/**
 * A new context for the atlas. The service worker is blocked unless asked for: installing it fetches and stores
 * the app's files (its precache list, about 3 MB) in each fresh context, about half a second of CPU per page on this
 * machine, for the few tests that are about it (offline, publish-data, csp).
 */
export function newAtlasContext(browser: Browser, options: BrowserContextOptions & { serviceWorker?: boolean } = {}): Promise<BrowserContext> {
  const { serviceWorker = false, ...contextOptions } = options;
  return browser.newContext({ ...contextOptions, serviceWorkers: serviceWorker ? 'allow' : 'block' });
}

/** A route held until `release()`: the request goes on only then. */
export async function holdRoute(context: BrowserContext, pattern: RegExp | string): Promise<{ requested: () => boolean; release: () => void }> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let requested = false;
  await context.route(pattern, async (route) => {
    requested = true;
    await held;
    await route.continue();
  });
  return { requested: () => requested, release };
}

/**
 * The atlas at `query` with the app's script held back: resolves once index.html's own first frame is shown (the
 * first view's map, where the link opens it), with nothing but it on screen until `app.release()`.
 */
export async function openFirstFrameOnly(browser: Browser, query: string, viewport: { width: number; height: number }, shown = '#first-view:not([hidden])') {
  const context = await newAtlasContext(browser, { viewport });
  context.setDefaultTimeout(60_000);
  const app = await holdRoute(context, /\/assets\/index-[^/]*\.js$/);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The page's load event waits for the held script.
  await page.goto(new URL(query, inject('baseUrl')).toString(), { waitUntil: 'commit' });
  await page.waitForSelector(shown, { state: 'attached', timeout: 30_000 });
  return { context, app, page, errors };
}

/**
 * What MapLibre draws now: how many plant symbols, and which units' and zones' circles (AtlasMap answers its
 * `atlas-drawn` event on #map). Null where no MapLibre map answered (the 2D map, or none yet).
 */
export async function drawnByMapLibre(page: Page): Promise<{ plants: number; circles: string[] } | null> {
  return page.evaluate(() => {
    const map = document.getElementById('map')!;
    delete map.dataset.plantsShown;
    map.dispatchEvent(new Event('atlas-drawn'));
    const { plantsShown, circlesShown } = map.dataset;
    return plantsShown === undefined ? null : { plants: Number(plantsShown), circles: (circlesShown ?? '').split(' ').filter(Boolean) };
  });
}

/** Waits until the app's panels are rendered and answer (not index.html's copy of them). */
export async function panelsReady(page: Page): Promise<void> {
  await page.waitForSelector('#app[data-panels-ready="true"]', { state: 'attached', timeout: 30_000 });
}

/** A download's bytes, streamed from the browser (the shared browser runs in another process: no local path). */
export async function downloadBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** How many times MapLibre has gone idle (the map counts them on its container). */
export async function idleCount(page: Page): Promise<number> {
  return Number(await page.getAttribute('#map', 'data-idle-count'));
}

/**
 * Runs `action`, then waits for the map to finish the render it caused. It first lets any change or camera move
 * already under way be drawn (the map marks `data-render-pending` from a change or a movestart until the idle after
 * it), so that render's idle is not mistaken for the new one.
 */
export async function afterRender(page: Page, action: () => Promise<unknown>): Promise<void> {
  await mapSettled(page);
  const before = await idleCount(page);
  await action();
  await page.waitForFunction((n) => Number(document.getElementById('map')?.dataset.idleCount) > n, before, { timeout: 15_000 });
  await mapSettled(page);
}

/** Waits until the map has drawn every change and camera move made so far (see afterRender). */
export async function mapSettled(page: Page): Promise<void> {
  await page.waitForSelector('#map[data-idle-count]:not([data-render-pending])', { state: 'attached', timeout: 15_000 });
}

/** Waits until the page has shown `count` more frames: whatever was drawn into a canvas before is on screen. */
export async function nextFrames(page: Page, count = 2): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
        step(n);
      }),
    count,
  );
}

/** Counts pixels of the page's screenshot within `tolerance` of `hex` (sum of channel differences). */
export async function countColour(page: Page, hex: string, tolerance = 12): Promise<number> {
  return (await countColours(page, [hex], tolerance))[0];
}

/** What `withPngDecoder` puts into a page: a PNG's pixels, decoded by the browser, from its bytes in base64. */
export interface PngDecodingPage {
  atlasTestPixels(base64: string): Promise<ImageData>;
}

/**
 * Puts a PNG decoder into `page` for the comparisons run there (functions handed to page.evaluate cannot share code
 * any other way); they call `(globalThis as unknown as PngDecodingPage).atlasTestPixels(base64)`. Base64, not an
 * array of numbers: handing a 1.8 MB PNG over number by number took ~11 s.
 */
export async function withPngDecoder(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as unknown as PngDecodingPage).atlasTestPixels ??= async (base64: string) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    };
  });
}

/**
 * Counts pixels within `tolerance` (one for all, or one per colour) of each of `hexes` in one screenshot of the page:
 * a screenshot of a WebGL page takes seconds on a busy machine with software GL.
 */
export async function countColours(page: Page, hexes: string[], tolerance: number | number[] = 12): Promise<number[]> {
  const png = await page.screenshot({ type: 'png' });
  await withPngDecoder(page);
  return page.evaluate(
    async ({ data, hexes, tolerance }) => {
      const px = (await (globalThis as unknown as PngDecodingPage).atlasTestPixels(data)).data;
      return hexes.map((hex, k) => {
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        const within = typeof tolerance === 'number' ? tolerance : tolerance[k];
        let n = 0;
        for (let i = 0; i < px.length; i += 4) {
          if (Math.abs(px[i] - r) + Math.abs(px[i + 1] - g) + Math.abs(px[i + 2] - b) <= within) n++;
        }
        return n;
      });
    },
    { data: png.toString('base64'), hexes, tolerance },
  );
}

/** Colours closer than this in every channel count as the same. */
const CHANNEL_TOLERANCE = 32;

export interface FrameDiff {
  /** Share of compared pixels that differ. */
  differing: number;
  /** Share of pixels left out: MapLibre's own controls. */
  masked: number;
}

/**
 * Compares two screenshots of the map pixel by pixel, tolerant of antialiasing: a pixel differs when neither frame
 * has its colour in the other within 1 px. Edges a fraction of a pixel apart (MapLibre simplifies GeoJSON to 0.375
 * tile px and antialiases lines its own way) are not differences; a wrong fill, a missing or moved line or name is.
 * `skip`: areas left out (e.g. MapLibre's own controls).
 */
export async function diffFrames(
  page: Page,
  first: Buffer,
  final: Buffer,
  skip: { x: number; y: number; width: number; height: number }[],
  tolerance = CHANNEL_TOLERANCE,
): Promise<FrameDiff> {
  await withPngDecoder(page);
  return page.evaluate(
    async ({ first, final, skip, tolerance }) => {
      const { atlasTestPixels } = globalThis as unknown as PngDecodingPage;
      const a = await atlasTestPixels(first);
      const b = await atlasTestPixels(final);
      const { width, height } = b;
      const mask = new Uint8Array(width * height);
      for (const r of skip)
        for (let y = Math.floor(r.y); y < Math.min(height, Math.ceil(r.y + r.height)); y++)
          mask.fill(1, y * width + Math.max(0, Math.floor(r.x)), y * width + Math.min(width, Math.ceil(r.x + r.width)));
      // Whether pixel p of `x` has a colour that some pixel within 1 px of p in `y` has too.
      const matchesNear = (x: ImageData, y: ImageData, p: number) => {
        const px = p % width;
        const py = (p - px) / width;
        for (let yy = Math.max(0, py - 1); yy <= Math.min(height - 1, py + 1); yy++) {
          for (let xx = Math.max(0, px - 1); xx <= Math.min(width - 1, px + 1); xx++) {
            const i = p * 4;
            const j = (yy * width + xx) * 4;
            const d = Math.max(Math.abs(x.data[i] - y.data[j]), Math.abs(x.data[i + 1] - y.data[j + 1]), Math.abs(x.data[i + 2] - y.data[j + 2]));
            if (d <= tolerance) return true;
          }
        }
        return false;
      };
      let masked = 0;
      let differing = 0;
      for (let p = 0; p < width * height; p++) {
        if (mask[p]) masked++;
        else if (!matchesNear(a, b, p) || !matchesNear(b, a, p)) differing++;
      }
      return { differing: differing / (width * height - masked), masked: masked / (width * height) };
    },
    { first: first.toString('base64'), final: final.toString('base64'), skip, tolerance },
  );
}

/** The fill colours of the legend's classes (not "no data"), as #rrggbb. */
export async function legendClassColours(page: Page): Promise<string[]> {
  const rgb = await page.$$eval('.legend li[data-class]:not([data-class="no-data"]) .swatch', (els) =>
    els.map((el) => getComputedStyle(el).backgroundColor),
  );
  return rgb.map((c) => '#' + (c.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join(''));
}

/**
 * The colours the map fills its units with: the legend's classes, or under a total's circles (a legend without
 * classes) the Circle's membership colours.
 */
export async function mapFillColours(page: Page): Promise<string[]> {
  const classes = await legendClassColours(page);
  return classes.length > 0 ? classes : [COLORS.membershipFull, COLORS.membershipPartial];
}

/** A search parameter of the page's current address (null when absent). */
export function param(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

/** The legend's unit counts, class by class, the no-data row last. */
export function legendCounts(page: Page): Promise<number[]> {
  return page.$$eval('.legend li[data-class] .count', (els) => els.map((e) => Number(e.textContent)));
}

/**
 * The z/x/y of `url` read against a tile template (`…/{z}/{x}/{y}.png`), or null if it is no tile of it: another
 * address, or x or y outside the 2^z tiles of its zoom level.
 */
export function tileOf(template: string, url: string): { z: number; x: number; y: number } | null {
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[xyz]\}/g, '(\\d+)');
  const keys = [...template.matchAll(/\{([xyz])\}/g)].map((m) => m[1] as 'x' | 'y' | 'z');
  const match = new RegExp(`^${pattern}$`).exec(url);
  if (!match) return null;
  const tile = { z: 0, x: 0, y: 0 };
  keys.forEach((key, i) => (tile[key] = Number(match[i + 1])));
  const size = 2 ** tile.z;
  return tile.x < size && tile.y < size ? tile : null;
}
