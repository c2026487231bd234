import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fixture from '../../tests/fixtures/urls-v1.json';
import type { Catalog } from './url-codec';
import { stateArb as arbitraryState } from './view-state.arbitrary';
import { Store } from './store';

const catalog: Catalog = fixture.catalog;
const stateArb = arbitraryState(catalog);

const originArb = fc.constantFrom('http://localhost:4173', 'https://atlas.example', 'https://atlas.example:8443', 'http://127.0.0.1:8080', 'http://[::1]:5173');

/** Paths built from what turns a path into another host (`//host`, `/\host`), encodings of it, dot segments and any text. */
const pathArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom('/', '//', '///', '\\', '/\\', '\\\\', '.', '..', '/..', '%2F', '%2f%2F', '%5C', '%2e%2e', '%2E', '%00', '%zz'),
      fc.constantFrom('evil.example', 'user:pw@evil.example', 'index.html', 'index.html/', '@', ':', '?', '#', '\t', '\n', ' ', '中', '%E4%B8%AD'),
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 2 }),
    ),
    { maxLength: 12 },
  )
  .map((pieces) => pieces.join(''));

/**
 * Globals as the Store sees them in a page whose address has `pathname` (taken as is: a browser hands over only its
 * parsed form, so this is more than a page can give). History throws as a browser's does for another origin.
 */
function pageAt(origin: string, pathname: string): { entries: string[] } {
  const page = new URL(origin);
  page.pathname = pathname;
  const entries: string[] = [];
  const write = (_state: unknown, _unused: string, url: string) => {
    const target = new URL(url, page.href);
    if (target.origin !== origin) throw new DOMException(`cannot write ${target.href} from ${origin}`, 'SecurityError');
    entries.push(target.href);
  };
  vi.stubGlobal('location', { origin, pathname, search: '', hash: '', href: page.href });
  vi.stubGlobal('history', { pushState: write, replaceState: write });
  vi.stubGlobal('addEventListener', () => undefined);
  return { entries };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('every link the store writes stays on the page origin', () => {
  it('Share, the embed snippet and embed mode: new URL(link).origin is the page origin, for any path and state', () => {
    fc.assert(
      fc.property(originArb, pathArb, stateArb, (origin, pathname, state) => {
        pageAt(origin, pathname);
        const store = new Store(catalog);
        for (const link of [store.urlFor(state), store.urlFor({ ...state, embed: true, panel: null }), store.urlFor({ ...state, embed: false })]) {
          expect(new URL(link).origin).toBe(origin);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('history entries: pushState and replaceState never throw and stay on the page origin, for any path and state', () => {
    vi.useFakeTimers();
    fc.assert(
      fc.property(originArb, pathArb, stateArb, (origin, pathname, state) => {
        const { entries } = pageAt(origin, pathname);
        const store = new Store(catalog);
        store.update(state);
        vi.runAllTimers(); // camera moves reach history after a delay
        store.settle();
        for (const entry of entries) expect(new URL(entry).origin).toBe(origin);
      }),
      { numRuns: 500 },
    );
  });
});
