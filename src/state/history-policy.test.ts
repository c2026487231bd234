import { describe, expect, it } from 'vitest';
import fixture from '../../tests/fixtures/urls-v1.json';
import { historyActionFor } from './history-policy';
import { defaultState, type Catalog } from './url-codec';
import type { ViewState } from './view-state';

const catalog: Catalog = fixture.catalog;
const base: ViewState = {
  ...defaultState(catalog),
  camera: { zoom: 7, lat: 30, lng: 104, bearing: 0, pitch: 0 },
  compare: ['510100'],
};

describe('historyActionFor', () => {
  it('does nothing when nothing changed, even for fresh but equal objects', () => {
    expect(historyActionFor(base, base)).toBe('none');
    expect(historyActionFor(base, structuredClone(base))).toBe('none');
  });

  it('replaces for camera-only moves, including to and from the default framing', () => {
    expect(historyActionFor(base, { ...base, camera: { ...base.camera!, zoom: 8 } })).toBe('replace');
    expect(historyActionFor(base, { ...base, camera: { ...base.camera!, pitch: 30 } })).toBe('replace');
    expect(historyActionFor(base, { ...base, camera: null })).toBe('replace');
    expect(historyActionFor({ ...base, camera: null }, base)).toBe('replace');
  });

  const steps: [string, Partial<ViewState>][] = [
    ['selection', { selected: '510100' }],
    ['deselection', { selected: null }],
    ['compare added', { compare: ['510100', '500112'] }],
    ['compare swapped', { compare: ['500112'] }],
    ['indicator', { indicator: 'nev', year: 2023 }],
    ['level', { level: 'cities' }],
    ['year', { year: 2020 }],
    ['classification', { classification: 'ckmeans' }],
    ['panel', { panel: 'table' }],
    ['lang', { lang: 'en' }],
    ['zones', { zones: false }],
    ['basemap', { basemap: 'osm' }],
    ['embed', { embed: true }],
  ];

  it.each(steps)('pushes a deliberate step: %s', (_, patch) => {
    const prev = { ...base, selected: patch.selected === null ? '500112' : null };
    expect(historyActionFor(prev, { ...prev, ...patch })).toBe('push');
  });

  it('pushes a reordered comparison: the order shows in the panel', () => {
    const prev = { ...base, compare: ['510100', '500112'] };
    expect(historyActionFor(prev, { ...prev, compare: ['500112', '510100'] })).toBe('push');
  });

  it('pushes when a step comes with a camera move', () => {
    expect(historyActionFor(base, { ...base, camera: null, selected: 'tianfu' })).toBe('push');
  });
});
