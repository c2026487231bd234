import type { UnitProps } from '../model/units';
import type { Catalog } from './view-state';

/** Units a link may select or compare: everything drawn as a unit or zone (not context, the outline or markers). */
function selectable(unit: UnitProps): boolean {
  return (['province', 'prefecture', 'county', 'zone'] as const).includes(unit.level as 'zone') && unit.shape !== 'point';
}

/** What the loaded data offers, for checking a URL against. */
export function buildCatalog(
  units: ReadonlyMap<string, UnitProps>,
  yearsByIndicator: Readonly<Record<string, readonly number[]>>,
  defaultIndicator: string,
): Catalog {
  const indicators = Object.fromEntries(
    Object.entries(yearsByIndicator)
      .filter(([, years]) => years.length > 0)
      .map(([id, years]) => [id, { years }]),
  );
  return { unitIds: [...units.values()].filter(selectable).map((u) => u.id), indicators, defaultIndicator };
}
