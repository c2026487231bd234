import { area, kinks, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon as GeoMultiPolygon, Point as GeoPoint } from 'geojson';
import { bbox, feature, mergeArcs, quantize } from 'topojson-client';
import { topology as buildTopology } from 'topojson-server';
import type { GeometryCollection, GeometryObject, MultiPolygon, Objects, Topology } from 'topojson-specification';
import { BOUNDARY_OBJECTS, LABELLED_OBJECTS, type Membership, type UnitProps } from '../../../src/model/units';
import {
  CHONGQING,
  CONTEXT_PROVINCES,
  SICHUAN,
  countyMembership,
  isShippedCounty,
  prefectureMembership,
  prefectureOf,
} from './membership';
import { englishName, pinyinOf, type NamedLevel } from './names';
import type { BoundarySource, SourceCollection } from './source';
import { arcsUsedBy, pruneArcs, simplifyArcs } from './topology';
import {
  HITECH_PARTS,
  HITECH_TEXT,
  LIANGJIANG_TEXT,
  LIANGJIANG_UNITS,
  OFFICIAL_AREA_KM2,
  TIANFU_CORE,
  TIANFU_TEXT,
  TIANFU_UNITS,
  circleOfArea,
} from './zones';

/** TopoJSON quantization: about 40 m over the whole extent (Tibet to Hubei), far below the source's
 *  1.4-1.7 km vertex spacing. */
const QUANTIZATION = 1e5;
/** Neighbouring provinces are backdrop only: their own borders are simplified to about 2 km. */
const CONTEXT_TOLERANCE_DEG = 0.02;

export type UnitGeometry = GeometryObject<UnitProps>;
export type BoundaryTopology = Topology<Record<(typeof BOUNDARY_OBJECTS)[number], GeometryCollection<UnitProps>>>;

export interface BoundaryBuild {
  topology: BoundaryTopology;
  /** Every feature's properties, sorted by id. */
  units: UnitProps[];
}

const adcodeOf = (f: Feature<Geometry, { gb: string }>): string => f.properties.gb.slice(3);

function administrativeUnit(
  adcode: string,
  nameZh: string,
  level: NamedLevel,
  parent: string | null,
  circle: Membership,
): UnitProps {
  return {
    id: adcode,
    name_zh: nameZh,
    name_en: englishName(nameZh, level),
    pinyin: pinyinOf(nameZh),
    level,
    parent,
    circle,
    area_km2: 0, // measured on the quantised geometry
  };
}

/** Source names must match the 2023 official list of administrative division codes. */
function checkOfficialName(source: BoundarySource, adcode: string, nameZh: string): void {
  const official = source.divisionNames.get(adcode);
  if (official !== nameZh) throw new Error(`${adcode}: source name ${nameZh}, official list ${official ?? 'missing'}`);
}

function selectFeatures(collection: SourceCollection, keep: (adcode: string) => boolean): SourceCollection['features'] {
  return collection.features.filter((f) => keep(adcodeOf(f))).sort((a, b) => adcodeOf(a).localeCompare(adcodeOf(b)));
}

