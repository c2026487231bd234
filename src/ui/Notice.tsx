import { useState } from 'preact/hooks';
import type { IgnoredParam } from '../state/url-codec';
import type { Lang } from '../i18n/strings';

const HEAD = { zh: '链接中有部分内容无效，已忽略：', en: 'Parts of this link were not valid and were ignored:' };
const DISMISS = { zh: '知道了', en: 'Dismiss' };

/** What a mangled link lost, said once, in plain text (raw values are shown as text, never as HTML). */
export function IgnoredNotice({ ignored, lang }: { ignored: IgnoredParam[]; lang: Lang }) {
  const [open, setOpen] = useState(ignored.length > 0);
  if (!open) return null;
  return (
    <div class="notice" role="alert">
      <p>{HEAD[lang]}</p>
      <ul>
        {ignored.map((p, i) => (
          <li key={i}>
            <code>{p.param}</code> {p.raw ? <q>{p.raw}</q> : null} <span class="reason">({p.reason})</span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setOpen(false)}>
        {DISMISS[lang]}
      </button>
    </div>
  );
}
