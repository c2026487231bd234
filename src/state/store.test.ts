import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fixture from '../../tests/fixtures/urls-v1.json';
import type { Catalog } from './url-codec';
import type { Camera, ViewState } from './view-state';
import { Store } from './store';

const catalog: Catalog = fixture.catalog;
const ORIGIN = 'https://atlas.example';
const CHENGDU: Camera = { zoom: 8, lat: 30.66, lng: 104.07, bearing: 0, pitch: 0 };
const moved = (lng: number): Camera => ({ ...CHENGDU, lng });

interface Write {
  kind: 'push' | 'replace';
  /** The entry's search + hash as written. */
  url: string;
}

/**
 * A page at `/atlas/` + `link` as the Store sees it: `location` follows the history entries, `history.back()` fires
 * popstate as a browser does. Every write is logged in order.
 */
function openPage(link: string) {
  const entries: string[] = [];
  let index = 0;
  const writes: Write[] = [];
  const popstate: (() => void)[] = [];
  const location = { origin: ORIGIN, pathname: '', search: '', hash: '', href: '' };
  const show = (href: string) => {
    const url = new URL(href);
    Object.assign(location, { pathname: url.pathname, search: url.search, hash: url.hash, href: url.href });
  };
  const resolve = (url: string) => {
    const target = new URL(url, location.href);
    if (target.origin !== ORIGIN) throw new DOMException(`cannot write ${target.href}`, 'SecurityError');
    return target.href;
  };
  const history = {
    pushState(_state: unknown, _unused: string, url: string) {
      const href = resolve(url);
      entries.splice(index + 1, Infinity, href);
      index++;
      show(href);
      writes.push({ kind: 'push', url: location.search + location.hash });
    },
    replaceState(_state: unknown, _unused: string, url: string) {
      const href = resolve(url);
      entries[index] = href;
      show(href);
      writes.push({ kind: 'replace', url: location.search + location.hash });
    },
    get length() {
      return entries.length;
    },
  };
  const go = (delta: number) => {
    index += delta;
    show(entries[index]!);
    for (const listener of popstate) listener();
  };
  entries.push(new URL(`/atlas/${link}`, ORIGIN).href);
  show(entries[0]!);
  vi.stubGlobal('location', location);
  vi.stubGlobal('history', history);
  vi.stubGlobal('addEventListener', (type: string, listener: () => void) => {
    if (type === 'popstate') popstate.push(listener);
  });
  return {
    writes,
    /** search + hash of every entry, the current one marked with `>`. */
    entries: () => entries.map((href, i) => (i === index ? '>' : '') + new URL(href).search + new URL(href).hash),
    back: () => go(-1),
    forward: () => go(1),
    address: () => location.search + location.hash,
  };
}

