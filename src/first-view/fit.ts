/** Where the first view's picture goes on a screen. Pure; runs in reveal.ts, so it imports no code. */
import type { Padding } from '../look/free-frame';

/** The phone layout's media query (ui/layout.ts's PHONE_QUERY; copied, as this script may share no module with the app). */
export const PHONE_SCREEN = '(max-width: 640px)';

/**
 * Where the default framing goes before the panels are drawn: on a desktop screen, right of the column that
 * styles.css gives the top bar (10 px in, at most 460 px wide plus 12 px padding and a 1 px border each side), with
 * the narrower legend under it; the app clears the drawn panels the same way on a screen as wide as 1280x800
 * (look/free-frame.ts). On a phone, or in an embedded map (a bar of its own, no top bar), the margin alone: the app
 * refits once its panels are drawn.
 */
export function firstViewPadding(width: number, margin: number, desktop: boolean): Padding {
  const left = desktop ? 10 + Math.min(460, width - 80) + 26 + margin : margin;
  return { top: margin, right: margin, bottom: margin, left };
}

/** x, y, width, height. */
export type Box = readonly [number, number, number, number];

/**
 * The viewBox that shows `bounds` (in the picture's user units) on a screen of `width` x `height` CSS px as
 * MapLibre's fitBounds with `padding` frames them: the largest scale at which they fit inside the padding, centred
 * there. It covers the whole screen, so the picture around the bounds shows too. Null where nothing fits.
 */
export function screenViewBox(bounds: Box, width: number, height: number, padding: number | Padding): Box | null {
  const { top, right, bottom, left } = typeof padding === 'number' ? { top: padding, right: padding, bottom: padding, left: padding } : padding;
  const [x, y, w, h] = bounds;
  const scale = Math.min((width - left - right) / w, (height - top - bottom) / h);
  if (!(scale > 0) || !Number.isFinite(scale) || !bounds.every(Number.isFinite)) return null;
  // The bounds' middle goes to the middle of the padded part of the screen.
  const cx = (left + width - right) / 2;
  const cy = (top + height - bottom) / 2;
  return [x + w / 2 - cx / scale, y + h / 2 - cy / scale, width / scale, height / scale];
}
