import type { Store } from '../state/store';
import type { UnitProps } from '../model/units';
import { t, type Lang } from '../i18n/strings';

/**
 * The other units and zones where the user clicked (a district under a zone's shape, say): one press selects one of
 * them instead. Names only, as text.
 */
export function AlsoHere({ ids, units, lang, store }: { ids: readonly string[]; units: ReadonlyMap<string, UnitProps>; lang: Lang; store: Store }) {
  const here = ids.flatMap((id) => units.get(id) ?? []);
  if (here.length === 0) return null;
  return (
    <p class="also-here">
      <span>{t(lang, 'also_here')}</span>
      {here.map((unit) => (
        <button key={unit.id} type="button" data-unit={unit.id} onClick={() => store.update({ selected: unit.id })}>
          {(lang === 'zh' ? unit.name_zh : unit.name_en) + (unit.level === 'zone' ? t(lang, 'approx_suffix') : '')}
        </button>
      ))}
    </p>
  );
}
