import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectBoth } from './browser';
import { afterRender, MAP2D_READY, mapSettled, newAtlasContext, param } from './atlas-page';

// Camera hashes that put a known place at the centre of the 1280×800 viewport (as in foundation.test.ts).
const CHENGDU = '#map=8/30.66/104.07';
const CENTRE = { x: 640, y: 400 };
/** A point of Ziyang, south-east of Chengdu, at the CHENGDU camera. */
const ZIYANG = { x: 1000, y: 660 };

interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Messages of every alert/confirm/prompt the page opened. */
  dialogs: string[];
  errors: string[];
  /** Every address the page requested. */
  requests: string[];
}

/**
 * Like `openAtlas`, but listening from before the first request: dialogs and URL rewrites during load
 * count too. The init script logs the address after every history call and hash change, and which level
 * radio was checked when the controls first appeared. On the no-WebGL browser it waits for MAP2D_READY instead of
 * MapLibre.
 */
async function openWatched(
  browser: Browser,
  query: string,
  options: { viewport?: { width: number; height: number }; clipboard?: boolean } = {},
): Promise<WatchedPage> {
  const context = await newAtlasContext(browser, { viewport: options.viewport ?? { width: 1280, height: 800 } });
  context.setDefaultTimeout(10_000);
  const ready = browser === noGl ? MAP2D_READY : '#map[data-map-ready="true"]';
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await context.addInitScript(() => {
    const log: string[] = [location.href];
    Object.assign(window, { urlLog: log, firstLevel: null });
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method];
      history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        original.apply(this, args);
        log.push(location.href);
      };
    }
    addEventListener('hashchange', () => log.push(location.href));
    const observer = new MutationObserver(() => {
      const radios = document.querySelectorAll<HTMLInputElement>('input[name=level]');
      if (radios.length === 0) return;
      Object.assign(window, { firstLevel: [...radios].find((radio) => radio.checked)?.value ?? 'none' });
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(new URL(query, inject('baseUrl')).toString());
  await page.waitForSelector(ready, { state: 'attached', timeout: 90_000 });
  return { page, context, dialogs, errors, requests };
}

const urlLog = (page: Page) => page.evaluate(() => (window as unknown as { urlLog: string[] }).urlLog);
const hashOf = (url: string) => new URL(url).hash;
const heading = (page: Page) => page.locator('.unit-panel h2').textContent();

/** The src of the iframe in the Share popover's embed snippet: the view the app holds, written as the popover opens. */
async function embedSrc(page: Page): Promise<string> {
  // The snippet is written when the share popover opens.
  if (!(await page.locator('.share-popover').isVisible())) await page.locator('.share-button').click();
  const snippet = await page.locator('textarea.share-embed').inputValue();
  return page.evaluate((html) => new DOMParser().parseFromString(html, 'text/html').querySelector('iframe')?.src ?? '', snippet);
}

/** Waits until the address bar shows a different camera than `before`: camera moves reach it throttled. */
async function hashChangedFrom(page: Page, before: string): Promise<string> {
  await expect.poll(() => hashOf(page.url()), { timeout: 5_000 }).not.toBe(before);
  return hashOf(page.url());
}

/** The year a link without `year` shows for GDP: the latest with figures. */
async function latestGdpYear(): Promise<number> {
  const response = await fetch(new URL('data/indicators.json', inject('baseUrl')));
  const dataset = (await response.json()) as { rows: { indicator: string; year: number }[] };
  return Math.max(...dataset.rows.filter((row) => row.indicator === 'gdp').map((row) => row.year));
}

async function drag(page: Page, from: { x: number; y: number }, by: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 12 });
  await page.mouse.up();
}

// Most tests here open two pages; software WebGL on a busy machine needs well over the default minute for that.
const TWO_PAGES = { timeout: 150_000 };

// On the no-WebGL browser: what is tested is the URL and the state it holds, which both maps read and write alike;
// the MapLibre tests here keep its click, wheel zoom and drag.
let browser: Browser;
let noGl: Browser;
connectBoth((webgl, noWebgl) => ((browser = webgl), (noGl = noWebgl)));

