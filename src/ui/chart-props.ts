import type { IndicatorModel } from '../model/dataset';
import type { UnitProps } from '../model/units';
import type { Store } from '../state/store';
import type { Observable } from '../state/observable';
import type { ViewState } from '../state/view-state';
import type { Lang } from '../i18n/strings';
import { unitName } from './figure-parts';

/** What each chart beside the map is drawn from. */
export interface ChartProps {
  store: Store;
  state: ViewState;
  units: ReadonlyMap<string, UnitProps>;
  model: IndicatorModel;
  /** The unit pointed at, on the map or in a chart: both outline it. */
  highlight: Observable<string | null>;
}

/** Longer names are cut in a chart's margin (the full name is in its tooltip and table). */
const MAX_NAME_CHARS = { zh: 9, en: 16 } as const;

export function chartUnitName(units: ReadonlyMap<string, UnitProps>, id: string, lang: Lang, full = false): string {
  const unit = units.get(id);
  const name = unit ? unitName(unit, lang) : id;
  const chars = Array.from(name);
  return full || chars.length <= MAX_NAME_CHARS[lang] ? name : `${chars.slice(0, MAX_NAME_CHARS[lang] - 1).join('')}…`;
}
