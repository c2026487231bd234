import type { Store } from '../state/store';
import { LEVEL_INDICATOR, LEVELS, type Level, type ViewState } from '../state/view-state';
import type { IndicatorId, IndicatorModel } from '../model/dataset';
import type { UnitProps } from '../model/units';
import { viewForLevel } from '../model/coverage';
import { LEVEL_LABEL_KEYS, t, type Lang } from '../i18n/strings';

/** The indicator a level falls back to where the shown one would leave it mostly grey. */
const FALLBACK_INDICATOR: IndicatorId = 'gdp';

/**
<<<<<<< HEAD
 * A new level keeps the shown indicator where figures cover it there (the shown year, or the best-covered one);
 * otherwise it opens the level's own indicator (all counties and all China: figures every unit has), never a
 * mostly grey map.
=======
 * All China opens with the area of each county, the one figure every unit has: most of the atlas's indicators
 * cover the Circle only, so keeping one would show a grey country (the 2020 census, which covers nearly all
 * China, is a choice away). Other levels keep whatever is shown.
>>>>>>> census
 */
export function levelPatch(model: IndicatorModel, units: ReadonlyMap<string, UnitProps>, state: ViewState, level: Level): Partial<ViewState> {
  const own = LEVEL_INDICATOR[level] as IndicatorId | undefined;
  const fallback = own && model.years(own).length > 0 ? own : FALLBACK_INDICATOR;
  const choice = viewForLevel(model, units, level, state.indicator as IndicatorId, state.year, fallback);
  return { level, indicator: choice.indicator, year: choice.year };
}

const LANGS: [Lang, string][] = [
  ['zh', '中文'],
  ['en', 'English'],
];

export function Controls({ store, state, model, units }: { store: Store; state: ViewState; model: IndicatorModel; units: ReadonlyMap<string, UnitProps> }) {
  const lang = state.lang;
  return (
    <div class="controls">
      <fieldset class="segmented" aria-label={t(lang, 'level')}>
        <legend>{t(lang, 'level')}</legend>
        {LEVELS.map((level) => (
          <label key={level} class={state.level === level ? 'on' : ''}>
            <input
              type="radio"
              name="level"
              value={level}
              checked={state.level === level}
              onChange={() => store.update(levelPatch(model, units, state, level))}
            />
            {t(lang, LEVEL_LABEL_KEYS[level])}
          </label>
        ))}
      </fieldset>
      <fieldset class="segmented" aria-label={t(lang, 'language')}>
        <legend>{t(lang, 'language')}</legend>
        {LANGS.map(([code, name]) => (
          <label key={code} class={lang === code ? 'on' : ''} lang={code}>
            <input type="radio" name="lang" value={code} checked={lang === code} onChange={() => store.update({ lang: code })} />
            {name}
          </label>
        ))}
      </fieldset>
      <label class="toggle">
        <input type="checkbox" name="zones" checked={state.zones} onChange={(e) => store.update({ zones: e.currentTarget.checked })} />
        {t(lang, 'zones_show')}
      </label>
      <label class="toggle">
        <input
          type="checkbox"
          name="basemap"
          checked={state.basemap === 'osm'}
          onChange={(e) => store.update({ basemap: e.currentTarget.checked ? 'osm' : 'offline' })}
        />
        {t(lang, 'basemap_online')}
      </label>
    </div>
  );
}
