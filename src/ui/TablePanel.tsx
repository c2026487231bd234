import { useMemo, useState } from 'preact/hooks';
import type { Figure, Grade, IndicatorId, IndicatorModel, Rank } from '../model/dataset';
import { GRADES } from '../model/dataset';
import type { UnitProps } from '../model/units';
import type { Store } from '../state/store';
import type { Lang, Level, ViewState } from '../state/view-state';
import { indicatorLabel } from '../model/indicator-labels';
import { unitsOfLevel } from '../model/level-units';
import { csvFileName, figuresCsv } from '../model/csv-export';
import { FigureSources, GradeBadge, boundedFigureText, unitName } from './figure-parts';
import { rankPeers } from '../model/coverage';
import { figureLine, partYearFigure } from '../model/part-year';
import { RANK_SCOPE_KEYS, t } from '../i18n/strings';
import { DownloadAllData } from './Cite';

/** What the rank column counts among: the level's Circle units; zones rank among zones. */
function rankScopeNote(level: Level, lang: Lang): string {
  const scope = t(lang, 'rank_scope_note', { scope: t(lang, RANK_SCOPE_KEYS[level]) });
  return scope + t(lang, 'zones_ranked_apart');
}
import './panels.css';

type SortKey = 'name' | 'value' | 'rank' | 'grade' | 'source';
interface Sort {
  key: SortKey;
  descending: boolean;
}

interface Row {
  unit: UnitProps;
  /** The full-year figure: sorted and ranked. */
  figure: Figure | null;
  /** Where the year has none, its longest part-year figure: shown with its period, sorted with "no data". */
  part: Figure | null;
  rank: Rank | null;
  /** The weakest grade behind the figure: a derived figure is only as trustworthy as its worst input. */
  worstGrade: Grade | null;
  sourceText: string;
}

/** Sort values per column; null (no figure) always sorts last, whichever the direction. */
function sortValue(row: Row, key: SortKey, lang: Lang): string | number | null {
  switch (key) {
    case 'name':
      return unitName(row.unit, lang);
    case 'value':
      return row.figure?.value ?? null;
    case 'rank':
      return row.rank?.rank ?? null;
    case 'grade':
      return row.worstGrade ? GRADES.indexOf(row.worstGrade) : null;
    case 'source':
      return row.figure ? row.sourceText : null;
  }
}

function sortRows(rows: readonly Row[], sort: Sort | null, lang: Lang): Row[] {
  if (!sort) return [...rows];
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN-u-co-pinyin' : 'en');
  const direction = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key, lang);
    const y = sortValue(b, sort.key, lang);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return direction * (typeof x === 'string' || typeof y === 'string' ? collator.compare(String(x), String(y)) : x - y);
  });
}

/** Totals and ranks are read largest first; names, grades and sources from the top of the alphabet. */
const DESCENDING_FIRST: ReadonlySet<SortKey> = new Set(['value']);

function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoking at once can cancel the download in some browsers; a second later it has started.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface DataPanelProps {
  store: Store;
  state: ViewState;
  units: ReadonlyMap<string, UnitProps>;
  model: IndicatorModel;
}

