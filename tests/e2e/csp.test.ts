import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectShared } from './browser';
import { afterRender, openAtlas } from './atlas-page';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  policy: string;
  /** The id of the element the violation is about (an inline style attribute's element), if it has one. */
  target: string;
}

declare global {
  interface Window {
    __cspViolations: Violation[];
  }
}

let browser: Browser;
connectShared((shared) => (browser = shared));

/** Records every CSP violation of the page on window, from before the first script runs. */
function recordViolations() {
  window.__cspViolations = [];
  addEventListener('securitypolicyviolation', (e) =>
    window.__cspViolations.push({
      directive: e.effectiveDirective,
      blocked: e.blockedURI,
      sample: e.sample,
      policy: e.originalPolicy,
      target: e.target instanceof Element ? e.target.id : '',
    }),
  );
}

async function openRecording(query: string) {
  const atlas = await openAtlas(browser, query, { initScript: recordViolations, serviceWorker: true });
  const dialogs: string[] = [];
  atlas.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return {
    ...atlas,
    dialogs,
    /** How many sentinel violations expectClean has made on this page. */
    sentinels: 0,
    violations: () => atlas.page.evaluate(() => window.__cspViolations),
    cspErrors: () => atlas.errors.filter((e) => /Content Security Policy|Refused to/i.test(e)),
  };
}

/**
 * Violations are reported asynchronously, in the order the page makes them. So the check makes one on purpose (an
 * inline style attribute on an element of its own) and waits for its report and its console line: any violation of
 * the actions before has arrived by then. Nothing but those sentinels may be there.
 */
async function expectClean(
  page: Page,
  atlas: { violations(): Promise<Violation[]>; cspErrors(): string[]; dialogs: string[]; sentinels: number },
) {
  const id = `csp-sentinel-${++atlas.sentinels}`;
  await page.evaluate((id) => {
    const div = document.createElement('div');
    div.id = id;
    div.setAttribute('style', 'color: red');
    document.body.append(div);
  }, id);
  await expect.poll(async () => (await atlas.violations()).some((v) => v.target === id)).toBe(true);
  await expect.poll(() => atlas.cspErrors().length).toBeGreaterThanOrEqual(atlas.sentinels);
  await page.evaluate((id) => document.getElementById(id)?.remove(), id);
  expect((await atlas.violations()).filter((v) => !v.target.startsWith('csp-sentinel-'))).toEqual([]);
  // One console line per sentinel, each about an inline style: no other refusal was logged.
  expect(atlas.cspErrors()).toHaveLength(atlas.sentinels);
  for (const line of atlas.cspErrors()) expect(line).toMatch(/inline style/);
  expect(atlas.dialogs).toEqual([]);
}

describe('Content-Security-Policy', () => {
  it('is in force: an inline script and an inline style attribute are refused and reported', async () => {
    const atlas = await openRecording('./');
    const { page } = atlas;
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      const div = document.createElement('div');
      div.setAttribute('style', 'color: red');
      document.body.append(div);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(async () => (await atlas.violations()).map((v) => v.directive).sort()).toEqual(['script-src-elem', 'style-src-attr']);
    // The policy in force (as the browser reports it) allows neither eval nor inline script anywhere, but the one inline
    // script by its hash (src/state/canonical-path.ts).
    const [{ policy }] = await atlas.violations();
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]{43}=';/);
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline/);
    await atlas.context.close();
  });

  it('a tour of the whole interface triggers no violation', async () => {
    const atlas = await openRecording('./#map=8/30.66/104.07');
    const { page } = atlas;
    await expectClean(page, atlas);

    // Hover: the tooltip is positioned through element.style (CSSOM), which style-src 'self' allows.
    await page.mouse.move(640, 400);
    await page.locator('.tooltip').waitFor();
    await afterRender(page, () => page.locator('select[name="indicator"]').selectOption('gdp_per_capita'));
    await afterRender(page, async () => {
      await page.locator('input[name="year"]').focus();
      await page.keyboard.press('ArrowLeft');
    });
    await page.locator('select[name="classification"]').selectOption('equal');
    await afterRender(page, () => page.getByLabel('城市', { exact: true }).check());
    await afterRender(page, () => page.getByLabel('显示功能区（示意）').uncheck());
    await afterRender(page, () => page.getByLabel('English').check());
    await expectClean(page, atlas);

    const search = page.getByRole('combobox', { name: 'Search places' });
    await search.fill('chongqing');
    await page.getByRole('option').first().waitFor();
    // Choosing a place flies the map to it: let the flight end before the next control is used, as every other step
    // here does (a click during it could stall the page past the click timeout on software GL).
    await afterRender(page, () => search.press('Enter'));
    await page.locator('.unit-panel h2').waitFor();
    await page.getByRole('button', { name: 'Table' }).click();
    await page.locator('.table-panel').waitFor();
    await page.locator('.table-panel thead button').first().click();
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.locator('.compare-panel').waitFor();
    await page.locator('.legend summary').click();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Share' }).click();
    await page.locator('.share-popover').waitFor();
    await page.mouse.click(900, 500);
    await expectClean(page, atlas);
    expect(atlas.offsite).toEqual([]);
    await atlas.context.close();
  });

  it('a hostile link is shown as text: no script runs, no dialog, no violation', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const atlas = await openRecording(`./?sel=${encodeURIComponent(hostile)}&ind=${encodeURIComponent('"><script>alert(2)</script>')}`);
    const { page } = atlas;
    await expect.poll(() => page.locator('.notice').textContent()).toContain(hostile);
    expect(await page.locator('.notice img, .notice script').count()).toBe(0);
    await expectClean(page, atlas);
    await atlas.context.close();
  });
});
