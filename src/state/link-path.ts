/**
 * Where the links the app writes point: always the page's own origin and the app's folder on it. Built from
 * `location.pathname` as it was, a path such as `//evil.example` reads as another host (a scheme-relative URL): Share
 * copied it, and `history.pushState` threw. Pure (no `location`), so the index.html boot step can bundle it too.
 */

/** The folder `index.html` is served from, as a path: one leading `/`, no doubled `/`, ending in `/`. */
export function appBasePath(pathname: string): string {
  // Read the way the browser reads a path: `\` is `/`, tabs and newlines vanish, dot segments (also `%2e`) resolve,
  // other characters are percent-encoded. On a throwaway URL: the pathname setter can never change its host.
  const parsed = new URL('http://link-path.invalid/');
  parsed.pathname = pathname;
  const collapsed = parsed.pathname.replace(/\/{2,}/g, '/');
  // The page's folder, as relative asset URLs resolve against it: the last segment (`index.html`, a stray name) goes.
  let folder = collapsed.slice(0, collapsed.lastIndexOf('/') + 1);
  // `/index.html/` is the page too (some servers and the service worker's fallback answer it): its folder is above.
  while (folder.endsWith('/index.html/')) folder = folder.slice(0, -'index.html/'.length);
  return folder;
}

/**
 * The app at `search` + `hash`, as a same-origin path for `history.pushState`/`replaceState`: it starts with one `/`
 * and a path character, so it never resolves to another host and never throws.
 */
export function appPath(pathname: string, search: string, hash: string): string {
  return `${appBasePath(pathname)}${search}${hash}`;
}

/** The app at `search` + `hash` as an absolute link on the page's own origin (Share, the embed snippet, embed mode). */
export function appLink(page: { origin: string; pathname: string }, search: string, hash: string): string {
  return `${page.origin}${appPath(page.pathname, search, hash)}`;
}
