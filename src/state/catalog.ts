import type { IndicatorDataset, IndicatorModel } from '../model/dataset';
import type { UnitProps } from '../model/units';
import type { Catalog, Level } from './view-state';
import type { IndicatorId } from '../model/dataset';
import { bestYear, coverageUnits } from '../model/coverage';

/** Units a link may select or compare: everything drawn as a unit or zone (not context, the outline or markers). */
function selectable(unit: UnitProps): boolean {
  return (['province', 'prefecture', 'county', 'national', 'zone'] as const).includes(unit.level as 'zone') && unit.shape !== 'point';
}

/**
 * Whether `id` could be one of all China's county-level units, whose records arrive with that level's file: a
 * link naming one opens as written, and the id is checked once the file is in (`Catalog.awaitsUnit`).
 */
export function mayBeNationalUnit(id: string): boolean {
  return /^\d{6}$/.test(id);
}

/** How many units have a figure in each year of an indicator. */
export type YearCoverage = ReadonlyMap<number, number>;

/**
 * The year a link without `year` opens: the one with the most units covered (the later on a tie), so a
 * first visit does not land on a thin, newest year where most of the map says "no data".
 */
export function bestCoveredYear(coverage: YearCoverage): number | undefined {
  let best: number | undefined;
  for (const [year, count] of coverage) {
    if (best === undefined || count > coverage.get(best)! || (count === coverage.get(best)! && year > best)) best = year;
  }
  return best;
}

/** What the loaded data offers, for checking a URL against. */
export function buildCatalog(
  units: ReadonlyMap<string, UnitProps>,
  coverageByIndicator: Readonly<Record<string, YearCoverage>>,
  defaultIndicator: string,
  bestYearAt?: (indicator: string, level: Level, preferred: number) => number | undefined,
): Catalog {
  const indicators = Object.fromEntries(
    Object.entries(coverageByIndicator)
      .filter(([, coverage]) => coverage.size > 0)
      .map(([id, coverage]) => {
        const defaultYear = bestCoveredYear(coverage);
        const defaultYearAt = bestYearAt && defaultYear !== undefined ? memoByLevel((level) => bestYearAt(id, level, defaultYear)) : undefined;
        return [id, { years: [...coverage.keys()], defaultYear, ...(defaultYearAt ? { defaultYearAt } : {}) }];
      }),
  );
  return { unitIds: [...units.values()].filter(selectable).map((u) => u.id), indicators, defaultIndicator };
}

function memoByLevel(compute: (level: Level) => number | undefined): (level: Level) => number | undefined {
  const known = new Map<Level, number | undefined>();
  return (level) => {
    if (!known.has(level)) known.set(level, compute(level));
    return known.get(level);
  };
}

/** The indicator a link without `ind` opens. */
const DEFAULT_INDICATOR = 'gdp';

/** The catalog of the loaded data: the app's, and the first view's at build time (src/first-view/). */
export function catalogOf(units: ReadonlyMap<string, UnitProps>, model: IndicatorModel, dataset: IndicatorDataset): Catalog {
  return buildCatalog(units, indicatorCoverage(model, units, dataset), DEFAULT_INDICATOR, (indicator, level, preferred) =>
    bestYear(model, coverageUnits(units, level), indicator as IndicatorId, preferred),
  );
}

/**
 * How many units have a figure in each year of each indicator. Only units with rows can have one (derived figures
 * included); every unit has an area. Asking just those keeps this cheap when all China's 2,891 units are in.
 */
function indicatorCoverage(
  model: IndicatorModel,
  units: ReadonlyMap<string, UnitProps>,
  dataset: IndicatorDataset,
): Record<string, YearCoverage> {
  const unitsWithRows = [...new Set(dataset.rows.map((row) => row.unit))];
  return Object.fromEntries(
    model.indicatorIds().map((id) => {
      const candidates = id === 'land_area' ? [...units.keys()] : unitsWithRows;
      return [id, new Map(model.years(id).map((year) => [year, candidates.filter((u) => model.figure(u, id, year)).length]))];
    }),
  );
}
