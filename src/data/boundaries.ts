import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import { BOUNDARY_OBJECTS, type BoundaryObject, type UnitProps } from '../model/units';

export type UnitCollection = FeatureCollection<Geometry, UnitProps>;
export type Boundaries = Record<BoundaryObject, UnitCollection>;

export function decodeBoundaries(topology: Topology): Boundaries {
  const out = {} as Boundaries;
  for (const layer of BOUNDARY_OBJECTS) {
    const object = topology.objects[layer] as GeometryCollection<UnitProps> | undefined;
    if (!object) throw new Error(`boundaries.topo.json has no object "${layer}"`);
    out[layer] = feature(topology, object) as UnitCollection;
  }
  return out;
}

/** Every unit by id, whichever layer it is drawn in. */
export function unitIndex(boundaries: Boundaries): Map<string, UnitProps> {
  const index = new Map<string, UnitProps>();
  for (const layer of BOUNDARY_OBJECTS) {
    for (const f of boundaries[layer].features) index.set(f.properties.id, f.properties);
  }
  return index;
}
