import { describe, expect, it } from 'vitest';
import { tooltipTransform } from './Tooltip';

const PHONE = { width: 375, height: 667 };

describe('tooltipTransform', () => {
  it('puts the tooltip below right of a pointer in the top left quarter', () => {
    expect(tooltipTransform(40, 50, PHONE)).toBe('translate(54px, 64px)');
  });

  it('puts it left of a pointer past the middle, so it ends before the right edge', () => {
    expect(tooltipTransform(350, 50, PHONE)).toBe('translate(calc(336px - 100%), 64px)');
  });

  it('puts it above a pointer in the lower half', () => {
    expect(tooltipTransform(40, 600, PHONE)).toBe('translate(54px, calc(586px - 100%))');
  });
});
