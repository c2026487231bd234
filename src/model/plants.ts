/**
 * The Circle's vehicle assembly plants (public/data/plants.json, built from geo/data/plants.csv): their record as the
 * app reads it, which indicators show them, and where each is drawn. Pure.
 */
import type { Grade, SourceRecord } from './dataset';

/** What a plant makes; the map draws one symbol colour per kind. */
export const PRODUCTS = ['passenger_ice', 'passenger_nev', 'commercial', 'mini'] as const;
export type Product = (typeof PRODUCTS)[number];

/**
 * Where the plant is drawn: `park` at its own coordinates (given by a source, or the named park located by a
 * documented reference); otherwise at the label point of its unit: `district` (a county-level unit), `zone` (a new
 * area, when the source names no district) or `city` (a prefecture, when the source names no district or zone).
 */
export const PLACEMENTS = ['park', 'district', 'zone', 'city'] as const;
export type Placement = (typeof PLACEMENTS)[number];

/** `design`: the capacity a built plant is stated to have (设计产能, 形成…能力); `planned`: a plan (规划, 计划, 将形成). */
export const CAPACITY_KINDS = ['design', 'planned'] as const;
export type CapacityKind = (typeof CAPACITY_KINDS)[number];

/** A page behind a plant or one of its figures, with the grade of that page. */
export interface CitedSource {
  id: string;
  grade: Grade;
}

/** A plant as geo/data/plants.csv gives it, checked (geo/lib/plants). */
export interface PlantRecord {
  id: string;
  company: { zh: string; en: string };
  brands: { zh: string[]; en: string[] };
  /** A county-level unit, the zone `liangjiang`, or a prefecture. */
  unit: string;
  park: { zh: string; en: string } | null;
  /** [lng, lat]: the plant's own site when `placed` is `park`, else its unit's label point. */
  position: [number, number];
  placed: Placement;
  products: Product[];
  opened: number | null;
  capacity: { value: number; year: number; kind: CapacityKind; source: string; grade: Grade } | null;
  output: { value: number; year: number; source: string; grade: Grade } | null;
  /** The pages behind the plant itself (company, place, products, opening), each with its grade. */
  sources: CitedSource[];
  note: { en: string; zh: string } | null;
}

/** A plant as public/data/plants.json carries it: with the pinyin that search reads. */
export interface Plant extends PlantRecord {
  /** Toneless pinyin of the Chinese company and brand names, for search. */
  pinyin: { company: string; brands: string[] };
}

/** A source record of geo/data/sources.csv, as indicators.json carries them. */
export type PlantSource = SourceRecord;

export interface PlantsFile {
  schema: 1;
  plants: Plant[];
  /** The pages cited by any plant, by id. */
  sources: Record<string, PlantSource>;
}

/** The indicators that show the plants over the map: the car industry's. */
export const PLANT_INDICATORS: readonly string[] = ['vehicles', 'nev', 'auto_output_value'];

export function plantsShown(indicator: string): boolean {
  return PLANT_INDICATORS.includes(indicator);
}

/** A plant's id in the view's `selected` (and the URL's `sel`): kept apart from unit ids by its prefix. */
const PLANT_PREFIX = 'plant:';

export function plantSelection(id: string): string {
  return PLANT_PREFIX + id;
}

/** The plant id a selection names, or null for a unit. */
export function selectedPlant(selected: string | null): string | null {
  return selected?.startsWith(PLANT_PREFIX) ? selected.slice(PLANT_PREFIX.length) : null;
}

/** The product a plant's symbol is coloured by: the first the pages name. */
export function mainProduct(plant: Plant): Product {
  return plant.products[0] ?? 'passenger_ice';
}
