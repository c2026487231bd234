import { useMemo } from 'preact/hooks';
import type { IndicatorId, IndicatorModel } from '../model/dataset';
import type { UnitProps } from '../model/units';
import type { Store } from '../state/store';
import type { ViewState } from '../state/view-state';
import { indicatorLabel } from '../model/indicator-labels';
import { bestYear, coverageOf, coverageUnits, figuresElsewhere, isCovered, viewForIndicator } from '../model/coverage';
import { LEVEL_LABEL_KEYS, RANK_SCOPE_KEYS, t } from '../i18n/strings';
import { unitName } from './figure-parts';

/** At most this many places are named where else figures exist; the rest are counted. */
const MAX_NAMED = 6;

/**
 * Said whenever the map shows a view that more than a quarter of its units leave grey: how many have a figure,
 * where else figures exist, and the better-covered year or level one click away. Computed from the state, so a
 * link opening such a view says it too.
 */
export function CoverageNotice({ store, state, model, units }: { store: Store; state: ViewState; model: IndicatorModel; units: ReadonlyMap<string, UnitProps> }) {
  const { lang, level, year } = state;
  const indicator = state.indicator as IndicatorId;
  const advice = useMemo(() => {
    const ids = coverageUnits(units, level);
    const here = coverageOf(model, ids, indicator, year);
    if (here.of === 0 || isCovered(here)) return null;
    const yearHere = bestYear(model, ids, indicator, year);
    const betterYear = yearHere !== undefined && yearHere !== year ? { year: yearHere, ...coverageOf(model, ids, indicator, yearHere) } : null;
    const choice = viewForIndicator(model, units, level, indicator, year);
    const otherIds = choice.level !== level ? coverageUnits(units, choice.level) : null;
    const betterLevel = otherIds ? { ...choice, ...coverageOf(model, otherIds, indicator, choice.year) } : null;
    const elsewhere = figuresElsewhere(model, units, level, indicator, year);
    return { here, anyYear: yearHere !== undefined, betterYear, betterLevel, elsewhere };
  }, [model, units, units.size, level, indicator, year]);
  if (!advice) return null;

  const label = indicatorLabel(indicator, lang);
  const named = advice.elsewhere.slice(0, MAX_NAMED).map((unit) => unitName(unit, lang));
  const more = advice.elsewhere.length - named.length;
  const names = named.join(t(lang, 'list_separator'));
  const list = more > 0 ? `${names} (+${more})` : names;
  return (
    <div class="coverage-notice" role="status">
      <p>
        {advice.here.withData > 0 || advice.anyYear
          ? t(lang, 'coverage_thin', { indicator: label, year, count: advice.here.withData, of: advice.here.of, scope: t(lang, RANK_SCOPE_KEYS[level]) })
          : t(lang, 'coverage_none', { indicator: label })}
        {advice.elsewhere.length > 0 && ` ${t(lang, 'coverage_elsewhere', { list })}`}
      </p>
      {(advice.betterYear || advice.betterLevel) && (
        <p class="coverage-offers">
          {advice.betterYear && advice.betterYear.withData > advice.here.withData && (
            <button type="button" onClick={() => store.update({ year: advice.betterYear!.year })}>
              {t(lang, 'coverage_show_year', { year: advice.betterYear.year, count: advice.betterYear.withData, of: advice.betterYear.of })}
            </button>
          )}
          {advice.betterLevel && (
            <button type="button" onClick={() => store.update({ level: advice.betterLevel!.level, year: advice.betterLevel!.year })}>
              {t(lang, 'coverage_show_level', {
                level: t(lang, LEVEL_LABEL_KEYS[advice.betterLevel.level]),
                count: advice.betterLevel.withData,
                of: advice.betterLevel.of,
              })}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
