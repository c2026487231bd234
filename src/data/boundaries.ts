import { feature } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
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

/** Properties as geo/lib/national writes them; the app's own fields are filled in by `nationalUnits`. */
type NationalProps = Pick<UnitProps, 'id' | 'name_zh' | 'name_en' | 'pinyin' | 'area_km2' | 'province_zh' | 'province_en'>;

/** All China's county-level units as map units of level `national` (no parent in the atlas, outside the Circle): the
 *  geometries of data/china.topo.json with the app's fields added. */
export function nationalUnits(topology: Topology): GeometryCollection<UnitProps> {
  const object = topology.objects[NATIONAL_OBJECT] as GeometryCollection<NationalProps>;
  return {
    type: 'GeometryCollection',
    geometries: object.geometries.map(
      (g) => ({ ...g, properties: { ...(g.properties as NationalProps), level: 'national', parent: null, circle: 'none' } }) as GeometryObject<UnitProps>,
    ),
  };
}

/** The national units as GeoJSON (bench pages and tests draw them; the app's map has them as vector tiles). */
export function decodeNational(topology: Topology): UnitCollection {
  return feature(topology, nationalUnits(topology)) as UnitCollection;
}

/** The national units the index lacks: the Circle's own counties are the same units, with richer records. */
export function nationalAdditions(units: ReadonlyMap<string, UnitProps>, national: GeometryCollection<UnitProps>): UnitProps[] {
  return national.geometries.map((g) => g.properties as UnitProps).filter((unit) => !units.has(unit.id));
}

/** Every unit of boundaries.topo.json by id, whichever object it is in (read off the topology: nothing decoded). */
export function unitIndex(topology: Topology): Map<string, UnitProps> {
  const index = new Map<string, UnitProps>();
  for (const layer of BOUNDARY_OBJECTS) {
    for (const g of (topology.objects[layer] as GeometryCollection<UnitProps>).geometries) {
      const unit = g.properties as UnitProps;
      index.set(unit.id, unit);
    }
  }
  return index;
}
