// One page load, measured from outside the page: screen frames (CDP screencast), clicks and heap through CDP.
// Nothing here runs inside the page until the load has been recorded.

export const VIEWPORT = { width: 1280, height: 800 };
// Frames are recorded at half size: enough to see every polygon change colour, and cheaper for the 2 cores.
const FRAME_SCALE = 0.5;
// A pixel "differs" when a channel moves by more than this (JPEG noise stays well below it) ...
const PIXEL_THRESHOLD = 40;
// ... and a frame "matches the final one" when at most this share of the map area's pixels differs.
export const FRAME_TOLERANCE = 0.005;
// After the page says it has settled, frames still arriving within this time are recorded too.
const QUIET_MS = 800;
// Generous: a machine shared with other browser jobs can take tens of seconds per load.
const LOAD_TIMEOUT_MS = 90_000;

/**
 * Loads `url` in a fresh context while recording screen frames.
 * @returns { frames: [{ data, at }], timeOrigin, settledSelector }
 */
async function recordLoad(page, cdp, url, settledSelector) {
  const frames = [];
  let lastFrameAt = Date.now();
  cdp.on('Page.screencastFrame', ({ data, metadata, sessionId }) => {
    frames.push({ data, at: metadata.timestamp * 1000 });
    lastFrameAt = Date.now();
    cdp.send('Page.screencastFrameAck', { sessionId }).catch(() => {});
  });
  await cdp.send('Page.startScreencast', {
    format: 'jpeg',
    quality: 90,
    maxWidth: VIEWPORT.width * FRAME_SCALE,
    maxHeight: VIEWPORT.height * FRAME_SCALE,
  });
  await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  await page.waitForSelector(settledSelector, { state: 'attached', timeout: LOAD_TIMEOUT_MS });
  const settledAt = Date.now();
  while (Date.now() - Math.max(lastFrameAt, settledAt) < QUIET_MS) await page.waitForTimeout(100);
  await cdp.send('Page.stopScreencast');
  const timeOrigin = await page.evaluate(() => performance.timeOrigin);
  return { frames: frames.filter((f) => f.at >= timeOrigin), timeOrigin };
}

/**
 * For each frame, the share of pixels inside `rect` (CSS px) that differ from the last frame.
 * Decoding runs in a separate blank page of the same browser: node has no JPEG decoder without another package.
 */
async function differencesFromFinal(analysisPage, frames, rect) {
  return analysisPage.evaluate(
    async ({ images, rect, scale, threshold }) => {
      const pixelsOf = async (b64) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/jpeg;base64,${b64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        ctx.drawImage(bitmap, 0, 0);
        const x = Math.round(rect.x * scale), y = Math.round(rect.y * scale);
        const w = Math.min(bitmap.width - x, Math.round(rect.width * scale)), h = Math.min(bitmap.height - y, Math.round(rect.height * scale));
        return ctx.getImageData(x, y, w, h).data;
      };
      const final = await pixelsOf(images[images.length - 1]);
      const out = [];
      for (const image of images) {
        const px = await pixelsOf(image);
        if (px.length !== final.length) {
          out.push(1);
          continue;
        }
        let differing = 0;
        for (let i = 0; i < px.length; i += 4) {
          if (Math.max(Math.abs(px[i] - final[i]), Math.abs(px[i + 1] - final[i + 1]), Math.abs(px[i + 2] - final[i + 2])) > threshold) differing++;
        }
        out.push(differing / (px.length / 4));
      }
      return out;
    },
    { images: frames.map((f) => f.data), rect, scale: FRAME_SCALE, threshold: PIXEL_THRESHOLD },
  );
}

