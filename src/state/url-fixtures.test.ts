import { describe, expect, it } from 'vitest';
import fixture from '../../tests/fixtures/urls-v1.json';
import { decodeUrl, isValidState, type Catalog } from './url-codec';
import type { ViewState } from './view-state';

// Links written with format v1 must open the same view in every later version. If this fails after a
// change of defaults or parsing, the change needs a new `v`, not an edit of the fixture.
const catalog: Catalog = fixture.catalog;

/**
 * Fields added to v1 after these links were written, at the values that show what those links showed (no chart
 * open, no lines): the fixtures' states stay as written, and must still come out exactly, with these beside them.
 */
const ADDED_SINCE: Partial<ViewState> = { chart: 'ranking', lines: [], chartIndex: false };

describe('frozen v1 links', () => {
  it('has the cases it was written with', () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(fixture.cases)('$name', ({ search, hash, state, ignored, extra }) => {
    const decoded = decodeUrl(search, hash, catalog);
    expect(decoded).toEqual({ state: { ...ADDED_SINCE, ...state }, ignored, extra });
    expect(isValidState(decoded.state, catalog)).toBe(true);
  });
});
