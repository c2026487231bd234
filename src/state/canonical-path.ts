/**
 * Built inline into index.html's head (canonical-path-plugin.ts), before anything the page loads: where the page was
 * opened at an odd path of its folder (`/index.html/`, `//`, `//evil.example`, the service worker's fallback for any
 * path), it rewrites the address to the folder itself. Every relative URL after it (scripts, styles, data, tiles)
 * then resolves in the app's folder: from `/index.html/` they resolved to `/index.html/assets/…` and nothing loaded.
 * Inline, as no file can load before the address is right; allowed by its hash in the Content-Security-Policy.
 */
import { appBasePath, appPath } from './link-path';

if (location.pathname !== appBasePath(location.pathname)) history.replaceState(null, '', appPath(location.pathname, location.search, location.hash));
