import { describe, expect, it } from 'vitest';
import { computeBreaks } from './classify';
import {
  CIRCLE_FILL,
  NO_DATA_COLOR,
  RATIO_PALETTE,
  TOTALS_UNDERLAY_PALETTE,
  classColors,
  colorFor,
  radiusFor,
} from './palette';

const PALETTES = [RATIO_PALETTE, TOTALS_UNDERLAY_PALETTE];

// ---- colour science for the checks: sRGB → linear → relative luminance (WCAG) and CIELAB (D65) ----

type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1], 16), parseInt(match[2], 16), parseInt(match[3], 16)];
}

function toLinear(rgb: Rgb): Rgb {
  return rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
}

function relativeLuminance(hex: string): number {
  const [r, g, b] = toLinear(hexToRgb(hex));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function linearToLab([r, g, b]: Rgb): Rgb {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function deltaE(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Machado, Oliveira & Fernandes (2009) full-severity dichromacy, applied in linear RGB. */
const DICHROMACY: Record<string, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function labAs(hex: string, vision: string | null): Rgb {
  const linear = toLinear(hexToRgb(hex));
  if (vision === null) return linearToLab(linear);
  const clamp = (v: number): number => Math.min(1, Math.max(0, v));
  const seen = DICHROMACY[vision].map((row) => clamp(row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2]));
  return linearToLab(seen as Rgb);
}

/** Values that probe every class of `breaks`: each bound, each midpoint, and beyond both ends. */
function probes(breaks: number[]): number[] {
  const mids = breaks.slice(1).map((hi, i) => (breaks[i] + hi) / 2);
  return [breaks[0] - 1, ...breaks, ...mids, breaks[breaks.length - 1] + 1];
}

describe('palettes', () => {
  it.each(PALETTES.map((p) => [p.id, p] as const))('%s gets strictly darker step by step (relative luminance)', (_, palette) => {
    const luminances = palette.colors.map(relativeLuminance);
    luminances.slice(1).forEach((l, i) => expect(l, `${palette.colors[i + 1]} after ${palette.colors[i]}`).toBeLessThan(luminances[i]));
  });

  it.each([null, ...Object.keys(DICHROMACY)])('neighbouring steps stay apart for %s vision (ΔE ≥ 5)', (vision) => {
    for (const palette of PALETTES) {
      const labs = palette.colors.map((c) => labAs(c, vision));
      labs.slice(1).forEach((lab, i) => expect(deltaE(lab, labs[i]), `${palette.id} step ${i + 1}`).toBeGreaterThanOrEqual(5));
    }
  });

  it.each([null, ...Object.keys(DICHROMACY)])('no-data grey is unlike every palette colour for %s vision (ΔE ≥ 10)', (vision) => {
    const noData = labAs(NO_DATA_COLOR, vision);
    for (const palette of PALETTES) {
      expect(relativeLuminance(NO_DATA_COLOR), `${palette.id}: darker than the lowest class`).toBeLessThan(relativeLuminance(palette.colors[0]));
      for (const color of palette.colors) expect(deltaE(noData, labAs(color, vision)), `${palette.id} ${color}`).toBeGreaterThanOrEqual(10);
    }
  });

  it.each([null, ...Object.keys(DICHROMACY)])('circles stand out from every underlay step for %s vision', (vision) => {
    const circle = labAs(CIRCLE_FILL, vision);
    for (const color of TOTALS_UNDERLAY_PALETTE.colors) {
      expect(relativeLuminance(CIRCLE_FILL)).toBeLessThan(relativeLuminance(color));
      expect(deltaE(circle, labAs(color, vision)), color).toBeGreaterThanOrEqual(20);
    }
  });
});

describe('classColors', () => {
  it('spans the palette from its lightest to its darkest step, without repeats', () => {
    for (let count = 2; count <= RATIO_PALETTE.colors.length; count++) {
      const colors = classColors(RATIO_PALETTE, count);
      expect(colors).toHaveLength(count);
      expect(colors[0]).toBe(RATIO_PALETTE.colors[0]);
      expect(colors[count - 1]).toBe(RATIO_PALETTE.colors[RATIO_PALETTE.colors.length - 1]);
      expect(new Set(colors).size).toBe(count);
    }
  });

  it('gives a single class the middle step, not the lightest', () => {
    expect(classColors(RATIO_PALETTE, 1)).toEqual([RATIO_PALETTE.colors[4]]);
    expect(classColors(TOTALS_UNDERLAY_PALETTE, 1)).toEqual([TOTALS_UNDERLAY_PALETTE.colors[2]]);
  });

  it('refuses more classes than the palette has colours', () => {
    expect(() => classColors(TOTALS_UNDERLAY_PALETTE, 6)).toThrow(RangeError);
  });
});

describe('colorFor', () => {
  const cases: [string, number[]][] = [
    ['five equal classes', computeBreaks([0, 10, 3, 7, 5], 'equal', 5)],
    ['ckmeans with a single-valued top class', computeBreaks([1, 1, 2, 2, 3], 'ckmeans', 5)],
    ['quantiles of GDP-like figures', computeBreaks([1200, 2500, 4100, 8000, 1450, 2900, 4550.6, 9100], 'quantile', 4)],
    ['one class of equal values', computeBreaks([4, 4, 4], 'equal', 5)],
    ['two classes', computeBreaks([1, 2], 'equal', 5)],
  ];

  for (const palette of PALETTES) {
    it.each(cases)(`${palette.id}: %s reaches every class colour and no data, darker as values rise`, (_, breaks) => {
      const colors = classColors(palette, breaks.length - 1);
      const seen = new Set<string>();
      for (const value of [null, ...probes(breaks)]) {
        const got = colorFor(value, breaks, palette);
        if (value === null) expect(got).toBe(NO_DATA_COLOR);
        else expect(colors, `value ${value}`).toContain(got);
        seen.add(got);
      }
      expect(seen.size).toBe(breaks.length - 1 + 1);
      // Class colours rise with the value: the colour at each upper bound is never lighter than the one below it.
      const atBounds = breaks.slice(1).map((b) => colors.indexOf(colorFor(b, breaks, palette)));
      atBounds.slice(1).forEach((index, i) => expect(index).toBeGreaterThanOrEqual(atBounds[i]));
    });
  }

  it('paints only no-data when there are no classes', () => {
    expect(colorFor(5, [], RATIO_PALETTE)).toBe(NO_DATA_COLOR);
  });

  it('colours NaN as no data', () => {
    expect(colorFor(Number.NaN, [0, 1, 2], RATIO_PALETTE)).toBe(NO_DATA_COLOR);
  });
});

describe('proportional circles', () => {
  it('make area proportional to the value', () => {
    expect(radiusFor(100, 100, 30)).toBe(30);
    expect(radiusFor(25, 100, 30)).toBeCloseTo(15, 12);
    const area = (r: number): number => Math.PI * r * r;
    expect(area(radiusFor(10, 100, 30)) / area(radiusFor(40, 100, 30))).toBeCloseTo(10 / 40, 12);
  });

  it('draw nothing for no data, zero or negative values, and cap values above the maximum', () => {
    expect([null, Number.NaN, 0, -5].map((v) => radiusFor(v, 100, 30))).toEqual([0, 0, 0, 0]);
    expect(radiusFor(400, 100, 30)).toBe(30);
  });

  it('are empty when the maximum is not positive', () => {
    expect(radiusFor(5, 0, 28)).toBe(0);
  });
});
