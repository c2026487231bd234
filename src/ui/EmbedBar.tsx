import type { Store } from '../state/store';
import type { Lang, ViewState } from '../state/view-state';
import type { Observable } from '../state/observable';
import { t } from '../i18n/strings';
import { useObservable } from './use-observable';
import './share.css';

const TEXT: Record<Lang, { title: string; fullView: string; newTab: string }> = {
  zh: { title: '成渝经济圈数据地图', fullView: '查看完整地图', newTab: '（在新标签页打开）' },
  en: { title: 'Chengyu Atlas', fullView: 'Open the full map', newTab: ' (opens in a new tab)' },
};

/**
 * What an embedded view (`embed=1`) shows instead of the top bar: the atlas's name, a link to the same view in
 * full (an href built by the codec, never markup from the URL), and for a link with the online basemap the
 * button that loads it: third-party tiles wait for the viewer's own click.
 */
export function EmbedBar({ store, state, onlineBasemapAllowed }: { store: Store; state: ViewState; onlineBasemapAllowed: Observable<boolean> }) {
  const text = TEXT[state.lang];
  const fullView = store.urlFor({ embed: false });
  const allowed = useObservable(onlineBasemapAllowed);
  const asking = state.basemap === 'osm' && !allowed;
  return (
    <nav class="embed-bar" aria-label={text.title}>
      <span class="embed-title">{text.title}</span>
      <a href={fullView} target="_blank" rel="noopener">
        {text.fullView}
        <span class="visually-hidden">{text.newTab}</span>
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
