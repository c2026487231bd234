import { describe, expect, it } from 'vitest';
import fixture from '../../tests/fixtures/urls-v1.json';
import {
  MAX_SHOWN_CHARS,
  decodeUrl,
  defaultState,
  encodeUrl,
  isValidState,
  type Catalog,
  type IgnoredParam,
} from './url-codec';
import type { ViewState } from './view-state';

const catalog: Catalog = fixture.catalog;
const DEFAULT = defaultState(catalog);

function decode(search: string, hash = ''): ReturnType<typeof decodeUrl> {
  return decodeUrl(search, hash, catalog);
}

function reasons(ignored: IgnoredParam[]): string[] {
  return ignored.map(({ param, reason }) => `${param}:${reason}`);
}

function encode(patch: Partial<ViewState>, extra: [string, string][] = []): string {
  const { search, hash } = encodeUrl({ ...DEFAULT, ...patch }, catalog, extra);
  return search + hash;
}

describe('defaults', () => {
  it('an empty link is the default view', () => {
    expect(decode('', '')).toEqual({ state: DEFAULT, ignored: [], extra: [] });
    expect(DEFAULT).toMatchObject({ indicator: 'gdp', year: 2023, camera: null, level: 'units', zones: true });
    expect(isValidState(DEFAULT, catalog)).toBe(true);
  });

  it('writes v, ind and year even for the default view, and nothing else', () => {
    expect(encodeUrl(DEFAULT, catalog)).toEqual({ search: '?v=1&ind=gdp&year=2023', hash: '' });
  });

  it('accepts search and hash with or without their leading ? and #', () => {
    expect(decode('lang=en', 'map=5/30/104').state).toEqual(decode('?lang=en', '#map=5/30/104').state);
    expect(decode('?', '#')).toEqual({ state: DEFAULT, ignored: [], extra: [] });
  });
});

