/**
 * Every painter against the look's table (src/look/layers.ts): MapLibre's style, the 2D painter (which the SVG first
 * view and the PNG's map go through), and both legends' keys. A colour, width, dash or opacity written anywhere else
 * than the table fails here.
 */
import type { VNode } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { LAYERS, propertyValue, stateValue, UNIT_FILL, layerPaint, type LookLayer } from '../../src/look/layers';
import { atZoom } from '../../src/look/zoom';
import { legendPlan } from '../../src/look/legend';
import { buildStyle } from '../../src/map/style';
import { toMeasure } from '../../src/model/format';
import { NO_DATA_COLOR } from '../../src/model/palette';
import type { UnitProps } from '../../src/model/units';
import { drawLegend } from '../../src/paint2d/export-png';
import { drawView, type Painter, type PaintView } from '../../src/paint2d/render';
import { Legend } from '../../src/ui/Legend';
import { LEVELS, type ViewState } from '../../src/state/view-state';
import { boundaries, colouring, defaultView, model, plants, scene, units } from './look-fixtures';
import { plantsShown } from '../../src/model/plants';
import { mercatorX, mercatorY } from '../../src/paint2d/mercator';
import { plantRadius, type PlantPointProps } from '../../src/look/plants';
import { byProperty, byState, sqrtRadius } from '../../src/map/expressions';

describe("MapLibre's style", () => {
  it.each(LEVELS)('has the look\'s layers in its order, with their constant paint, at level %s', (level) => {
    const style = buildStyle(boundaries, level, true, 'https://example.org/', plants, true);
    expect(style.layers.map((l) => l.id)).toEqual(LAYERS.map((l) => l.id));
    style.layers.forEach((layer, i) => {
      const { paint } = LAYERS[i];
      const p = (layer as { paint: Record<string, unknown> }).paint;
      switch (paint.type) {
        case 'background':
          return expect(p['background-color']).toBe(paint.colour);
        case 'fill':
          if (typeof paint.colour === 'string') expect(p['fill-color']).toBe(paint.colour);
          return expect(p['fill-opacity'] ?? 1).toBe(paint.opacity ?? 1);
        case 'hatch':
          return expect(p['fill-opacity']).toBe(paint.opacity);
        case 'line':
          expect(p['line-color']).toBe(paint.colour);
          if (Array.isArray(paint.dash)) expect(p['line-dasharray']).toEqual(paint.dash);
          return;
        case 'circle':
          if (typeof paint.radius === 'number') expect(p['circle-radius']).toBe(paint.radius);
          if (typeof paint.radius === 'object') expect(p['circle-radius']).toEqual(sqrtRadius(paint.radius));
          expect([p['circle-color'], p['circle-opacity'] ?? 1, p['circle-stroke-color'], p['circle-stroke-width']]).toEqual([
            typeof paint.colour === 'string' ? paint.colour : byProperty(paint.colour),
            paint.opacity,
            paint.selected ? byState({ normal: paint.strokeColour, selected: paint.selected.strokeColour }) : paint.strokeColour,
            paint.selected ? byState({ normal: paint.strokeWidth, selected: paint.selected.strokeWidth }) : paint.strokeWidth,
          ]);
      }
    });
  });
});

interface Call {
  layer: string;
  op: string;
  args: unknown[];
}

function recorder(): { painter: Painter; calls: Call[] } {
  const calls: Call[] = [];
  let layer = '';
  const call = (op: string) => (...args: unknown[]) => void calls.push({ layer, op, args });
  return {
    calls,
    painter: {
      layer: (id) => void (layer = id),
      background: call('background'),
      fill: call('fill'),
      hatch: call('hatch'),
      stroke: call('stroke'),
      circle: call('circle'),
    },
  };
}

type Shape = { properties: UnitProps };
const camera = (lng: number, lat: number, zoom: number) => ({ lng, lat, zoom, bearing: 0, pitch: 0 });
const VIEWS: [string, Partial<ViewState>, Pick<PaintView, 'camera' | 'selected' | 'hovered'>][] = [
  ['units, totals', { indicator: 'gdp', year: 2022 }, { camera: camera(105, 30, 6.6), selected: '510100', hovered: '500112' }],
  ['cities, zone selected', { level: 'cities' }, { camera: camera(106.5, 29.6, 8.2), selected: 'liangjiang', hovered: '500000' }],
  ['all China', { level: 'china' }, { camera: camera(104, 34, 4.7), selected: '110101', hovered: '510104' }],
  ['vehicle output with plants', { indicator: 'vehicles', level: 'cities' }, { camera: camera(105, 30, 6.6), selected: 'plant:faw-vw-chengdu', hovered: null }],
];