describe('a view reached through the UI reopens from its URL', TWO_PAGES, () => {
  it('restores level, language, zones, selection and camera in a new page, with no default view first', async () => {
    const { page, context } = await openWatched(browser, `./${CHENGDU}`);
    await afterRender(page, () => page.getByLabel('城市', { exact: true }).check());
    await afterRender(page, () => page.getByLabel('显示功能区（示意）').uncheck());
    await afterRender(page, () => page.getByLabel('English').check());
    await page.mouse.click(CENTRE.x, CENTRE.y);
    await expect.poll(() => heading(page)).toBe('Chengdu');

    const entries = await page.evaluate(() => history.length);
    await page.mouse.move(CENTRE.x, CENTRE.y);
    await page.mouse.wheel(0, -400);
    const zoomed = await hashChangedFrom(page, CHENGDU);
    await drag(page, CENTRE, { x: -150, y: 90 });
    const moved = await hashChangedFrom(page, zoomed);
    expect(moved).toMatch(/^#map=[\d.]+\/[\d.]+\/[\d.]+$/);
    expect(moved.startsWith('#map=8/')).toBe(false);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    const shared = page.url();
    await context.close();

    const reopened = await openWatched(browser, shared);
    const again = reopened.page;
    await expect.poll(() => heading(again)).toBe('Chengdu');
    expect(await again.locator('input[name=level][value=cities]').isChecked()).toBe(true);
    expect(await again.locator('input[name=lang][value=en]').isChecked()).toBe(true);
    expect(await again.locator('input[name=zones]').isChecked()).toBe(false);
    expect(await again.evaluate(() => (window as unknown as { firstLevel: string | null }).firstLevel)).toBe('cities');
    // Once the map has settled, the view the app holds is the link's: a default framing, or a camera the map moved to
    // on its own, would be in it at once (the embed snippet is written from it) and reach the URL from there.
    await mapSettled(again);
    expect(hashOf(await embedSrc(again))).toBe(moved);
    expect(again.url()).toBe(shared);
    expect((await urlLog(again)).every((url) => hashOf(url) === moved)).toBe(true);
    expect(reopened.errors).toEqual([]);
    await reopened.context.close();
  });

  it('walks Back and Forward through selections and language, but not through camera moves', async () => {
    const { page, context } = await openWatched(noGl, `./${CHENGDU}`);
    await page.mouse.click(CENTRE.x, CENTRE.y);
    await expect.poll(() => heading(page)).toBe('成都市');
    await page.mouse.click(ZIYANG.x, ZIYANG.y);
    await expect.poll(() => heading(page)).toBe('资阳市');
    await page.getByLabel('English').check();
    await expect.poll(() => heading(page)).toBe('Ziyang');

    const entries = await page.evaluate(() => history.length);
    await drag(page, CENTRE, { x: 120, y: -80 });
    await hashChangedFrom(page, CHENGDU);
    expect(await page.evaluate(() => history.length)).toBe(entries);

    await page.goBack();
    await expect.poll(() => heading(page)).toBe('资阳市');
    expect(await page.locator('input[name=lang][value=zh]').isChecked()).toBe(true);
    await page.goBack();
    await expect.poll(() => heading(page)).toBe('成都市');
    expect(new URL(page.url()).searchParams.get('sel')).toBe('510100');
    await page.goForward();
    await expect.poll(() => heading(page)).toBe('资阳市');
    expect(await page.locator('input[name=lang][value=zh]').isChecked()).toBe(true);
    await context.close();
  });

  it('keeps unknown parameters, in the search and beside the camera, through a state change', async () => {
    const { page, context } = await openWatched(noGl, `./?foo=bar${CHENGDU}&note=hi`);
    await page.getByLabel('城市', { exact: true }).check();
    await expect.poll(() => param(page, 'level')).toBe('cities');
    const url = new URL(page.url());
    expect(url.searchParams.get('foo')).toBe('bar');
    expect(url.hash).toBe(`${CHENGDU}&note=hi`);
    await context.close();
  });
});

describe('a hostile link opens a working, clean map', TWO_PAGES, () => {
  // Each adds one bad part to a good link; the good part (level) must survive, the bad part be named.
  const HOSTILE: [label: string, part: string, param: string, shown: string][] = [
    ['an unknown indicator', '&ind=bogus', 'ind', 'bogus'],
    ['a year far off', '&year=3000', 'year', '3000'],
    ['a zoom of 1e9', '#map=1e9/0/0', 'map', '1e9/0/0'],
    ['NaN and latitude 200', '#map=NaN/200/0', 'map', 'NaN/200/0'],
    ['a 10,000-character value', `&sel=${'x'.repeat(10_000)}`, 'sel', '太长'],
    ['markup as a unit', '&sel=<img src=x onerror=alert(1)>', 'sel', '<img src=x onerror=alert(1)>'],
    ['a script as the language', '&lang=<script>alert(1)</script>', 'lang', '<script>alert(1)</script>'],
    ['a cut UTF-8 sequence', '&sel=%E4%B8', 'sel', '编码有误'],
    ['a broken escape', '&lang=%zz', 'lang', '%zz'],
  ];

  // Nothing here clicks the map: a small viewport keeps software rendering quick (wider than the phone
  // layout, whose folded options would hide the zones checkbox used below).
  const viewport = { width: 720, height: 640 };
  let cleanCounts: { img: number; script: number };
  let cleaned: string;
  beforeAll(async () => {
    const clean = await openWatched(noGl, './?level=cities', { viewport });
    cleanCounts = await clean.page.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      script: document.querySelectorAll('script').length,
    }));
    // A clean link is not rewritten on load; two steps that cancel out make the app write its full form.
    await clean.page.getByLabel('显示功能区（示意）').uncheck();
    await clean.page.getByLabel('显示功能区（示意）').check();
    cleaned = clean.page.url();
    expect(cleaned).toMatch(/\?v=1&level=cities&ind=gdp&year=\d{4}$/);
    await clean.context.close();
  });

  it.each(HOSTILE)('%s', async (_label, part, param, shown) => {
    const { page, context, dialogs, errors, requests } = await openWatched(noGl, `./?level=cities${part}`, { viewport });
    expect(await page.locator('input[name=level][value=cities]').isChecked()).toBe(true);
    const notice = page.locator('.notice');
    await expect.poll(() => notice.count()).toBe(1);
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain(param);
    expect(text).toContain(shown);
    // Why, in the reader's language (Chinese here), not the codec's own code.
    for (const reason of await notice.locator('.reason').allTextContents()) expect(reason).toMatch(/\p{Script=Han}/u);
    // A year without figures opens the nearest year with them (the latest, for 3000), and says so.
    const expected = new URL(cleaned);
    if (param === 'year') expected.searchParams.set('year', String(await latestGdpYear()));
    expect(page.url()).toBe(expected.toString());

    // Injected markup would be in the page with the notice that names it: none is, so none can run later either
    // (an image `x` failing and its handler opening a dialog would need the element).
    expect(
      await page.evaluate(() => ({
        img: document.querySelectorAll('img').length,
        script: document.querySelectorAll('script').length,
        imgX: document.querySelectorAll('img[src=x]').length,
      })),
    ).toEqual({ ...cleanCounts, imgX: 0 });
    expect(await notice.locator('img, script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests.filter((url) => new URL(url).pathname.endsWith('/x'))).toEqual([]);

    await notice.getByRole('button').click();
    await expect.poll(() => notice.count()).toBe(0);
    await context.close();
  });
});