/** A point inside the shape for its label, to about 0.1 m: computed here so the app need not before its first frame. */
function labelPoint(shape: Feature<Geometry>): [number, number] {
  const [lng, lat] = pointOnFeature(shape).geometry.coordinates as [number, number];
  return [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

const propsOf = (x: { properties?: unknown }): UnitProps => x.properties as UnitProps;
const byId = (a: { properties?: unknown }, b: { properties?: unknown }): number => propsOf(a).id.localeCompare(propsOf(b).id);

/** Simplifies the context-only arcs; a province that comes out self-intersecting gets its arcs back and
 *  is simplified again at half the tolerance (down to a floor, below which the source arcs are kept). */
function simplifyContext(topology: Topology<Objects<{}>>, context: UnitGeometry[], isContextOnly: (arc: number) => boolean): void {
  const contextArcsOf = (geometries: UnitGeometry[]) => [...arcsUsedBy(geometries)].filter(isContextOnly);
  const sourceArcs = new Map(contextArcsOf(context).map((i) => [i, topology.arcs[i]!]));
  let pending = context;
  for (let tolerance = CONTEXT_TOLERANCE_DEG; pending.length > 0; tolerance /= 2) {
    const arcs = contextArcsOf(pending);
    for (const i of arcs) topology.arcs[i] = sourceArcs.get(i)!;
    if (tolerance < CONTEXT_TOLERANCE_DEG / 8) return;
    simplifyArcs(topology, arcs, tolerance);
    pending = context.filter((g) => kinks(feature(topology, g) as Feature<GeoMultiPolygon>).features.length > 0);
  }
}

export function buildBoundaries(source: BoundarySource): BoundaryBuild {
  const sourceCounties = selectFeatures(source.counties, (code) => code.startsWith('50') || code.startsWith('51'));
  const sourcePrefectures = selectFeatures(source.prefectures, (code) => code.startsWith('51'));
  const sourceProvinces = selectFeatures(source.provinces, (code) => code === CHONGQING || code === SICHUAN);
  const sourceContext = selectFeatures(source.provinces, (code) => CONTEXT_PROVINCES.includes(code));
  for (const f of [...sourceCounties, ...sourcePrefectures, ...sourceProvinces, ...sourceContext]) {
    checkOfficialName(source, adcodeOf(f), f.properties.full_name);
  }

  const contextCollection: FeatureCollection<GeoMultiPolygon, UnitProps> = {
    type: 'FeatureCollection',
    features: sourceContext.map((f) => ({
      ...f,
      properties: administrativeUnit(adcodeOf(f), f.properties.full_name, 'context', null, 'none'),
    })),
  };
  const hitechCircles = HITECH_PARTS.map((part) => circleOfArea(part.lonLat, part.areaKm2));
  const hitechFeature: Feature<GeoMultiPolygon, UnitProps> = {
    type: 'Feature',
    properties: {
      id: 'chengdu-hitech',
      name_zh: HITECH_TEXT.name_zh,
      name_en: HITECH_TEXT.name_en,
      pinyin: pinyinOf(HITECH_TEXT.name_zh),
      level: 'zone',
      parent: SICHUAN,
      circle: 'full',
      area_km2: 0,
      approx: true,
      official_area_km2: OFFICIAL_AREA_KM2['chengdu-hitech'],
      shape: 'schematic-circles',
      shape_zh: HITECH_TEXT.shape_zh,
      shape_en: HITECH_TEXT.shape_en,
    },
    geometry: { type: 'MultiPolygon', coordinates: hitechCircles.map((c) => c.geometry.coordinates) },
  };
  const markerFeature = (props: UnitProps, lonLat: readonly [number, number]): Feature<GeoPoint, UnitProps> => ({
    type: 'Feature',
    properties: props,
    geometry: { type: 'Point', coordinates: [...lonLat] },
  });
  const markerProps = (id: string, nameZh: string, nameEn: string, parent: string): UnitProps => ({
    id,
    name_zh: nameZh,
    name_en: nameEn,
    pinyin: pinyinOf(nameZh),
    level: 'zone',
    parent,
    circle: 'full',
    area_km2: 0, // a point
    approx: true,
  });
  const markers: FeatureCollection<GeoPoint, UnitProps> = {
    type: 'FeatureCollection',
    features: [
      markerFeature(
        {
          ...markerProps(TIANFU_CORE.id, TIANFU_CORE.name_zh, TIANFU_CORE.name_en, 'tianfu'),
          shape: 'point',
          shape_zh: TIANFU_CORE.shape_zh,
          shape_en: TIANFU_CORE.shape_en,
        },
        TIANFU_CORE.lonLat,
      ),
      ...HITECH_PARTS.map((part) =>
        markerFeature(
          {
            ...markerProps(part.id, part.name_zh, part.name_en, 'chengdu-hitech'),
            official_area_km2: part.areaKm2,
            shape: 'point',
            shape_zh: HITECH_TEXT.marker_shape_zh,
            shape_en: HITECH_TEXT.marker_shape_en,
          },
          part.lonLat,
        ),
      ),
    ].sort(byId),
  };

  // One topology for everything, so every border shared by two shapes is one arc.
  const topology = buildTopology({
    context: contextCollection,
    sourceCounties: {
      type: 'FeatureCollection',
      features: sourceCounties.map((f) => ({ ...f, properties: { adcode: adcodeOf(f) } })),
    } as FeatureCollection,
    hitech: { type: 'FeatureCollection', features: [hitechFeature] } as FeatureCollection,
    zone_markers: markers as FeatureCollection,
  });
  const countyGeometry = new Map<string, GeometryObject>();
  for (const g of (topology.objects.sourceCounties as GeometryCollection<{ adcode: string }>).geometries) {
    countyGeometry.set((g.properties as { adcode: string }).adcode, g);
  }
  const countyIds = [...countyGeometry.keys()];
  const merged = (ids: string[], props: UnitProps): MultiPolygon<UnitProps> => {
    const parts = ids.map((id) => countyGeometry.get(id));
    if (parts.some((g) => !g)) throw new Error(`missing county among ${ids.join(', ')}`);
    return { ...mergeArcs(topology, parts as MultiPolygon[]), properties: props };
  };

  const provinces = sourceProvinces.map((f) => {
    const code = adcodeOf(f);
    return merged(
      countyIds.filter((id) => id.slice(0, 2) === code.slice(0, 2)),
      administrativeUnit(code, f.properties.full_name, 'province', null, 'partial'),
    );
  });
  const prefectures = sourcePrefectures.map((f) => {
    const code = adcodeOf(f);
    return merged(
      countyIds.filter((id) => prefectureOf(id) === code),
      administrativeUnit(code, f.properties.full_name, 'prefecture', SICHUAN, prefectureMembership(code)),
    );
  });
  const counties = sourceCounties
    .filter((f) => isShippedCounty(adcodeOf(f)))
    .map((f) => {
      const code = adcodeOf(f);
      const parent = code.startsWith('50') ? CHONGQING : prefectureOf(code);
      return {
        ...countyGeometry.get(code)!,
        properties: administrativeUnit(code, f.properties.full_name, 'county', parent, countyMembership(code)),
      } as UnitGeometry;
    });
  const circleName = '成渝地区双城经济圈';
  const circle = merged(
    countyIds.filter((id) => countyMembership(id) === 'full'),
    {
      id: 'circle',
      name_zh: circleName,
      name_en: 'Chengdu-Chongqing Economic Circle',
      pinyin: pinyinOf(circleName),
      level: 'circle',
      parent: null,
      circle: 'full',
      area_km2: 0,
      official_area_km2: 185000,
      note_zh: '轮廓为全域纳入的区县合并范围，不含开州区、云阳县纳入的部分。',
      note_en: 'The outline joins the units included in full; the parts of Kaizhou and Yunyang that belong to the Circle are not drawn.',
    },
  );
  const zoneUnits = (units: Record<string, string>): string[] => {
    for (const [id, name] of Object.entries(units)) {
      const found = sourceCounties.find((f) => adcodeOf(f) === id);
      if (found?.properties.full_name !== name) throw new Error(`zone unit ${id} is not ${name} in the source`);
    }
    return Object.keys(units).sort();
  };
  const liangjiangUnits = zoneUnits(LIANGJIANG_UNITS);
  const tianfuUnits = zoneUnits(TIANFU_UNITS);
  const zoneProps = (id: 'liangjiang' | 'tianfu', nameZh: string, nameEn: string, parent: string): UnitProps => ({
    id,
    name_zh: nameZh,
    name_en: nameEn,
    pinyin: pinyinOf(nameZh),
    level: 'zone',
    parent,
    circle: 'full',
    area_km2: 0,
    approx: true,
    official_area_km2: OFFICIAL_AREA_KM2[id],
  });
  const zones: UnitGeometry[] = [
    merged(liangjiangUnits, {
      ...zoneProps('liangjiang', LIANGJIANG_TEXT.name_zh, LIANGJIANG_TEXT.name_en, CHONGQING),
      shape: 'union-of-units',
      shape_zh: LIANGJIANG_TEXT.shape_zh,
      shape_en: LIANGJIANG_TEXT.shape_en,
      drawn_from: liangjiangUnits,
      note_zh: LIANGJIANG_TEXT.note_zh,
      note_en: LIANGJIANG_TEXT.note_en,
    }),
    merged(tianfuUnits, {
      ...zoneProps('tianfu', TIANFU_TEXT.name_zh, TIANFU_TEXT.name_en, SICHUAN),
      shape: 'containing-units',
      shape_zh: TIANFU_TEXT.shape_zh,
      shape_en: TIANFU_TEXT.shape_en,
      drawn_from: tianfuUnits,
    }),
    (topology.objects.hitech as GeometryCollection<UnitProps>).geometries[0]!,
  ].sort(byId);

  const collection = (geometries: UnitGeometry[]): GeometryCollection<UnitProps> => ({
    type: 'GeometryCollection',
    geometries: [...geometries].sort(byId),
  });
  const objects: BoundaryTopology['objects'] = {
    context: collection((topology.objects.context as GeometryCollection<UnitProps>).geometries),
    provinces: collection(provinces),
    prefectures: collection(prefectures),
    counties: collection(counties),
    circle: collection([circle]),
    zones: collection(zones),
    zone_markers: collection((topology.objects.zone_markers as GeometryCollection<UnitProps>).geometries),
  };
  topology.objects = objects;

  const detailedArcs = arcsUsedBy(
    BOUNDARY_OBJECTS.filter((name) => name !== 'context').flatMap((name) => objects[name].geometries),
  );
  simplifyContext(
    topology,
    objects.context.geometries,
    (arc) => !detailedArcs.has(arc),
  );
  pruneArcs(topology);
  topology.bbox = bbox(topology);
  const quantised = quantize(topology, QUANTIZATION) as BoundaryTopology;

  const units: UnitProps[] = [];
  const labelled = new Set<string>(LABELLED_OBJECTS);
  for (const name of BOUNDARY_OBJECTS) {
    for (const geometry of quantised.objects[name].geometries) {
      const props = propsOf(geometry);
      if (geometry.type !== 'Point') {
        const shape = feature(quantised, geometry) as Feature<Geometry>;
        props.area_km2 = Math.round(area(shape) / 1e5) / 10;
        if (labelled.has(name)) props.label = labelPoint(shape);
      }
      units.push(props);
    }
  }
  units.sort((a, b) => a.id.localeCompare(b.id));
  return { topology: quantised, units };
}

export const serialiseTopology = (topology: BoundaryTopology): string => JSON.stringify(topology);
export const serialiseUnits = (units: UnitProps[]): string => `${JSON.stringify(units, null, 2)}\n`;
