import { useEffect, useState } from 'preact/hooks';
import type { Store } from '../state/store';
import type { ViewState, Classification } from '../state/view-state';
import type { IndicatorId, IndicatorModel } from '../model/dataset';
import { indicatorLabel } from '../model/indicator-labels';
import { t } from '../i18n/strings';

const CLASS_KEYS: Record<Classification, 'class_quantile' | 'class_ckmeans' | 'class_equal'> = {
  quantile: 'class_quantile',
  ckmeans: 'class_ckmeans',
  equal: 'class_equal',
};

/** How long each year stays on screen while playing. */
const PLAY_STEP_MS = 1200;

/** Indicator picker, year slider with play/pause, and the classification switch. */
export function IndicatorControls({ store, state, model }: { store: Store; state: ViewState; model: IndicatorModel }) {
  const { lang } = state;
  const indicator = state.indicator as IndicatorId;
  const years = model.years(indicator);
  const yearIndex = Math.max(0, years.indexOf(state.year));
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
    const available = model.years(id);
    // Keep the year when the new indicator has it; otherwise its latest.
    const year = available.includes(state.year) ? state.year : available[available.length - 1];
    store.update({ indicator: id, year });
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
          {model.indicatorIds().map((id) => (
            <option key={id} value={id}>
              {indicatorLabel(id, lang)}
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
            onInput={(e) => {
              setPlaying(false);
              store.update({ year: years[Number(e.currentTarget.value)] }, { transient: true });
            }}
            onChange={() => store.settle()}
          />
          <output>{state.year}</output>
        </label>
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
