/**
 * The Circle's vehicle assembly plants (public/data/plants.json, built from geo/data/plants.csv): their record as the
 * app reads it, which indicators show them, and where each is drawn. Pure.
 */
import type { Grade } from './dataset';

export const PRODUCTS = ['passenger_ice', 'passenger_nev', 'commercial', 'mini'] as const;
export type Product = (typeof PRODUCTS)[number];
export const PLACEMENTS = ['park', 'district', 'zone', 'city'] as const;
export type Placement = (typeof PLACEMENTS)[number];

export interface PlantSource {
  title: string;
  publisher: string;
  date: string;
  url: string;
  language: string;
}

export interface Plant {
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
  capacity: { value: number; year: number; kind: 'design' | 'planned'; source: string; grade: Grade } | null;
  output: { value: number; year: number; source: string; grade: Grade } | null;
  sources: { id: string; grade: Grade }[];
  note: { en: string; zh: string } | null;
  /** Toneless pinyin of the Chinese company and brand names, for search. */
  pinyin: { company: string; brands: string[] };
}

export interface PlantsFile {
  schema: 1;
  plants: Plant[];
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
