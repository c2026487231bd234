import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { propertyValue, UNIT_FILL } from '../look/layers';
import type { Topology } from 'topojson-specification';
import { unitIndex } from '../data/boundaries';
import type { IndicatorDataset } from '../model/dataset';
import { createIndicatorModel } from '../model/derived';
import { unitsOfLevel } from '../model/level-units';
import { catalogOf } from '../state/catalog';
import { colouringCache } from '../state/colouring-cache';
import { defaultState } from '../state/url-codec';
import { firstViewMarkup, firstViewPicture } from './first-view';
import { opensFirstView } from './link-rule';
import type { FirstViewNames } from './first-view-names';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../public/data/${name}`, import.meta.url), 'utf8')) as unknown;
const topology = read('boundaries.topo.json') as Topology;
const dataset = read('indicators.json') as IndicatorDataset;
const markup = firstViewMarkup(topology, dataset);

const attribute = (name: string) => {
  const text = markup.match(new RegExp(`${name}="([^"]*)"`))?.[1];
  return text?.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
};

describe('firstViewMarkup (the shipped data)', () => {
  const units = unitIndex(topology);
  const model = createIndicatorModel(dataset, [...units.values()]);
  const state = defaultState(catalogOf(units, model, dataset));
  const colouring = colouringCache(model, units)(state);

  it('is a hidden canvas and an SVG data block nothing in it can close early', () => {
    expect(markup).toMatch(/^<canvas id="first-view" hidden aria-hidden="true" data-picture="[^"]*" data-bounds="[^"]*" data-padding="24" data-zoom="[^"]*" data-names="[^"]*"><\/canvas><script type="image\/svg\+xml" id="first-view-svg"><svg [^]*<\/svg><\/script>$/);
    expect(markup.match(/<\/script/g)).toHaveLength(1);
  });

  it("fills every unit of the default level as the 2D map does: its class colour (or no-data grey), or its membership under a total's circles", () => {
    const fills = [...markup.matchAll(/<use href="#fv\d+" fill="(#[0-9a-f]+)"\/>/g)].map((m) => m[1]);
    const drawn = unitsOfLevel(units, state.level).filter((u) => u.level !== 'zone');
    expect(drawn.length).toBeGreaterThan(40);
    for (const unit of drawn) {
      const colour = colouring.filled ? (colouring.fills.get(unit.id) ?? '#bdbdbd') : propertyValue(UNIT_FILL.otherwise, unit);
      expect(fills, unit.id).toContain(colour);
    }
    // One proportional circle (or its 1-px dot) per unit, as MapLibre's circle layer.
    expect(markup.match(/stroke-linecap="round"/g)!.length).toBeGreaterThanOrEqual(drawn.length);
  });

  it('carries the names of the units the default level shows and of the zones, where the 2D map places them', () => {
    const names = JSON.parse(attribute('data-names')!) as FirstViewNames;
    expect(names.level).toBe(state.level);
    const ids = (source: keyof FirstViewNames['points']) => names.points[source].map(([id]) => id).sort();
    const shown = unitsOfLevel(units, state.level).filter((u) => u.level !== 'zone' && u.label);
    expect([...ids('provinces'), ...ids('prefectures'), ...ids('counties')].sort()).toEqual(shown.map((u) => u.id).sort());
    expect(ids('zones')).toEqual(expect.arrayContaining(['liangjiang', 'tianfu']));
    const chengdu = names.points.prefectures.find(([id]) => id === '510100')!;
    expect(chengdu.slice(3)).toEqual(['成都市', 'Chengdu']);
    // In the reference screen's px, inside the Circle's box.
    const [x, y, width, height] = attribute('data-bounds')!.split(' ').map(Number);
    expect(chengdu[1]).toBeGreaterThan(x);
    expect(chengdu[1]).toBeLessThan(x + width);
    expect(chengdu[2]).toBeGreaterThan(y);
    expect(chengdu[2]).toBeLessThan(y + height);
    expect(names.zoneSuffix).toEqual({ zh: '（示意）', en: ' (approx.)' });
  });

  it("carries the default link's picture, which the bare link opens", () => {
    expect(JSON.parse(attribute('data-picture')!)).toEqual(firstViewPicture(state));
    expect(opensFirstView('', '', firstViewPicture(state))).toBe(true);
    const [, , width, height] = attribute('data-bounds')!.split(' ').map(Number);
    // The Circle's box in reference px: fitted into 1280x800 less 24 px padding on its limiting side.
    expect(Math.max(width / (1280 - 48), height / (800 - 48))).toBeCloseTo(1, 9);
  });
});