/** Installs a watcher that resolves, one frame after `selector` shows text, with ms since the last mouseup. */
function watchForAppearance(page, selector) {
  return page.evaluate((selector) => {
    const shown = () => {
      const el = document.querySelector(selector);
      if (!el || el.getClientRects().length === 0 || !el.textContent.trim()) return false;
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
    };
    window.__benchAppearance = new Promise((resolve) => {
      let upAt = null;
      addEventListener('mouseup', (e) => (upAt = e.timeStamp), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (upAt === null || !shown()) return;
        observer.disconnect();
        requestAnimationFrame((frameAt) => resolve(frameAt - upAt));
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  }, selector);
}

async function clickToInfo(page, infoSelector) {
  await watchForAppearance(page, infoSelector);
  await page.mouse.click(VIEWPORT.width / 2, VIEWPORT.height / 2);
  return page.evaluate(() => Promise.race([window.__benchAppearance, new Promise((r) => setTimeout(() => r(null), 10_000))]));
}

/**
 * The atlas's recolour: change the indicator (or else the year) and time until MapLibre's next idle, one frame
 * later. Returns null when the atlas has no such control yet.
 */
async function recolour(page) {
  const control = await page.evaluate(() => {
    if (document.querySelector('select[name=indicator]')) return 'indicator';
    if (document.querySelector('input[name=year]')) return 'year';
    return null;
  });
  if (!control) return null;
  await page.evaluate(() => {
    const map = document.getElementById('map');
    const idleBefore = map.dataset.idleCount;
    window.__benchRecolour = new Promise((resolve) => {
      let changedAt = null;
      for (const type of ['input', 'change']) addEventListener(type, (e) => (changedAt ??= e.timeStamp), { capture: true });
      const observer = new MutationObserver(() => {
        if (changedAt === null || map.dataset.idleCount === idleBefore) return;
        observer.disconnect();
        requestAnimationFrame((frameAt) => resolve(frameAt - changedAt));
      });
      observer.observe(map, { attributes: true, attributeFilter: ['data-idle-count'] });
    });
  });
  if (control === 'indicator') {
    const next = await page.evaluate(() => {
      const select = document.querySelector('select[name=indicator]');
      return [...select.options].find((o) => !o.selected && !o.disabled)?.value;
    });
    await page.selectOption('select[name=indicator]', next);
  } else {
    await page.evaluate(() => {
      const input = document.querySelector('input[name=year]');
      const years = input.type === 'range' || input.type === 'number' ? [Number(input.min), Number(input.max)] : [];
      const next = years.find((y) => String(y) !== input.value) ?? years[0];
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, String(next));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }
  return page.evaluate(() => Promise.race([window.__benchRecolour, new Promise((r) => setTimeout(() => r(null), 10_000))]));
}

/**
 * Measures one load of `target` = { url, settled, mapArea, info, recolour }; calls `onLoaded` once the load is recorded.
 * @returns { firstColouredMs, frames, clickMs, heapBytes, recolourMs }
 */
export async function measurePage(browser, analysisPage, target, onLoaded) {
  // Service workers blocked: the atlas's offline precache (~2 MB after load) would otherwise compete with the
  // measured start-up and count as transferred bytes; the floor and peer pages have none.
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} ${r.url()}`));
    const cdp = await context.newCDPSession(page);
    const { frames, timeOrigin } = await recordLoad(page, cdp, target.url, target.settled).catch((e) => {
      throw new Error(`${target.url}: ${[e.message, ...errors].join('; ')}`);
    });
    onLoaded();
    if (errors.length) throw new Error(`${target.url}: ${errors.join('; ')}`);
    if (frames.length === 0) throw new Error(`${target.url}: no screen frame after the navigation`);
    const rect = await page.evaluate((sel) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      return { x: Math.max(0, r.x), y: Math.max(0, r.y), width: Math.min(innerWidth, r.width), height: Math.min(innerHeight, r.height) };
    }, target.mapArea);
    const differences = await differencesFromFinal(analysisPage, frames, rect);
    let settledIndex = differences.length - 1;
    while (settledIndex > 0 && differences[settledIndex - 1] <= FRAME_TOLERANCE) settledIndex--;

    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const clickMs = await clickToInfo(page, target.info);
    const recolourMs = target.recolour ? await recolour(page) : null;
    return {
      firstColouredMs: frames[settledIndex].at - timeOrigin,
      frames: frames.length,
      heapBytes: usedSize,
      clickMs,
      recolourMs,
    };
  } finally {
    await context.close();
  }
}
