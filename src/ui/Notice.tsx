import { useState } from 'preact/hooks';
import type { IgnoredParam, IgnoreReason } from '../state/url-codec';
import type { Observable } from '../state/observable';
import { t, type Lang, type StringKey } from '../i18n/strings';
import { useObservable } from './use-observable';

/** Why part of a link was ignored, as the notice says it. */
export const IGNORE_REASON_KEYS = {
  'unknown-value': 'ignored_unknown_value',
  'out-of-range': 'ignored_out_of_range',
  malformed: 'ignored_malformed',
  'too-long': 'ignored_too_long',
  'bad-encoding': 'ignored_bad_encoding',
  duplicate: 'ignored_duplicate',
  unavailable: 'ignored_unavailable',
  'too-many': 'ignored_too_many',
  'unsupported-version': 'ignored_unsupported_version',
} as const satisfies Record<IgnoreReason, StringKey>;

/**
 * What a mangled link lost, said once, in plain text (raw values are shown as text, never as HTML). Parts found
 * unusable later (a unit that did not arrive with all China's file) open it again, listing only those.
 */
export function IgnoredNotice({ ignored: source, lang }: { ignored: Observable<readonly IgnoredParam[]>; lang: Lang }) {
  const all = useObservable(source);
  const [dismissed, setDismissed] = useState(0);
  const ignored = all.slice(dismissed);
  if (ignored.length === 0) return null;
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
      <button type="button" onClick={() => setDismissed(all.length)}>
        {t(lang, 'dismiss')}
      </button>
    </div>
  );
}
