import { useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { UnitProps } from '../model/units';
import { t, type Lang } from '../i18n/strings';

const MEMBERSHIP_KEY = { full: 'membership_full', partial: 'membership_partial', none: 'membership_none' } as const;

function km2(value: number, lang: Lang): string {
  return `${new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 0 }).format(value)} km²`;
}

/** The selected unit's names, place and extent. Everything is rendered as text, never as HTML. */
export function UnitPanel(props: {
  unit: UnitProps;
  /** The larger place it lies in (placeOf). */
  place: string | null;
  lang: Lang;
  onClose(): void;
  children?: ComponentChildren;
}) {
  const { unit, place, lang, onClose, children } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [unit.id]);
  const primary = lang === 'zh' ? unit.name_zh : unit.name_en;
  const secondary = lang === 'zh' ? unit.name_en : unit.name_zh;
  const shape = lang === 'zh' ? unit.shape_zh : unit.shape_en;
  const note = lang === 'zh' ? unit.note_zh : unit.note_en;
  return (
    <section class="unit-panel" aria-labelledby="unit-panel-title" data-unit={unit.id}>
      <button type="button" class="close" onClick={onClose} aria-label={t(lang, 'close')}>
        ×
      </button>
      <h2 id="unit-panel-title" tabIndex={-1} ref={heading}>
        {primary}
      </h2>
      <p class="secondary-name" lang={lang === 'zh' ? 'en' : 'zh'}>
        {secondary}
      </p>
      {unit.approx && <p class="approx-badge">{t(lang, 'approximate')}</p>}
      {children}
      <dl class="facts">
        {place && (
          <>
            <dt>{t(lang, 'parent')}</dt>
            <dd>{place}</dd>
          </>
        )}
        <dt>{t(lang, 'membership')}</dt>
        <dd>{t(lang, MEMBERSHIP_KEY[unit.circle])}</dd>
        {unit.official_area_km2 !== undefined && (
          <>
            <dt>{t(lang, 'official_area')}</dt>
            <dd>{km2(unit.official_area_km2, lang)}</dd>
          </>
        )}
        {unit.area_km2 > 0 && (
          <>
            <dt>{t(lang, 'area')}</dt>
            <dd>{km2(unit.area_km2, lang)}</dd>
          </>
        )}
        {shape && (
          <>
            <dt class="wide">{t(lang, 'shape')}</dt>
            <dd class="wide">{shape}</dd>
          </>
        )}
      </dl>
      {note && <p class="note">{note}</p>}
    </section>
  );
}