/** A Store on a page at `link`, with every notification it sends logged as [next, prev]. */
function storeAt(link: string) {
  const page = openPage(link);
  const store = new Store(catalog);
  const notified: [ViewState, ViewState][] = [];
  store.subscribe((next, prev) => notified.push([next, prev]));
  return { page, store, notified };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('reading the link', () => {
  it('opens the view the link names and leaves a clean link as it is', () => {
    const { page, store } = storeAt('?v=1&level=cities&ind=population&year=2021&sel=510100#map=8/30.66/104.07');
    expect(store.get()).toMatchObject({ level: 'cities', indicator: 'population', year: 2021, selected: '510100', camera: CHENGDU });
    expect(store.ignored.get()).toEqual([]);
    expect(page.writes).toEqual([]);
  });

  it('rewrites a mangled link into its sane form once, replacing the entry, and keeps what it ignored', () => {
    const { page, store } = storeAt('?v=1&level=cities&ind=bogus&year=3000&foo=bar#map=1e9/0/0');
    expect(store.ignored.get().map(({ param, reason }) => `${param}:${reason}`)).toEqual([
      'ind:unknown-value',
      'year:unavailable',
      'map:out-of-range',
    ]);
    // One write, in place of the mangled entry: Back leaves the atlas instead of reopening the mangled link.
    expect(page.writes).toEqual([{ kind: 'replace', url: '?v=1&level=cities&ind=gdp&year=2023&foo=bar' }]);
    expect(page.entries()).toEqual(['>?v=1&level=cities&ind=gdp&year=2023&foo=bar']);
    expect(store.get()).toMatchObject({ level: 'cities', indicator: 'gdp', year: 2023, camera: null });
    // Nothing further is written by reading the state.
    vi.runAllTimers();
    expect(page.writes).toHaveLength(1);
  });
});

describe('update', () => {
  it('while the charts are open, each unit selected joins the lines, in one entry with the selection', () => {
    const { page, store } = storeAt('?v=1&sel=510100');
    store.update({ panel: 'charts', chart: 'lines' });
    store.update({ selected: '500112' });
    store.update({ selected: '510700' });
    store.update({ selected: '500112' });
    expect(store.get().lines).toEqual(['510100', '500112', '510700']);
    expect(page.writes.map((w) => w.kind)).toEqual(['push', 'push', 'push', 'push']);
    expect(page.address()).toBe('?v=1&ind=gdp&year=2023&sel=500112&panel=charts&chart=lines&lines=510100,500112,510700');
  });

  it('with the charts closed, selecting leaves the lines alone', () => {
    const { store } = storeAt('?v=1&lines=510100');
    store.update({ selected: '500112' });
    expect(store.get().lines).toEqual(['510100']);
  });

  it('pushes a deliberate step as a new entry and tells every listener the state before and after', () => {
    const { page, store, notified } = storeAt('?v=1&ind=gdp&year=2023');
    const before = store.get();
    store.update({ level: 'cities' });
    expect(page.writes).toEqual([{ kind: 'push', url: '?v=1&level=cities&ind=gdp&year=2023' }]);
    expect(page.entries()).toEqual(['?v=1&ind=gdp&year=2023', '>?v=1&level=cities&ind=gdp&year=2023']);
    expect(notified).toEqual([[{ ...before, level: 'cities' }, before]]);
    expect(store.get().level).toBe('cities');
  });

  it('does nothing, and tells no one, for a change that changes nothing', () => {
    const { page, store, notified } = storeAt('?v=1&level=cities&ind=gdp&year=2023');
    store.update({ level: 'cities', year: 2023 });
    vi.runAllTimers();
    expect(page.writes).toEqual([]);
    expect(notified).toEqual([]);
  });

  it('replaces the entry for camera moves, once, 400 ms after the last of them', () => {
    const { page, store, notified } = storeAt('?v=1&ind=gdp&year=2023');
    store.update({ camera: moved(104.1) });
    vi.advanceTimersByTime(300);
    store.update({ camera: moved(104.2) });
    vi.advanceTimersByTime(399);
    // The state follows at once; the address waits.
    expect(store.get().camera).toEqual(moved(104.2));
    expect(notified).toHaveLength(2);
    expect(page.writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(page.writes).toEqual([{ kind: 'replace', url: '?v=1&ind=gdp&year=2023#map=8/30.66/104.2' }]);
    expect(page.entries()).toHaveLength(1);
  });

  it('writes a pending camera move into the entry it leaves before pushing the next step', () => {
    const { page, store } = storeAt('?v=1&ind=gdp&year=2023#map=8/30.66/104.07');
    store.update({ camera: moved(104.5) });
    store.update({ selected: '510100' });
    expect(page.writes).toEqual([
      { kind: 'replace', url: '?v=1&ind=gdp&year=2023#map=8/30.66/104.5' },
      { kind: 'push', url: '?v=1&ind=gdp&year=2023&sel=510100#map=8/30.66/104.5' },
    ]);
    // The throttled write was spent: nothing more arrives later.
    vi.runAllTimers();
    expect(page.writes).toHaveLength(2);
    // Back returns to the moved camera without the selection.
    page.back();
    expect(store.get()).toMatchObject({ selected: null, camera: moved(104.5) });
  });

  it('leaves history alone for transient steps; settle records where they ended as one entry', () => {
    const { page, store, notified } = storeAt('?v=1&ind=gdp&year=2023');
    for (const year of [2019, 2020, 2021]) store.update({ year }, { transient: true });
    vi.runAllTimers();
    expect(notified.map(([next]) => next.year)).toEqual([2019, 2020, 2021]);
    expect(page.writes).toEqual([]);
    store.settle();
    expect(page.writes).toEqual([{ kind: 'push', url: '?v=1&ind=gdp&year=2021' }]);
    expect(page.entries()).toEqual(['?v=1&ind=gdp&year=2023', '>?v=1&ind=gdp&year=2021']);
    // Back undoes the whole drag.
    page.back();
    expect(store.get().year).toBe(2023);
  });

  it('settles to nothing when transient steps end where they started', () => {
    const { page, store } = storeAt('?v=1&ind=gdp&year=2023');
    store.update({ year: 2020 }, { transient: true });
    store.update({ year: 2023 }, { transient: true });
    store.settle();
    expect(page.writes).toEqual([]);
  });
});

describe('popstate', () => {
  it('reads the entry Back and Forward land on, tells the listeners, and writes nothing', () => {
    const { page, store, notified } = storeAt('?v=1&ind=gdp&year=2023&foo=bar');
    store.update({ selected: '510100' });
    store.update({ lang: 'en' });
    const writes = page.writes.length;
    page.back();
    expect(store.get()).toMatchObject({ selected: '510100', lang: 'zh' });
    expect(notified.at(-1)![1]).toMatchObject({ lang: 'en' });
    page.back();
    expect(store.get()).toMatchObject({ selected: null, lang: 'zh' });
    page.forward();
    expect(store.get()).toMatchObject({ selected: '510100', lang: 'zh' });
    expect(page.writes).toHaveLength(writes);
    // The unknown parameter of the entry landed on is kept in the next step written.
    store.update({ level: 'cities' });
    expect(page.address()).toBe('?v=1&level=cities&ind=gdp&year=2023&sel=510100&foo=bar');
  });
});

describe('urlFor and url', () => {
  it('give absolute links on the page origin and folder, with the patch applied, leaving the view as it is', () => {
    const { page, store, notified } = storeAt('?v=1&ind=gdp&year=2023&foo=bar#map=8/30.66/104.07&note=hi');
    expect(store.url()).toBe(`${ORIGIN}/atlas/?v=1&ind=gdp&year=2023&foo=bar#map=8/30.66/104.07&note=hi`);
    expect(store.urlFor({ embed: true, panel: 'table', selected: '510700' })).toBe(
      `${ORIGIN}/atlas/?v=1&ind=gdp&year=2023&sel=510700&panel=table&embed=1&foo=bar#map=8/30.66/104.07&note=hi`,
    );
    expect(store.get()).toMatchObject({ embed: false, panel: null, selected: null });
    expect(notified).toEqual([]);
    expect(page.writes).toEqual([]);
  });

  it('follow the state at once, before a camera move reaches the address', () => {
    const { page, store } = storeAt('?v=1&ind=gdp&year=2023');
    store.update({ camera: moved(104.3) });
    expect(store.url()).toBe(`${ORIGIN}/atlas/?v=1&ind=gdp&year=2023#map=8/30.66/104.3`);
    expect(page.address()).toBe('?v=1&ind=gdp&year=2023');
  });
});
