import type { Store } from '../state/store';
import type { Lang, ViewState } from '../state/view-state';
import './share.css';

const TEXT: Record<Lang, { title: string; fullView: string; newTab: string }> = {
  zh: { title: '成渝经济圈数据地图', fullView: '查看完整地图', newTab: '（在新标签页打开）' },
  en: { title: 'Chengyu Atlas', fullView: 'Open the full map', newTab: ' (opens in a new tab)' },
};

/**
 * What an embedded view (`embed=1`) shows instead of the top bar: the atlas's name and a link to the same
 * view in full. The link is an href built by the codec, never markup from the URL.
 */
export function EmbedBar({ store, state }: { store: Store; state: ViewState }) {
  const text = TEXT[state.lang];
  const fullView = store.urlFor({ embed: false });
  return (
    <nav class="embed-bar" aria-label={text.title}>
      <span class="embed-title">{text.title}</span>
      <a href={fullView} target="_blank" rel="noopener">
        {text.fullView}
        <span class="visually-hidden">{text.newTab}</span>
        <span aria-hidden="true"> ↗</span>
      </a>
    </nav>
  );
}
