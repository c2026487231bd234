import { describe, expect, it } from 'vitest';
// MapLibre's own expression engine (a dependency of maplibre-gl): proves the expressions are valid MapLibre and that
// it computes what the 2D painter computes from the same look.
import { expression as maplibreExpression, latest as styleSpec } from '@maplibre/maplibre-gl-style-spec';
import { LAYERS, propertyValue, stateValue, UNIT_FILL } from '../look/layers';
import { atZoom } from '../look/zoom';
import { FEATURE_STATE_FILL_KEY, FEATURE_STATE_RADIUS_KEY, NO_DATA_COLOR, RATIO_PALETTE, TOTALS_UNDERLAY_PALETTE, radiusFor } from '../model/palette';
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { decodeBoundaries } from '../data/boundaries';
import { STATE_RADIUS, unitFill, type PaintValue } from './expressions';
import { buildStyle } from './style';

type State = Record<string, string | number | boolean>;
type PropertySpec = Parameters<typeof maplibreExpression.createPropertyExpression>[2];
const SPECS = {
  'fill-color': styleSpec.paint_fill['fill-color'],
  'circle-radius': styleSpec.paint_circle['circle-radius'],
  'line-width': styleSpec.paint_line['line-width'],
  'line-opacity': styleSpec.paint_line['line-opacity'],
  'line-dasharray': styleSpec.paint_line['line-dasharray'],
};

function evaluate(expr: PaintValue, property: keyof typeof SPECS, { zoom = 6, state = {}, properties = {} }: { zoom?: number; state?: State; properties?: Record<string, string> } = {}): unknown {
  // The spec JSON types its `type` as a plain string; the parser wants the literal union it validates at run time.
  const parsed = maplibreExpression.createPropertyExpression(expr, `paint.${property}`, SPECS[property] as PropertySpec);
  if (parsed.result !== 'success') throw new Error(parsed.value.map((e) => e.message).join('; '));
  return parsed.value.evaluate({ zoom }, { type: 'Polygon', properties, id: 'unit' }, state);
}

const rgbaOf = (hex: string) => `rgba(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')},1)`;

describe('the map shows the colours it is handed', () => {
  it('fills a unit with its feature-state colour', () => {
    for (const colour of [...RATIO_PALETTE.colors, ...TOTALS_UNDERLAY_PALETTE.colors, NO_DATA_COLOR]) {
      expect(String(evaluate(unitFill(UNIT_FILL), 'fill-color', { state: { [FEATURE_STATE_FILL_KEY]: colour } }))).toBe(rgbaOf(colour));
    }
  });

  it('falls back to membership where no colour is set (no indicator shown), as the 2D painter does', () => {
    for (const circle of ['full', 'partial', 'none']) {
      expect(String(evaluate(unitFill(UNIT_FILL), 'fill-color', { properties: { circle } }))).toBe(rgbaOf(propertyValue(UNIT_FILL.otherwise, { circle })));
    }
  });

  it('sizes a circle by its feature-state radius, 0 where none is set', () => {
    expect(evaluate(STATE_RADIUS, 'circle-radius', { state: { [FEATURE_STATE_RADIUS_KEY]: radiusFor(2275, 9100, 28) } })).toBeCloseTo(14, 9);
    expect(evaluate(STATE_RADIUS, 'circle-radius')).toBe(0);
  });
});

describe("every line layer's paint, by MapLibre from the style and by the look's own functions (the 2D painter's)", () => {
  const topology = JSON.parse(readFileSync('public/data/boundaries.topo.json', 'utf8')) as Topology;
  const style = buildStyle(decodeBoundaries(topology), 'units', true, 'https://example.org/');
  const styled = (id: string, property: string) => (style.layers.find((l) => l.id === id) as unknown as { paint: Record<string, PaintValue> }).paint[property];
  const lines = LAYERS.flatMap((layer) => (layer.paint.type === 'line' ? [[layer.id, layer.paint] as const] : []));
  const states = [
    { selected: false, hover: false },
    { selected: false, hover: true },
    { selected: true, hover: false },
    { selected: true, hover: true },
  ];

  it.each(lines)('%s: width at every zoom and state', (id, paint) => {
    const width = styled(id, 'line-width');
    for (let zoom = 2; zoom <= 13; zoom += 0.25) {
      if (typeof paint.width === 'object' && 'normal' in paint.width) {
        for (const state of states) expect(evaluate(width, 'line-width', { zoom, state })).toBe(stateValue(paint.width, state));
      } else expect(evaluate(width, 'line-width', { zoom })).toBeCloseTo(atZoom(paint.width, zoom), 12);
    }
  });

  it.each(lines)('%s: opacity and dash for every state and shape', (id, paint) => {
    const opacity = styled(id, 'line-opacity') ?? 1;
    for (const state of states) expect(evaluate(opacity, 'line-opacity', { state })).toBe(paint.opacity ? stateValue(paint.opacity, state) : 1);
    const dash = paint.dash;
    if (!dash || !('property' in dash)) return;
    for (const shape of ['containing-units', 'union-of-units', 'schematic-circles']) {
      expect(evaluate(styled(id, 'line-dasharray'), 'line-dasharray', { properties: { shape } })).toEqual(propertyValue(dash, { shape }));
    }
  });
});
