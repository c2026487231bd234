// topojson-server ships no types; only the function the build uses is declared.
declare module 'topojson-server' {
  import type { GeoJsonObject } from 'geojson';
  import type { Objects, Topology } from 'topojson-specification';
  export function topology(objects: Record<string, GeoJsonObject>, quantization?: number): Topology<Objects<{}>>;
}
