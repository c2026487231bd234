// One page load, measured from outside the page: screen frames (CDP screencast), clicks and heap through CDP.
// Nothing here runs inside the page until the load has been recorded.

export const VIEWPORT = { width: 1280, height: 800 };
// Frames are recorded at half size: enough to see every polygon change colour, and cheaper for the 2 cores.
const FRAME_SCALE = 0.5;
// A pixel "differs" when a channel moves by more than this (JPEG noise stays well below it) ...
const PIXEL_THRESHOLD = 40;
// ... and a frame "matches the final one" when at most this share of the map area's pixels differs.
export const FRAME_TOLERANCE = 0.005;
// Solid pixels: every pixel within SOLID_RADIUS frame px (2 = 5 CSS px at half size) is within SOLID_THRESHOLD of
// them. Flat JPEG areas vary by a few levels; the lightest class colours are within 20 of white, so the threshold is low.
const SOLID_THRESHOLD = 10;
const SOLID_RADIUS = 2;
// "Visually complete within tolerance": every later frame differs from the final one in at most this share of the map
// area's pixels (the issue's own measure of the atlas against ECharts used 5%).
export const VISUAL_TOLERANCE = 0.05;
// A screenshot after the recording that differs from the last recorded frame by more than this marks the load doubtful.
export const CHECK_TOLERANCE = 0.02;
// After the page says it has settled, frames still arriving within this time are recorded too.
const QUIET_MS = 800;
// Generous: a machine shared with other browser jobs can take tens of seconds per load.
const LOAD_TIMEOUT_MS = 90_000;

/**
 * Loads `url` in a fresh context while recording screen frames.
 * @returns { frames: [{ data, at }], timeOrigin, settledAt } (settledAt: when the settled selector was seen, epoch ms)
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
  return { frames: frames.filter((f) => f.at >= timeOrigin), timeOrigin, settledAt };
}

/**
 * Compares every frame with the last one, inside `rect` (CSS px). For each frame: `all`, the share of pixels that
 * differ; `solid`, the share of the final frame's solid pixels that differ. Solid pixels sit inside a block of one
 * colour (fills, the background, large symbols), not on text, borders or edges, and outside `covered` (CSS px rects of
 * the page's panels and controls): they tell when every polygon has its colour, whatever labels, outlines and the
 * page's own UI do later. `check`, if given (a screenshot taken after the recording), is
 * compared with the last frame the same way as `all`: a large difference means the recording missed the final state.
 * Decoding runs in a separate blank page of the same browser: node has no image decoder without another package.
 */
