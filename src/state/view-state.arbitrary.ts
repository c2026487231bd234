/** fast-check arbitraries of view states for a catalog, for property tests of the URL codec and what reads links. */
import fc from 'fast-check';
import type { Catalog } from './url-codec';
import { BASEMAPS, CHARTS, CLASSIFICATIONS, LANGS, LEVELS, MAX_LINES, PANELS, type Camera, type ViewState } from './view-state';

/** Cameras as a link stores them: on the URL's decimal grid, in range. */
export const cameraArb: fc.Arbitrary<Camera> = fc.record({
  zoom: fc.integer({ min: 0, max: 2400 }).map((n) => n / 100),
  lat: fc.integer({ min: -8_505_112, max: 8_505_112 }).map((n) => n / 1e5),
  lng: fc.integer({ min: -18_000_000, max: 17_999_999 }).map((n) => n / 1e5),
  bearing: fc.integer({ min: -1800, max: 1799 }).map((n) => n / 10),
  pitch: fc.integer({ min: 0, max: 85 }),
});

/** Any state the codec can write for `catalog`. */
export function stateArb(catalog: Catalog): fc.Arbitrary<ViewState> {
  const unitArb = fc.constantFrom(...catalog.unitIds);
  return fc.constantFrom(...Object.keys(catalog.indicators)).chain((indicator) =>
    fc.record({
      camera: fc.option(cameraArb, { nil: null }),
      level: fc.constantFrom(...LEVELS),
      indicator: fc.constant(indicator),
      year: fc.constantFrom(...catalog.indicators[indicator].years),
      classification: fc.constantFrom(...CLASSIFICATIONS),
      selected: fc.option(unitArb, { nil: null }),
      compare: fc.uniqueArray(unitArb, { maxLength: 2 }),
      zones: fc.boolean(),
      lang: fc.constantFrom(...LANGS),
      panel: fc.option(fc.constantFrom(...PANELS), { nil: null }),
      chart: fc.constantFrom(...CHARTS),
      lines: fc.uniqueArray(unitArb, { maxLength: MAX_LINES }),
      chartIndex: fc.boolean(),
      embed: fc.boolean(),
      basemap: fc.constantFrom(...BASEMAPS),
    }),
  );
}
