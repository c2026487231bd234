import type { Store } from '../state/store';
import { LEVEL_INDICATOR, LEVELS, type Level, type ViewState } from '../state/view-state';
import { BOUNDARY_YEAR } from '../model/dataset';
import { LEVEL_LABEL_KEYS, t, type Lang } from '../i18n/strings';

/**
 * All China opens with the area of each county, the one figure every unit has: most of the atlas's indicators
 * cover the Circle only, so keeping one would show a grey country (the 2020 census, which covers nearly all
 * China, is a choice away). Other levels keep whatever is shown.
 */
function levelPatch(level: Level): Partial<ViewState> {
  const indicator = LEVEL_INDICATOR[level];
  return indicator ? { level, indicator, year: BOUNDARY_YEAR } : { level };
}

const LANGS: [Lang, string][] = [
  ['zh', '中文'],
  ['en', 'English'],
];

export function Controls({ store, state }: { store: Store; state: ViewState }) {
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
              onChange={() => store.update(levelPatch(level))}
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
