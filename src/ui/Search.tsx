import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { Store } from '../state/store';
import { levelShowing } from '../model/level-units';
import { t, type Lang } from '../i18n/strings';
import { placeOf, type UnitProps } from '../model/units';
import { buildSearchIndex, MAX_RESULTS, searchPlants, searchUnits } from '../model/search';
import { plantSelection, type Plant } from '../model/plants';
import './search.css';

/** No place name is this long; the cap only keeps pasted junk from being searched. */
const MAX_QUERY_LENGTH = 60;

export interface SearchProps {
  store: Store;
  units: ReadonlyMap<string, UnitProps>;
  /** Found by company and brand, listed after the places. */
  plants: readonly Plant[];
  lang: Lang;
  focusUnit(id: string): void;
}

/**
 * A combobox (ARIA 1.2 pattern, list autocomplete with the first option active) that selects a unit and
 * frames it on the map. Names are rendered as text, never as HTML.
 */
/** A place or a plant in the list. */
type Result = { kind: 'unit'; unit: UnitProps } | { kind: 'plant'; plant: Plant };

/** Places first; plants keep up to half the list when both match. */
function mergedResults(units: UnitProps[], plants: Plant[]): Result[] {
  const unitCount = Math.min(units.length, MAX_RESULTS - Math.min(plants.length, MAX_RESULTS / 2));
  return [
    ...units.slice(0, unitCount).map((unit): Result => ({ kind: 'unit', unit })),
    ...plants.slice(0, MAX_RESULTS - unitCount).map((plant): Result => ({ kind: 'plant', plant })),
  ];
}

export function Search({ store, units, plants, lang, focusUnit }: SearchProps) {
  // The map grows when all China's units arrive (the `china` level): its size says when to index again.
  const index = useMemo(() => buildSearchIndex(units.values()), [units, units.size]);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const results = useMemo(() => mergedResults(searchUnits(index, query, lang), searchPlants(plants, query)), [index, plants, query, lang]);
  const listId = useId();
  const list = useRef<HTMLUListElement>(null);
  const searching = open && query.trim() !== '';
  const expanded = searching && results.length > 0;
  const activeIndex = Math.min(active, results.length - 1);
  const optionId = (i: number) => `${listId}-option-${i}`;

  useEffect(() => {
    if (expanded) list.current?.children[activeIndex]?.scrollIntoView({ block: 'nearest' });
  }, [expanded, activeIndex]);

  const choose = (result: Result) => {
    setOpen(false);
    if (result.kind === 'plant') {
      const { plant } = result;
      setQuery(plant.company[lang]);
      // Its panel opens whatever the indicator; the map draws plants with the car industry's only.
      const id = plantSelection(plant.id);
      store.update({ selected: id });
      focusUnit(id);
      return;
    }
    const { unit } = result;
    setQuery(lang === 'zh' ? unit.name_zh : unit.name_en);
    store.update({ selected: unit.id, level: levelShowing(unit, store.get().level) });
    focusUnit(unit.id);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const n = results.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!expanded) setOpen(true);
      else setActive((activeIndex + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter' && expanded) {
      e.preventDefault();
      choose(results[activeIndex]);
    } else if (e.key === 'Escape' && (searching || query)) {
      // Close the list, then clear the text; only an empty, closed box lets Escape reach the app (deselect).
      e.stopPropagation();
      if (searching) setOpen(false);
      else setQuery('');
    }
  };

  return (
    <div class="search">
      <input
        type="text"
        role="combobox"
        aria-label={t(lang, 'search_label')}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? optionId(activeIndex) : undefined}
        placeholder={t(lang, 'search_placeholder')}
        autoComplete="off"
        spellcheck={false}
        maxLength={MAX_QUERY_LENGTH}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label={t(lang, 'search_label')} ref={list} hidden={!expanded}>
        {results.map((result, i) => {
          if (result.kind === 'plant') {
            const { plant } = result;
            const unit = units.get(plant.unit);
            return (
              <li
                key={`plant:${plant.id}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                data-plant={plant.id}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(result)}
              >
                <span class="search-kind">{t(lang, 'plant')}</span> <span class="search-name">{plant.company[lang]}</span>{' '}
                <span class="search-other">{plant.brands[lang].join(lang === 'zh' ? '、' : ', ')}</span>
                {unit && <span class="search-parent">{lang === 'zh' ? unit.name_zh : unit.name_en}</span>}
              </li>
            );
          }
          const { unit } = result;
          const place = placeOf(unit, units, lang);
          return (
            <li
              key={unit.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              // Keep focus in the input so the click lands and typing can go on.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(result)}
            >
              <span class="search-name">{lang === 'zh' ? unit.name_zh : unit.name_en}</span>{' '}
              <span class="search-other" lang={lang === 'zh' ? 'en' : 'zh'}>
                {lang === 'zh' ? unit.name_en : unit.name_zh}
              </span>
              {place && <span class="search-parent">{place}</span>}
            </li>
          );
        })}
      </ul>
      {searching && !expanded && (
        <p class="search-empty" aria-hidden="true">
          {t(lang, 'search_no_match')}
        </p>
      )}
      {/* Always present, so screen readers announce its changes. */}
      <p class="visually-hidden" role="status">
        {searching ? (expanded ? t(lang, results.length === 1 ? 'search_count_one' : 'search_count', { n: results.length }) : t(lang, 'search_no_match')) : ''}
      </p>
    </div>
  );
}
