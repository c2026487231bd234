import type { Store } from '../state/store';
import type { ViewState } from '../state/view-state';
import { t, type Lang } from '../i18n/strings';

const LEVELS = [
  ['units', 'level_units'],
  ['cities', 'level_cities'],
  ['districts', 'level_districts'],
] as const;

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
        {LEVELS.map(([level, key]) => (
          <label key={level} class={state.level === level ? 'on' : ''}>
            <input
              type="radio"
              name="level"
              value={level}
              checked={state.level === level}
              onChange={() => store.update({ level })}
            />
            {t(lang, key)}
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
