import { chromium } from 'playwright-core';
const base = 'http://localhost:4391/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--use-angle=swiftshader','--enable-unsafe-swiftshader'] });
for (const [name, query, vp, mobile] of [['zh-desk','', {width:1280,height:800}, false], ['en-desk','?lang=en',{width:1280,height:800}, false], ['zh-phone','',{width:390,height:844}, true], ['en-phone','?lang=en',{width:390,height:844}, true], ['districts','?level=districts',{width:1280,height:800}, false]] as const) {
  const ctx = await browser.newContext({ viewport: vp, isMobile: mobile, hasTouch: mobile });
  const page = await ctx.newPage();
  // The first frame alone: no app script.
  await page.route(/assets\/index-.*\.js$/, (r) => r.abort());
  await page.goto(base + query);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shots-p/${name}-first.png` });
  await page.unroute(/assets\/index-.*\.js$/);
  await page.goto(base + query);
  await page.waitForSelector('#map[data-map-ready="true"]', { timeout: 60000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots-p/${name}-done.png` });
  await ctx.close();
}
await browser.close();
