import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

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

// Compositing, rasterising and 2D canvases on the CPU, as Chromium does where it refuses a GPU, instead of through
// SwiftShader: about a quarter less CPU per test here (docs/performance.md, "Fourth pass"). WebGL keeps SwiftShader.
const CPU_DRAWING_FLAGS = ['--disable-gpu-compositing', '--disable-gpu-rasterization', '--disable-accelerated-2d-canvas'];

/**
 * Which Chromium to drive: $CHROME_PATH if set (e.g. Debian's /usr/bin/chromium), otherwise the one shipped inside
 * the npm package @sparticuz/chromium, so `npm ci && npm test` needs nothing installed by hand and every machine
 * runs the same browser build. (Its own flag list is meant for AWS Lambda and turns off web security: not used.)
 */
async function resolveChromium(): Promise<{ executablePath: string; args: string[] }> {
  const explicit = process.env.CHROME_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`CHROME_PATH=${explicit} does not exist`);
    return { executablePath: explicit, args: [...QUIET_FLAGS, ...CPU_DRAWING_FLAGS] };
  }
  const packaged = (await import('@sparticuz/chromium')).default;
  return { executablePath: await packaged.executablePath(), args: [...QUIET_FLAGS, ...CPU_DRAWING_FLAGS, '--in-process-gpu', '--ignore-gpu-blocklist'] };
}

/** The kinds of browser the e2e tests drive: the usual one, and one whose pages get no WebGL at all. */
export const BROWSER_KINDS = {
  webgl: [] as string[],
  // No GPU process at all: nothing in these pages would use it.
  'no-webgl': ['--disable-webgl', '--disable-3d-apis', '--disable-gpu'],
} as const;
export type BrowserKind = keyof typeof BROWSER_KINDS;

/** A Chromium of this process's own: for a test that must not share one (see offline.test.ts). */
export async function launchBrowser(kind: BrowserKind = 'webgl', extraArgs: readonly string[] = []): Promise<Browser> {
  const { executablePath, args } = await resolveChromium();
  return chromium.launch({ executablePath, headless: true, args: [...args, ...BROWSER_KINDS[kind], ...extraArgs] });
}

/** Started once by the e2e global setup; every test file connects to it instead of starting a Chromium of its own. */
export async function launchBrowserServer(kind: BrowserKind): Promise<BrowserServer> {
  const { executablePath, args } = await resolveChromium();
  return chromium.launchServer({ executablePath, headless: true, args: [...args, ...BROWSER_KINDS[kind]] });
}

/**
 * The shared browser of this kind (global-setup.ts). Closing what this returns ends only this connection and the
 * contexts made through it; the browser stays for the next file.
 */
export function connectBrowser(kind: BrowserKind = 'webgl'): Promise<Browser> {
  return chromium.connect(inject('browserEndpoints')[kind]);
}

/** Connects a test file to the shared browser of this kind before its tests, hands it to `use`, and closes the connection after them. */
export function connectShared(use: (browser: Browser) => void, kind: BrowserKind = 'webgl'): void {
  let connected: Browser | undefined;
  beforeAll(async () => {
    connected = await connectBrowser(kind);
    use(connected);
  });
  afterAll(async () => {
    await connected?.close();
  });
}

/**
 * Connects a test file to both shared browsers before its tests, hands them to `use`, and closes the connections
 * after them. The no-WebGL one is for what both maps do alike (panels, links, words, the 2D painter's pictures):
 * its pages never load MapLibre, whose start costs about 2 s of CPU on software GL.
 */
export function connectBoth(use: (webgl: Browser, noWebgl: Browser) => void): void {
  let connected: Browser[] = [];
  beforeAll(async () => {
    connected = await Promise.all([connectBrowser(), connectBrowser('no-webgl')]);
    use(connected[0], connected[1]);
  });
  afterAll(async () => {
    await Promise.all(connected.map((browser) => browser.close()));
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    browserEndpoints: Record<BrowserKind, string>;
  }
}
