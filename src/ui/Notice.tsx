import { useState } from 'preact/hooks';
import type { IgnoredParam } from '../state/url-codec';
import { IGNORE_REASON_KEYS, t, type Lang } from '../i18n/strings';

/** What a mangled link lost, said once, in plain text (raw values are shown as text, never as HTML). */
export function IgnoredNotice({ ignored, lang }: { ignored: IgnoredParam[]; lang: Lang }) {
  const [open, setOpen] = useState(ignored.length > 0);
  if (!open) return null;
  return (
    <div class="notice" role="alert">
      <p>{t(lang, 'link_ignored')}</p>
      <ul>
        {ignored.map((p, i) => (
          <li key={i}>
            <code>{p.param}</code> {p.raw ? <q>{p.raw}</q> : null} <span class="reason">({t(lang, IGNORE_REASON_KEYS[p.reason])})</span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setOpen(false)}>
        {t(lang, 'dismiss')}
      </button>
    </div>
  );
}
