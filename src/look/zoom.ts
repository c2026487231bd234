/** A width or opacity: fixed, or linear in the zoom between stops (ascending zooms) and held flat beyond them. */
export type Zoomed = number | { readonly zoom: readonly (readonly [zoom: number, value: number])[] };

/** The value at `zoom`, as MapLibre's `['interpolate', ['linear'], ['zoom'], …]` computes it (style.ts writes that). */
export function atZoom(value: Zoomed, zoom: number): number {
  if (typeof value === 'number') return value;
  const stops = value.zoom;
  if (zoom <= stops[0][0]) return stops[0][1];
  for (let i = 1; i < stops.length; i++) {
    const [z1, v1] = stops[i];
    if (zoom <= z1) {
      const [z0, v0] = stops[i - 1];
      return v0 + ((zoom - z0) / (z1 - z0)) * (v1 - v0);
    }
  }
  return stops[stops.length - 1][1];
}
