import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixture from '../../tests/fixtures/urls-v1.json';
import { defaultState, encodeUrl, type Catalog } from '../state/url-codec';
import type { ViewState } from '../state/view-state';
import { stateArb } from '../state/view-state.arbitrary';
import { firstViewPicture } from './first-view';
import { opensFirstView } from './link-rule';

const catalog: Catalog = fixture.catalog;
const home = defaultState(catalog);
const picture = firstViewPicture(home);
const opens = (url: string) => {
  const { search, hash } = new URL(url, 'https://atlas.example/');
  return opensFirstView(search, hash, picture);
};

describe('opensFirstView', () => {
  it('opens for the bare link and the default state written out', () => {
    expect(opens('/')).toBe(true);
    const { search, hash } = encodeUrl(home, catalog);
    expect(opens(search + hash)).toBe(true);
    expect(opens(`/?v=1&level=units&ind=${home.indicator}&year=${home.year}&class=quantile&zones=1&basemap=offline`)).toBe(true);
  });

  it('opens whatever panels, language, selection or unknown parameters say', () => {
    expect(opens('/?lang=en&sel=510100&cmp=510100,500103&panel=table&embed=1')).toBe(true);
    expect(opens('/?utm_source=wechat&from=timeline#share')).toBe(true);
    expect(opens('/?__proto__=1&constructor=x&hasOwnProperty=1')).toBe(true);
  });

  it('does not open for another picture, another format or a doubtful spelling', () => {
    const other = catalog.indicators.population ? 'population' : Object.keys(catalog.indicators).find((id) => id !== home.indicator)!;
    expect(opens(`/?ind=${other}`)).toBe(false);
    expect(opens(`/?year=${home.year - 1}`)).toBe(false);
    expect(opens('/?level=cities')).toBe(false);
    expect(opens('/?class=ckmeans')).toBe(false);
    expect(opens('/?zones=0')).toBe(false);
    expect(opens('/?basemap=osm')).toBe(false);
    expect(opens('/#map=8/30.66/104.07')).toBe(false);
    expect(opens('/?v=2')).toBe(false);
    expect(opens(`/?ind=${home.indicator}&ind=${other}`)).toBe(false);
    // The codec would fall back to the default here, but this check does not know that: the 2D frame draws it.
    expect(opens('/?ind=no-such-indicator')).toBe(false);
  });

  it('opens exactly for links to states whose map looks as the default one (any state the codec writes)', () => {
    const samePicture = (s: ViewState) =>
      s.camera === null &&
      s.level === home.level &&
      s.indicator === home.indicator &&
      s.year === home.year &&
      s.classification === home.classification &&
      s.zones === home.zones &&
      s.basemap === home.basemap;
    fc.assert(
      fc.property(stateArb(catalog), (state) => {
        const { search, hash } = encodeUrl(state, catalog);
        expect(opensFirstView(search, hash, picture)).toBe(samePicture(state));
      }),
      { numRuns: 500 },
    );
  });
});
