import type { IndicatorId, IndicatorModel } from '../model/dataset';
import type { UnitProps } from '../model/units';
import { computeMapColouring, type MapColouring } from '../model/map-colouring';
import { unitsOfLevel } from '../model/level-units';
import type { ViewState } from './view-state';

/**
 * The colouring of the current view, recomputed only when level, indicator, year or classification change,
 * so a selection or camera change hands the map the same object and costs nothing.
 */
export function colouringCache(model: IndicatorModel, units: ReadonlyMap<string, UnitProps>) {
  let key = '';
  let cached: MapColouring | null = null;
  return (state: ViewState): MapColouring => {
    // units.size: the national units join the index when they arrive, and the `china` level's colouring with them.
    const next = `${state.level}|${state.indicator}|${state.year}|${state.classification}|${units.size}`;
    if (next !== key || !cached) {
      const ids = unitsOfLevel(units, state.level)
        .filter((u) => u.level !== 'zone')
        .map((u) => u.id);
      cached = computeMapColouring(model, ids, state.indicator as IndicatorId, state.year, state.classification);
      key = next;
    }
    return cached;
  };
}