/** The units of the current level (and the zones) for the current indicator and year, sortable, as CSV too. */
export function TablePanel({ store, state, units, model }: DataPanelProps) {
  const { lang, level, year, selected } = state;
  // The URL codec only accepts indicators of the catalog, which is built from model.indicatorIds().
  const indicator = state.indicator as IndicatorId;
  const [sort, setSort] = useState<Sort | null>(null);

  // `units` grows in place when all China's counties arrive: its size is part of the key.
  const levelUnits = useMemo(() => unitsOfLevel(units, level), [units, units.size, level]);
  const scope = rankScopeNote(level, lang);
  const rankOf = (unit: UnitProps): Rank | null => {
    const peers = rankPeers(units, level, unit);
    // One count per peer list (the level's, the zones'), not one per row: all China has 2,891 rows.
    return peers ? (model.ranks(indicator, year, peers.ids).get(unit.id) ?? null) : null;
  };
  const rows = useMemo(
    () =>
      levelUnits.map((unit): Row => {
        const figure = model.figure(unit.id, indicator, year);
        const part = figure ? null : partYearFigure(model, unit.id, indicator, year);
        const shown = figure ?? part;
        const grades = shown?.sources.map((source) => GRADES.indexOf(source.grade)) ?? [];
        return {
          unit,
          figure,
          part,
          rank: rankOf(unit),
          worstGrade: grades.length ? GRADES[Math.max(...grades)] : null,
          sourceText: shown?.sources.map((source) => model.source(source.id)?.publisher ?? source.id).join(' ') ?? '',
        };
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rankOf reads only units, level, model, indicator, year
    [levelUnits, units, level, model, indicator, year],
  );
  const sorted = useMemo(() => sortRows(rows, sort, lang), [rows, sort, lang]);
  const withData = rows.filter((row) => row.figure).length;

  const columns: [SortKey, string][] = [
    ['name', t(lang, 'column_name')],
    ['value', t(lang, 'column_value')],
    ['rank', t(lang, 'rank')],
    ['grade', t(lang, 'column_grade')],
    ['source', t(lang, 'figure_source')],
  ];
  const sortBy = (key: SortKey) =>
    setSort(sort?.key === key ? { key, descending: !sort.descending } : { key, descending: DESCENDING_FIRST.has(key) });

  return (
    <section class="data-panel table-panel" aria-labelledby="table-panel-title">
      <header class="data-panel-head">
        <h2 id="table-panel-title">
          {t(lang, 'table_title')} · {indicatorLabel(indicator, lang)} · {year}
        </h2>
        <button type="button" class="close" aria-label={t(lang, 'close')} onClick={() => store.update({ panel: null })}>
          ×
        </button>
      </header>
      <div class="data-panel-tools">
        <p class="muted">
          {t(lang, 'table_count', { units: rows.length, withData })} · {scope}
        </p>
        <div class="data-panel-downloads">
          <button
            type="button"
            class="download"
            onClick={() => downloadText(figuresCsv(levelUnits, model, indicator, year, lang), csvFileName(indicator, year, level))}
          >
            {t(lang, 'download_csv')}
          </button>
          <DownloadAllData lang={lang} />
        </div>
      </div>
      <div class="data-panel-scroll">
        <table class="figures-table">
          <thead>
            <tr>
              {columns.map(([key, label]) => (
                <th
                  key={key}
                  scope="col"
                  class={`col-${key}`}
                  aria-sort={sort?.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}
                >
                  <button type="button" onClick={() => sortBy(key)}>
                    {label}
                    <span aria-hidden="true" class="sort-mark">
                      {sort?.key === key ? (sort.descending ? '▼' : '▲') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map(({ unit, figure, part, rank }) => {
              const shown = figure ?? part;
              return (
                <tr
                  key={unit.id}
                  data-unit={unit.id}
                  class={unit.id === selected ? 'selected' : undefined}
                  onClick={() => store.update({ selected: unit.id })}
                >
                  <th scope="row">
                    <button type="button" class="row-select" aria-current={unit.id === selected ? 'true' : undefined}>
                      {unitName(unit, lang)}
                    </button>
                  </th>
                  <td class={figure ? 'num' : part ? 'num part-year' : 'num no-data'} data-period={part?.period}>
                    {part ? figureLine(model, indicator, part, lang) : boundedFigureText(model, indicator, figure, lang)}
                  </td>
                  <td class="num">{rank ? `${rank.rank} / ${rank.of}` : '—'}</td>
                  <td>
                    {[...new Set(shown?.sources.map((source) => source.grade))].map((grade) => (
                      <GradeBadge key={grade} grade={grade} lang={lang} />
                    ))}
                  </td>
                  <td>{shown && <FigureSources figure={shown} model={model} lang={lang} grades={false} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
