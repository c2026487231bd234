import { describe, expect, it } from 'vitest';
import { fitBoundsCamera, latFromMercatorY, mercatorY, movedCamera, movementBetween, panBy, project, unproject, zoomAround } from './mercator';

/*
 * Reference numbers computed by MapLibre GL JS 6.17.0 itself in Chromium: `new Map({ bounds, fitBoundsOptions:
 * { padding }, minZoom: 3, maxZoom: 12 })` in a container of the given size, then getZoom(), getCenter() and
 * project([104.07, 30.66]). The bounds are turf's bbox of the shipped Circle outline and of Chengdu (510100).
 */
const CIRCLE_BBOX = [101.93645381927819, 27.663383021240215, 108.94341362751626, 32.32240886589866] as const;
const CHENGDU_BBOX = [102.9915733595536, 30.091393144541446, 104.89614715060151, 31.437665876068763] as const;
const LIMITS = { minZoom: 3, maxZoom: 12 };
const MAPLIBRE = [
  { bounds: CIRCLE_BBOX, padding: 24, viewport: { width: 1280, height: 800 }, zoom: 6.618335414929561, lng: 105.43993372339719, lat: 30.020251888176404, px: [448.5812401549456, 296.42240489662623] },
  { bounds: CIRCLE_BBOX, padding: 24, viewport: { width: 400, height: 700 }, zoom: 5.142496093977638, lng: 105.43993372339719, lat: 30.020251888176404, px: [131.18032872560832, 312.7613508092062] },
  { bounds: CHENGDU_BBOX, padding: 80, viewport: { width: 1280, height: 800 }, zoom: 8.16594849901865, lng: 103.94386025507754, lat: 30.766883506194546, px: [691.5246262173106, 450.7820665081839] },
];

describe('fitBoundsCamera and project agree with MapLibre', () => {
  for (const ref of MAPLIBRE) {
    it(`fits ${ref.bounds.join(',')} with padding ${ref.padding} into ${ref.viewport.width}×${ref.viewport.height}`, () => {
      const camera = fitBoundsCamera(ref.bounds, ref.viewport, ref.padding, LIMITS);
      expect(camera.zoom).toBeCloseTo(ref.zoom, 9);
      expect(camera.lng).toBeCloseTo(ref.lng, 9);
      expect(camera.lat).toBeCloseTo(ref.lat, 9);
      const [x, y] = project(104.07, 30.66, camera, ref.viewport);
      expect(x).toBeCloseTo(ref.px[0], 6);
      expect(y).toBeCloseTo(ref.px[1], 6);
    });
  }

  it('fits into the padded part of the screen, centred there, with padding that differs by side (panels on the left)', () => {
    const viewport = { width: 1280, height: 800 };
    const padding = { top: 24, right: 24, bottom: 24, left: 520 };
    const camera = fitBoundsCamera(CIRCLE_BBOX, viewport, padding, LIMITS);
    const [west, south, east, north] = CIRCLE_BBOX;
    const [x0, y1] = project(west, south, camera, viewport);
    const [x1, y0] = project(east, north, camera, viewport);
    // The box's middle is the padded part's middle, and the box touches its edges in one direction.
    expect((x0 + x1) / 2).toBeCloseTo((520 + 1280 - 24) / 2, 6);
    expect((y0 + y1) / 2).toBeCloseTo(400, 6);
    expect(x0).toBeCloseTo(520, 6);
    expect(x1).toBeCloseTo(1256, 6);
    expect(y0).toBeGreaterThanOrEqual(24);
    expect(y1).toBeLessThanOrEqual(776);
    // The same numbers all round are the uniform padding.
    expect(fitBoundsCamera(CIRCLE_BBOX, viewport, { top: 24, right: 24, bottom: 24, left: 24 }, LIMITS)).toEqual(fitBoundsCamera(CIRCLE_BBOX, viewport, 24, LIMITS));
  });

  it('clamps the fitted zoom to the map limits', () => {
    const tiny = [104, 30, 104.0001, 30.0001] as const;
    expect(fitBoundsCamera(tiny, { width: 1280, height: 800 }, 24, LIMITS).zoom).toBe(12);
    const world = [-170, -80, 170, 80] as const;
    expect(fitBoundsCamera(world, { width: 1280, height: 800 }, 24, LIMITS).zoom).toBe(3);
  });
});

