import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { UnitProps } from '../model/units';
import type { Boundaries } from '../data/boundaries';
import { LABELLED_SOURCES, type LabelledSource } from '../map/style';

/**
 * One point inside each feature, where the map puts its label and proportional circle. Shared by MapLibre's label
 * sources and the Canvas 2D paint, so circles sit at the same place in both.
 */
export function labelPointsOf(collection: FeatureCollection<Geometry, UnitProps>): FeatureCollection<Point, UnitProps> {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((f) => ({ ...pointOnFeature(f), properties: f.properties }) as Feature<Point, UnitProps>),
  };
}

/** Label points of every labelled source: computed once, drawn by both the 2D paint and MapLibre. */
export type LabelPoints = Record<LabelledSource, FeatureCollection<Point, UnitProps>>;

export function labelPointsOfAll(boundaries: Boundaries): LabelPoints {
  return Object.fromEntries(LABELLED_SOURCES.map((s) => [s, labelPointsOf(boundaries[s])])) as LabelPoints;
}
