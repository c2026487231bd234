import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from './browser';

// Build the app once and serve `dist/` exactly as a static host would; every e2e file drives that, in one of two
// browsers started here once (starting a Chromium per file cost about a second each). Files connect to them
// (browser.ts, connectBrowser) and open a new context per test, so no test sees another's pages, storage or workers.
export default async function setup(project: TestProject) {
  const browsers = Promise.all([launchBrowserServer('webgl'), launchBrowserServer('no-webgl')]);
  await build({ logLevel: 'warn' });
  const server = await preview({ preview: { port: 0, strictPort: false }, logLevel: 'warn' });
  const [webgl, noWebgl] = await browsers;
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  project.provide('baseUrl', url);
  project.provide('browserEndpoints', { webgl: webgl.wsEndpoint(), 'no-webgl': noWebgl.wsEndpoint() });
  return async () => {
    await Promise.all([webgl.close(), noWebgl.close(), server.close()]);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
