/**
 * Screenshots of the real app for the README: builds, serves dist/ with `vite preview`, drives Chromium.
 * Run: npm run screenshots (set CHROME_PATH to a browser with CJK fonts, e.g. Debian's chromium with
 * fonts-noto-cjk, or Chinese labels may render as boxes).
 */
import { build, preview } from 'vite';
import { launchBrowser } from '../tests/e2e/browser';

const SHOTS: { file: string; query: string; viewport?: { width: number; height: number }; click?: [number, number] }[] = [
  { file: 'docs/atlas-choropleth.png', query: '?ind=gdp_per_capita&year=2020' },
  { file: 'docs/atlas-figures.png', query: '?ind=gdp&year=2022&sel=liangjiang#map=7.2/30.2/105.3' },
  { file: 'docs/atlas-compare.png', query: '?ind=gdp&year=2022&panel=compare&cmp=liangjiang,tianfu&lang=en' },
  { file: 'docs/atlas-vehicles.png', query: '?ind=vehicles&year=2022' },
  { file: 'docs/atlas-phone.png', query: '?ind=gdp&year=2022&sel=510100&lang=en', viewport: { width: 375, height: 667 } },
];

await build({ logLevel: 'warn' });
const server = await preview({ preview: { port: 0 }, logLevel: 'warn' });
const base = server.resolvedUrls!.local[0];
const browser = await launchBrowser();
for (const shot of SHOTS) {
  const page = await browser.newPage({ viewport: shot.viewport ?? { width: 1280, height: 800 } });
  await page.goto(new URL(shot.query, base).toString());
  await page.waitForSelector('#map[data-map-ready="true"]');
  await page.waitForTimeout(1000);
  await page.screenshot({ path: shot.file });
  console.log(shot.file);
  await page.close();
}
await browser.close();
await server.close();
