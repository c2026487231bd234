/**
 * The URL is the share button: `?v=1&ind=gdp&year=2023&sel=510100#map=7.5/30.2/105.1`.
 *
 * One list of parameters (`PARAMS_V1`) drives parsing, validation and writing. Decoding never throws:
 * every unusable part falls back to its default on its own and is reported in `ignored`; unknown
 * parameters are kept verbatim in `extra` and written back by the next encode.
 *
 * Links must reopen the same view years from now, hence:
 * - `v` (format version) is always written; absent means 1.
 * - What an absent parameter means is frozen per version (`V1_FALLBACKS`). Encoding leaves out values equal
 *   to those. A default change therefore needs a new `v` whose table differs, while v=1 links keep decoding
 *   with this one (OWID's grapher migrated `year` to `time` the same way).
 * - `ind` and `year` are always written: their defaults come from the data (the latest year moves when
 *   figures are added), so leaving them out would let an old link drift.
 *
 * The camera lives in the hash as MapLibre writes it, `#map=zoom/lat/lng[/bearing[/pitch]]`, next to any
 * other hash parts. Do not also turn on MapLibre's own `hash` option: it rewrites the whole hash and
 * drops other parameters (maplibre-gl-js #3559).
 */
import {
  BASEMAPS,
  CHARTS,
  CLASSIFICATIONS,
  LANGS,
  LEVELS,
  LEVEL_INDICATOR,
  MAX_COMPARE,
  MAX_LINES,
  PANELS,
  cameraInRange,
  defaultYear,
  indicatorYears,
  isValidCamera,
  nearestYear,
  quantizeCamera,
  type Catalog,
  type ViewState,
} from './view-state';

export type { Catalog } from './view-state';

/** Why part of a link was not used as written. */
export type IgnoreReason =
  /** Not an allowed value, or not in the catalog (unknown indicator or unit). */
  | 'unknown-value'
  /** A number outside what can be shown (zoom 1e9, latitude 200, year 20230). */
  | 'out-of-range'
  /** Not the expected syntax (`zoom=abc`, `year=2020.5`). */
  | 'malformed'
  | 'too-long'
  /** Broken percent-encoding (`%E4%B8`, `%zz`). */
  | 'bad-encoding'
  /** A repeat: only the first occurrence of a parameter is read. */
  | 'duplicate'
  /** A year the indicator has no figures for: the nearest year with figures is shown instead. */
  | 'unavailable'
  /** More compare ids than fit, or more URL parts than are read. */
  | 'too-many'
  /** A `v` this build does not know: the link is read with the newest rules known. */
  | 'unsupported-version';

export interface IgnoredParam {
  readonly param: string;
  readonly reason: IgnoreReason;
  /**
   * A short copy of the offending text (decoded where possible, control and bidi characters replaced,
   * at most MAX_SHOWN_CHARS characters). It is attacker-controlled: display it as TEXT, never as HTML.
   */
  readonly raw: string;
}

/**
 * An unknown parameter, kept as written (still percent-encoded) so it survives into the next encode.
 * A name starting with `#` is a hash part; search names never start with `#` (it is escaped as `%23`).
 * `a=` and `a` mean the same to every query parser and are both kept as value `''` and written as `a`.
 * `decodeUrl` lists the search's unknown parameters first, then the hash's, each in URL order.
 */
export type ExtraParam = [name: string, value: string];

export interface DecodedUrl {
  state: ViewState;
  ignored: IgnoredParam[];
  extra: ExtraParam[];
}

export interface EncodedUrl {
  /** Starts with `?`; never empty since `v` is always written. */
  search: string;
  /** Starts with `#`, or is empty. */
  hash: string;
}

/** Limits that keep a hostile link from costing time or flooding the notice. */
const MAX_PARTS = 64; // read per search and per hash; the rest is reported once
const MAX_VALUE_LENGTH = 128; // raw length of a known parameter's value; two unit ids need ~30
const MAX_EXTRA_LENGTH = 512; // length of an unknown parameter kept in `extra`, as it will be written
const MAX_EXTRAS = 32; // unknown parameters kept per search and per hash; with ours they stay under MAX_PARTS
export const MAX_SHOWN_CHARS = 40;

const CURRENT_VERSION = 1;
const VERSION_PARAM = 'v';

type Place = 'search' | 'hash';

