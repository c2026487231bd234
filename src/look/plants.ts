/**
 * The plants as both maps draw them: one point each, with the properties the `plants` layer (layers.ts) reads. No page
 * gives a plant's own site, so plants sharing a point (a district's centre: 7 in Longquanyi, 6 in Liangjiang) are
 * spread on a small ring around it, in a fixed order, so each can be seen and clicked. The ring is laid out in px at
 * `RING_ZOOM` and fixed in degrees: it grows as the map zooms in. Pure.
 */
import { mainProduct, type Plant, type Product } from '../model/plants';
import { layerPaint, radiusValue, type SqrtRadius } from './layers';

/** What the `plants` layer reads of a plant (MapLibre's GeoJSON properties; the 2D painter's point). */
export interface PlantPointProps {
  /** The plant's id (not its `sel`, which is prefixed). */
  id: string;
  product: Product;
  /** Vehicles a year; absent where unknown. */
  capacity?: number;
}

export interface PlantPoint {
  properties: PlantPointProps;
  /** Where it is drawn: its position, or a place on the ring around it. */
  lngLat: [number, number];
  /** Whether it was moved off its position to stand apart from plants drawn at the same point. */
  spread: boolean;
}

/** The zoom at which the ring's px are measured: a little under the Circle's default framing on a desktop (about 6.7). */
export const RING_ZOOM = 6.5;
/** Between neighbouring symbols on the ring, px: a margin that keeps each ring of white apart from the next. */
const GAP_PX = 4;

const paint = layerPaint('plants', 'circle');
const radius = paint.radius as SqrtRadius;

export function plantProps(plant: Plant): PlantPointProps {
  return { id: plant.id, product: mainProduct(plant), ...(plant.capacity ? { capacity: plant.capacity.value } : {}) };
}

/** The symbol's radius in px (without its stroke). */
export function plantRadius(props: PlantPointProps): number {
  return radiusValue(radius, props);
}

export function plantPoints(plants: readonly Plant[]): PlantPoint[] {
  const byPosition = new Map<string, Plant[]>();
  for (const plant of [...plants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const key = plant.position.join(',');
    byPosition.set(key, [...(byPosition.get(key) ?? []), plant]);
  }
  const degreesPerPx = 360 / (512 * 2 ** RING_ZOOM);
  return [...byPosition.values()].flatMap((group): PlantPoint[] => {
    const props = group.map(plantProps);
    if (group.length === 1) return [{ properties: props[0], lngLat: group[0].position, spread: false }];
    // Each symbol takes its diameter (with stroke) and a gap of the ring's circumference.
    const widths = props.map((p) => 2 * (plantRadius(p) + paint.strokeWidth) + GAP_PX);
    const circumference = widths.reduce((a, b) => a + b, 0);
    const ringPx = Math.max(circumference / (2 * Math.PI), Math.max(...widths) / 2);
    const [lng, lat] = group[0].position;
    let along = 0;
    return group.map((_, i) => {
      // Clockwise from north, each at the middle of its share of the ring.
      const angle = (2 * Math.PI * (along + widths[i] / 2)) / circumference;
      along += widths[i];
      const dx = ringPx * Math.sin(angle) * degreesPerPx;
      // Mercator: a px is fewer degrees of latitude than of longitude, by cos(lat).
      const dy = ringPx * Math.cos(angle) * degreesPerPx * Math.cos((lat * Math.PI) / 180);
      return { properties: props[i], lngLat: [lng + dx, lat + dy] as [number, number], spread: true };
    });
  });
}
