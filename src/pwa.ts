/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker (configured in vite.config.ts) after the page has loaded, so precaching does
 * not compete with the first paint, and reloads the page when a newer deploy's worker takes control: the view
 * survives because the URL is the state, and a tab never runs old code against new files.
 */
import { registerSW } from 'virtual:pwa-register';

// The reload is decided here, not by the helper: workbox-window takes a new worker found within a minute of
// registering for the page's own first one (same script URL, no earlier "updatefound" seen) and then never
// reloads: an open page stayed on the old deploy (offline.test.ts).
registerSW({ onNeedReload: () => undefined });

if ('serviceWorker' in navigator) {
  // The first worker claiming a page that had none is no new deploy; any later change of controller is.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) location.reload();
    controlled = true;
  });
}