describe("the 2D painter's calls", () => {
  const drawn = new Set<string>();

  it.each(VIEWS)('%s: each layer painted as the table says', (_, change, paintView) => {
    const state = { ...defaultView, ...change } as ViewState;
    const view: PaintView = { ...paintView, level: state.level, zones: state.zones, plants: plantsShown(state.indicator), colouring: colouring(state) };
    const { painter, calls } = recorder();
    drawView(painter, scene, view);
    const order = [...new Set(calls.map((c) => c.layer))];
    expect(order).toEqual(LAYERS.filter((l) => order.includes(l.id)).map((l) => l.id));
    const stateOf = (id: string) => ({ selected: id === view.selected, hover: id === view.hovered });
    for (const { layer, op, args } of calls) {
      drawn.add(layer);
      const { paint } = LAYERS.find((l) => l.id === layer) as LookLayer;
      const where = `${layer} ${op} ${JSON.stringify(args.slice(1))}`;
      switch (paint.type) {
        case 'background':
          expect([op, args[0]], where).toEqual(['background', paint.colour]);
          break;
        case 'fill': {
          const unit = (args[0] as Shape).properties;
          const fill = view.colouring?.filled ? (view.colouring.fills.get(unit.id) ?? NO_DATA_COLOR) : propertyValue(UNIT_FILL.otherwise, unit);
          expect([op, args[1], args[2] ?? 1], where).toEqual(['fill', typeof paint.colour === 'string' ? paint.colour : fill, paint.opacity ?? 1]);
          break;
        }
        case 'hatch':
          expect([op, args[1]], where).toEqual(['hatch', paint.opacity]);
          break;
        case 'line':
          for (const { properties } of args[0] as Shape[]) {
            const state = stateOf(properties.id);
            const width = typeof paint.width === 'object' && 'normal' in paint.width ? stateValue(paint.width, state) : atZoom(paint.width, view.camera.zoom);
            const dash = paint.dash === undefined ? [] : 'property' in paint.dash ? propertyValue(paint.dash, properties) : paint.dash;
            expect([op, args[1], args[2], args[3] ?? [], args[4] ?? 1], where).toEqual(['stroke', paint.colour, width, dash, paint.opacity ? stateValue(paint.opacity, state) : 1]);
          }
          break;
        case 'circle': {
          if (layer === 'plants') {
            const props = plants.find((p) => mercatorX(p.lngLat[0]) === args[0] && mercatorY(p.lngLat[1]) === args[1])?.properties as PlantPointProps;
            expect([op, args[2], args[4]], where).toEqual(['circle', plantRadius(props), propertyValue(paint.colour as Exclude<typeof paint.colour, string>, props)]);
            const ring = view.selected === `plant:${props.id}` ? paint.selected! : paint;
            expect([args[3], ...args.slice(5)], where).toEqual([ring.strokeWidth, paint.opacity, ring.strokeColour]);
            break;
          }
          if (typeof paint.radius === 'number') expect(args[2], where).toBe(paint.radius);
          expect([op, ...args.slice(3)], where).toEqual(['circle', paint.strokeWidth, paint.colour, paint.opacity, paint.strokeColour]);
        }
      }
    }
  });

  it('paints every layer in one of those views', () => {
    expect(LAYERS.map((l) => l.id).filter((id) => !drawn.has(id))).toEqual([]);
  });
});

