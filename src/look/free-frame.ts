/**
 * The part of the map the panels leave free, as the padding both maps frame the default view with (MapLibre's
 * fitBounds padding, the 2D map's fitBoundsCamera). Pure: no DOM.
 */

/** CSS px from each edge of the map. */
export interface Padding {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** A panel's box on the map, CSS px from its top left corner. */
export interface Cover {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The panels over the map that the default framing keeps clear of, among the app root's children (CSS selector). */
export const MAP_COVERS = ':scope > :is(.topbar, .embed-bar, .legend, .unit-panel, .data-panel)';

export const uniformPadding = (px: number): Padding => ({ top: px, right: px, bottom: px, left: px });

export const samePadding = (a: Padding, b: Padding): boolean =>
  a.top === b.top && a.right === b.right && a.bottom === b.bottom && a.left === b.left;

/** At most this many panels are weighed (4^n ways to clear them); more are rare, and the rest stay covered. */
const MAX_COVERS = 5;

/**
 * The padding that keeps every panel out of the framed area and frames the largest picture of bounds `aspect`
 * (width and height in any one unit, e.g. Mercator): each panel is cleared past one of its edges (the topbar in the
 * top left corner by the left edge or by the top), and of every way to choose, the one whose free rectangle holds the
 * bounds at the largest scale wins. `margin` px are kept between the picture and the panels and the screen's edges.
 * Where nothing fits (the panels fill the screen), the uniform margin: the Circle behind the panels is better than
 * no Circle.
 */
export function framePadding(
  screen: { readonly width: number; readonly height: number },
  covers: readonly Cover[],
  aspect: { readonly width: number; readonly height: number },
  margin: number,
): Padding {
  // Only what lies on the screen counts; a panel off it, or of no size, covers nothing.
  const onScreen = covers
    .map((c) => ({ left: Math.max(c.left, 0), top: Math.max(c.top, 0), right: Math.min(c.right, screen.width), bottom: Math.min(c.bottom, screen.height) }))
    .filter((c) => c.right > c.left && c.bottom > c.top)
    .slice(0, MAX_COVERS);
  const clear = [
    (c: Cover): Partial<Padding> => ({ left: c.right + margin }),
    (c: Cover): Partial<Padding> => ({ top: c.bottom + margin }),
    (c: Cover): Partial<Padding> => ({ right: screen.width - c.left + margin }),
    (c: Cover): Partial<Padding> => ({ bottom: screen.height - c.top + margin }),
  ];
  let best = uniformPadding(margin);
  let bestScale = 0;
  for (let choice = 0; choice < clear.length ** onScreen.length; choice++) {
    const padding = { ...uniformPadding(margin) };
    let rest = choice;
    for (const cover of onScreen) {
      const side = clear[rest % clear.length](cover);
      rest = Math.floor(rest / clear.length);
      for (const [key, px] of Object.entries(side) as [keyof Padding, number][]) padding[key] = Math.max(padding[key], px);
    }
    const width = screen.width - padding.left - padding.right;
    const height = screen.height - padding.top - padding.bottom;
    if (width <= 0 || height <= 0) continue;
    const scale = Math.min(width / aspect.width, height / aspect.height);
    if (scale > bestScale) {
      best = padding;
      bestScale = scale;
    }
  }
  return best;
}
