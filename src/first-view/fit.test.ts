import { describe, expect, it } from 'vitest';
import { applyTransform, fitBoundsCamera, mercatorX, mercatorY, screenTransform } from '../paint2d/mercator';
import { firstViewPadding, PHONE_SCREEN, screenViewBox, type Box } from './fit';
import { framePadding } from '../look/free-frame';
import { PHONE_QUERY } from '../ui/layout';

// MapLibre GL JS 6.17.0's own fitBounds of the Circle's bbox with padding 24, and where it put Chengdu's label point
// (the same reference numbers as paint2d/mercator.test.ts).
const CIRCLE_BBOX = [101.93645381927819, 27.663383021240215, 108.94341362751626, 32.32240886589866] as const;
const CHENGDU = [104.07, 30.66] as const;
const MAPLIBRE = [
  { screen: { width: 1280, height: 800 }, chengdu: [448.5812401549456, 296.42240489662623] },
  { screen: { width: 400, height: 700 }, chengdu: [131.18032872560832, 312.7613508092062] },
];

/** The picture's user units, as first-view.ts makes them: px of the fitted frame on a 1280x800 screen. */
const reference = screenTransform(fitBoundsCamera(CIRCLE_BBOX, { width: 1280, height: 800 }, 24, { minZoom: 3, maxZoom: 12 }), { width: 1280, height: 800 });
const user = (lng: number, lat: number) => applyTransform(reference, mercatorX(lng), mercatorY(lat));
const [x0, y0] = user(CIRCLE_BBOX[0], CIRCLE_BBOX[3]);
const [x1, y1] = user(CIRCLE_BBOX[2], CIRCLE_BBOX[1]);
const bounds: Box = [x0, y0, x1 - x0, y1 - y0];

describe('screenViewBox', () => {
  for (const { screen, chengdu } of MAPLIBRE) {
    it(`puts the picture where MapLibre's fitBounds does on ${screen.width}x${screen.height}`, () => {
      const [vx, vy, vw, vh] = screenViewBox(bounds, screen.width, screen.height, 24)!;
      // The viewBox fills the screen at one scale (no letterboxing, nothing stretched).
      expect(screen.width / vw).toBeCloseTo(screen.height / vh, 9);
      const [ux, uy] = user(...CHENGDU);
      expect(((ux - vx) * screen.width) / vw).toBeCloseTo(chengdu[0], 4);
      expect(((uy - vy) * screen.height) / vh).toBeCloseTo(chengdu[1], 4);
    });
  }

  it('puts the picture where the 2D map frames it with padding that differs by side (panels on the left)', () => {
    const screen = { width: 1280, height: 800 };
    const padding = { top: 24, right: 24, bottom: 24, left: 520 };
    const [vx, vy, vw, vh] = screenViewBox(bounds, screen.width, screen.height, padding)!;
    expect(screen.width / vw).toBeCloseTo(screen.height / vh, 9);
    const camera = fitBoundsCamera(CIRCLE_BBOX, screen, padding, { minZoom: 3, maxZoom: 12 });
    const [cx, cy] = applyTransform(screenTransform(camera, screen), mercatorX(CHENGDU[0]), mercatorY(CHENGDU[1]));
    const [ux, uy] = user(...CHENGDU);
    expect(((ux - vx) * screen.width) / vw).toBeCloseTo(cx, 4);
    expect(((uy - vy) * screen.height) / vh).toBeCloseTo(cy, 4);
  });

  it("frames the first view as the app frames it once its top bar and legend are drawn (1280x800, both languages)", () => {
    const screen = { width: 1280, height: 800 };
    const aspect = { width: bounds[2], height: bounds[3] };
    // The top bar and the legend as drawn in Chinese and in English (styles.css; screenshots of the built app).
    const legend = { left: 10, top: 461, right: 270, bottom: 776 };
    for (const topbar of [{ left: 10, top: 10, right: 496, bottom: 252 }, { left: 10, top: 10, right: 496, bottom: 305 }]) {
      expect(firstViewPadding(screen.width, 24, true)).toEqual(framePadding(screen, [topbar, legend], aspect, 24));
    }
    expect(firstViewPadding(screen.width, 24, false)).toEqual({ top: 24, right: 24, bottom: 24, left: 24 });
    expect(PHONE_SCREEN).toBe(PHONE_QUERY);
  });

  it('gives nothing where the padding leaves no room or the box is unreadable', () => {
    expect(screenViewBox(bounds, 40, 800, 24)).toBeNull();
    expect(screenViewBox(bounds, 0, 0, 24)).toBeNull();
    expect(screenViewBox([Number.NaN, 0, 1, 1], 1280, 800, 24)).toBeNull();
    expect(screenViewBox([0, 0, 0, 0], 1280, 800, 24)).toBeNull();
  });
});
