// The same Chromium the e2e tests drive (tests/e2e/browser.ts, restated here because the bench runs in plain node).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

// Keep headless Chromium quiet on a closed network; WebGL2 still works through SwiftShader on the CPU.
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
];
// Nothing but the bench server resolves, so no page can reach the network, without intercepting requests
// (interception would add a protocol round trip to every request and distort the timings).
const LOCAL_ONLY = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

async function resolveChromium() {
  const explicit = process.env.CHROME_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`CHROME_PATH=${explicit} does not exist`);
    return { executablePath: explicit, args: QUIET_FLAGS };
  }
  const packaged = (await import('@sparticuz/chromium')).default;
  return { executablePath: await packaged.executablePath(), args: [...QUIET_FLAGS, '--in-process-gpu', '--ignore-gpu-blocklist'] };
}

export async function launchBrowser() {
  const { executablePath, args } = await resolveChromium();
  return chromium.launch({ executablePath, headless: true, args: [...args, LOCAL_ONLY] });
}