describe('the Share button', TWO_PAGES, () => {
  it('copies the page URL, announces it, and offers an embed snippet that opens an embedded view', async () => {
    const { page, context } = await openWatched(noGl, `./?lang=en${CHENGDU}`, { clipboard: true });
    await page.mouse.click(CENTRE.x, CENTRE.y);
    await expect.poll(() => heading(page)).toBe('Chengdu');
    const status = page.locator('.share [role=status]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).toBe('');

    await page.getByRole('button', { name: 'Share' }).click();
    await expect.poll(() => status.textContent()).toBe('Link copied');
    const pageUrl = page.url();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(pageUrl);
    expect(await page.locator('.share-field input').count()).toBe(0);

    const snippet = await page.locator('textarea.share-embed').inputValue();
    expect(snippet).toContain('embed=1');
    const embedSrc = await page.evaluate(
      (html) => new DOMParser().parseFromString(html, 'text/html').querySelector('iframe')?.src ?? '',
      snippet,
    );
    const embedUrl = new URL(embedSrc);
    expect(embedUrl.searchParams.get('embed')).toBe('1');
    embedUrl.searchParams.delete('embed');
    expect(embedUrl.toString()).toBe(pageUrl);

    await page.keyboard.press('Escape');
    expect(await page.locator('.share-popover').isVisible()).toBe(false);
    expect(await heading(page)).toBe('Chengdu'); // Escape closed the popover only
    await context.close();

    const embedded = await openWatched(noGl, embedSrc);
    const view = embedded.page;
    expect(await view.locator('.topbar').count()).toBe(0);
    const controlsOutsidePanel = () =>
      view.evaluate(
        () => [...document.querySelectorAll('#app input, #app select, #app button')].filter((e) => !e.closest('.unit-panel, .notice')).length,
      );
    expect(await controlsOutsidePanel()).toBe(0);
    expect(await view.locator('.legend').isVisible()).toBe(true);
    const fullView = view.locator('.embed-bar a');
    expect(await fullView.getAttribute('href')).toBe(pageUrl);
    expect(await fullView.getAttribute('target')).toBe('_blank');
    expect(await fullView.getAttribute('rel')).toBe('noopener');
    await expect.poll(() => heading(view)).toBe('Chengdu');
    await view.mouse.click(ZIYANG.x, ZIYANG.y);
    await expect.poll(() => heading(view)).toBe('Ziyang');
    await embedded.context.close();
  });

  it('shows the link selected in a read-only field where the clipboard is refused', async () => {
    const { page, context } = await openWatched(noGl, `./${CHENGDU}`);
    await page.mouse.click(CENTRE.x, CENTRE.y);
    await expect.poll(() => heading(page)).toBe('成都市');
    await page.getByRole('button', { name: '分享' }).click();
    const field = page.locator('.share-field input');
    await expect.poll(() => field.count()).toBe(1);
    expect(await field.inputValue()).toBe(page.url());
    expect(await field.getAttribute('readonly')).not.toBeNull();
    expect(
      await field.evaluate(
        (input: HTMLInputElement) =>
          document.activeElement === input && input.selectionStart === 0 && input.selectionEnd === input.value.length,
      ),
    ).toBe(true);
    expect(await page.locator('.share-popover').textContent()).toContain('Ctrl+C');
    expect(await page.locator('.share [role=status]').textContent()).toBe('无法自动复制链接');
    await context.close();
  });
});
