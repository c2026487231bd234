import { describe, expect, it } from 'vitest';
import { framePadding, uniformPadding } from './free-frame';

const SCREEN = { width: 1280, height: 800 };
/** About the Circle's shape in Mercator: wider than tall. */
const WIDE = { width: 1.4, height: 1 };
const MARGIN = 24;
const TOPBAR = { left: 10, top: 10, right: 496, bottom: 305 };
const LEGEND = { left: 10, top: 460, right: 270, bottom: 776 };
const UNIT_PANEL = { left: 896, top: 10, right: 1226, bottom: 560 };

describe('framePadding', () => {
  it('is the margin all round without panels', () => {
    expect(framePadding(SCREEN, [], WIDE, MARGIN)).toEqual(uniformPadding(MARGIN));
  });

  it('clears the top bar and the legend, both on the left, by the left edge', () => {
    expect(framePadding(SCREEN, [TOPBAR, LEGEND], WIDE, MARGIN)).toEqual({ top: MARGIN, right: MARGIN, bottom: MARGIN, left: 496 + MARGIN });
  });

  it('leaves no panel over the free part, choosing the edges that leave the largest picture', () => {
    const covers = [TOPBAR, LEGEND, UNIT_PANEL];
    const padding = framePadding(SCREEN, covers, WIDE, MARGIN);
    const free = { left: padding.left, top: padding.top, right: SCREEN.width - padding.right, bottom: SCREEN.height - padding.bottom };
    for (const c of covers) expect(c.right <= free.left || c.left >= free.right || c.bottom <= free.top || c.top >= free.bottom).toBe(true);
    // Better than clearing the top bar and the legend by the left edge and the panel by the right: 352 px wide.
    const scale = Math.min((free.right - free.left) / WIDE.width, (free.bottom - free.top) / WIDE.height);
    expect(scale).toBeGreaterThan(352 / WIDE.width);
    // The top bar by its foot, the legend by its right edge, the panel by its left.
    expect(padding).toEqual({ top: 305 + MARGIN, right: 1280 - 896 + MARGIN, bottom: MARGIN, left: 270 + MARGIN });
  });

  it('clears a wide panel at the foot by the bottom edge, where that leaves a larger picture', () => {
    const sheet = { left: 0, top: 422, right: 390, bottom: 844 };
    const topbar = { left: 6, top: 6, right: 384, bottom: 116 };
    const padding = framePadding({ width: 390, height: 844 }, [topbar, sheet], WIDE, 10);
    expect(padding).toEqual({ top: 126, right: 10, bottom: 844 - 422 + 10, left: 10 });
  });

  it('picks, for each panel, the edge that leaves the larger picture of the shape given', () => {
    // A flat shape: the top bar is better cleared by its foot.
    const flat = { width: 4, height: 1 };
    expect(framePadding(SCREEN, [TOPBAR], flat, MARGIN).left).toBe(MARGIN);
    expect(framePadding(SCREEN, [TOPBAR], WIDE, MARGIN).left).toBe(496 + MARGIN);
  });

  it('ignores what lies off the screen, and falls back to the margin where the panels leave no room', () => {
    expect(framePadding(SCREEN, [{ left: 1300, top: 0, right: 1500, bottom: 800 }], WIDE, MARGIN)).toEqual(uniformPadding(MARGIN));
    expect(framePadding(SCREEN, [{ left: 0, top: 0, right: 1280, bottom: 800 }], WIDE, MARGIN)).toEqual(uniformPadding(MARGIN));
  });
});
