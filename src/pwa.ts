/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker (configured in vite.config.ts) after the page has loaded, so precaching does
 * not compete with the first paint. In autoUpdate mode the helper reloads the page when a newer deploy's
 * worker activates: the view survives because the URL is the state.
 */
import { registerSW } from 'virtual:pwa-register';

registerSW();