describe('each parameter', () => {
  const cases: [string, Partial<ViewState>][] = [
    ['level=cities', { level: 'cities' }],
    ['level=districts', { level: 'districts' }],
    ['ind=population', { indicator: 'population', year: 2022 }],
    ['ind=nev&year=2021', { indicator: 'nev', year: 2021 }],
    ['year=2019', { year: 2019 }],
    ['class=ckmeans', { classification: 'ckmeans' }],
    ['class=equal', { classification: 'equal' }],
    ['sel=510100', { selected: '510100' }],
    ['sel=chengdu-hitech', { selected: 'chengdu-hitech' }],
    ['cmp=510700', { compare: ['510700'] }],
    ['cmp=500103,liangjiang', { compare: ['500103', 'liangjiang'] }],
    ['zones=0', { zones: false }],
    ['zones=1', { zones: true }],
    ['lang=en', { lang: 'en' }],
    ['panel=table', { panel: 'table' }],
    ['panel=sources', { panel: 'sources' }],
    ['embed=1', { embed: true }],
    ['embed=0', { embed: false }],
    ['basemap=osm', { basemap: 'osm' }],
  ];

  it.each(cases)('decodes %s', (search, patch) => {
    expect(decode(`?v=1&${search}`)).toEqual({ state: { ...DEFAULT, ...patch }, ignored: [], extra: [] });
  });

  const rejected: [string, string][] = [
    ['level=provinces', 'level:unknown-value'],
    ['level=Cities', 'level:unknown-value'],
    ['ind=gdp_per_capita', 'ind:unknown-value'],
    ['class=jenks', 'class:unknown-value'],
    ['sel=999999', 'sel:unknown-value'],
    ['sel=', 'sel:unknown-value'],
    ['zones=true', 'zones:unknown-value'],
    ['lang=fr', 'lang:unknown-value'],
    ['panel=null', 'panel:unknown-value'],
    ['embed=yes', 'embed:unknown-value'],
    ['basemap=google', 'basemap:unknown-value'],
  ];

  it.each(rejected)('falls back to the default for %s, keeping the rest', (search, reason) => {
    const decoded = decode(`?v=1&${search}&cmp=510100`);
    expect(decoded.state).toEqual({ ...DEFAULT, compare: ['510100'] });
    expect(reasons(decoded.ignored)).toEqual([reason]);
  });

  it('encodes every non-default field in one stable order', () => {
    const state: ViewState = {
      camera: { zoom: 8.25, lat: 30.65743, lng: 104.06584, bearing: -12.5, pitch: 40 },
      level: 'districts',
      indicator: 'population',
      year: 2021,
      classification: 'ckmeans',
      selected: '510100',
      compare: ['500112', 'tianfu'],
      zones: false,
      lang: 'en',
      panel: 'charts',
      chart: 'lines',
      lines: ['510100', '500112'],
      chartIndex: true,
      embed: true,
      basemap: 'osm',
    };
    expect(encodeUrl(state, catalog)).toEqual({
      search:
        '?v=1&level=districts&ind=population&year=2021&class=ckmeans&sel=510100&cmp=500112,tianfu' +
        '&zones=0&lang=en&panel=charts&chart=lines&lines=510100,500112&index=1&embed=1&basemap=osm',
      hash: '#map=8.25/30.65743/104.06584/-12.5/40',
    });
  });

  it('leaves out each field at its v1 default', () => {
    expect(encode({ zones: true, embed: false, panel: null, selected: null, compare: [], camera: null })).toBe(
      '?v=1&ind=gdp&year=2023',
    );
    expect(encode({ chart: 'ranking', lines: [], chartIndex: false })).toBe('?v=1&ind=gdp&year=2023');
  });

  it('reads the charts: which one, its lines and the index; a link from before them opens no chart', () => {
    expect(decode('?v=1&panel=charts&chart=gap&lines=510100,500112&index=1').state).toMatchObject({
      panel: 'charts',
      chart: 'gap',
      lines: ['510100', '500112'],
      chartIndex: true,
    });
    expect(decode('?v=1&ind=gdp&year=2022&cmp=510100').state).toEqual({ ...DEFAULT, year: 2022, compare: ['510100'] });
  });

  it('keeps the usable lines and reports a mangled chart, line or index on their own', () => {
    const decoded = decode('?v=1&panel=charts&chart=pie&lines=510100,nowhere,510100&index=yes');
    expect(decoded.state).toMatchObject({ panel: 'charts', chart: 'ranking', lines: ['510100'], chartIndex: false });
    expect(reasons(decoded.ignored)).toEqual(['chart:unknown-value', 'lines:unknown-value', 'lines:duplicate', 'index:unknown-value']);
  });
});

describe('year', () => {
  it('is checked against the indicator, not the default one', () => {
    expect(decode('?ind=nev&year=2020').state).toMatchObject({ indicator: 'nev', year: 2021 });
    expect(decode('?year=2019&ind=population').state).toMatchObject({ indicator: 'population', year: 2020 });
  });

  it('opens the nearest available year for a year the indicator lacks, the later one on a tie', () => {
    const tie = decode('?ind=nev&year=2022');
    expect(tie.state.year).toBe(2023);
    expect(tie.ignored).toEqual([{ param: 'year', reason: 'unavailable', raw: '2022' }]);
    expect(decode('?year=1990').state.year).toBe(2019);
    expect(decode('?year=2099').state.year).toBe(2023);
  });

  it('uses the indicator default for malformed or out-of-range years', () => {
    for (const [year, reason] of [
      ['20230', 'out-of-range'],
      ['-2020', 'out-of-range'],
      ['2020.5', 'malformed'],
      ['2e3', 'malformed'],
      ['', 'malformed'],
      ['NaN', 'malformed'],
    ]) {
      const decoded = decode(`?ind=population&year=${year}`);
      expect(decoded.state.year, year).toBe(2022);
      expect(reasons(decoded.ignored), year).toEqual([`year:${reason}`]);
    }
  });

  it('follows an unknown indicator to the default indicator', () => {
    const decoded = decode('?ind=bogus&year=2019');
    expect(decoded.state).toMatchObject({ indicator: 'gdp', year: 2019 });
    expect(reasons(decoded.ignored)).toEqual(['ind:unknown-value']);
  });
});

