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

/** The object of data/china.topo.json: all China's county-level units (geo/lib/national). */
export const NATIONAL_OBJECT = 'counties';

/** Properties as geo/lib/national writes them; the app's own fields are filled in by `decodeNational`. */
type NationalProps = Pick<UnitProps, 'id' | 'name_zh' | 'name_en' | 'pinyin' | 'area_km2'> & { province_zh?: string };

/** All China's county-level units as map units of level `national`: no parent in the atlas, outside the Circle. */
export function decodeNational(topology: Topology): UnitCollection {
  const object = topology.objects[NATIONAL_OBJECT] as GeometryCollection<NationalProps>;
  const collection = feature(topology, object) as FeatureCollection<Geometry, NationalProps>;
  return {
    type: 'FeatureCollection',
    features: collection.features.map((f) => ({
      ...f,
      properties: { ...f.properties, level: 'national', parent: null, circle: 'none' },
    })),
  };
}

/** The national units the index lacks: the Circle's own counties are the same units, with richer records. */
export function nationalAdditions(units: ReadonlyMap<string, UnitProps>, national: UnitCollection): UnitProps[] {
  return national.features.map((f) => f.properties).filter((unit) => !units.has(unit.id));
}

/** Every unit by id, whichever layer it is drawn in. */
export function unitIndex(boundaries: Boundaries): Map<string, UnitProps> {
  const index = new Map<string, UnitProps>();
  for (const layer of BOUNDARY_OBJECTS) {
    for (const f of boundaries[layer].features) index.set(f.properties.id, f.properties);
  }
  return index;
}