describe('project', () => {
  const viewport = { width: 1280, height: 800 };
  const camera = { zoom: 8, lat: 30.66, lng: 104.07, bearing: 0, pitch: 0 };

  it('puts the camera centre in the middle, scaled by the device pixel ratio', () => {
    expect(project(104.07, 30.66, camera, viewport)).toEqual([640, 400].map((v) => expect.closeTo(v, 9)));
    expect(project(104.07, 30.66, camera, viewport, 2)).toEqual([1280, 800].map((v) => expect.closeTo(v, 9)));
  });

  it('has a world 512·2^zoom px wide', () => {
    const [x0] = project(104.07, 30.66, camera, viewport);
    const [x1] = project(104.07 + 360 / 512, 30.66, { ...camera, zoom: 0 }, viewport);
    expect(x1 - 640).toBeCloseTo(1, 9);
    const [x2] = project(104.07 + 360 / 512 / 2 ** 8, 30.66, camera, viewport);
    expect(x2 - x0).toBeCloseTo(1, 9);
  });

  it('turns the map by -bearing: with bearing 90 east is up', () => {
    const [x, y] = project(104.2, 30.66, { ...camera, bearing: 90 }, viewport);
    expect(x).toBeCloseTo(640, 6);
    expect(y).toBeLessThan(400);
  });

  it('is undone by unproject, with and without bearing', () => {
    for (const bearing of [0, 37]) {
      const c = { ...camera, bearing };
      const [x, y] = project(105.1, 29.4, c, viewport);
      const back = unproject(x, y, c, viewport);
      expect(back.lng).toBeCloseTo(105.1, 9);
      expect(back.lat).toBeCloseTo(29.4, 9);
    }
    expect(latFromMercatorY(mercatorY(-33.3))).toBeCloseTo(-33.3, 12);
  });
});

describe('camera moves', () => {
  const viewport = { width: 1280, height: 800 };
  const camera = { zoom: 7, lat: 30, lng: 105, bearing: 0, pitch: 0 };

  it('zooms around the pointer: the place under it stays under it', () => {
    const before = unproject(200, 150, camera, viewport);
    const zoomed = zoomAround(camera, viewport, 1.5, 200, 150, LIMITS);
    expect(zoomed.zoom).toBe(8.5);
    const [x, y] = project(before.lng, before.lat, zoomed, viewport);
    expect(x).toBeCloseTo(200, 6);
    expect(y).toBeCloseTo(150, 6);
    expect(zoomAround(camera, viewport, 10, 0, 0, LIMITS).zoom).toBe(12);
  });

  it('pans: what was at the centre follows the drag', () => {
    const moved = panBy(camera, viewport, 100, -40);
    const [x, y] = project(105, 30, moved, viewport);
    expect(x).toBeCloseTo(740, 6);
    expect(y).toBeCloseTo(360, 6);
  });

  it("shows the picture moved as a gesture moved it: what was at p is at scale · p + (x, y)", () => {
    const movement = { scale: 2 ** 0.75, x: -130, y: 55 };
    for (const bearing of [0, 30]) {
      const turned = { ...camera, bearing };
      const moved = movedCamera(turned, viewport, movement);
      expect(moved.zoom).toBeCloseTo(7.75, 9);
      for (const [px, py] of [[0, 0], [640, 400], [1100, 90]]) {
        const place = unproject(px, py, turned, viewport);
        const [x, y] = project(place.lng, place.lat, moved, viewport);
        expect(x).toBeCloseTo(movement.scale * px + movement.x, 6);
        expect(y).toBeCloseTo(movement.scale * py + movement.y, 6);
      }
      const back = movementBetween(turned, moved, viewport);
      expect(back.scale).toBeCloseTo(movement.scale, 9);
      expect(back.x).toBeCloseTo(movement.x, 6);
      expect(back.y).toBeCloseTo(movement.y, 6);
    }
  });
});