describe("the legends' keys", () => {
  const state = { ...defaultView, indicator: 'gdp', year: 2022, zones: true } as ViewState;
  const shown = colouring(state);
  const measure = toMeasure(model.measure('gdp'));
  const circleLine = layerPaint('circle-line', 'line');
  const zoneLine = layerPaint('zones-line', 'line');
  const zoneFill = layerPaint('zones-fill', 'fill');
  const circles = layerPaint('prefectures-circles', 'circle');
  const hatch = layerPaint('prefectures-partial', 'hatch');
  const zoneWidth = (zoneLine.width as { normal: number }).normal;
  const zoneDash = (zoneLine.dash as unknown as { otherwise: number[] }).otherwise;

  it('in the PNG export: outline, zone, stripes and circles as the map paints them', () => {
    const strokes: unknown[] = [];
    const fills: unknown[] = [];
    let dash: number[] = [];
    const pattern = { pattern: true };
    const ctx = {
      fillStyle: '' as unknown,
      strokeStyle: '',
      lineWidth: 1,
      globalAlpha: 1,
      font: '',
      measureText: (text: string) => ({ width: text.length * 7 }),
      setLineDash: (d: number[]) => void (dash = d),
      createPattern: () => pattern,
      stroke() {
        strokes.push([this.strokeStyle, this.lineWidth, dash]);
      },
      fill() {
        fills.push([this.fillStyle, this.globalAlpha]);
      },
      fillRect() {
        fills.push([this.fillStyle, this.globalAlpha]);
      },
      ...Object.fromEntries(['fillText', 'strokeRect', 'beginPath', 'moveTo', 'lineTo', 'rect', 'arc'].map((name) => [name, () => {}])),
    };
    vi.stubGlobal('document', { createElement: () => ({ getContext: () => ({ putImageData() {} }) }) });
    vi.stubGlobal('ImageData', class {});
    try {
      const plan = legendPlan(shown, { level: state.level, zones: state.zones, plants: false }, model);
      drawLegend({ ctx: ctx as unknown as CanvasRenderingContext2D, family: 'sans-serif' }, state, shown, measure, plan, []);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(strokes).toContainEqual([circleLine.colour, circleLine.width, (circleLine.dash as number[]).map((d) => d * (circleLine.width as number))]);
    expect(strokes).toContainEqual([zoneLine.colour, zoneWidth, zoneDash.map((d) => d * zoneWidth)]);
    expect(fills).toContainEqual([zoneFill.colour, zoneFill.opacity]);
    expect(fills).toContainEqual([UNIT_FILL.otherwise.cases.partial, 1]);
    expect(fills).toContainEqual([pattern, hatch.opacity]);
    expect(fills).toContainEqual([circles.colour, circles.opacity]);
  });

  it('in the panel: outline, zone and circles as the map paints them', () => {
    vi.stubGlobal('matchMedia', () => ({ matches: false }));
    let tree: VNode;
    try {
      tree = Legend({ lang: 'en', zones: true, plants: false, level: state.level, colouring: shown, measure, model, units });
    } finally {
      vi.unstubAllGlobals();
    }
    const nodes: VNode<Record<string, unknown>>[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object' || !('props' in node)) return;
      nodes.push(node as VNode<Record<string, unknown>>);
      walk((node as VNode<{ children?: unknown }>).props.children);
    };
    walk(tree);
    const props = (type: string) => nodes.filter((n) => n.type === type).map((n) => n.props);
    expect(props('line')).toEqual([expect.objectContaining({ stroke: circleLine.colour, 'stroke-width': circleLine.width, 'stroke-dasharray': (circleLine.dash as number[]).map((d) => d * (circleLine.width as number)).join(' ') })]);
    expect(props('rect')).toEqual([
      expect.objectContaining({ fill: zoneFill.colour, 'fill-opacity': zoneFill.opacity, stroke: zoneLine.colour, 'stroke-width': zoneWidth, 'stroke-dasharray': zoneDash.map((d) => d * zoneWidth).join(' ') }),
    ]);
    for (const circle of props('circle')) expect([circle.fill, circle['fill-opacity']]).toEqual([circles.colour, circles.opacity]);
    expect(props('circle').length).toBeGreaterThan(0);
    expect(props('span').find((p) => p.class === 'swatch hatched')?.style).toMatchObject({ backgroundColor: UNIT_FILL.otherwise.cases.partial });
  });

  it('in the panel, with plants: a dot per product in the plant layer\'s colours', () => {
    vi.stubGlobal('matchMedia', () => ({ matches: false }));
    let tree: VNode;
    try {
      tree = Legend({ lang: 'en', zones: false, plants: true, level: state.level, colouring: colouring({ ...state, indicator: 'vehicles', year: 2023 } as ViewState), measure, model, units });
    } finally {
      vi.unstubAllGlobals();
    }
    const plantPaint = layerPaint('plants', 'circle');
    const colours = plantPaint.colour as { cases: Record<string, string> };
    const found: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object' || !('props' in node)) return;
      const { type, props } = node as VNode<Record<string, unknown>>;
      if (type === 'circle' && props.stroke === plantPaint.strokeColour) found.push(props.fill as string);
      walk(props.children);
    };
    walk(tree);
    expect(found.sort()).toEqual(Object.values(colours.cases).sort());
  });
});
