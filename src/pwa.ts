/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker (configured in vite.config.ts) and reloads the page when a newer deploy's worker
 * takes control: the view survives because the URL is the state, and a tab never runs old code against new files.
 * main.tsx calls it once the map has started (see there for why not at the page's load).
 */
import { registerSW } from 'virtual:pwa-register';

export function registerServiceWorker(): void {
  if ('serviceWorker' in navigator) {
    // The first worker claiming a page that had none is no new deploy; any later change of controller is.
    let controlled = navigator.serviceWorker.controller !== null;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (controlled) location.reload();
      controlled = true;
    });
  }
  // The reload is decided above, not by the helper: workbox-window takes a new worker found within a minute of
  // registering for the page's own first one (same script URL, no earlier "updatefound" seen) and then never
  // reloads: an open page stayed on the old deploy (offline.test.ts). `immediate`: now, not at the load event: the
  // caller has chosen the moment.
  registerSW({ immediate: true, onNeedReload: () => undefined });
}
