import type { Observable } from '../state/observable';
import { t, type Lang } from '../i18n/strings';
import { useObservable } from './use-observable';

/**
 * Says that the online basemap failed and the built-in map is shown instead. `shown` lives outside the URL (a
 * link must not reopen a complaint); dismissing clears it, so a later failure says so again.
 */
export function BasemapNotice({ shown, lang }: { shown: Observable<boolean>; lang: Lang }) {
  if (!useObservable(shown)) return null;
  return (
    <div class="notice basemap-notice" role="alert">
      <p>{t(lang, 'basemap_failed')}</p>
      <button type="button" onClick={() => shown.set(false)}>
        {t(lang, 'dismiss')}
      </button>
    </div>
  );
}
