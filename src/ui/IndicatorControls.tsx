import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Store } from '../state/store';
import type { ViewState, Classification } from '../state/view-state';
import type { IndicatorId, IndicatorModel } from '../model/dataset';
import type { UnitProps } from '../model/units';
import { indicatorLabel } from '../model/indicator-labels';
import { bestYear, coverageOf, coverageUnits, viewForIndicator, yearsWithFigures } from '../model/coverage';
import { t } from '../i18n/strings';
import type { Level } from '../state/view-state';

/** A level the map was moved to because the picked indicator has no figures at the one shown. */
export interface LevelMove {
  from: Level;
  to: Level;
  indicator: string;
}

const CLASS_KEYS: Record<Classification, 'class_quantile' | 'class_ckmeans' | 'class_equal'> = {
  quantile: 'class_quantile',
  ckmeans: 'class_ckmeans',
  equal: 'class_equal',
};

/** How long each year stays on screen while playing. */
const PLAY_STEP_MS = 1200;

/**
 * Indicator picker (each indicator with how many of the level's units have a figure in the shown year), year slider
 * with play/pause over the years with figures at the level, and the classification switch.
 */
export function IndicatorControls(props: {
  store: Store;
  state: ViewState;
  model: IndicatorModel;
  units: ReadonlyMap<string, UnitProps>;
  /** Told when picking an indicator moved the map to another level, so the move can be said and undone. */
  onLevelMoved?: (move: LevelMove) => void;
}) {
  const { store, state, model, units, onLevelMoved } = props;
  const { lang, level } = state;
  const indicator = state.indicator as IndicatorId;
  // `units` grows when all China's counties arrive (the store refreshes then): its size is part of the key.
  const levelIds = useMemo(() => coverageUnits(units, level), [units, units.size, level]);
  const years = useMemo(() => {
    const shown = yearsWithFigures(model, levelIds, indicator);
    // A level with no figure of the indicator in any year still gets a slider over the indicator's years.
    const list = shown.length ? shown : model.years(indicator);
    return list.includes(state.year) ? list : [...list, state.year].sort((a, b) => a - b);
  }, [model, levelIds, indicator, state.year]);
  const yearIndex = Math.max(0, years.indexOf(state.year));
  // The slider steps over the years with figures only: the years it skips are named, so none goes missing unsaid.
  const skipped = years.slice(1).flatMap((y, i) => Array.from({ length: y - years[i] - 1 }, (_, k) => years[i] + k + 1));
  // Counted once per level, year and language, not on every camera move (all China has 2,891 units).
  const options = useMemo(
    () =>
      model.indicatorIds().map((id) => {
        const label = indicatorLabel(id, lang);
        const here = coverageOf(model, levelIds, id, state.year);
        if (here.withData > 0) return { id, text: t(lang, 'coverage_option', { label, count: here.withData, of: here.of }) };
        // None in the shown year: the count of the year it would open at, named.
        const year = bestYear(model, levelIds, id, state.year);
        if (year === undefined) return { id, text: t(lang, 'coverage_option', { label, count: 0, of: here.of }) };
        const there = coverageOf(model, levelIds, id, year);
        return { id, text: t(lang, 'coverage_option_year', { label, count: there.withData, of: there.of, year }) };
      }),
    [model, levelIds, state.year, lang],
  );
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const { year } = store.get();
      const next = years.find((y) => y > year);
      if (next === undefined) setPlaying(false);
      else store.update({ year: next }, { transient: true });
    }, PLAY_STEP_MS);
    return () => {
      clearInterval(timer);
      store.settle();
    };
  }, [playing, years, store]);

  const chooseIndicator = (id: IndicatorId) => {
    const choice = viewForIndicator(model, units, level, id, state.year);
    if (choice.level !== level) onLevelMoved?.({ from: level, to: choice.level, indicator: id });
    store.update({ indicator: id, year: choice.year, level: choice.level });
  };

  const togglePlay = () => {
    if (!playing && state.year === years[years.length - 1]) store.update({ year: years[0] }, { transient: true });
    setPlaying(!playing);
  };

  return (
    <div class="indicator-controls">
      <label class="field">
        <span>{t(lang, 'indicator')}</span>
        <select name="indicator" value={indicator} onChange={(e) => chooseIndicator(e.currentTarget.value as IndicatorId)}>
          {options.map(({ id, text }) => (
            <option key={id} value={id}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <div class="year-control">
        <button
          type="button"
          class="play"
          onClick={togglePlay}
          aria-pressed={playing}
          aria-label={t(lang, playing ? 'pause' : 'play')}
          title={t(lang, playing ? 'pause' : 'play')}
          disabled={years.length < 2}
        >
          {playing ? '❚❚' : '▶'}
        </button>
        <label class="field year">
          <span>{t(lang, 'year')}</span>
          <input
            type="range"
            name="year"
            min={0}
            max={years.length - 1}
            step={1}
            value={yearIndex}
            aria-valuetext={String(state.year)}
            aria-describedby={skipped.length ? 'year-gaps' : undefined}
            onInput={(e) => {
              setPlaying(false);
              store.update({ year: years[Number(e.currentTarget.value)] }, { transient: true });
            }}
            onChange={() => store.settle()}
          />
          <output>{state.year}</output>
        </label>
        {skipped.length > 0 && (
          <span id="year-gaps" class="year-gaps">
            {t(lang, 'no_data_year', { year: skipped.join(t(lang, 'list_separator')) })}
          </span>
        )}
      </div>
      <label class="field">
        <span>{t(lang, 'classification')}</span>
        <select
          name="classification"
          value={state.classification}
          onChange={(e) => store.update({ classification: e.currentTarget.value as Classification })}
        >
          {(Object.keys(CLASS_KEYS) as Classification[]).map((c) => (
            <option key={c} value={c}>
              {t(lang, CLASS_KEYS[c])}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
