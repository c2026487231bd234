/**
 * What a click (or the pointer) on either map selects, from what lies under it. Both maps find the hits their own
 * way (MapLibre's rendered features, the 2D map's shapes) and decide with `pickAt`, so they select the same thing.
 * Pure: no DOM.
 */

/**
 * What the pointer is over. `zone-marker` and `zone-label` name a zone the user pointed at on purpose (its own
 * marker, its name); `zone-area` is only somewhere inside a zone's drawn shape, which overlaps whole districts.
 */
export type HitKind = 'plant' | 'zone-marker' | 'zone-label' | 'zone-area' | 'unit';

export interface MapHit {
  readonly kind: HitKind;
  /** The plant's selection, the zone's id (a marker's zone, not the marker), or the unit's id. */
  readonly id: string;
}

export interface MapPick {
  /** What the click selects; null: nothing there. */
  readonly selected: string | null;
  /** The other units and zones at the same point, which the panel offers instead (a zone over a district, say). */
  readonly alsoHere: readonly string[];
}

/**
 * A plant wins (its symbol is small and sits on top). Otherwise a zone whose marker or name was hit; otherwise the
 * unit under the point, with the zones whose shapes cover it offered beside it; a zone's shape alone selects the zone.
 */
export function pickAt(hits: readonly MapHit[]): MapPick {
  const first = (kind: HitKind) => hits.find((h) => h.kind === kind)?.id;
  const plant = first('plant');
  if (plant !== undefined) return { selected: plant, alsoHere: [] };
  const named = first('zone-marker') ?? first('zone-label');
  const unit = first('unit');
  const areas = hits.filter((h) => h.kind === 'zone-area').map((h) => h.id);
  const candidates = [...new Set([named, unit, ...areas].filter((id): id is string => id !== undefined))];
  const [selected = null, ...alsoHere] = candidates;
  return { selected, alsoHere };
}

/**
 * Even-odd ray casting over one polygon's rings (flat [x0, y0, x1, y1, …]; the outer ring and its holes): inside
 * the outer ring and outside every hole. Any plane: the 2D map's unit world, or longitude and latitude.
 */
export function polygonContains(polygon: readonly ArrayLike<number>[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of polygon) {
    const n = ring.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = ring[2 * i];
      const yi = ring[2 * i + 1];
      const xj = ring[2 * j];
      const yj = ring[2 * j + 1];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
