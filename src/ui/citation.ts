/** The one-line citation of a view, in the reader's language. Pure: the caller gives the link and the day. */
import type { IndicatorId } from '../model/dataset';
import type { Lang, Level } from '../state/view-state';
import { t } from '../i18n/strings';
import { viewTitle } from '../i18n/view-title';

/** A day as the reader's own calendar shows it, YYYY-MM-DD (toISOString's day is UTC's, a day off in China at night). */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface CitedView {
  indicator: IndicatorId;
  year: number;
  level: Level;
  lang: Lang;
}

/**
 * "Chengdu-Chongqing Economic Circle Atlas (2026). GDP · 2022 · Districts & cities [interactive map]. <link>
 * (accessed 2026-12-07)." / GB/T 7714's form for an online resource in Chinese. The year is the build's (the atlas
 * version read); without one (a test, a build that did not say) the year of access.
 */
export function citation(view: CitedView, link: string, accessed: Date, built?: string): string {
  const year = built && /^\d{4}/.test(built) ? built.slice(0, 4) : String(accessed.getFullYear());
  return t(view.lang, 'cite_text', {
    atlas: t(view.lang, 'title'),
    title: viewTitle(view.indicator, view.year, view.level, view.lang),
    year,
    date: localDay(accessed),
    link,
  });
}