async function differencesFromFinal(analysisPage, frames, rect, check, covered) {
  return analysisPage.evaluate(
    async ({ images, check, rect, covered, scale, threshold, solidThreshold, solidRadius }) => {
      // Screencast frames are JPEG at the recorded size; screenshots are full-size PNG, drawn down to that size.
      const pixelsOf = async ({ data, png }) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/${png ? 'png' : 'jpeg'};base64,${data}`)).blob());
        const width = Math.round(bitmap.width * (png ? scale : 1));
        const height = Math.round(bitmap.height * (png ? scale : 1));
        const canvas = new OffscreenCanvas(width, height);
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        ctx.drawImage(bitmap, 0, 0, width, height);
        const x = Math.round(rect.x * scale), y = Math.round(rect.y * scale);
        const w = Math.min(width - x, Math.round(rect.width * scale)), h = Math.min(height - y, Math.round(rect.height * scale));
        return { data: ctx.getImageData(x, y, w, h).data, w, h };
      };
      const distance = (a, i, b, j) => Math.max(Math.abs(a[i] - b[j]), Math.abs(a[i + 1] - b[j + 1]), Math.abs(a[i + 2] - b[j + 2]));
      const final = await pixelsOf(images[images.length - 1]);
      const { data: f, w, h } = final;
      // Frame px of the map area under the page's own panels and controls: no polygon is judged there.
      const underUi = (x, y) =>
        covered.some((c) => {
          const cx = x / scale + rect.x, cy = y / scale + rect.y;
          return cx >= c.x && cx < c.x + c.width && cy >= c.y && cy < c.y + c.height;
        });
      const solid = [];
      for (let y = solidRadius; y < h - solidRadius; y++) {
        for (let x = solidRadius; x < w - solidRadius; x++) {
          if (underUi(x, y)) continue;
          const i = (y * w + x) * 4;
          let uniform = true;
          for (let dy = -solidRadius; dy <= solidRadius && uniform; dy++) {
            for (let dx = -solidRadius; dx <= solidRadius && uniform; dx++) {
              uniform = distance(f, i, f, ((y + dy) * w + x + dx) * 4) <= solidThreshold;
            }
          }
          if (uniform) solid.push(i);
        }
      }
      const compare = ({ data: px }) => {
        if (px.length !== f.length) return { all: 1, solid: 1 };
        let differing = 0;
        for (let i = 0; i < px.length; i += 4) if (distance(px, i, f, i) > threshold) differing++;
        let solidDiffering = 0;
        for (const i of solid) if (distance(px, i, f, i) > solidThreshold) solidDiffering++;
        return { all: differing / (px.length / 4), solid: solid.length ? solidDiffering / solid.length : 1 };
      };
      const out = [];
      for (const image of images) out.push(compare(await pixelsOf(image)));
      return { frames: out, check: check ? compare(await pixelsOf(check)).all : null };
    },
    {
      images: frames.map(({ data, png }) => ({ data, png })),
      check,
      rect,
      covered,
      scale: FRAME_SCALE,
      threshold: PIXEL_THRESHOLD,
      solidThreshold: SOLID_THRESHOLD,
      solidRadius: SOLID_RADIUS,
    },
  );
}

/** The index of the first frame after which every frame's `key` difference stays within `tolerance`. */
function settledFrom(differences, key, tolerance = FRAME_TOLERANCE) {
  let index = differences.length - 1;
  while (index > 0 && differences[index - 1][key] <= tolerance) index--;
  return index;
}

/** The index of the last frame shown before `atMs` (from the navigation), or -1. */
function lastFrameBefore(frames, timeOrigin, atMs) {
  return frames.findLastIndex((f) => f.at - timeOrigin < atMs);
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
 * The atlas's recolour on a change of `control` ('indicator' or 'year'): time from the input event until MapLibre's
 * next idle, one frame later; `indicator` is the one to pick. Returns null when the control is missing or disabled.
 */
async function recolour(page, control, indicator) {
  const selector = control === 'indicator' ? 'select[name=indicator]' : 'input[name=year]';
  if (!(await page.evaluate((sel) => !!document.querySelector(sel) && !document.querySelector(sel).disabled, selector))) return null;
  // Let any render still under way finish, so its idle is not taken for this one.
  await page.waitForSelector('#map:not([data-render-pending])', { state: 'attached', timeout: 30_000 });
  await page.evaluate(() => {
    const map = document.getElementById('map');
    const idleBefore = map.dataset.idleCount;
    window.__benchRecolour = new Promise((resolve) => {
      let changedAt = null;
      const onInput = (e) => (changedAt ??= e.timeStamp);
      for (const type of ['input', 'change']) addEventListener(type, onInput, { capture: true });
      const observer = new MutationObserver(() => {
        if (changedAt === null || map.dataset.idleCount === idleBefore) return;
        observer.disconnect();
        for (const type of ['input', 'change']) removeEventListener(type, onInput, { capture: true });
        requestAnimationFrame((frameAt) => resolve(frameAt - changedAt));
      });
      observer.observe(map, { attributes: true, attributeFilter: ['data-idle-count'] });
    });
  });
  if (control === 'indicator') {
    await page.selectOption('select[name=indicator]', indicator);
  } else {
    await page.evaluate(() => {
      const input = document.querySelector('input[name=year]');
      const next = [Number(input.min), Number(input.max)].find((y) => String(y) !== input.value);
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, String(next));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }
  return page.evaluate(() => Promise.race([window.__benchRecolour, new Promise((r) => setTimeout(() => r(null), 10_000))]));
}

/** Opens `url` again in `page` and waits until `target` says it has settled. */
async function reopen(page, url, target) {
  await page.goto(url);
  await page.waitForSelector(target.settled, { state: 'attached', timeout: LOAD_TIMEOUT_MS });
}

/**
 * What a change of indicator may alter besides colours: the level (the coverage rule moves a level left mostly grey to
 * one with figures) and the plant symbols MapLibre draws (its `atlas-drawn` answer). Circles change by feature-state,
 * as colours do.
 */
async function drawnScene(page) {
  return page.evaluate(() => {
    const map = document.getElementById('map');
    map.dispatchEvent(new Event('atlas-drawn'));
    return JSON.stringify([document.querySelector('input[name=level]:checked')?.value ?? null, map.dataset.plantsShown ?? null]);
  });
}

/**
 * The other indicators in list order, each from the page as `target` opened it (reloaded after a change), until one
 * only recolours (same level, same symbols): `recolourMs`. `switchMs` is the first change that did more (a level
 * switch re-tiles the shapes), timed the same way.
 */
async function indicatorChanges(page, target) {
  const start = page.url();
  const others = await page.evaluate(() => {
    const select = document.querySelector('select[name=indicator]');
    return select && !select.disabled ? [...select.options].filter((o) => !o.selected && !o.disabled).map((o) => o.value) : [];
  });
  let switchMs = null;
  for (const [i, indicator] of others.slice(0, 6).entries()) {
    if (i > 0) await reopen(page, start, target);
    const before = await drawnScene(page);
    const ms = await recolour(page, 'indicator', indicator);
    if (ms === null) continue;
    if ((await drawnScene(page)) === before) return { recolourMs: ms, switchMs };
    switchMs ??= ms;
  }
  return { recolourMs: null, switchMs };
}

/**
 * Measures one load of `target` = { url, settled, mapArea, overlays, info, loadedMark, inputMark, handOverMark, recolour }; calls `onLoaded`
 * once the load is recorded.
 * @returns { firstColouredMs, takesInputMs, visuallyCompleteMs, visuallyCompleteWithinMs, handOverChange, mapLoadedMs, frames, doubtful, clickMs, heapBytes, recolourIndicatorMs, indicatorSwitchMs, recolourYearMs }
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
    const { frames, timeOrigin, settledAt } = await recordLoad(page, cdp, target.url, target.settled).catch((e) => {
      throw new Error(`${target.url}: ${[e.message, ...errors].join('; ')}`);
    });
    onLoaded();
    if (errors.length) throw new Error(`${target.url}: ${errors.join('; ')}`);
    if (frames.length === 0) throw new Error(`${target.url}: no screen frame after the navigation`);
    const rect = await page.evaluate((sel) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      return { x: Math.max(0, r.x), y: Math.max(0, r.y), width: Math.min(innerWidth, r.width), height: Math.min(innerHeight, r.height) };
    }, target.mapArea);
    const screenshot = { data: (await page.screenshot({ type: 'png' })).toString('base64'), png: true };
    // The page's own UI over the map, where it ends up: the map under it is not judged for the first coloured frame.
    const covered = await page.evaluate(
      (sel) => (sel ? [...document.querySelectorAll(sel)].map((el) => el.getBoundingClientRect().toJSON()) : []),
      target.overlays ?? null,
    );
    let { frames: differences, check } = await differencesFromFinal(analysisPage, frames, rect, screenshot, covered);
    const doubtful = check > CHECK_TOLERANCE;
    if (doubtful) {
      // The recording missed the final state: it is the screenshot, shown at the latest when the page said it had
      // settled. Timings then come from that moment, an estimate, and the load is listed as doubtful.
      frames.push({ ...screenshot, at: Math.max(settledAt, frames[frames.length - 1].at) });
      ({ frames: differences } = await differencesFromFinal(analysisPage, frames, rect, null, covered));
    }
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    const firstColouredMs = frames[settledFrom(differences, 'solid')].at - timeOrigin;
    // The atlas's 2D map replaced by MapLibre: how much of the map area the last 2D frame differs from the final one.
    const beforeHandOver = target.handOverMark && marks[target.handOverMark] !== undefined ? lastFrameBefore(frames, timeOrigin, marks[target.handOverMark]) : -1;

    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const clickMs = await clickToInfo(page, target.info);
    // The indicator first, then the year: of the indicator reached, or where that has one year only (a census), of the
    // one the target opened with. Null where neither has two years at the target's level.
    const start = page.url();
    const indicator = target.recolour ? await indicatorChanges(page, target) : { recolourMs: null, switchMs: null };
    let recolourYearMs = target.recolour ? await recolour(page, 'year') : null;
    if (target.recolour && recolourYearMs === null && page.url() !== start) {
      await reopen(page, start, target);
      recolourYearMs = await recolour(page, 'year');
    }
    return {
      firstColouredMs,
      // The page takes drags, wheel and clicks from its input mark on; a frame before the first coloured one shows nothing to take them.
      takesInputMs: target.inputMark && marks[target.inputMark] !== undefined ? Math.max(firstColouredMs, marks[target.inputMark]) : null,
      visuallyCompleteMs: frames[settledFrom(differences, 'all')].at - timeOrigin,
      visuallyCompleteWithinMs: frames[settledFrom(differences, 'all', VISUAL_TOLERANCE)].at - timeOrigin,
      handOverChange: beforeHandOver >= 0 ? differences[beforeHandOver].all : null,
      mapLoadedMs: target.loadedMark ? (marks[target.loadedMark] ?? null) : null,
      frames: frames.length,
      doubtful: doubtful
        ? `the last recorded frame differs from a screenshot after the load in ${(check * 100).toFixed(1)}% of pixels; the final state is timed at the moment the page said it had settled`
        : null,
      heapBytes: usedSize,
      // Each frame's time and share of differing pixels, with the page's marks: what changed when (`--trace`).
      trace: { frames: frames.map((f, i) => [Math.round(f.at - timeOrigin), differences[i].all]), marks },
      clickMs,
      recolourIndicatorMs: indicator.recolourMs,
      indicatorSwitchMs: indicator.switchMs,
      recolourYearMs,
    };
  } finally {
    await context.close();
  }
}
