/** True where MapLibre 6 can run: it needs WebGL2 and throws from its constructor without it. Kept apart from the
 *  map module so the check costs the entry chunk nothing of MapLibre. */
export function supportsWebGL2(): boolean {
  try {
    return !!document.createElement('canvas').getContext('webgl2');
  } catch {
    return false;
  }
}
