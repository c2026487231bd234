import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { firstViewPlugin, shareCardPlugin } from './src/first-view/vite-plugin.ts';
import { canonicalPathPlugin } from './src/state/canonical-path-plugin.ts';
import { dataPackagePlugin } from './geo/lib/data-package/vite-plugin.ts';

/**
 * The dev server injects styles as inline <style> and keeps a websocket for hot reload, both of which the
 * production Content-Security-Policy in index.html forbids: drop the policy while serving in development only.
 */
function devWithoutCsp(): Plugin {
  return {
    name: 'dev-without-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>(\s*<!--.*?-->)?/, ''),
  };
}

// Relative base: the built `dist/` works from any folder of a static host.
export default defineConfig({
  base: './',
  plugins: [
    devWithoutCsp(),
    preact(),
    firstViewPlugin(),
    shareCardPlugin(),
    canonicalPathPlugin(),
    dataPackagePlugin(),
    // Offline and installable: a Workbox service worker precaches everything in dist/ (app shell, every JS/CSS
    // chunk including MapLibre's worker, data, sources page, icons), so a visited atlas runs without network.
    VitePWA({
      // src/pwa.ts registers it from the bundle: no inline script (CSP), and it reloads the page once a new
      // deploy's worker takes over, so a tab never runs old code against new files.
      injectRegister: false,
      registerType: 'autoUpdate',
      // The shipped worker whatever NODE_ENV runs the build (vitest sets "test", which would pick Workbox's
      // debug build): the e2e tests drive what users get.
      mode: 'production',
      manifest: {
        name: '成渝地区双城经济圈地图 · Chengyu Atlas',
        short_name: '成渝地图',
        description: 'Interactive map of the Chengdu-Chongqing Economic Circle, every figure with its source.',
        lang: 'zh-CN',
        // Relative, so the installed app opens wherever dist/ is hosted.
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#f3f1ec',
        background_color: '#f3f1ec',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        ],
      },
      workbox: {
        // PNGs are left out: the plugin adds the manifest's icons itself, and they would be listed twice.
        globPatterns: ['**/*.{html,js,mjs,css,json,svg}'],
        // All China's boundaries (1.5 MB) and its vector tiles serve one level: kept once viewed, not installed up
        // front (hundreds of tile files in the precache list also kept a new deploy's worker from reloading pages).
        globIgnores: ['**/data/china.topo.json'],
        runtimeCaching: [
          {
            urlPattern: /\/(data\/china\.topo\.json|tiles\/china\/\d+\/\d+\/\d+\.pbf)$/,
            handler: 'StaleWhileRevalidate',
            options: { cacheName: 'national-level' },
          },
        ],
        // MapLibre's chunk is ~1 MB; the default 2 MiB limit would silently drop anything larger.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Navigations (any ?query or #hash) get the precached shell; sources.html matches its own precache
        // entry first.
        navigateFallback: 'index.html',
        // A download link is a navigation too: the data archive must come from the server, never as the shell.
        navigateFallbackDenylist: [/\.zip$/],
        // The new worker takes over at once and drops the old precache: one version at a time, never a mix.
        skipWaiting: true,
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
  preview: { port: 4173, strictPort: true },
});