interface Note {
  readonly reason: IgnoreReason;
  readonly raw: string;
}

type Parsed<T> =
  | { readonly ok: true; readonly value: T; readonly notes: readonly Note[] }
  | { readonly ok: false; readonly reason: IgnoreReason };

function accept<T>(value: T, notes: readonly Note[] = []): Parsed<T> {
  return { ok: true, value, notes };
}

function reject(reason: IgnoreReason): Parsed<never> {
  return { ok: false, reason };
}

interface UrlParam<K extends keyof ViewState> {
  readonly name: string;
  readonly place: Place;
  readonly field: K;
  /** What the parameter means when absent or unusable. `state` holds the fields earlier in the list. */
  fallback(catalog: Catalog, state: ViewState): ViewState[K];
  /**
   * Leave the parameter out when it writes the same as its fallback. Only for fallbacks frozen in the
   * format version; catalog-derived ones can move, so those parameters are always written.
   */
  readonly omitFallback: boolean;
  /** `text` is already percent-decoded. */
  parse(text: string, catalog: Catalog, state: ViewState): Parsed<ViewState[K]>;
  isValid(value: ViewState[K], catalog: Catalog, state: ViewState): boolean;
  /** The value as text before percent-encoding; null writes nothing. */
  write(value: ViewState[K]): string | null;
}

type AnyUrlParam = { [K in keyof ViewState]: UrlParam<K> }[keyof ViewState];

type StaticField = Exclude<keyof ViewState, 'indicator' | 'year'>;

/**
 * What an absent parameter means in v1 links. FROZEN: v1 links leave out every value equal to these, so
 * editing one changes what existing links show. To change a default, add v2 with its own table.
 */
const V1_FALLBACKS: Readonly<Pick<ViewState, StaticField>> = Object.freeze({
  camera: null,
  level: 'units',
  classification: 'quantile',
  selected: null,
  compare: Object.freeze([]),
  zones: true,
  lang: 'zh',
  panel: null,
  // Added after the first v1 links: absent in those, and meaning what they showed (no charts).
  chart: 'ranking',
  lines: Object.freeze([]),
  chartIndex: false,
  embed: false,
  basemap: 'offline',
});

type OneOfField = 'level' | 'classification' | 'lang' | 'basemap' | 'chart';

function oneOfParam<K extends OneOfField>(
  name: string,
  field: K,
  values: readonly ViewState[K][],
  fallbackValue: ViewState[K],
): UrlParam<K> {
  return {
    name,
    place: 'search',
    field,
    fallback: () => fallbackValue,
    omitFallback: true,
    parse: (text) => {
      const value = values.find((candidate) => candidate === text);
      return value === undefined ? reject('unknown-value') : accept(value);
    },
    isValid: (value) => values.includes(value),
    write: (value) => value,
  };
}

function flagParam<K extends 'zones' | 'embed' | 'chartIndex'>(name: string, field: K, fallbackValue: boolean): UrlParam<K> {
  return {
    name,
    place: 'search',
    field,
    fallback: () => fallbackValue,
    omitFallback: true,
    parse: (text) => (text === '1' ? accept(true) : text === '0' ? accept(false) : reject('unknown-value')),
    isValid: (value) => typeof value === 'boolean',
    write: (value) => (value ? '1' : '0'),
  };
}

function isUnit(catalog: Catalog, id: string): boolean {
  return catalog.unitIds.includes(id) || (catalog.awaitsUnit?.(id) ?? false);
}

/** A selection: a unit, or a plant (only a unit can be compared). */
function isSelectable(catalog: Catalog, id: string): boolean {
  return isUnit(catalog, id) || (catalog.plantIds?.includes(id) ?? false);
}

const indicatorParam: UrlParam<'indicator'> = {
  name: 'ind',
  place: 'search',
  field: 'indicator',
  fallback: (catalog, state) => {
    const ofLevel = LEVEL_INDICATOR[state.level];
    return ofLevel && indicatorYears(catalog, ofLevel) ? ofLevel : catalog.defaultIndicator;
  },
  omitFallback: false,
  parse: (text, catalog) => (indicatorYears(catalog, text) ? accept(text) : reject('unknown-value')),
  isValid: (value, catalog) => indicatorYears(catalog, value) !== undefined,
  write: (value) => value,
};

