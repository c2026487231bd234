import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

// Build the app once and serve `dist/` exactly as a static host would; every e2e file drives that.
export default async function setup(project: TestProject) {
  await build({ logLevel: 'warn' });
  const server = await preview({ preview: { port: 0, strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
