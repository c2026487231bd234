import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { applyTransform, fitBoundsCamera, screenTransform } from './mercator';
import { prepareScene } from './render';
import { COUNTY_LABEL_MIN_ZOOM, placeLabels, type LabelPoint, type LabelView } from './labels';
import { t as string } from '../i18n/strings';
import { DEFAULT_PADDING, ZOOM_LIMITS } from '../look/theme';
import type { Camera } from '../state/view-state';

const scene = prepareScene(JSON.parse(readFileSync('public/data/boundaries.topo.json', 'utf8')) as Topology);
const FRAME = { x: 0, y: 0, width: 1280, height: 800 };
const DEFAULT_CAMERA = fitBoundsCamera(scene.defaultBounds('units'), FRAME, DEFAULT_PADDING, ZOOM_LIMITS);

/** Text metrics as a canvas would give them for a font of `size` px: every character one em wide. */
function textContext(): CanvasRenderingContext2D {
  const ctx = {
    font: '12px sans-serif',
    measureText: (text: string) => ({ width: [...text].length * parseFloat(/(\d+(?:\.\d+)?)px/.exec(ctx.font)![1]) }),
  };
  return ctx as unknown as CanvasRenderingContext2D;
}

function place(view: Partial<LabelView>, camera: Camera = DEFAULT_CAMERA, project?: (p: LabelPoint) => [number, number]) {
  const t = screenTransform(camera, FRAME);
  return placeLabels({
    ctx: textContext(),
    family: 'sans-serif',
    scene,
    view: { level: 'units', lang: 'zh', zones: true, zoom: camera.zoom, ...view },
    zoneSuffix: string(view.lang ?? 'zh', 'approx_suffix'),
    frame: FRAME,
    project: project ?? ((p) => applyTransform(t, p.x, p.y)),
  });
}

const CHENGDU = '510100';
const YUZHONG = '500103';

describe('names on the map', () => {
  it('names the units of the level shown, in the reader’s language, and the zones as approximate', () => {
    const zh = place({});
    const chengdu = zh.find((l) => l.id === CHENGDU)!;
    expect(chengdu.lines.join('')).toBe('成都市');
    expect(zh.find((l) => l.id === 'liangjiang')!.lines.join('')).toBe('两江新区（示意）');
    const en = place({ lang: 'en' });
    expect(en.find((l) => l.id === CHENGDU)!.lines.join(' ')).toBe('Chengdu');
    expect(en.find((l) => l.id === 'liangjiang')!.lines.join(' ')).toMatch(/\(approx\.\)$/);
    // Sichuan's counties are not units of this level (Chengdu stands for its districts).
    expect(zh.some((l) => l.id === '510104')).toBe(false);
  });

  it('leaves the zones unnamed when the zones overlay is off, and names no unit at the national level', () => {
    expect(place({ zones: false }).some((l) => l.id === 'liangjiang')).toBe(false);
    expect(place({ level: 'china', zones: false })).toEqual([]);
    expect(place({ level: 'china' }).map((l) => l.id).sort()).toEqual(['chengdu-hitech', 'liangjiang', 'tianfu']);
  });

  it('names counties only from COUNTY_LABEL_MIN_ZOOM on', () => {
    const closeUp: Camera = { lng: 106.55, lat: 29.56, zoom: 9, bearing: 0, pitch: 0 };
    expect(place({ zoom: COUNTY_LABEL_MIN_ZOOM - 0.1 }, closeUp).some((l) => l.id === YUZHONG)).toBe(false);
    expect(place({}, closeUp).some((l) => l.id === YUZHONG)).toBe(true);
  });

  it('skips a name that would overlap one placed before it, zones first, or leave the frame', () => {
    // Every point projected to one spot: the first zone placed (the top layer) and, below it (zone names hang under
    // their point), the first unit's; every other name overlaps one of them.
    const zoneIds = scene.labelPoints.zones.map((p) => p.properties.id);
    const stacked = place({}, DEFAULT_CAMERA, () => [640, 400]);
    expect(stacked).toHaveLength(2);
    expect(zoneIds).toContain(stacked[0].id);
    expect(zoneIds).not.toContain(stacked[1].id);
    expect(place({ zones: false }, DEFAULT_CAMERA, () => [640, 400])).toHaveLength(1);
    // Off the frame's edge: nothing.
    expect(place({}, DEFAULT_CAMERA, () => [2, 400])).toEqual([]);
  });

  it('places no two names over each other in the default view', () => {
    const placed = place({});
    expect(placed.length).toBeGreaterThan(30);
    const boxes = placed.map((l) => {
      const width = Math.max(...l.lines.map((line) => [...line].length * l.style.size));
      return { x0: l.x - width / 2, x1: l.x + width / 2, y0: l.top, y1: l.top + l.lines.length * l.lineHeight };
    });
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
    }
  });

  it('measures each name once for a live map: a second placement with the same cache measures nothing', () => {
    const measured = new Map<string, { lines: string[]; width: number }>();
    const ctx = textContext();
    let calls = 0;
    const measure = ctx.measureText.bind(ctx);
    ctx.measureText = (text: string) => (calls++, measure(text));
    const t = screenTransform(DEFAULT_CAMERA, FRAME);
    const target = { ctx, family: 'sans-serif', scene, zoneSuffix: '', frame: FRAME, measured, project: (p: LabelPoint) => applyTransform(t, p.x, p.y) };
    const view: LabelView = { level: 'units', lang: 'zh', zones: true, zoom: DEFAULT_CAMERA.zoom };
    const first = placeLabels({ ...target, view });
    expect(calls).toBeGreaterThan(0);
    calls = 0;
    expect(placeLabels({ ...target, view })).toEqual(first);
    expect(calls).toBe(0);
    // Another language is measured anew.
    placeLabels({ ...target, view: { ...view, lang: 'en' } });
    expect(calls).toBeGreaterThan(0);
  });
});