/**
 * Any 4-digit year the indicator lacks opens the nearest year it has (a link to 2016 NEV figures shows
 * the first year with them) and says so; other numbers are out of range and open the default year.
 */
const yearParam: UrlParam<'year'> = {
  name: 'year',
  place: 'search',
  field: 'year',
  fallback: (catalog, state) => defaultYear(catalog, state.indicator, state.level),
  omitFallback: false,
  parse: (text, catalog, state) => {
    if (!/^\d{4}$/.test(text)) return reject(/^[-+]?\d+$/.test(text) ? 'out-of-range' : 'malformed');
    const year = Number(text);
    const years = indicatorYears(catalog, state.indicator)?.years ?? [];
    if (years.includes(year)) return accept(year);
    const nearest = nearestYear(years, year);
    return nearest === undefined ? reject('unavailable') : accept(nearest, [{ reason: 'unavailable', raw: text }]);
  },
  isValid: (value, catalog, state) => indicatorYears(catalog, state.indicator)?.years.includes(value) ?? false,
  write: (value) => String(value),
};

const selectedParam: UrlParam<'selected'> = {
  name: 'sel',
  place: 'search',
  field: 'selected',
  fallback: () => V1_FALLBACKS.selected,
  omitFallback: true,
  parse: (text, catalog) => (isSelectable(catalog, text) ? accept(text) : reject('unknown-value')),
  isValid: (value, catalog) => value === null || isSelectable(catalog, value),
  write: (value) => value,
};

/** A list of units: keeps the usable ids and reports each dropped one, so one bad id does not lose the rest. */
function unitListParam<K extends 'compare' | 'lines'>(name: string, field: K, max: number): UrlParam<K> {
  return {
    name,
    place: 'search',
    field,
    fallback: () => V1_FALLBACKS[field],
    omitFallback: true,
    parse: (text, catalog) => {
      const kept: string[] = [];
      const notes: Note[] = [];
      for (const id of text.split(',')) {
        if (id === '') continue; // `cmp=` and stray commas name nothing
        const reason: IgnoreReason | null = !isUnit(catalog, id)
          ? 'unknown-value'
          : kept.includes(id)
            ? 'duplicate'
            : kept.length >= max
              ? 'too-many'
              : null;
        if (reason) notes.push({ reason, raw: shownText(id) });
        else kept.push(id);
      }
      return accept(kept, notes);
    },
    isValid: (value, catalog) =>
      Array.isArray(value) && value.length <= max && new Set(value).size === value.length && value.every((id) => isUnit(catalog, id)),
    write: (value) => value.join(','),
  };
}

const panelParam: UrlParam<'panel'> = {
  name: 'panel',
  place: 'search',
  field: 'panel',
  fallback: () => V1_FALLBACKS.panel,
  omitFallback: true,
  parse: (text) => {
    const panel = PANELS.find((candidate) => candidate === text);
    return panel === undefined ? reject('unknown-value') : accept(panel);
  },
  isValid: (value) => value === null || PANELS.includes(value),
  write: (value) => value,
};

