// vt-pbf ships no types; only the function the tile build uses is declared.
declare module 'vt-pbf' {
  interface GeojsonVtLayer {
    features: unknown[];
  }
  const vtpbf: {
    /** Encodes geojson-vt tiles, one per named layer, as one Mapbox Vector Tile (raw protobuf). */
    fromGeojsonVt(layers: Record<string, GeojsonVtLayer>, options?: { version?: number; extent?: number }): Uint8Array;
  };
  export default vtpbf;
}
