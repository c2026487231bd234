import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectShared } from './browser';
import { openAtlas } from './atlas-page';

// Issue 27, item 1: a path such as `//evil.example` reads as another host wherever the app writes it as is.
let browser: Browser;
connectShared((shared) => (browser = shared));

/** This preview server's origin. */
const origin = () => new URL(inject('baseUrl')).origin;
/**
 * The atlas at `path` on this host, as an absolute address: written by hand, since `new URL('//evil.example', base)`
 * would resolve to evil.example itself.
 */
const at = (path: string) => `${origin()}${path}`;

/** Chengdu at the centre of the 1280×800 viewport (as in url.test.ts). */
const CHENGDU = '#map=8/30.66/104.07';
const CENTRE = { x: 640, y: 400 };
const heading = (page: Page) => page.locator('.unit-panel h2').textContent();

describe('links the app writes stay on this host', () => {
  it('a link at //evil.example boots; a click, Share and the embed snippet all write this host', async () => {
    const atlas = await openAtlas(browser, at(`//evil.example?v=1&ind=gdp&year=2022&lang=en${CHENGDU}`));
    const { page, context } = atlas;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    expect(new URL(page.url()).origin).toBe(origin());

    // A click selects a unit: pushState wrote its address (it threw SecurityError for another host).
    await page.mouse.click(CENTRE.x, CENTRE.y);
    await expect.poll(() => heading(page)).toBe('Chengdu');
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).not.toBeNull();
    expect(new URL(page.url()).origin).toBe(origin());

    await page.getByRole('button', { name: 'Share' }).click();
    await expect.poll(() => page.locator('.share [role=status]').textContent()).toBe('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).origin).toBe(origin());
    expect(new URL(copied).searchParams.get('year')).toBe('2022');

    // Before the snippet is parsed below: the page's policy reports its iframe's style attribute as blocked there.
    expect(atlas.errors).toEqual([]);
    const snippet = await page.locator('textarea.share-embed').inputValue();
    const embedSrc = await page.evaluate(
      (html) => new DOMParser().parseFromString(html, 'text/html').querySelector('iframe')?.getAttribute('src') ?? '',
      snippet,
    );
    expect(new URL(embedSrc).origin).toBe(origin());
    expect(new URL(embedSrc).searchParams.get('embed')).toBe('1');
    expect(atlas.offsite).toEqual([]);
    await context.close();
  });

  it("embed mode at //evil.example: 'Open the full map' links to this host", async () => {
    const atlas = await openAtlas(browser, at(`//evil.example?v=1&embed=1&lang=en${CHENGDU}`));
    const href = await atlas.page.locator('.embed-bar a').getAttribute('href');
    expect(new URL(href ?? '').origin).toBe(origin());
    expect(new URL(href ?? '').searchParams.get('embed')).toBeNull();
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });

  it.each(['//', '///', '//index.html', '/index.html/'])('the atlas boots at %s, its address the app folder', async (path) => {
    const atlas = await openAtlas(browser, at(`${path}?lang=en`));
    expect(atlas.page.url()).toBe(at('/?lang=en'));
    expect(await atlas.page.locator('.map-message[role=alert]').count()).toBe(0);
    expect(atlas.errors).toEqual([]);
    expect(atlas.offsite).toEqual([]);
    await atlas.context.close();
  });
});
