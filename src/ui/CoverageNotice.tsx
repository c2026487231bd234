import { useMemo } from 'preact/hooks';
import type { IndicatorId, IndicatorModel } from '../model/dataset';
import type { UnitProps } from '../model/units';
import type { Store } from '../state/store';
import type { ViewState } from '../state/view-state';
import { indicatorLabel } from '../model/indicator-labels';
import { zonesDrawnAsSymbols } from '../model/map-colouring';
import { bestYear, coverageOf, coverageUnits, figuresElsewhere, isCovered, viewForIndicator } from '../model/coverage';
import { LEVEL_LABEL_KEYS, RANK_SCOPE_KEYS, t } from '../i18n/strings';
import { unitName } from './figure-parts';
import type { LevelMove } from './IndicatorControls';

/** At most this many places are named where else figures exist; the rest are counted. */
const MAX_NAMED = 6;

/**
 * Said whenever the map shows a view that more than a quarter of its units leave grey: how many have a figure,
 * where else figures exist, and the better-covered year or level one click away. Computed from the state, so a
 * link opening such a view says it too.
 */
export function CoverageNotice(props: {
  store: Store;
  state: ViewState;
  model: IndicatorModel;
  units: ReadonlyMap<string, UnitProps>;
  /** The level picking this indicator moved the map from, while the view is still the one it moved to. */
  moved?: LevelMove | null;
}) {
  const { store, state, model, units, moved } = props;
  const { lang, level, year } = state;
  const indicator = state.indicator as IndicatorId;
  const movedHere = moved && moved.to === level && moved.indicator === indicator ? moved : null;
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
  const label = indicatorLabel(indicator, lang);
  if (!advice && !movedHere) return null;
  const levelName = (of: ViewState['level']) => t(lang, LEVEL_LABEL_KEYS[of]);
  const movedText = movedHere
    ? (() => {
        const here = coverageOf(model, coverageUnits(units, level), indicator, year);
        const there = coverageOf(model, coverageUnits(units, movedHere.from), indicator, year);
        return t(lang, 'coverage_moved', {
          indicator: label,
          level: levelName(level),
          count: here.withData,
          of: here.of,
          from: levelName(movedHere.from),
          fromCount: there.withData,
          fromOf: there.of,
        });
      })()
    : null;
  const named = (advice?.elsewhere ?? []).slice(0, MAX_NAMED).map((unit) => unitName(unit, lang));
  const more = (advice?.elsewhere.length ?? 0) - named.length;
  const names = named.join(t(lang, 'list_separator'));
  const list = more > 0 ? `${names} (+${more})` : names;
  const offerYear = advice?.betterYear && advice.betterYear.withData > advice.here.withData ? advice.betterYear : null;
  const offerLevel = advice?.betterLevel && advice.betterLevel.level !== movedHere?.from ? advice.betterLevel : null;
  return (
    <div class="coverage-notice" role="status">
      {movedText && <p>{movedText}</p>}
      {advice && (
        <p>
          {advice.here.withData > 0 || advice.anyYear
            ? t(lang, 'coverage_thin', { indicator: label, year, count: advice.here.withData, of: advice.here.of, scope: t(lang, RANK_SCOPE_KEYS[level]) })
            : t(lang, zonesDrawnAsSymbols(indicator) ? 'coverage_symbols' : 'coverage_none', { indicator: label })}
          {advice.elsewhere.length > 0 && ` ${t(lang, 'coverage_elsewhere', { list })}`}
        </p>
      )}
      {(offerYear || offerLevel || movedHere) && (
        <p class="coverage-offers">
          {offerYear && (
            <button type="button" onClick={() => store.update({ year: offerYear.year })}>
              {t(lang, 'coverage_show_year', { year: offerYear.year, count: offerYear.withData, of: offerYear.of })}
            </button>
          )}
          {offerLevel && (
            <button type="button" onClick={() => store.update({ level: offerLevel.level, year: offerLevel.year })}>
              {t(lang, 'coverage_show_level', { level: levelName(offerLevel.level), count: offerLevel.withData, of: offerLevel.of })}
            </button>
          )}
          {movedHere && (
            <button type="button" onClick={() => store.update({ level: movedHere.from })}>
              {t(lang, 'coverage_back', { level: levelName(movedHere.from) })}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
