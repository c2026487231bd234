import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixture from '../../tests/fixtures/urls-v1.json';
import { stateArb as arbitraryState } from './view-state.arbitrary';
import { MAX_SHOWN_CHARS, decodeUrl, encodeUrl, isValidState, type Catalog, type ExtraParam } from './url-codec';

const catalog: Catalog = fixture.catalog;
const OUR_NAMES = ['v', 'level', 'ind', 'year', 'class', 'sel', 'cmp', 'zones', 'lang', 'panel', 'embed', 'basemap', 'map'];

const stateArb = arbitraryState(catalog);

/** Text built from URL syntax, our names and values, percent-garbage and arbitrary unicode. */
const urlishArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom('&', '=', '?', '#', '%', '+', ',', '/', '.', '-', 'e', '%E4', '%B8', '%AD', '%zz', '%00', '%E2%80%AE'),
      fc.constantFrom(...OUR_NAMES.map((name) => `${name}=`)),
      fc.constantFrom('1', '0', 'en', 'cities', 'gdp', 'nev', '2021', '2022', '510100', 'tianfu', 'NaN', 'Infinity', '1e9', '200'),
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 2 }),
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.join(''));

const anyTextArb = fc.oneof(
  urlishArb,
  fc.string({ unit: 'binary' }),
  fc.tuple(fc.constantFrom('a', '%', '%E4', '&', 'sel=x', 'q=%'), fc.integer({ min: 1, max: 20_000 })).map(([piece, n]) =>
    piece.repeat(n),
  ),
);

/** Unknown parameters as browsers hand them over: URL-safe, percent-escapes intact. */
const rawTextArb = fc
  .array(fc.oneof(fc.constantFrom(...'abcXYZ019-._~!$()*,;:@/?+\''.split('')), fc.constantFrom('%20', '%E4%B8%AD', '%26', '%3D')), {
    maxLength: 12,
  })
  .map((pieces) => pieces.join(''));
const extraNameArb = fc
  .tuple(fc.constantFrom('utm_', 'x', 'fbclid', 'ref', 'q'), rawTextArb)
  .map(([head, tail]) => head + tail)
  .filter((name) => !OUR_NAMES.includes(decodeURIComponent(name.replace(/\+/g, ' '))));
const extraArb: fc.Arbitrary<ExtraParam[]> = fc.array(
  fc.tuple(fc.boolean(), extraNameArb, rawTextArb).map(([inHash, name, value]): ExtraParam => [(inHash ? '#' : '') + name, value]),
  { maxLength: 8 },
);

const UNSHOWABLE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('round trips', () => {
  it('the generator only makes valid states', () => {
    fc.assert(fc.property(stateArb, (state) => isValidState(state, catalog)));
  });

  it('decode(encode(state)) is the state, with nothing ignored', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const { search, hash } = encodeUrl(state, catalog);
        expect(decodeUrl(search, hash, catalog)).toEqual({ state, ignored: [], extra: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('unknown parameters survive beside any state, in order within search and within hash', () => {
    const inHash = ([name]: ExtraParam): boolean => name.startsWith('#');
    fc.assert(
      fc.property(stateArb, extraArb, (state, extra) => {
        const { search, hash } = encodeUrl(state, catalog, extra);
        const searchFirst = [...extra.filter((param) => !inHash(param)), ...extra.filter(inHash)];
        expect(decodeUrl(search, hash, catalog)).toEqual({ state, ignored: [], extra: searchFirst });
      }),
    );
  });

  it('encoding is deterministic and writes only URL-safe text, v first', () => {
    fc.assert(
      fc.property(stateArb, extraArb, (state, extra) => {
        const first = encodeUrl(state, catalog, extra);
        expect(encodeUrl(structuredClone(state), catalog, structuredClone(extra))).toEqual(first);
        expect(first.search).toMatch(/^\?v=1(&|$)/);
        // printable ASCII without space " # < > [ \ ] ^ ` { | }
        expect(first.search).toMatch(/^[!$%&-;=?-Z_a-z~]*$/);
        expect(first.hash).toMatch(/^(#[!$%&-;=?-Z_a-z~]*)?$/);
      }),
    );
  });
});

describe('any input', () => {
  it('never throws and always gives a valid state and bounded, displayable reports', () => {
    fc.assert(
      fc.property(anyTextArb, anyTextArb, (search, hash) => {
        const { state, ignored, extra } = decodeUrl(search, hash, catalog);
        expect(isValidState(state, catalog)).toBe(true);
        expect(ignored.length).toBeLessThanOrEqual(2 * 64 + 4);
        for (const { param, raw } of ignored) {
          for (const shown of [param, raw]) {
            expect(Array.from(shown).length).toBeLessThanOrEqual(MAX_SHOWN_CHARS + 1);
            expect(shown).not.toMatch(UNSHOWABLE);
          }
        }
        expect(extra.length).toBeLessThanOrEqual(64);
      }),
      { numRuns: 2000 },
    );
  });

  it('cleans up in one step: the re-encoded link decodes to the same view with nothing left to ignore', () => {
    fc.assert(
      fc.property(anyTextArb, anyTextArb, (search, hash) => {
        const first = decodeUrl(search, hash, catalog);
        const again = encodeUrl(first.state, catalog, first.extra);
        expect(decodeUrl(again.search, again.hash, catalog)).toEqual({ state: first.state, ignored: [], extra: first.extra });
      }),
      { numRuns: 2000 },
    );
  });
});
