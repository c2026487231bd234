import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// Flags that keep headless Chromium quiet on a closed network (toolchain.md): without them it
// keeps trying to reach Google's hosts. WebGL2 still works through SwiftShader on the CPU.
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

/**
 * Which Chromium to drive: $CHROME_PATH if set (e.g. Debian's /usr/bin/chromium), otherwise the one shipped inside
 * the npm package @sparticuz/chromium, so `npm ci && npm test` needs nothing installed by hand and every machine
 * runs the same browser build. (Its own flag list is meant for AWS Lambda and turns off web security: not used.)
 */
async function resolveChromium(): Promise<{ executablePath: string; args: string[] }> {
  const explicit = process.env.CHROME_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`CHROME_PATH=${explicit} does not exist`);
    return { executablePath: explicit, args: QUIET_FLAGS };
  }
  const packaged = (await import('@sparticuz/chromium')).default;
  return { executablePath: await packaged.executablePath(), args: [...QUIET_FLAGS, '--in-process-gpu', '--ignore-gpu-blocklist'] };
}

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const { executablePath, args } = await resolveChromium();
  return chromium.launch({ executablePath, headless: true, args: [...args, ...extraArgs] });
}
