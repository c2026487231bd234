/**
 * How unequal a set of units is on one indicator in one year: coefficient of variation, the ratio of the largest to
 * the smallest value, and the Theil index split into the gap between groups (Chongqing's units against Sichuan's)
 * and the spread within each. Pure: numbers in, numbers out; `gapSeries` reads them off the indicator model.
 *
 * With weights w_i (population) and values x_i (a per-head or ratio figure), shares of the weight p_i = w_i / Σw and
 * of the total s_i = w_i·x_i / Σ(w·x):
 *   mean μ = Σ p_i·x_i;  CV = √(Σ p_i·(x_i − μ)²) / μ;  max/min = max x / min x;
 *   Theil T = Σ s_i · ln(s_i / p_i) = Σ p_i · (x_i/μ) · ln(x_i/μ);
 *   between = Σ_g S_g · ln(S_g / P_g) over groups g (S_g, P_g: the group's shares); within = Σ_g S_g · T_g,
 *   and T = between + within. Without weights every w_i is 1.
 */
import type { Figure, IndicatorId, IndicatorModel } from './dataset';
import { CENSUS_POPULATION_NOTE, CHONGQING, SICHUAN, provinceOf } from './derived';

export interface DisparityInput {
  readonly id: string;
  readonly value: number;
  /** Population (or whatever the value is per head of); absent: unknown. */
  readonly weight?: number;
  /** The group the between/within split counts the unit in (its province). */
  readonly group: string;
}

export interface TheilSplit {
  readonly total: number;
  readonly between: number;
  /** Σ of the groups' weighted within-parts. */
  readonly within: number;
  /** Each group's own Theil index and its share of the total (S_g), by group. */
  readonly groups: ReadonlyMap<string, { readonly theil: number; readonly share: number; readonly count: number }>;
}

export interface Disparity {
  /** How many units the measures are computed over. */
  readonly count: number;
  /** Whether every unit had a weight (population) and the measures are weighted by it; otherwise none is. */
  readonly weighted: boolean;
  readonly cv: number | null;
  readonly maxMin: number | null;
  /** null where a value is not positive (the logarithm needs x > 0). */
  readonly theil: TheilSplit | null;
}

/**
 * A year is measured only when at least this many units have a figure, and at least half the units the level
 * shows: fewer would describe the units that happen to publish, not the level.
 */
export const MIN_UNITS = 5;
export const MIN_SHARE = 0.5;

export function enoughUnits(count: number, ofUnits: number): boolean {
  return count >= MIN_UNITS && count >= ofUnits * MIN_SHARE;
}

function theilOf(values: readonly { x: number; w: number }[]): { theil: number; mean: number; weight: number } {
  const weight = values.reduce((sum, v) => sum + v.w, 0);
  const mean = values.reduce((sum, v) => sum + v.w * v.x, 0) / weight;
  const theil = values.reduce((sum, v) => sum + (v.w / weight) * (v.x / mean) * Math.log(v.x / mean), 0);
  return { theil, mean, weight };
}

/** The measures over `inputs`; weighted only when every input has a positive weight. */
export function disparity(inputs: readonly DisparityInput[]): Disparity {
  const weighted = inputs.length > 0 && inputs.every((input) => input.weight !== undefined && input.weight > 0);
  const values = inputs.map((input) => ({ x: input.value, w: weighted ? input.weight! : 1, group: input.group }));
  const count = values.length;
  if (count === 0) return { count, weighted, cv: null, maxMin: null, theil: null };
  const weight = values.reduce((sum, v) => sum + v.w, 0);
  const mean = values.reduce((sum, v) => sum + v.w * v.x, 0) / weight;
  const variance = values.reduce((sum, v) => sum + (v.w / weight) * (v.x - mean) ** 2, 0);
  const cv = mean > 0 ? Math.sqrt(variance) / mean : null;
  const xs = values.map((v) => v.x);
  const min = Math.min(...xs);
  const maxMin = min > 0 ? Math.max(...xs) / min : null;
  if (min <= 0) return { count, weighted, cv, maxMin, theil: null };

  const total = weight * mean;
  const groups = new Map<string, { theil: number; share: number; count: number }>();
  let between = 0;
  let within = 0;
  for (const key of [...new Set(values.map((v) => v.group))].sort()) {
    const members = values.filter((v) => v.group === key);
    const own = theilOf(members);
    const share = (own.weight * own.mean) / total; // S_g
    const weightShare = own.weight / weight; // P_g
    between += share * Math.log(share / weightShare);
    within += share * own.theil;
    groups.set(key, { theil: own.theil, share, count: members.length });
  }
  return { count, weighted, cv, maxMin, theil: { total: theilOf(values).theil, between, within, groups } };
}

/** Indicators whose spread across units is a gap (per head, or a ratio), not a difference in size. */
export const GAP_INDICATORS: readonly IndicatorId[] = ['gdp_per_capita', 'census_urban_share', 'census_share_65', 'nev_share'];

export function isGapIndicator(indicator: string): indicator is IndicatorId {
  return (GAP_INDICATORS as readonly string[]).includes(indicator);
}

/** The between/within groups: a unit's province; the two provinces themselves are their own group. */
export function groupOf(id: string): string {
  if (id === CHONGQING || id === SICHUAN) return id;
  return provinceOf(id) ?? 'other';
}

/** The population a figure is per head of: its own denominator (the census count where the figure fell back to it). */
function weightOf(model: IndicatorModel, id: string, indicator: IndicatorId, figure: Figure): number | undefined {
  if (indicator === 'gdp_per_capita') {
    const census = figure.notes.some((note) => note.en === CENSUS_POPULATION_NOTE.en);
    if (census) return model.figure(id, 'census_population', figure.year)?.value;
    return model.figure(id, 'population', figure.year)?.value;
  }
  if (indicator === 'census_urban_share' || indicator === 'census_share_65') return model.figure(id, 'census_population', figure.year)?.value;
  return undefined;
}

export interface GapYear {
  readonly year: number;
  /** Units with a full-year figure that year, of `of` the level shows. */
  readonly count: number;
  readonly of: number;
  /** null: too few units (`enoughUnits`). */
  readonly disparity: Disparity | null;
}

/** The measures per year of the indicator over `ids` (a level's units), full-year figures only. */
export function gapSeries(model: IndicatorModel, indicator: IndicatorId, ids: readonly string[]): GapYear[] {
  return model.years(indicator).map((year) => {
    const inputs: DisparityInput[] = [];
    for (const id of ids) {
      const figure = model.figure(id, indicator, year);
      if (!figure) continue;
      inputs.push({ id, value: figure.value, weight: weightOf(model, id, indicator, figure), group: groupOf(id) });
    }
    const count = inputs.length;
    return { year, count, of: ids.length, disparity: enoughUnits(count, ids.length) ? disparity(inputs) : null };
  });
}
