/** Where the first view's picture goes on a screen. Pure; runs in reveal.ts, so it imports nothing. */

/** x, y, width, height. */
export type Box = readonly [number, number, number, number];

/**
 * The viewBox that shows `bounds` (in the picture's user units) on a screen of `width` x `height` CSS px as
 * MapLibre's fitBounds with `padding` frames them: the largest scale at which they fit inside the padding, centred.
 * It covers the whole screen, so the picture around the bounds shows too. Null where nothing fits.
 */
export function screenViewBox(bounds: Box, width: number, height: number, padding: number): Box | null {
  const [x, y, w, h] = bounds;
  const scale = Math.min((width - 2 * padding) / w, (height - 2 * padding) / h);
  if (!(scale > 0) || !Number.isFinite(scale) || !bounds.every(Number.isFinite)) return null;
  return [x + w / 2 - width / scale / 2, y + h / 2 - height / scale / 2, width / scale, height / scale];
}
