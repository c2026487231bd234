/** True where MapLibre 6 can run: it needs WebGL2 and throws from its constructor without it. Kept apart from the
 *  map module so the check costs the entry chunk nothing of MapLibre. */
export function supportsWebGL2(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    // The probe's context is dropped at once: browsers cap live contexts, and MapLibre is about to make its own.
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return !!gl;
  } catch {
    return false;
  }
}