describe('cmp', () => {
  it('keeps the usable ids and reports each dropped one', () => {
    const decoded = decode('?cmp=999999,510100,510100,500112,tianfu');
    expect(decoded.state.compare).toEqual(['510100', '500112']);
    expect(decoded.ignored).toEqual([
      { param: 'cmp', reason: 'unknown-value', raw: '999999' },
      { param: 'cmp', reason: 'duplicate', raw: '510100' },
      { param: 'cmp', reason: 'too-many', raw: 'tianfu' },
    ]);
  });

  it('reads an empty or comma-only cmp as no comparison, silently', () => {
    expect(decode('?cmp=').ignored).toEqual([]);
    expect(decode('?cmp=,,').state.compare).toEqual([]);
    expect(decode('?cmp=%2C510100').state.compare).toEqual(['510100']);
  });
});

describe('units not loaded yet', () => {
  // All China's adcodes before its file has arrived: the app's catalog awaits any 6-digit id.
  const awaiting: Catalog = { ...catalog, awaitsUnit: (id) => /^\d{6}$/.test(id) };

  it('keeps an awaited id in sel and cmp, and writes it back', () => {
    const decoded = decodeUrl('?sel=110101&cmp=110101,510100', '', awaiting);
    expect(decoded.ignored).toEqual([]);
    expect(decoded.state).toMatchObject({ selected: '110101', compare: ['110101', '510100'] });
    expect(isValidState(decoded.state, awaiting)).toBe(true);
    expect(encodeUrl(decoded.state, awaiting).search).toBe('?v=1&ind=gdp&year=2023&sel=110101&cmp=110101,510100');
  });

  it('still reports an id that could never arrive', () => {
    expect(reasons(decodeUrl('?sel=beijing&cmp=11010', '', awaiting).ignored)).toEqual(['sel:unknown-value', 'cmp:unknown-value']);
  });

  it('reports the id once nothing is awaited any more', () => {
    const { state } = decodeUrl('?sel=110101', '', awaiting);
    const { search } = encodeUrl(state, awaiting);
    expect(reasons(decode(search).ignored)).toEqual(['sel:unknown-value']);
    expect(isValidState(state, catalog)).toBe(false);
  });
});

