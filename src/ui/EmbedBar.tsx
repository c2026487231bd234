import type { Store } from '../state/store';
import type { ViewState } from '../state/view-state';
import type { Observable } from '../state/observable';
import { t } from '../i18n/strings';
import { useObservable } from './use-observable';
import './share.css';

/**
 * What an embedded view (`embed=1`) shows instead of the top bar: the atlas's name, a link to the same view in
 * full (an href built by the codec, never markup from the URL), and for a link with the online basemap the
 * button that loads it: third-party tiles wait for the viewer's own click.
 */
export function EmbedBar({ store, state, onlineBasemapAllowed }: { store: Store; state: ViewState; onlineBasemapAllowed: Observable<boolean> }) {
  const fullView = store.urlFor({ embed: false });
  const allowed = useObservable(onlineBasemapAllowed);
  const asking = state.basemap === 'osm' && !allowed;
  return (
    <nav class="embed-bar" aria-label={t(state.lang, 'subtitle')}>
      <span class="embed-title">{t(state.lang, 'subtitle')}</span>
      <a href={fullView} target="_blank" rel="noopener">
        {t(state.lang, 'embed_full_view')}
        <span class="visually-hidden">{t(state.lang, 'new_tab')}</span>
        <span aria-hidden="true"> ↗</span>
      </a>
      {asking && (
        <button type="button" class="embed-basemap" onClick={() => onlineBasemapAllowed.set(true)}>
          {t(state.lang, 'basemap_load')}
        </button>
      )}
    </nav>
  );
}
