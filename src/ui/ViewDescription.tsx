import type { IndicatorId, IndicatorModel } from '../model/dataset';
import type { MapColouring } from '../model/map-colouring';
import type { UnitProps } from '../model/units';
import type { ViewState } from '../state/view-state';
import { toMeasure } from '../model/format';
import { describeView } from '../model/view-description';

/**
 * What the map shows, in words, for screen readers: the canvas itself says nothing. Polite, so a change of
 * indicator, year or level is announced once the user pauses, without interrupting.
 */
export function ViewDescription(props: {
  state: ViewState;
  colouring: MapColouring;
  model: IndicatorModel;
  units: ReadonlyMap<string, UnitProps>;
}) {
  const { state, colouring, model, units } = props;
  const measure = toMeasure(model.measure(state.indicator as IndicatorId));
  return (
    <p id="view-description" class="visually-hidden" aria-live="polite">
      {describeView(colouring, units, state.level, measure, state.lang)}
    </p>
  );
}
