/**
 * The look's values (src/look) as MapLibre expressions: zoom stops as `interpolate`, feature-state variants as `case`,
 * per-property values as `match`, and the colour and radius the app hands the map as feature-state.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { ByProperty, ByState, SqrtRadius, UnitFill } from '../look/layers';
import type { Zoomed } from '../look/zoom';
import { FEATURE_STATE_FILL_KEY, FEATURE_STATE_RADIUS_KEY } from '../model/palette';

type Value = number | string | readonly number[];
/** A paint value: a constant or an expression. */
export type PaintValue = number | string | number[] | ExpressionSpecification;

/** A constant as a paint value; arrays inside expressions must be `literal`. */
const constant = (value: Value, inExpression: boolean): PaintValue =>
  typeof value === 'object' ? (inExpression ? (['literal', [...value]] as ExpressionSpecification) : [...value]) : value;

export function zoomed(value: Zoomed): PaintValue {
  return typeof value === 'number' ? value : (['interpolate', ['linear'], ['zoom'], ...value.zoom.flat()] as ExpressionSpecification);
}

const hasState = (state: 'selected' | 'hover'): ExpressionSpecification => ['boolean', ['feature-state', state], false];

/** `case` over the feature-states the map sets, the selected one first (a state without its own value is left out). */
export function byState<T extends Value>(value: ByState<T>): PaintValue {
  const cases: unknown[] = [];
  for (const state of ['selected', 'hover'] as const) {
    const v = value[state];
    if (v !== undefined && v !== value.normal) cases.push(hasState(state), constant(v, true));
  }
  return cases.length ? (['case', ...cases, constant(value.normal, true)] as ExpressionSpecification) : constant(value.normal, false);
}

/** `match` on one of the feature's properties. */
export function byProperty<T extends Value>(value: ByProperty<T>): ExpressionSpecification {
  const cases = Object.entries(value.cases).flatMap(([key, v]) => [key, constant(v, true)]);
  return ['match', ['get', value.property], ...cases, constant(value.otherwise, true)] as unknown as ExpressionSpecification;
}

/**
 * `fill-color`: the unit's feature-state colour, or its fallback where none is set (no indicator shown). The
 * expression never changes with the indicator: MapLibre re-tiles a source when a data-driven paint expression is
 * replaced, and a feature-state change only repaints.
 */
export function unitFill(fill: UnitFill): ExpressionSpecification {
  const state: ExpressionSpecification = ['feature-state', FEATURE_STATE_FILL_KEY];
  return ['case', ['==', state, null], byProperty(fill.otherwise), ['to-color', state]];
}

/** `circle-radius`: the unit's feature-state radius, 0 (no circle) where none is set. */
export const STATE_RADIUS: ExpressionSpecification = ['to-number', ['feature-state', FEATURE_STATE_RADIUS_KEY], 0];

/** `circle-radius` by a property's square root, a fixed radius where the feature lacks it. */
export function sqrtRadius(radius: SqrtRadius): ExpressionSpecification {
  return ['case', ['has', radius.property], ['*', radius.pxPerSqrt, ['sqrt', ['to-number', ['get', radius.property]]]], radius.otherwise];
}