describe('camera in the hash', () => {
  it('reads zoom/lat/lng and optional bearing and pitch', () => {
    expect(decode('', '#map=9/29.56301/106.55156').state.camera).toEqual({
      zoom: 9,
      lat: 29.56301,
      lng: 106.55156,
      bearing: 0,
      pitch: 0,
    });
    expect(decode('', '#map=9/29.5/106.5/30').state.camera).toMatchObject({ bearing: 30, pitch: 0 });
    expect(decode('', '#map=9/29.5/106.5/0/45').state.camera).toMatchObject({ bearing: 0, pitch: 45 });
  });

  it('writes MapLibre form: zoom 2 decimals, lat/lng 5, bearing only when bearing or pitch is set', () => {
    const camera = { zoom: 7.123456, lat: 30.1234567, lng: 104.9876543, bearing: 0, pitch: 0 };
    expect(encodeUrl({ ...DEFAULT, camera }, catalog).hash).toBe('#map=7.12/30.12346/104.98765');
    expect(encode({ camera: { ...camera, bearing: 15.26 } })).toMatch(/#map=7\.12\/30\.12346\/104\.98765\/15\.3$/);
    expect(encode({ camera: { ...camera, pitch: 30.4 } })).toMatch(/#map=7\.12\/30\.12346\/104\.98765\/0\/30$/);
  });

  it.each([
    ['1e9/30/104', 'out-of-range'],
    ['1000000000/30/104', 'out-of-range'],
    ['25/30/104', 'out-of-range'],
    ['-1/30/104', 'out-of-range'],
    ['5/200/104', 'out-of-range'],
    ['5/-90/104', 'out-of-range'],
    ['5/30/104/0/90', 'out-of-range'],
    ['5/30/1e999', 'out-of-range'],
    ['NaN/30/104', 'malformed'],
    ['Infinity/30/104', 'malformed'],
    ['5/30', 'malformed'],
    ['5/30/104/0/0/0', 'malformed'],
    ['5//104', 'malformed'],
    ['0x10/30/104', 'malformed'],
    ['', 'malformed'],
  ])('ignores map=%s as %s', (value, reason) => {
    const decoded = decode('', `#map=${value}`);
    expect(decoded.state.camera).toBeNull();
    expect(decoded.ignored).toEqual([{ param: 'map', reason, raw: value }]);
  });

  it('wraps longitude and bearing, which name the same view', () => {
    expect(decode('', '#map=6/30/464.5/190/0').state.camera).toEqual({
      zoom: 6,
      lat: 30,
      lng: 104.5,
      bearing: -170,
      pitch: 0,
    });
    expect(decode('', '#map=6/30/180').state.camera?.lng).toBe(-180);
    expect(decode('', '#map=6/30/-255.5').state.camera?.lng).toBe(104.5);
    expect(decode('', '#map=6/30/179.999999').state.camera?.lng).toBe(-180);
  });

  it('keeps other hash parts, in order, after the camera (the maplibre-gl-js #3559 trap)', () => {
    const decoded = decode('?v=1', '#intro&map=7/30/105&tab=2');
    expect(decoded.extra).toEqual([
      ['#intro', ''],
      ['#tab', '2'],
    ]);
    expect(encodeUrl(decoded.state, catalog, decoded.extra).hash).toBe('#map=7/30/105&intro&tab=2');
    expect(encodeUrl(DEFAULT, catalog, decoded.extra).hash).toBe('#intro&tab=2');
  });

  it('treats map= in the search and level= in the hash as unknown parameters', () => {
    const decoded = decode('?map=7/30/105', '#level=cities');
    expect(decoded.state).toEqual(DEFAULT);
    expect(decoded.extra).toEqual([
      ['map', '7/30/105'],
      ['#level', 'cities'],
    ]);
  });
});

describe('version', () => {
  it('reads absent v and v=1 alike', () => {
    expect(decode('?lang=en')).toEqual(decode('?v=1&lang=en'));
  });

  it('reads an unknown version with the newest rules and says so', () => {
    const decoded = decode('?v=2&lang=en');
    expect(decoded.state.lang).toBe('en');
    expect(decoded.ignored).toEqual([{ param: 'v', reason: 'unsupported-version', raw: '2' }]);
  });

  it('reads a malformed version as absent', () => {
    expect(reasons(decode('?v=one&lang=en').ignored)).toEqual(['v:malformed']);
    expect(reasons(decode('?v=%zz').ignored)).toEqual(['v:bad-encoding']);
    expect(reasons(decode('?v=1&v=2').ignored)).toEqual(['v:duplicate']);
  });
});

describe('hostile links', () => {
  it('reports a 10,000-character known parameter as too long, with a capped copy', () => {
    const decoded = decode(`?lang=en&sel=${'x'.repeat(10_000)}&zones=0`);
    expect(decoded.state).toEqual({ ...DEFAULT, lang: 'en', zones: false });
    expect(decoded.ignored).toEqual([{ param: 'sel', reason: 'too-long', raw: `${'x'.repeat(MAX_SHOWN_CHARS)}…` }]);
  });

  it('drops a 10,000-character unknown parameter instead of carrying it into the next link', () => {
    const decoded = decode(`?junk=${'%41'.repeat(3_334)}&keep=1`);
    expect(decoded.extra).toEqual([['keep', '1']]);
    expect(decoded.ignored).toEqual([{ param: 'junk', reason: 'too-long', raw: `${'A'.repeat(MAX_SHOWN_CHARS)}…` }]);
  });

  it('reports script text as text, decoded, and never lets it through', () => {
    const decoded = decode('?ind=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&panel=<script>alert(1)</script>');
    expect(decoded.state).toEqual(DEFAULT);
    expect(decoded.ignored).toEqual([
      { param: 'ind', reason: 'unknown-value', raw: '<img src=x onerror=alert(1)>' },
      { param: 'panel', reason: 'unknown-value', raw: '<script>alert(1)</script>' },
    ]);
  });

  it.each(['%E4%B8', '%zz', '%', '%E4%B8%AD%'])('reports broken percent-encoding %s', (value) => {
    const decoded = decode(`?sel=${value}&lang=en`);
    expect(decoded.state).toEqual({ ...DEFAULT, lang: 'en' });
    expect(decoded.ignored).toEqual([{ param: 'sel', reason: 'bad-encoding', raw: value }]);
  });

  it('reads only the first of repeated parameters, even when the first is unusable', () => {
    const decoded = decode('?level=cities&level=districts&lang=xx&lang=en');
    expect(decoded.state).toMatchObject({ level: 'cities', lang: 'zh' });
    expect(reasons(decoded.ignored)).toEqual(['level:duplicate', 'lang:unknown-value', 'lang:duplicate']);
  });

  it('treats a percent-encoded name as the parameter it spells, also for duplicates', () => {
    expect(decode('?%6Cevel=cities').state.level).toBe('cities');
    expect(reasons(decode('?level=cities&%6Cevel=districts').ignored)).toEqual(['level:duplicate']);
  });

  it('does not resolve Object.prototype members as ids', () => {
    const decoded = decode('?ind=constructor&year=2020&sel=__proto__&cmp=toString,hasOwnProperty');
    expect(decoded.state).toEqual({ ...DEFAULT, year: 2020 });
    expect(reasons(decoded.ignored)).toEqual(['ind:unknown-value', 'sel:unknown-value', 'cmp:unknown-value', 'cmp:unknown-value']);
  });

  it('neutralises control, bidi and lone-surrogate characters in the shown copy', () => {
    const decoded = decode('?sel=%E2%80%AEevil%0A%E2%81%A6x&lang=\uD800');
    expect(decoded.ignored.map((entry) => entry.raw)).toEqual(['\uFFFDevil\uFFFD\uFFFDx', '\uFFFD']);
  });

  it('caps the shown copy by characters without splitting one', () => {
    const decoded = decode(`?sel=${encodeURIComponent('😀'.repeat(50))}`);
    expect(decoded.ignored[0].raw).toBe(`${'😀'.repeat(MAX_SHOWN_CHARS)}…`);
  });

  it('reads at most 64 parts per search and reports the rest once', () => {
    const decoded = decode(`?${Array.from({ length: 200 }, (_, i) => `p${i}=1`).join('&')}&lang=en`);
    expect(decoded.state.lang).toBe('zh');
    expect(decoded.ignored.at(-1)).toEqual({ param: '…', reason: 'too-many', raw: '+137' });
    expect(decoded.ignored.filter((entry) => entry.reason === 'too-many')).toHaveLength(64 - 32 + 1);
    expect(decoded.extra).toHaveLength(32);
  });

  it('stays fast on a 10 MB link with millions of parts', () => {
    const huge = `?${'a=1&'.repeat(2_000_000)}sel=${'%'.repeat(2_000_000)}`;
    const started = performance.now();
    const decoded = decode(huge, huge);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(decoded.state).toEqual(DEFAULT);
  });

  it('reads a plus as a space, as forms do', () => {
    expect(reasons(decode('?lang=en+').ignored)).toEqual(['lang:unknown-value']);
    expect(decode('?x=a+b').extra).toEqual([['x', 'a+b']]);
  });
});

describe('unknown parameters', () => {
  it('survive untouched, in order, after ours', () => {
    const decoded = decode('?utm_source=wechat&v=1&x=%E4%B8%AD&flag&empty=&lang=en&q=a%26b%3Dc');
    expect(decoded.extra).toEqual([
      ['utm_source', 'wechat'],
      ['x', '%E4%B8%AD'],
      ['flag', ''],
      ['empty', ''],
      ['q', 'a%26b%3Dc'],
    ]);
    expect(encodeUrl(decoded.state, catalog, decoded.extra).search).toBe(
      '?v=1&ind=gdp&year=2023&lang=en&utm_source=wechat&x=%E4%B8%AD&flag&empty&q=a%26b%3Dc',
    );
  });

  it('keep even a badly encoded value, as written', () => {
    expect(decode('?x=%E4%B8&%zz=1').extra).toEqual([
      ['x', '%E4%B8'],
      ['%zz', '1'],
    ]);
  });

  it('are escaped where a URL cannot carry them raw', () => {
    expect(decode('?a b=<c>#d&e=中').extra).toEqual([
      ['a%20b', '%3Cc%3E%23d'],
      ['e', '%E4%B8%AD'],
    ]);
    expect(decode('', '##x').extra).toEqual([['#%23x', '']]);
  });
});

describe('encoding', () => {
  it('escapes what would break the URL in our own values, keeping , and / readable', () => {
    const odd: Catalog = { ...catalog, unitIds: ['a&b=c#d', 'x+y', '510100'] };
    const { search } = encodeUrl({ ...defaultState(odd), selected: 'a&b=c#d', compare: ['x+y', '510100'] }, odd);
    expect(search).toBe('?v=1&ind=gdp&year=2023&sel=a%26b%3Dc%23d&cmp=x%2By,510100');
    expect(decodeUrl(search, '', odd).state).toMatchObject({ selected: 'a&b=c#d', compare: ['x+y', '510100'] });
  });

  it('quantizes a raw map camera on the way out', () => {
    const camera = { zoom: 7.999, lat: 30.000004, lng: 464.5, bearing: -0.01, pitch: 0.2 };
    expect(encodeUrl({ ...DEFAULT, camera }, catalog).hash).toBe('#map=8/30/104.5');
  });
});

describe('isValidState', () => {
  const invalid: [string, Partial<ViewState>][] = [
    ['unknown indicator', { indicator: 'bogus' }],
    ['year the indicator lacks', { indicator: 'nev', year: 2022 }],
    ['unknown selection', { selected: '999999' }],
    ['three compared units', { compare: ['510100', '500112', 'tianfu'] }],
    ['a unit compared twice', { compare: ['510100', '510100'] }],
    ['unknown level', { level: 'provinces' as ViewState['level'] }],
    ['unknown panel', { panel: 'chart' as ViewState['panel'] }],
    ['unrounded camera', { camera: { zoom: 5.001, lat: 30, lng: 104, bearing: 0, pitch: 0 } }],
    ['camera out of range', { camera: { zoom: 5, lat: 90, lng: 104, bearing: 0, pitch: 0 } }],
    ['NaN camera', { camera: { zoom: 5, lat: 30, lng: Number.NaN, bearing: 0, pitch: 0 } }],
    ['-0 in the camera', { camera: { zoom: 5, lat: -0, lng: 104, bearing: 0, pitch: 0 } }],
  ];

  it.each(invalid)('rejects %s', (_, patch) => {
    expect(isValidState({ ...DEFAULT, ...patch }, catalog)).toBe(false);
  });
});

describe('the indicator a level opens with', () => {
  const withArea: Catalog = { ...catalog, indicators: { ...catalog.indicators, land_area: { years: [2024] } } };

  it('opens all China on the area of its counties when the link names no indicator', () => {
    const { state, ignored } = decodeUrl('?v=1&level=china', '', withArea);
    expect(state).toMatchObject({ level: 'china', indicator: 'land_area', year: 2024 });
    expect(ignored).toEqual([]);
    // Written out in full, as every link is, so it reopens the same view whatever the defaults become.
    expect(encodeUrl(state, withArea).search).toBe('?v=1&level=china&ind=land_area&year=2024');
  });

  it('keeps an indicator the link names, and the catalog default at other levels', () => {
    expect(decodeUrl('?v=1&level=china&ind=gdp&year=2022', '', withArea).state).toMatchObject({ indicator: 'gdp', year: 2022 });
    expect(decodeUrl('?v=1&level=districts', '', withArea).state.indicator).toBe('gdp');
  });

  it('falls back to the catalog default where the data has no areas', () => {
    expect(decodeUrl('?v=1&level=china', '', catalog).state.indicator).toBe('gdp');
  });
});
