import type { IndicatorId, IndicatorModel } from '../model/dataset';
import type { UnitProps } from '../model/units';
import { computeMapColouring, type MapColouring } from '../model/map-colouring';
import { levelDrawsCircles, unitsOfLevel } from '../model/level-units';
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
      const shown = unitsOfLevel(units, state.level);
      const ids = shown.filter((u) => u.level !== 'zone').map((u) => u.id);
      const zoneIds = shown.filter((u) => u.level === 'zone').map((u) => u.id);
      const scope = { zoneIds, circles: levelDrawsCircles(state.level) };
      cached = computeMapColouring(model, ids, state.indicator as IndicatorId, state.year, state.classification, scope);
      key = next;
    }
    return cached;
  };
}
