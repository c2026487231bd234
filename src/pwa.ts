/**
 * Registers the service worker (vite-plugin-pwa writes it as sw.js beside index.html: vite.config.ts) and reloads the
 * page when a newer deploy's worker takes control: the view survives because the URL is the state, and a tab never
 * runs old code against new files. main.tsx calls it once the map has started (see there for why not at the load).
 * The browser's own registration: the plugin's helper (workbox-window, 2 KB of the start's code) added nothing the
 * atlas uses, and its own reload rule kept an open page on the old deploy (offline.test.ts).
 */
export function registerServiceWorker(): void {
  // The dev server has no worker (vite-plugin-pwa writes it at build time): it would answer sw.js with index.html.
  if (import.meta.hot || !('serviceWorker' in navigator)) return;
  // The first worker claiming a page that had none is no new deploy; any later change of controller is.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) location.reload();
    controlled = true;
  });
  // Relative, as the whole build (vite.config.ts `base`): the atlas works from any folder of a host.
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {
    // No offline copy (a private window, a host without HTTPS): the atlas works as it did without one.
  });
}
