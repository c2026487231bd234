/**
 * The queryable indicator model: raw figures from public/data/indicators.json plus figures
 * derived from them in code (per capita, growth, shares). Pure: no I/O, no DOM.
 *
 * A derived figure carries the sources, grades and notes of every input, and is missing
 * (null, never zero) when any input is missing.
 */
import {
  BOUNDARY_INDICATOR_MEASURES,
  CENSUS_INDICATOR_MEASURES,
  CENSUS_YEAR,
  BOUNDARY_SOURCE_ID,
  BOUNDARY_YEAR,
  DERIVED_INDICATOR_MEASURES,
  RAW_INDICATOR_MEASURES,
  type CensusIndicatorId,
  type DerivedIndicatorId,
  type Figure,
  type FigureNote,
  type FigureSource,
  type IndicatorDataset,
  type IndicatorId,
  type IndicatorModel,
  type IndicatorRow,
  type Rank,
  type RawIndicatorId,
  type RowIndicatorId,
  type SourceRecord,
  type UnitInfo,
} from './dataset';

const CIRCLE_UNIT = 'circle';
export const CHONGQING = '500000';
export const SICHUAN = '510000';

/** Zones have no adcode; their province is fixed by where they lie. */
const ZONE_PROVINCE: Readonly<Record<string, string>> = {
  liangjiang: CHONGQING,
  tianfu: SICHUAN,
  'chengdu-hitech': SICHUAN,
};

const RAW_IDS = Object.keys(RAW_INDICATOR_MEASURES) as RawIndicatorId[];
const CENSUS_IDS = Object.keys(CENSUS_INDICATOR_MEASURES) as CensusIndicatorId[];
const ROW_IDS: readonly RowIndicatorId[] = [...RAW_IDS, ...CENSUS_IDS];
const DERIVED_IDS = Object.keys(DERIVED_INDICATOR_MEASURES) as DerivedIndicatorId[];

/** A mirror of Tianditu's official boundaries (grade C), and an area this atlas computed, not an official one. */
const LAND_AREA_SOURCE = { id: BOUNDARY_SOURCE_ID, grade: 'C' } as const;
export const LAND_AREA_NOTE: FigureNote = {
  en: 'Computed by this atlas from the boundary it draws (geodesic area of the simplified outline); official land areas differ slightly.',
  zh: '由本地图根据其所绘边界计算（简化轮廓的测地线面积），与官方公布的土地面积略有出入。',
};

/** A partly included unit's whole GDP is set against the Circle's: say so rather than hide it. */
export const PARTIAL_CIRCLE_NOTE: FigureNote = {
  en: 'The unit lies only partly in the Circle; its whole GDP is compared.',
  zh: '该单位仅部分位于经济圈内，比较的是其全部GDP。',
};

/** Per capita GDP of the census year over the census count, where no year-end population is known: say so. */
export const CENSUS_POPULATION_NOTE: FigureNote = {
  en: 'Population: the 2020 census count (census day 1 Nov 2020), as no year-end figure is loaded; per capita figures over year-end population differ slightly.',
  zh: '人口采用2020年第七次全国人口普查数（普查标准时点2020年11月1日），因未载入年末常住人口；与按年末常住人口计算的人均值略有差异。',
};

/** Growth or share between a figure on the basis revised after the fifth economic census and one before it. */
export const MIXED_BASIS_NOTE: FigureNote = {
  en: 'Mixes two bases: one input is on the basis revised after the fifth economic census (2023), the other is a first release before it; the change is partly the revision.',
  zh: '混合两种口径：其一为第五次全国经济普查（2023年）后修订口径，另一为修订前的初步核算数；变化中部分来自修订。',
};

/** Whether two figures stand on the same basis, so their difference is a change and not partly a revision. */
export function sameBasis(a: Figure, b: Figure): boolean {
  return (a.basis ?? '') === (b.basis ?? '');
}

/** Inputs each derived indicator reads, used to find the years worth trying. */
const DERIVED_INPUTS: Readonly<Record<DerivedIndicatorId, readonly RowIndicatorId[]>> = {
  gdp_per_capita: ['gdp', 'population', 'census_population'],
  gdp_growth: ['gdp'],
  gdp_share_parent: ['gdp'],
  gdp_share_circle: ['gdp'],
  nev_share: ['nev', 'vehicles'],
};

