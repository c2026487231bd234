import type { Store } from '../state/store';
import type { ViewState } from '../state/view-state';
import { GRADES } from '../model/dataset';
import { formatGrade } from '../model/format';
import { t } from '../i18n/strings';
import { CiteView, DownloadAllData } from './Cite';
import './panels.css';

/** The page listing every source (built with the data, `npm run data`), beside index.html. */
const SOURCES_PAGE = 'sources.html';

/**
 * Where the figures come from: the trust grades, the full list of sources on its own page, all the data as one
 * download, and how to cite the view.
 */
export function SourcesPanel({ store, state }: { store: Store; state: ViewState }) {
  const { lang } = state;
  return (
    <section class="data-panel sources-panel" aria-labelledby="sources-panel-title">
      <header class="data-panel-head">
        <h2 id="sources-panel-title">{t(lang, 'sources')}</h2>
        <button type="button" class="close" aria-label={t(lang, 'close')} onClick={() => store.update({ panel: null })}>
          ×
        </button>
      </header>
      <div class="data-panel-scroll">
        <p>{t(lang, 'sources_intro')}</p>
        <ul>
          {GRADES.map((grade) => (
            <li key={grade}>{formatGrade(grade, lang)}</li>
          ))}
        </ul>
        <p>
          <a href={SOURCES_PAGE} target="_blank" rel="noopener">
            {t(lang, 'sources_full_list')}
            <span class="visually-hidden">{t(lang, 'new_tab')}</span>
          </a>
        </p>
        <p>
          <DownloadAllData lang={lang} hint />
        </p>
        <CiteView store={store} state={state} />
      </div>
    </section>
  );
}
