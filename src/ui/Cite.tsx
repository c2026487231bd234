import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Store } from '../state/store';
import type { ViewState } from '../state/view-state';
import type { IndicatorId } from '../model/dataset';
import { DATA_PACKAGE_PATH } from '../data/data-package';
import { t, type Lang } from '../i18n/strings';
import { citation } from './citation';
import { copyText, type CopyOutcome } from './clipboard';
import './share.css';

/** The day the atlas was built (the data package plugin defines it); absent in tests and unbuilt code. */
const BUILT: string | undefined = import.meta.env?.ATLAS_BUILT;

/**
 * "Cite this view": the current view's one-line citation (its link, today's date) in a field, with a button that
 * copies it. Where the clipboard is refused the field is selected to copy by hand. The text reaches the page only
 * as a field's value, never as HTML.
 */
export function CiteView({ store, state }: { store: Store; state: ViewState }) {
  const { lang } = state;
  const text = citation({ indicator: state.indicator as IndicatorId, year: state.year, level: state.level, lang }, store.url(), new Date(), BUILT);
  const [outcome, setOutcome] = useState<CopyOutcome>('none');
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  // A new view has a new citation: what was said about the old one no longer holds.
  useEffect(() => setOutcome('none'), [text]);

  const copy = async () => {
    const result = await copyText(text);
    setOutcome(result);
    if (result === 'copied') return;
    field.current?.focus();
    field.current?.select();
  };

  return (
    <div class="share-field cite">
      <label for={id}>{t(lang, 'cite')}</label>
      <textarea id={id} ref={field} readOnly rows={3} class="cite-text" value={text} onFocus={(e) => e.currentTarget.select()} />
      <div class="cite-actions">
        <button type="button" class="cite-copy" onClick={() => void copy()}>
          {t(lang, 'cite_copy')}
        </button>
        {/* An output (its role is status) that is always there, so screen readers already watch it when it speaks. */}
        <output class={`cite-message ${outcome}`} aria-live="polite">
          {outcome === 'copied' ? `✓ ${t(lang, 'cite_copied')}` : outcome === 'refused' ? t(lang, 'cite_refused') : ''}
        </output>
      </div>
      {outcome === 'refused' && <small>{t(lang, 'share_copy_hint')}</small>}
    </div>
  );
}

/** The archive's file name as saved. */
const DATA_PACKAGE_FILE = DATA_PACKAGE_PATH.slice(DATA_PACKAGE_PATH.lastIndexOf('/') + 1);

/** The archive of all the data, built with the app: one link, as a browser saves a file only from one. */
export function DownloadAllData({ lang, hint = false }: { lang: Lang; hint?: boolean }) {
  return (
    <>
      <a class="download-all" href={DATA_PACKAGE_PATH} download={DATA_PACKAGE_FILE} title={hint ? undefined : t(lang, 'download_all_hint')}>
        {t(lang, 'download_all')}
      </a>
      {hint && <small class="download-all-hint">{t(lang, 'download_all_hint')}</small>}
    </>
  );
}
