import type { Store } from '../state/store';
import { LEVELS, type ViewState } from '../state/view-state';
import type { IndicatorModel } from '../model/dataset';
import type { UnitProps } from '../model/units';
import { levelPatch } from '../model/coverage';
import { LEVEL_LABEL_KEYS, t, type Lang } from '../i18n/strings';

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
