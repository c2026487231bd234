import { describe, expect, it } from 'vitest';
import fixture from '../../tests/fixtures/urls-v1.json';
import {
  cameraInRange,
  defaultYear,
  indicatorYears,
  isValidCamera,
  nearestYear,
  quantizeCamera,
  sameCamera,
  type Camera,
  type Catalog,
} from './view-state';

const catalog: Catalog = fixture.catalog;
const camera: Camera = { zoom: 7, lat: 30, lng: 104, bearing: 0, pitch: 0 };

describe('years', () => {
  it('defaults to the catalog default year, else the latest', () => {
    expect(defaultYear(catalog, 'population')).toBe(2022);
    expect(defaultYear(catalog, 'gdp')).toBe(2023);
    expect(defaultYear({ ...catalog, indicators: { x: { years: [2022, 2018, 2020] } } }, 'x')).toBe(2022);
  });

  it('ignores a default year the indicator does not have', () => {
    expect(defaultYear({ ...catalog, indicators: { x: { years: [2019, 2020], defaultYear: 2030 } } }, 'x')).toBe(2020);
  });

  it('finds the nearest year, the later one on a tie, in any order', () => {
    expect(nearestYear([2021, 2023], 2022)).toBe(2023);
    expect(nearestYear([2023, 2021], 2022)).toBe(2023);
    expect(nearestYear([2015, 2020, 2021], 2017)).toBe(2015);
    expect(nearestYear([2015, 2020, 2021], 1900)).toBe(2015);
    expect(nearestYear([], 2020)).toBeUndefined();
  });

  it('looks up indicators by own key only', () => {
    expect(indicatorYears(catalog, 'gdp')?.years).toContain(2019);
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(indicatorYears(catalog, id), id).toBeUndefined();
    }
  });
});

describe('camera', () => {
  it('rounds to the URL grid and never yields -0', () => {
    expect(quantizeCamera({ zoom: 7.126, lat: 30.123456, lng: 104.000004, bearing: 12.34, pitch: 44.6 })).toEqual({
      zoom: 7.13,
      lat: 30.12346,
      lng: 104,
      bearing: 12.3,
      pitch: 45,
    });
    const rounded = quantizeCamera({ zoom: -0.001, lat: -0.000001, lng: -0.000001, bearing: -0.01, pitch: -0.2 });
    for (const value of Object.values(rounded)) expect(Object.is(value, 0)).toBe(true);
  });

  it('wraps longitude and bearing into [-180, 180)', () => {
    expect(quantizeCamera({ ...camera, lng: 180, bearing: 180 })).toMatchObject({ lng: -180, bearing: -180 });
    expect(quantizeCamera({ ...camera, lng: 179.999996, bearing: 179.96 })).toMatchObject({ lng: -180, bearing: -180 });
    expect(quantizeCamera({ ...camera, lng: -540.5, bearing: 725 })).toMatchObject({ lng: 179.5, bearing: 5 });
    expect(quantizeCamera({ ...camera, lng: 200.12345 }).lng).toBe(-159.87655);
  });

  it('checks the ranges MapLibre can show', () => {
    expect(cameraInRange(camera)).toBe(true);
    expect(cameraInRange({ ...camera, zoom: 24 })).toBe(true);
    expect(cameraInRange({ ...camera, zoom: 24.01 })).toBe(false);
    expect(cameraInRange({ ...camera, lat: -85.05 })).toBe(true);
    expect(cameraInRange({ ...camera, lat: -85.06 })).toBe(false);
    expect(cameraInRange({ ...camera, pitch: 86 })).toBe(false);
    expect(cameraInRange({ ...camera, bearing: Number.POSITIVE_INFINITY })).toBe(false);
    expect(cameraInRange({ ...camera, lng: Number.NaN })).toBe(false);
  });

  it('calls a camera valid only when it is already on the URL grid', () => {
    expect(isValidCamera(camera)).toBe(true);
    expect(isValidCamera({ ...camera, lat: 30.000001 })).toBe(false);
    expect(isValidCamera({ ...camera, lng: 180 })).toBe(false);
    expect(isValidCamera({ ...camera, pitch: 10.5 })).toBe(false);
  });

  it('compares cameras field by field', () => {
    expect(sameCamera(camera, { ...camera })).toBe(true);
    expect(sameCamera(camera, { ...camera, pitch: 1 })).toBe(false);
    expect(sameCamera(null, null)).toBe(true);
    expect(sameCamera(camera, null)).toBe(false);
  });
});