/** 亿元 → 元 and 万人 → 人: GDP ×1e8 over population ×1e4. */
const YUAN_PER_YI = 1e8;
const PERSONS_PER_WAN = 1e4;

function isRowIndicator(id: IndicatorId): id is RowIndicatorId {
  return (ROW_IDS as readonly string[]).includes(id);
}

/** The province or municipality whose share a unit's GDP is measured against, or null for top-level units. */
export function provinceOf(unitId: string): string | null {
  const zoneProvince = ZONE_PROVINCE[unitId];
  if (zoneProvince) return zoneProvince;
  if (!/^\d{6}$/.test(unitId) || unitId.endsWith('0000')) return null;
  const province = `${unitId.slice(0, 2)}0000`;
  return province === CHONGQING || province === SICHUAN ? province : null;
}

function rowFigure(row: IndicatorRow, measure: string): Figure {
  const figure: Figure = {
    value: row.value,
    measure,
    year: row.year,
    sources: [{ id: row.source, grade: row.grade }],
    // The build writes note_zh beside every note; a row without one (not from this build) keeps its English
    // note in both languages rather than losing what a reader must know.
    notes: row.note ? [{ en: row.note, zh: row.note_zh || row.note }] : [],
    derived: false,
  };
  if (row.period) figure.period = row.period;
  if (row.bound) figure.bound = row.bound;
  if (row.basis) figure.basis = row.basis;
  return figure;
}

/**
 * The bound of part ÷ whole (or current ÷ previous): a floor over an exact figure is still a floor, an exact figure
 * over a floor is at most the ratio (and over a ceiling at least); any other mix leaves only an approximation.
 */
export function ratioBound(part: Figure, whole: Figure): Figure['bound'] {
  if (!whole.bound) return part.bound;
  if (!part.bound && whole.bound === 'min') return 'max';
  if (!part.bound && whole.bound === 'max') return 'min';
  return 'approx';
}

function addNote(notes: FigureNote[], note: FigureNote): void {
  if (!notes.some((known) => known.en === note.en && known.zh === note.zh)) notes.push(note);
}

/** A derived figure from its inputs: sources and notes of all inputs, each listed once. */
function combine(inputs: readonly Figure[], value: number, measure: string, year: number, extraNotes: readonly FigureNote[] = []): Figure {
  const sources: FigureSource[] = [];
  const notes: FigureNote[] = [];
  for (const input of inputs) {
    for (const source of input.sources) {
      if (!sources.some((known) => known.id === source.id && known.grade === source.grade)) sources.push(source);
    }
    for (const note of input.notes) addNote(notes, note);
  }
  for (const note of extraNotes) addNote(notes, note);
  const figure: Figure = { value, measure, year, sources, notes, derived: true };
  const basis = inputs.find((input) => input.basis)?.basis;
  if (basis) figure.basis = basis;
  return figure;
}

function withBound(figure: Figure, bound: Figure['bound']): Figure {
  if (bound) figure.bound = bound;
  return figure;
}

/** The note a comparison of two figures needs when they stand on different bases. */
function basisNotes(a: Figure, b: Figure): FigureNote[] {
  return sameBasis(a, b) || (a.basis !== 'ec5' && b.basis !== 'ec5') ? [] : [MIXED_BASIS_NOTE];
}

/** The last month of a period (`M1-M9` → 9); a full year is 12. */
function periodEnd(period: string | undefined): number {
  return period ? Number(period.slice(period.indexOf('-') + 2)) : 12;
}

/**
 * Builds the model from the parsed indicators.json and the map units (for levels and Circle
 * membership, which rankings and Circle shares need).
 */
