/**
 * Renders public/favicon.svg to the PNG app icons the web app manifest lists (public/icon-192.png,
 * public/icon-512.png). Install prompts and home screens want PNGs; the committed files are the output of
 * this script, so it only needs re-running when the favicon changes: npx tsx scripts/icons.ts
 */
import { readFileSync } from 'node:fs';
import { launchBrowser } from '../tests/e2e/browser';

const svg = readFileSync('public/favicon.svg', 'utf8');
const browser = await launchBrowser();
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  const file = `public/icon-${size}.png`;
  // Transparent outside the favicon's rounded square, as in the browser tab.
  await page.screenshot({ path: file, omitBackground: true });
  console.log(file);
  await page.close();
}
await browser.close();
