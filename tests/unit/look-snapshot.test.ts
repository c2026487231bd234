/**
 * What both painters draw, written out: the MapLibre style for each level (tests/unit/__snapshots__/style-*.json) and
 * the 2D painter's calls for a few views (draw-*.txt). Any change to the map's look shows up here as a diff.
 */
import { describe, expect, it } from 'vitest';
import { buildStyle } from '../../src/map/style';
import { drawView, type Painter, type PaintView } from '../../src/paint2d/render';
import type { MercatorShape } from '../../src/paint2d/shapes';
import { LEVELS, type Level, type ViewState } from '../../src/state/view-state';
import { boundaries, colouring, defaultView as state, scene } from './look-fixtures';

describe('the MapLibre style', () => {
  it.each(LEVELS)('at level %s', async (level) => {
    const style = buildStyle(boundaries, level, true, 'https://example.org/atlas/');
    // The GeoJSON itself is the boundary data's business: here only which features each source holds.
    const sources = Object.fromEntries(
      Object.entries(style.sources).map(([id, source]) => {
        if (source.type !== 'geojson' || typeof source.data !== 'object' || !('features' in source.data)) return [id, source];
        const features = source.data.features.map((f) => `${String(f.properties?.level)}:${String(f.properties?.id)}`);
        return [id, { ...source, data: { features: features.length, first: features[0], last: features[features.length - 1] } }];
      }),
    );
    await expect(`${JSON.stringify({ ...style, sources }, null, 2)}\n`).toMatchFileSnapshot(`__snapshots__/style-${level}.json`);
  });
});

/** Painter calls as text, runs of the same paint on consecutive shapes folded into one line. */
function recorder(): { painter: Painter; text(): string } {
  const lines: { paint: string; ids: string[] }[] = [];
  const push = (paint: string, ids: string[]) => {
    const last = lines[lines.length - 1];
    if (last && last.paint === paint && paint.startsWith('fill')) last.ids.push(...ids);
    else lines.push({ paint, ids });
  };
  const ids = (shapes: MercatorShape<unknown>[]) => shapes.map((s) => (s.properties as { id: string }).id);
  const r = (n: number) => Math.round(n * 1e6) / 1e6;
  const painter: Painter = {
    background: (colour) => push(`background ${colour}`, []),
    fill: (shape, colour, opacity = 1) => push(`fill ${colour} ${opacity}`, [shape.properties.id]),
    hatch: (shape, opacity) => push(`hatch ${opacity}`, [shape.properties.id]),
    stroke: (shapes, colour, width, dash = [], opacity = 1) => push(`stroke ${colour} ${r(width)} [${dash.join(',')}] ${opacity}`, ids(shapes)),
    circle: (x, y, radius, strokeWidth, fill, fillOpacity, strokeColour) =>
      push(`circle ${r(radius)} ${strokeWidth} ${fill} ${fillOpacity} ${strokeColour}`, [`${r(x)},${r(y)}`]),
  };
  return {
    painter,
    text: () => lines.map(({ paint, ids }) => (ids.length > 3 ? `${paint} ×${ids.length} ${ids[0]}…${ids[ids.length - 1]}` : `${paint} ${ids.join(' ')}`).trimEnd()).join('\n') + '\n',
  };
}

describe("the 2D painter's calls", () => {
  const views: [string, Partial<ViewState>, Partial<PaintView>][] = [
    ['default', {}, { camera: { lng: 105, lat: 30, zoom: 6.3, bearing: 0, pitch: 0 } }],
    ['districts-ratio-zoom4', { level: 'districts', indicator: 'gdp_per_capita', year: 2020 }, { camera: { lng: 105, lat: 30, zoom: 4, bearing: 0, pitch: 0 }, hovered: '510104' }],
    ['cities-totals-zoom10', { level: 'cities', indicator: 'gdp', year: 2022, zones: false }, { camera: { lng: 104, lat: 30.6, zoom: 10, bearing: 0, pitch: 0 }, selected: '510100' }],
    ['units-zones-selected', { indicator: 'gdp', year: 2022, selected: 'liangjiang' }, { camera: { lng: 106.5, lat: 29.6, zoom: 8.2, bearing: 0, pitch: 0 }, selected: 'liangjiang', hovered: '500112' }],
    ['china', { level: 'china' }, { camera: { lng: 104, lat: 34, zoom: 5.5, bearing: 0, pitch: 0 }, selected: '110101', hovered: '510104' }],
  ];
  it.each(views)('%s', async (name, change, paint) => {
    const s = { ...state, ...change } as ViewState;
    const level: Level = s.level;
    const { painter, text } = recorder();
    drawView(painter, scene, { level, zones: s.zones, selected: null, hovered: null, colouring: colouring(s), ...paint } as PaintView);
    await expect(text()).toMatchFileSnapshot(`__snapshots__/draw-${name}.txt`);
  });
});
