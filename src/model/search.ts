/**
 * Place-name search over the selectable units: Chinese names, English names and pinyin, each with or
 * without the administrative suffix. Pure: no DOM. Queries are compared as folded text only, never
 * interpreted, so any string a user types is safe here.
 */
import type { UnitLevel, UnitProps } from './units';
import type { Lang } from './vocabulary';
import type { Plant } from './plants';

/** The longest result list: enough to pick from, short enough to read at a glance on a phone. */
export const MAX_RESULTS = 8;

/** How well a query matches a name; lower is better. */
const MATCH = { exact: 0, prefix: 1, substring: 2 } as const;
type Match = (typeof MATCH)[keyof typeof MATCH];

interface SearchEntry {
  readonly unit: UnitProps;
  /** Chinese names: the full name and the name without its suffix (渝北区, 渝北). */
  readonly hanKeys: readonly string[];
  /** English names and pinyin, folded by `foldLatin` (yubeidistrict, yubei, yubeiqu). */
  readonly latinKeys: readonly string[];
  readonly levelOrder: number;
}

export interface SearchIndex {
  readonly entries: readonly SearchEntry[];
}

/** Bigger units first among equally good matches: someone typing 成都 most likely means the city. The Circle's own
 *  counties come before all China's (indexed once that level has been loaded). */
const LEVEL_ORDER: Readonly<Partial<Record<UnitLevel, number>>> = { province: 0, prefecture: 1, zone: 2, county: 3, national: 4 };

/**
 * The administrative suffixes people leave out. The ethnic groups are spelled out because a generic
 * "one or two characters + 族" would also swallow the end of the place name (阿坝藏族… → 阿).
 */
const HAN_SUFFIX = /(?:(?:土家|藏|羌|彝|苗|回|蒙古)族)*自治[州县]$|新区$|[省市区县]$/u;
const ENGLISH_SUFFIX = / (?:autonomous prefecture|autonomous county|district|county|city|new area|province)$/iu;
const HAN = /\p{Script=Han}/u;

/**
 * Lower case, diacritics and tone marks dropped (Garzê → garze, yúběi → yubei), full-width letters made
 * ASCII, and everything but a–z removed: spaces, apostrophes, hyphens and tone numbers do not decide a match.
 */
function foldLatin(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function foldHan(text: string): string {
  return text.normalize('NFKC').replace(/\s/gu, '');
}

function entryOf(unit: UnitProps, levelOrder: number): SearchEntry {
  const shortZh = unit.name_zh.replace(HAN_SUFFIX, '');
  const syllables = unit.pinyin.split(' ');
  const zhLength = [...unit.name_zh].length;
  // The pinyin has one syllable per character, so the short name's pinyin is a prefix of it (yu bei qu → yu bei).
  const shortPinyin = syllables.length === zhLength ? syllables.slice(0, [...shortZh].length).join(' ') : '';
  const hanKeys = [unit.name_zh, shortZh].map(foldHan);
  const latinKeys = [unit.name_en, unit.name_en.replace(ENGLISH_SUFFIX, ''), unit.pinyin, shortPinyin].map(foldLatin);
  return {
    unit,
    hanKeys: [...new Set(hanKeys)].filter(Boolean),
    latinKeys: [...new Set(latinKeys)].filter(Boolean),
    levelOrder,
  };
}

export function buildSearchIndex(units: Iterable<UnitProps>): SearchIndex {
  const entries: SearchEntry[] = [];
  for (const unit of units) {
    const levelOrder = LEVEL_ORDER[unit.level];
    // Context provinces and the Circle outline are not places to pick; zone markers are points inside a zone.
    if (levelOrder !== undefined && unit.shape !== 'point') entries.push(entryOf(unit, levelOrder));
  }
  return { entries };
}

function bestMatch(keys: readonly string[], query: string): Match | undefined {
  let best: Match | undefined;
  for (const key of keys) {
    const match = key === query ? MATCH.exact : key.startsWith(query) ? MATCH.prefix : key.includes(query) ? MATCH.substring : undefined;
    if (match !== undefined && (best === undefined || match < best)) best = match;
  }
  return best;
}

const COLLATORS: Record<Lang, Intl.Collator> = { zh: new Intl.Collator('zh-CN'), en: new Intl.Collator('en') };

/**
 * Units whose name matches `query`, best first: exact before prefix before substring, then Circle members
 * (wholly or partly inside) before the rest, bigger units before smaller, then by name in `lang`'s order.
 * A query with Chinese characters is matched against Chinese names; any other against English and pinyin.
 */
export function searchUnits(index: SearchIndex, query: string, lang: Lang): UnitProps[] {
  const han = HAN.test(query);
  const folded = han ? foldHan(query) : foldLatin(query);
  if (!folded) return [];
  const hits: { entry: SearchEntry; match: Match }[] = [];
  for (const entry of index.entries) {
    const match = bestMatch(han ? entry.hanKeys : entry.latinKeys, folded);
    if (match !== undefined) hits.push({ entry, match });
  }
  const outside = (unit: UnitProps) => (unit.circle === 'none' ? 1 : 0);
  const nameOf = (unit: UnitProps) => (lang === 'zh' ? unit.name_zh : unit.name_en);
  hits.sort(
    (a, b) =>
      a.match - b.match ||
      outside(a.entry.unit) - outside(b.entry.unit) ||
      a.entry.levelOrder - b.entry.levelOrder ||
      COLLATORS[lang].compare(nameOf(a.entry.unit), nameOf(b.entry.unit)) ||
      a.entry.unit.id.localeCompare(b.entry.unit.id),
  );
  return hits.slice(0, MAX_RESULTS).map((hit) => hit.entry.unit);
}

/**
 * Plants whose company or brand begins with `query` (Chinese, pinyin or English; 问界, Seres, 一汽-大众, Volvo), exact
 * before prefix, then by id. Only prefixes: company names hold place names (…(重庆工厂)), and typing a place must
 * not list plants. Punctuation does not decide a match (一汽-大众 finds 一汽大众).
 */
export function searchPlants(plants: readonly Plant[], query: string): Plant[] {
  const han = HAN.test(query);
  const fold = (text: string) => (han ? foldHan(text).replace(/[\p{P}\p{S}]/gu, '') : foldLatin(text));
  const folded = fold(query);
  if (!folded) return [];
  const hits: { plant: Plant; match: Match }[] = [];
  for (const plant of plants) {
    const keys = han
      ? [plant.company.zh, ...plant.brands.zh]
      : [plant.company.en, ...plant.brands.en, plant.pinyin.company, ...plant.pinyin.brands];
    const match = bestMatch(keys.map(fold), folded);
    if (match !== undefined && match !== MATCH.substring) hits.push({ plant, match });
  }
  hits.sort((a, b) => a.match - b.match || (a.plant.id < b.plant.id ? -1 : a.plant.id > b.plant.id ? 1 : 0));
  return hits.slice(0, MAX_RESULTS).map((hit) => hit.plant);
}
