import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Store } from '../state/store';
import type { ViewState } from '../state/view-state';
import { t, type Lang } from '../i18n/strings';
import { downloadBlob, exportFileName, type PictureFormat } from './download';
import { CiteView } from './Cite';
import { copyText, type CopyOutcome } from './clipboard';
import './share.css';

/** For an attribute value in the snippet: the snippet is pasted into someone's HTML, so `&` and `"` must be entities. */
function attributeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The iframe markup for the current view embedded; panels are left out, as embed mode has none. */
function embedSnippet(store: Store, lang: Lang): string {
  const src = store.urlFor({ embed: true, panel: null });
  const title = t(lang, 'title');
  return `<iframe src="${attributeText(src)}" title="${attributeText(title)}" width="800" height="600" style="border:0" loading="lazy"></iframe>`;
}

/**
 * Copies the current view's address. Where the clipboard is refused or missing, the address is shown in a
 * selected field to copy by hand. The URL only ever reaches the page as a field's value (text), never as HTML.
 * The popover also offers the embed snippet and the view as a PNG or SVG picture to download.
 */
export function ShareButton({ store, state, exportPicture }: { store: Store; state: ViewState; exportPicture(state: ViewState, format: PictureFormat): Promise<Blob> }) {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<CopyOutcome>('none');
  const [download, setDownload] = useState<'idle' | 'busy' | 'failed'>('idle');
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const linkField = useRef<HTMLInputElement>(null);
  const popoverId = useId();

  const close = (returnFocus: boolean) => {
    setOpen(false);
    // Cleared so the next copy changes the live region again and is announced again.
    setOutcome('none');
    setDownload('idle');
    if (returnFocus) button.current?.focus();
  };

  const share = async () => {
    if (open) return close(false);
    setOpen(true);
    setOutcome(await copyText(store.url()));
  };

  useEffect(() => {
    if (outcome !== 'refused') return;
    linkField.current?.focus();
    linkField.current?.select();
  }, [outcome]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) close(false);
    };
    addEventListener('pointerdown', onPointerDown);
    return () => removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    // Escape also clears the map selection (App): here it should only close the popover.
    e.stopPropagation();
    close(true);
  };

  const saveImage = async (format: PictureFormat) => {
    if (download === 'busy') return;
    setDownload('busy');
    try {
      downloadBlob(await exportPicture(state, format), exportFileName(state, format));
      setDownload('idle');
    } catch {
      setDownload('failed');
    }
  };

  const message = outcome === 'copied' ? t(state.lang, 'share_copied') : outcome === 'refused' ? t(state.lang, 'share_refused') : '';
  return (
    <div class="share" ref={root} onKeyDown={onKeyDown}>
      <button
        type="button"
        class="share-button"
        ref={button}
        aria-expanded={open}
        aria-controls={popoverId}
        onClick={() => void share()}
      >
        {t(state.lang, 'share')}
      </button>
      {/* Always in the page, so screen readers already watch it when the message arrives. */}
      <p class="visually-hidden" role="status" aria-live="polite">
        {download === 'failed' ? t(state.lang, 'download_failed') : message}
      </p>
      <div class="share-popover" id={popoverId} hidden={!open}>
        {/* Its contents only while open: they hold this page's address and today's date, which a copy of the panels
            built into index.html must not (first-view/panels.tsx). */}
        {open && (
          <>
            <button type="button" class="close" aria-label={t(state.lang, 'close')} onClick={() => close(true)}>
              ×
            </button>
            {message && (
              <p class={`share-message ${outcome}`} aria-hidden="true">
                {outcome === 'copied' ? '✓ ' : ''}
                {message}
              </p>
            )}
            {outcome === 'refused' && (
              <label class="share-field">
                <span>{t(state.lang, 'share_link')}</span>
                <input
                  type="text"
                  readOnly
                  ref={linkField}
                  value={store.url()}
                  onFocus={(e) => e.currentTarget.select()}
                />
                <small>{t(state.lang, 'share_copy_hint')}</small>
              </label>
            )}
            <label class="share-field">
              <span>{t(state.lang, 'share_embed')}</span>
              <textarea
                readOnly
                rows={4}
                class="share-embed"
                value={embedSnippet(store, state.lang)}
                onFocus={(e) => e.currentTarget.select()}
              />
              <small>{t(state.lang, 'share_embed_hint')}</small>
            </label>
            <CiteView store={store} state={state} />
            {/* aria-busy, not disabled: a disabled button would drop keyboard focus while the image is made. */}
            <div class="share-downloads">
              {(['png', 'svg'] as const).map((format) => (
                <button key={format} type="button" class="share-download" aria-busy={download === 'busy'} onClick={() => void saveImage(format)}>
                  {t(state.lang, format === 'png' ? 'download_png' : 'download_svg')}
                </button>
              ))}
            </div>
            {download === 'failed' && (
              <p class="share-message refused" aria-hidden="true">
                {t(state.lang, 'download_failed')}
              </p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