/** Plain decimals as MapLibre writes them; exponents are accepted so `1e9` reads as out of range. */
function parseDecimal(text: string): number {
  return /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * Zoom, latitude and pitch out of range drop the whole camera (the default framing is saner than a clamped
 * guess); longitude and bearing are periodic, so they are wrapped, which shows the same view.
 */
const cameraParam: UrlParam<'camera'> = {
  name: 'map',
  place: 'hash',
  field: 'camera',
  fallback: () => V1_FALLBACKS.camera,
  omitFallback: true,
  parse: (text) => {
    const numbers = text.split('/').map(parseDecimal);
    if (numbers.length < 3 || numbers.length > 5 || numbers.some(Number.isNaN)) return reject('malformed');
    const [zoom, lat, lng, bearing = 0, pitch = 0] = numbers;
    const camera = quantizeCamera({ zoom, lat, lng, bearing, pitch });
    return cameraInRange(camera) ? accept(camera) : reject('out-of-range');
  },
  isValid: (value) => value === null || isValidCamera(value),
  write: (value) => {
    if (value === null) return null;
    const camera = quantizeCamera(value);
    const parts = [camera.zoom, camera.lat, camera.lng];
    // MapLibre's form: bearing only when bearing or pitch is set, pitch only when set.
    if (camera.bearing !== 0 || camera.pitch !== 0) parts.push(camera.bearing);
    if (camera.pitch !== 0) parts.push(camera.pitch);
    return parts.join('/');
  },
};

/** Format 1. The order is the order of writing, and of decoding: `year` is checked against `ind`. */
const PARAMS_V1: readonly AnyUrlParam[] = [
  oneOfParam('level', 'level', LEVELS, V1_FALLBACKS.level),
  indicatorParam,
  yearParam,
  oneOfParam('class', 'classification', CLASSIFICATIONS, V1_FALLBACKS.classification),
  selectedParam,
  unitListParam('cmp', 'compare', MAX_COMPARE),
  flagParam('zones', 'zones', V1_FALLBACKS.zones),
  oneOfParam('lang', 'lang', LANGS, V1_FALLBACKS.lang),
  panelParam,
  oneOfParam('chart', 'chart', CHARTS, V1_FALLBACKS.chart),
  unitListParam('lines', 'lines', MAX_LINES),
  flagParam('index', 'chartIndex', V1_FALLBACKS.chartIndex),
  flagParam('embed', 'embed', V1_FALLBACKS.embed),
  oneOfParam('basemap', 'basemap', BASEMAPS, V1_FALLBACKS.basemap),
  cameraParam,
];

/** Every format this build reads. `v` is outside the lists because it picks the list. */
const FORMATS: ReadonlyMap<number, readonly AnyUrlParam[]> = new Map([[1, PARAMS_V1]]);
const CURRENT_PARAMS = PARAMS_V1;
/** Links without `v` predate versioning. */
const UNVERSIONED = 1;

export function defaultState(catalog: Catalog): ViewState {
  return {
    ...V1_FALLBACKS,
    indicator: catalog.defaultIndicator,
    year: defaultYear(catalog, catalog.defaultIndicator, V1_FALLBACKS.level),
  };
}

export function isValidState(state: ViewState, catalog: Catalog): boolean {
  return CURRENT_PARAMS.every((param) => fieldIsValid(param, state, catalog));
}

function fieldIsValid<K extends keyof ViewState>(param: UrlParam<K>, state: ViewState, catalog: Catalog): boolean {
  return param.isValid(state[param.field], catalog, state);
}

// ---- decoding ----

function decodeComponent(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

const UNSHOWABLE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * At most MAX_SHOWN_CHARS characters, then `…`. Control, bidi-override and lone-surrogate characters could
 * disguise the text around them, so they show as U+FFFD. Cut first: 2 code units always hold a character.
 */
function shownText(text: string, cut = false): string {
  const head = text.slice(0, MAX_SHOWN_CHARS * 2 + 1);
  const chars = Array.from(head.replace(UNSHOWABLE, '\uFFFD'));
  const shortened = cut || head.length < text.length || chars.length > MAX_SHOWN_CHARS;
  return shortened ? `${chars.slice(0, MAX_SHOWN_CHARS).join('')}…` : chars.join('');
}

/** Up to 12 raw characters (`%F0%9F%98%80`) encode one shown character. */
function shownRaw(raw: string): string {
  const head = raw.slice(0, MAX_SHOWN_CHARS * 12);
  return shownText(decodeComponent(head) ?? head, head.length < raw.length);
}

/** Characters a URL cannot carry raw (WHATWG's percent-encode sets, and `#`); browsers never hand us these. */
const NOT_URL_SAFE = /[^\u0021-\u007E]|["#<>`]/gu;

function percentEncodeChar(char: string): string {
  try {
    return encodeURIComponent(char);
  } catch {
    return '%EF%BF%BD'; // a lone surrogate: U+FFFD
  }
}

function urlSafe(raw: string): string {
  return raw.replace(NOT_URL_SAFE, percentEncodeChar);
}

interface UrlPart {
  readonly place: Place;
  /** Position in the URL, search first: ignored parameters are listed in this order. */
  readonly at: number;
  readonly rawName: string;
  readonly rawValue: string;
  readonly name: string | undefined;
}

interface Located<T> {
  readonly at: number;
  readonly value: T;
}

/** Splits `?a=1&b` or `#a=1&b`; parts past MAX_PARTS are only counted, and reported once after the kept ones. */
function splitParts(text: string, place: Place, firstAt: number, ignored: Located<IgnoredParam>[]): UrlPart[] {
  const body = text.startsWith(place === 'search' ? '?' : '#') ? text.slice(1) : text;
  const parts: UrlPart[] = [];
  let overflow = 0;
  for (let start = 0; start <= body.length; ) {
    const ampersand = body.indexOf('&', start);
    const end = ampersand < 0 ? body.length : ampersand;
    const empty = end === start || (end === start + 1 && body[start] === '=');
    if (!empty && parts.length >= MAX_PARTS) overflow += 1;
    else if (!empty) parts.push(toPart(body.slice(start, end), place, firstAt + parts.length));
    start = end + 1;
  }
  if (overflow > 0) {
    ignored.push({ at: firstAt + MAX_PARTS, value: { param: '…', reason: 'too-many', raw: `+${overflow}` } });
  }
  return parts;
}

function toPart(piece: string, place: Place, at: number): UrlPart {
  const equals = piece.indexOf('=');
  const rawName = equals < 0 ? piece : piece.slice(0, equals);
  return { place, at, rawName, rawValue: equals < 0 ? '' : piece.slice(equals + 1), name: decodeComponent(rawName) };
}

/** The decoded value of a known parameter, or why it cannot be read. */
function readValue(part: UrlPart): { text: string } | { reason: IgnoreReason } {
  if (part.rawValue.length > MAX_VALUE_LENGTH) return { reason: 'too-long' };
  const text = decodeComponent(part.rawValue);
  return text === undefined ? { reason: 'bad-encoding' } : { text };
}

/** Reads a link. Never throws; the state always passes `isValidState` for a catalog meeting its preconditions. */
export function decodeUrl(search: string, hash: string, catalog: Catalog): DecodedUrl {
  const ignored: Located<IgnoredParam>[] = [];
  const extra: ExtraParam[] = [];
  const parts = [
    ...splitParts(search, 'search', 0, ignored),
    ...splitParts(hash, 'hash', MAX_PARTS + 1, ignored),
  ];
  const isVersion = (part: UrlPart): boolean => part.place === 'search' && part.name === VERSION_PARAM;
  const params = FORMATS.get(readVersion(parts.find(isVersion), ignored)) ?? CURRENT_PARAMS;
  const isKnown = (part: UrlPart): boolean =>
    isVersion(part) || params.some((param) => param.place === part.place && param.name === part.name);

  // Only the first occurrence of a parameter is read, usable or not.
  const firstTexts = new Map<string, Located<string | undefined>>();
  for (const part of parts) {
    if (!isKnown(part)) {
      keepUnknown(part, extra, ignored);
      continue;
    }
    const param = part.name ?? part.rawName;
    const key = `${part.place}:${param}`;
    const value = readValue(part);
    if (firstTexts.has(key)) {
      ignored.push({ at: part.at, value: { param, reason: 'duplicate', raw: shownRaw(part.rawValue) } });
    } else if ('reason' in value) {
      ignored.push({ at: part.at, value: { param, reason: value.reason, raw: shownRaw(part.rawValue) } });
      firstTexts.set(key, { at: part.at, value: undefined });
    } else {
      firstTexts.set(key, { at: part.at, value: value.text });
    }
  }

  let state = defaultState(catalog);
  for (const param of params) {
    state = decodeParam(param, firstTexts.get(`${param.place}:${param.name}`), catalog, state, ignored);
  }
  return {
    state,
    ignored: ignored.sort((a, b) => a.at - b.at).map((entry) => entry.value),
    extra,
  };
}

/**
 * Absent, unreadable or malformed `v`: the link predates versioning. A number this build does not know:
 * most likely a link from a newer build, best read with the newest rules known. Too-long and badly encoded
 * values are reported by the common pass.
 */
function readVersion(part: UrlPart | undefined, ignored: Located<IgnoredParam>[]): number {
  if (part === undefined) return UNVERSIONED;
  const value = readValue(part);
  if ('reason' in value) return UNVERSIONED;
  const numbered = /^\d{1,9}$/.test(value.text);
  if (numbered && FORMATS.has(Number(value.text))) return Number(value.text);
  const reason = numbered ? 'unsupported-version' : 'malformed';
  ignored.push({ at: part.at, value: { param: VERSION_PARAM, reason, raw: shownText(value.text) } });
  return numbered ? CURRENT_VERSION : UNVERSIONED;
}

function keepUnknown(part: UrlPart, extra: ExtraParam[], ignored: Located<IgnoredParam>[]): void {
  // Escaping only lengthens, so a cut raw text that is already too long stays too long once escaped.
  const name = urlSafe(part.rawName.slice(0, MAX_EXTRA_LENGTH));
  const value = urlSafe(part.rawValue.slice(0, MAX_EXTRA_LENGTH));
  const inHash = part.place === 'hash';
  const reason: IgnoreReason | null =
    name.length + 1 + value.length > MAX_EXTRA_LENGTH
      ? 'too-long'
      : extra.filter(([kept]) => kept.startsWith('#') === inHash).length >= MAX_EXTRAS
        ? 'too-many'
        : null;
  if (reason === null) {
    extra.push([(inHash ? '#' : '') + name, value]);
    return;
  }
  const param = shownText(part.name ?? part.rawName);
  ignored.push({ at: part.at, value: { param, reason, raw: shownRaw(part.rawValue) } });
}

function decodeParam<K extends keyof ViewState>(
  param: UrlParam<K>,
  found: Located<string | undefined> | undefined,
  catalog: Catalog,
  state: ViewState,
  ignored: Located<IgnoredParam>[],
): ViewState {
  const text = found?.value;
  if (found !== undefined && text !== undefined) {
    const parsed = param.parse(text, catalog, state);
    if (parsed.ok) {
      for (const note of parsed.notes) ignored.push({ at: found.at, value: { param: param.name, ...note } });
      return withField(state, param.field, parsed.value);
    }
    ignored.push({ at: found.at, value: { param: param.name, reason: parsed.reason, raw: shownText(text) } });
  }
  return withField(state, param.field, param.fallback(catalog, state));
}

function withField<K extends keyof ViewState>(state: ViewState, field: K, value: ViewState[K]): ViewState {
  return { ...state, [field]: value };
}

// ---- encoding ----

/** Our values are ids, numbers, `,` and `/`: kept readable; anything else (`+`, `&`, `#`, `%`) escaped. */
function escapeValue(text: string): string {
  return text.replace(/[^A-Za-z0-9\-._~!$'()*,;:@/]/gu, percentEncodeChar);
}

function writtenValue<K extends keyof ViewState>(param: UrlParam<K>, state: ViewState, catalog: Catalog): string | null {
  const text = param.write(state[param.field]);
  if (param.omitFallback && text === param.write(param.fallback(catalog, state))) return null;
  return text;
}

/** One parameter of the current format as a state writes it; hash parameters' names start with `#`, as in `extra`. */
export interface StateParam {
  /** null for `v`. */
  readonly field: keyof ViewState | null;
  readonly name: string;
  /** Before percent-encoding; null: nothing written. */
  readonly value: string | null;
}

/**
 * Every parameter of the current format with what it says for `state`, whether or not encodeUrl would leave it out
 * as a fallback: the first view (src/first-view/) compares a link with the default state's parameters.
 */
export function stateParams(state: ViewState): StateParam[] {
  const written = <K extends keyof ViewState>(param: UrlParam<K>): StateParam => ({
    field: param.field,
    name: param.place === 'hash' ? `#${param.name}` : param.name,
    value: param.write(state[param.field]),
  });
  return [{ field: null, name: VERSION_PARAM, value: String(CURRENT_VERSION) }, ...CURRENT_PARAMS.map((param) => written(param as UrlParam<keyof ViewState>))];
}

/** Deterministic: `v`, then the parameters in list order, then `extra` in the order decoded. */
export function encodeUrl(
  state: ViewState,
  catalog: Catalog,
  extra: readonly (readonly [string, string])[] = [],
): EncodedUrl {
  const written: Record<Place, string[]> = { search: [`${VERSION_PARAM}=${CURRENT_VERSION}`], hash: [] };
  for (const param of CURRENT_PARAMS) {
    const text = writtenValue(param, state, catalog);
    if (text !== null) written[param.place].push(`${param.name}=${escapeValue(text)}`);
  }
  for (const [markedName, value] of extra) {
    const place: Place = markedName.startsWith('#') ? 'hash' : 'search';
    const name = place === 'hash' ? markedName.slice(1) : markedName;
    written[place].push(value === '' ? name : `${name}=${value}`);
  }
  return {
    search: `?${written.search.join('&')}`,
    hash: written.hash.length > 0 ? `#${written.hash.join('&')}` : '',
  };
}