export function createIndicatorModel(dataset: IndicatorDataset, initialUnits: readonly UnitInfo[]): IndicatorModel {
  if (dataset.schema !== 1) throw new Error(`indicators.json schema ${String(dataset.schema)} is not supported (expected 1)`);
  const units = [...initialUnits];
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  // Full-year figures only: a part year is kept apart (partRows) so it is never coloured or ranked with them.
  const rowByKey = new Map<string, IndicatorRow>();
  const partRows = new Map<string, IndicatorRow[]>();
  const rawYears = new Map<RowIndicatorId, Set<number>>();
  const unitsWithRows = new Set<string>();
  const yearsCache = new Map<IndicatorId, number[]>();
  // Derived figures are asked for again and again (coverage of every indicator at every level, colouring, ranks):
  // each is computed once, until rows or units arrive.
  const derivedCache = new Map<string, Figure | null>();
  // Ranks are asked again on every render of the unit panel (a camera move while it is open): counted once per peer
  // list (coverage.ts keeps one list per level) and view, until rows or units arrive.
  let rankCache = new WeakMap<readonly string[], Map<string, ReadonlyMap<string, Rank>>>();
  function addRows(rows: readonly IndicatorRow[]): void {
    for (const row of rows) {
      unitsWithRows.add(row.unit);
      if (row.period) {
        const key = `${row.unit}|${row.indicator}`;
        partRows.set(key, [...(partRows.get(key) ?? []), row]);
        continue;
      }
      rowByKey.set(`${row.unit}|${row.indicator}|${row.year}`, row);
      const years = rawYears.get(row.indicator) ?? new Set<number>();
      years.add(row.year);
      rawYears.set(row.indicator, years);
    }
    yearsCache.clear();
    derivedCache.clear();
    rankCache = new WeakMap();
  }
  addRows(dataset.rows);
  const rowIds = ROW_IDS.filter((id) => dataset.indicators[id] !== undefined);

  function measure(indicator: IndicatorId): string {
    if (indicator === 'land_area') return BOUNDARY_INDICATOR_MEASURES[indicator];
    if (!isRowIndicator(indicator)) return DERIVED_INDICATOR_MEASURES[indicator];
    const fallback = (RAW_INDICATOR_MEASURES as Record<string, string>)[indicator] ?? CENSUS_INDICATOR_MEASURES[indicator as CensusIndicatorId];
    return dataset.indicators[indicator]?.measure ?? fallback;
  }

  function landArea(unit: string, year: number): Figure | null {
    const area = unitById.get(unit)?.area_km2;
    if (year !== BOUNDARY_YEAR || !area || area <= 0) return null;
    return { value: area, measure: measure('land_area'), year, sources: [LAND_AREA_SOURCE], notes: [LAND_AREA_NOTE], derived: true };
  }

  function raw(unit: string, indicator: RowIndicatorId, year: number): Figure | null {
    const row = rowByKey.get(`${unit}|${indicator}|${year}`);
    return row ? rowFigure(row, measure(indicator)) : null;
  }

  function share(part: Figure | null, whole: Figure | null, indicator: DerivedIndicatorId, year: number, notes: readonly FigureNote[] = []): Figure | null {
    if (!part || !whole || whole.value === 0) return null;
    const figure = combine([part, whole], (part.value / whole.value) * 100, measure(indicator), year, [...notes, ...basisNotes(part, whole)]);
    return withBound(figure, ratioBound(part, whole));
  }

  function derivedFigure(unit: string, indicator: DerivedIndicatorId, year: number): Figure | null {
    switch (indicator) {
      case 'gdp_per_capita': {
        const gdp = raw(unit, 'gdp', year);
        if (!gdp) return null;
        const population = raw(unit, 'population', year);
        if (population && population.value > 0) {
          const value = (gdp.value * YUAN_PER_YI) / (population.value * PERSONS_PER_WAN);
          return withBound(combine([gdp, population], value, measure(indicator), year), ratioBound(gdp, population));
        }
        const census = year === CENSUS_YEAR ? raw(unit, 'census_population', year) : null;
        if (!census || census.value <= 0) return null;
        const value = (gdp.value * YUAN_PER_YI) / census.value;
        return withBound(combine([gdp, census], value, measure(indicator), year, [CENSUS_POPULATION_NOTE]), ratioBound(gdp, census));
      }
      case 'gdp_growth': {
        const current = raw(unit, 'gdp', year);
        const previous = raw(unit, 'gdp', year - 1);
        if (!current || !previous || previous.value === 0) return null;
        const figure = combine([current, previous], (current.value / previous.value - 1) * 100, measure(indicator), year, basisNotes(current, previous));
        return withBound(figure, ratioBound(current, previous));
      }
      case 'gdp_share_parent': {
        const province = provinceOf(unit);
        return province ? share(raw(unit, 'gdp', year), raw(province, 'gdp', year), indicator, year) : null;
      }
      case 'gdp_share_circle': {
        const info = unitById.get(unit);
        if (unit === CIRCLE_UNIT || !info || info.circle === 'none') return null;
        const notes = info.circle === 'partial' ? [PARTIAL_CIRCLE_NOTE] : [];
        return share(raw(unit, 'gdp', year), raw(CIRCLE_UNIT, 'gdp', year), indicator, year, notes);
      }
      case 'nev_share':
        return share(raw(unit, 'nev', year), raw(unit, 'vehicles', year), indicator, year);
    }
  }

  function figure(unit: string, indicator: IndicatorId, year: number): Figure | null {
    if (indicator === 'land_area') return landArea(unit, year);
    if (isRowIndicator(indicator)) return raw(unit, indicator, year);
    const key = `${unit}|${indicator}|${year}`;
    let found = derivedCache.get(key);
    if (found === undefined) {
      found = derivedFigure(unit, indicator, year);
      derivedCache.set(key, found);
    }
    return found;
  }

  function years(indicator: IndicatorId): number[] {
    const cached = yearsCache.get(indicator);
    if (cached) return cached;
    let result: number[];
    if (indicator === 'land_area') {
      result = [BOUNDARY_YEAR];
    } else if (isRowIndicator(indicator)) {
      result = [...(rawYears.get(indicator) ?? [])];
    } else {
      const candidates = new Set<number>();
      for (const input of DERIVED_INPUTS[indicator]) for (const year of rawYears.get(input) ?? []) candidates.add(year);
      result = [...candidates].filter((year) => [...unitsWithRows].some((unit) => derivedFigure(unit, indicator, year) !== null));
    }
    result.sort((a, b) => a - b);
    yearsCache.set(indicator, result);
    return result;
  }

  function series(unit: string, indicator: IndicatorId): Figure[] {
    return years(indicator)
      .map((year) => figure(unit, indicator, year))
      .filter((value): value is Figure => value !== null);
  }

  function partYears(unit: string, indicator: IndicatorId): Figure[] {
    if (!isRowIndicator(indicator)) return [];
    return (partRows.get(`${unit}|${indicator}`) ?? [])
      .map((row) => rowFigure(row, measure(indicator)))
      .sort((a, b) => a.year - b.year || periodEnd(a.period) - periodEnd(b.period));
  }

  function ranks(indicator: IndicatorId, year: number, peers: readonly string[]): ReadonlyMap<string, Rank> {
    const key = `${indicator}|${year}`;
    const byView = rankCache.get(peers) ?? new Map<string, ReadonlyMap<string, Rank>>();
    rankCache.set(peers, byView);
    const cached = byView.get(key);
    if (cached) return cached;
    const result = rankValues(indicator, year, peers);
    byView.set(key, result);
    return result;
  }

  function rankValues(indicator: IndicatorId, year: number, peers: readonly string[]): Map<string, Rank> {
    const valued = [...new Set(peers)]
      .map((unit) => ({ unit, value: figure(unit, indicator, year)?.value }))
      .filter((entry): entry is { unit: string; value: number } => entry.value !== undefined)
      .sort((a, b) => b.value - a.value);
    // Equal values share a rank: the place of the first of them (1 + how many are larger).
    const result = new Map<string, Rank>();
    valued.forEach((entry, index) => {
      const previous = index > 0 ? valued[index - 1] : undefined;
      const rank = previous && previous.value === entry.value ? result.get(previous.unit)!.rank : index + 1;
      result.set(entry.unit, { rank, of: valued.length });
    });
    return result;
  }

  return {
    figure,
    series,
    years,
    indicatorIds: () => [...rowIds, ...DERIVED_IDS, 'land_area'],
    measure,
    source: (id: string): SourceRecord | undefined => dataset.sources[id],
    ranks,
    partYears,
    addRows,
    addUnits(added) {
      derivedCache.clear();
      rankCache = new WeakMap();
      for (const unit of added) {
        if (unitById.has(unit.id)) continue;
        units.push(unit);
        unitById.set(unit.id, unit);
      }
    },
  };
}
