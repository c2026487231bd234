/**
 * A Painter (render.ts) that rasterises into RGB pixels without a canvas: the same frame as the 2D map, made where
 * there is no DOM (the build's share card, src/first-view/share-card.ts). Each pixel is 4×4 samples; a fill,
 * stroke or circle marks its samples once (so overlapping parts of one stroke do not darken), then is blended by the
 * share of samples covered. Lines are butt-capped segments, dashes as MapLibre's (multiples of the width). Pure.
 */
import { hatchImage } from '../look/hatch';
import { applyTransform, type ScreenTransform } from './mercator';
import { hatchMatrix, type Painter } from './render';
import type { MercatorShape } from './shapes';

const S = 4;
const SAMPLES = S * S;

export interface RasterFrame {
  painter: Painter;
  /** The frame's pixels, RGB, row by row. */
  readonly pixels: Uint8Array;
}

function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`raster-painter: not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

type Polygon = number[][]; // rings of [x0, y0, x1, y1, …] in px

/**
 * `t` maps unit-world coordinates to the frame's px; `zoom` is the camera's (it places the hatch stripes as the
 * other painters do).
 */
export function rasterFrame(width: number, height: number, t: ScreenTransform, zoom: number): RasterFrame {
  const pixels = new Uint8Array(width * height * 3);
  const sw = width * S;
  const sh = height * S;
  const samples = new Uint8Array(sw * sh);
  /** The marked samples' extent, in pixels, since the last blend. */
  let box = [width, height, -1, -1];

  const extend = (x0: number, y0: number, x1: number, y1: number) => {
    box = [Math.min(box[0], x0), Math.min(box[1], y0), Math.max(box[2], x1), Math.max(box[3], y1)];
  };

  /** Marks the samples inside the polygons (even-odd: holes stay out). */
  const markPolygons = (polygons: Polygon[]) => {
    let minY = Infinity;
    let maxY = -Infinity;
    for (const ring of polygons.flat()) {
      for (let i = 1; i < ring.length; i += 2) {
        minY = Math.min(minY, ring[i]);
        maxY = Math.max(maxY, ring[i]);
      }
    }
    const first = Math.max(0, Math.ceil(minY * S - 0.5));
    const last = Math.min(sh - 1, Math.floor(maxY * S - 0.5));
    const crossings: number[] = [];
    for (let sy = first; sy <= last; sy++) {
      const y = (sy + 0.5) / S;
      crossings.length = 0;
      for (const ring of polygons.flat()) {
        const n = ring.length / 2;
        for (let i = 0, j = n - 1; i < n; j = i++) {
          const y0 = ring[2 * j + 1];
          const y1 = ring[2 * i + 1];
          if (y0 > y !== y1 > y) crossings.push(ring[2 * j] + ((y - y0) / (y1 - y0)) * (ring[2 * i] - ring[2 * j]));
        }
      }
      crossings.sort((a, b) => a - b);
      for (let k = 0; k + 1 < crossings.length; k += 2) {
        const a = Math.max(0, Math.ceil(crossings[k] * S - 0.5));
        const b = Math.min(sw, Math.ceil(crossings[k + 1] * S - 0.5));
        if (b <= a) continue;
        samples.fill(1, sy * sw + a, sy * sw + b);
        extend(Math.floor(a / S), Math.floor(sy / S), Math.ceil(b / S), Math.floor(sy / S) + 1);
      }
    }
  };

  /** Marks the samples within `r` px of (cx, cy), and outside `inner` px. */
  const markDisc = (cx: number, cy: number, r: number, inner = -1) => {
    const x0 = Math.max(0, Math.floor((cx - r) * S));
    const x1 = Math.min(sw - 1, Math.ceil((cx + r) * S));
    const y0 = Math.max(0, Math.floor((cy - r) * S));
    const y1 = Math.min(sh - 1, Math.ceil((cy + r) * S));
    for (let sy = y0; sy <= y1; sy++) {
      for (let sx = x0; sx <= x1; sx++) {
        const d = Math.hypot((sx + 0.5) / S - cx, (sy + 0.5) / S - cy);
        if (d <= r && d > inner) samples[sy * sw + sx] = 1;
      }
    }
    extend(Math.floor(x0 / S), Math.floor(y0 / S), Math.ceil((x1 + 1) / S), Math.ceil((y1 + 1) / S));
  };

  /** Blends `colour(px, py)` (RGB and alpha) over each marked pixel by its share of samples, and clears them. */
  const blend = (colour: (px: number, py: number) => readonly [number, number, number, number]) => {
    const [bx0, by0, bx1, by1] = [Math.max(0, box[0]), Math.max(0, box[1]), Math.min(width, box[2]), Math.min(height, box[3])];
    for (let py = by0; py < by1; py++) {
      for (let px = bx0; px < bx1; px++) {
        let covered = 0;
        for (let k = 0; k < S; k++) {
          const row = (py * S + k) * sw + px * S;
          for (let l = 0; l < S; l++) covered += samples[row + l];
        }
        if (covered === 0) continue;
        for (let k = 0; k < S; k++) samples.fill(0, (py * S + k) * sw + px * S, (py * S + k) * sw + px * S + S);
        const [r, g, b, a] = colour(px, py);
        const alpha = (a * covered) / SAMPLES;
        const at = (py * width + px) * 3;
        pixels[at] = Math.round(pixels[at] * (1 - alpha) + r * alpha);
        pixels[at + 1] = Math.round(pixels[at + 1] * (1 - alpha) + g * alpha);
        pixels[at + 2] = Math.round(pixels[at + 2] * (1 - alpha) + b * alpha);
      }
    }
    box = [width, height, -1, -1];
  };
  const solid = (hex: string, alpha: number) => {
    const c = [...rgb(hex), alpha] as const;
    return () => c;
  };

  /** The shape's rings in px (lines, for an open shape). */
  const ringsOf = (shape: MercatorShape<unknown>): Polygon[] =>
    shape.polygons.map((polygon) =>
      polygon.map((ring) => {
        const out: number[] = [];
        for (let i = 0; i < ring.length; i += 2) out.push(...applyTransform(t, ring[i], ring[i + 1]));
        return out;
      }),
    );

  /** Marks a butt-capped segment `width` px wide. */
  const markSegment = (x0: number, y0: number, x1: number, y1: number, width: number) => {
    const length = Math.hypot(x1 - x0, y1 - y0);
    if (length === 0) return;
    const nx = ((y0 - y1) / length) * (width / 2);
    const ny = ((x1 - x0) / length) * (width / 2);
    markPolygons([[[x0 + nx, y0 + ny, x1 + nx, y1 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny]]]);
  };

  /** Marks a line along `points`, dashed by `pattern` px (on, off, …) carried on from segment to segment. */
  const markLine = (points: number[], width: number, pattern: number[]) => {
    let phase = 0;
    let index = 0;
    for (let i = 2; i < points.length; i += 2) {
      const [x0, y0, x1, y1] = [points[i - 2], points[i - 1], points[i], points[i + 1]];
      const length = Math.hypot(x1 - x0, y1 - y0);
      if (!pattern.length) {
        markSegment(x0, y0, x1, y1, width);
        continue;
      }
      let at = 0;
      while (at < length) {
        const step = Math.min(pattern[index] - phase, length - at);
        if (index % 2 === 0) {
          const [f0, f1] = [at / length, (at + step) / length];
          markSegment(x0 + (x1 - x0) * f0, y0 + (y1 - y0) * f0, x0 + (x1 - x0) * f1, y0 + (y1 - y0) * f1, width);
        }
        at += step;
        phase += step;
        if (phase >= pattern[index] - 1e-9) {
          phase = 0;
          index = (index + 1) % pattern.length;
        }
      }
    }
  };

  const hatch = hatchImage();
  // From the frame's px to the hatch image's: the inverse of the pattern's matrix.
  const [a, b, c, d, e, f] = hatchMatrix(t, zoom);
  const det = a * d - b * c;
  const hatchAt = (px: number, py: number, opacity: number): readonly [number, number, number, number] => {
    const [x, y] = [px + 0.5 - e, py + 0.5 - f];
    const ix = ((Math.floor((d * x - c * y) / det) % hatch.width) + hatch.width) % hatch.width;
    const iy = ((Math.floor((a * y - b * x) / det) % hatch.height) + hatch.height) % hatch.height;
    const k = (iy * hatch.width + ix) * 4;
    return [hatch.data[k], hatch.data[k + 1], hatch.data[k + 2], (hatch.data[k + 3] / 255) * opacity];
  };

  const painter: Painter = {
    background(colour) {
      const [r, g, bl] = rgb(colour);
      for (let i = 0; i < pixels.length; i += 3) [pixels[i], pixels[i + 1], pixels[i + 2]] = [r, g, bl];
    },
    fill(shape, colour, opacity = 1) {
      markPolygons(ringsOf(shape));
      blend(solid(colour, opacity));
    },
    hatch(shape, opacity) {
      markPolygons(ringsOf(shape));
      blend((px, py) => hatchAt(px, py, opacity));
    },
    stroke(shapes, colour, width, dash = [], opacity = 1) {
      const pattern = dash.map((v) => v * width);
      for (const shape of shapes) {
        for (const ring of ringsOf(shape).flat()) markLine(shape.open ? ring : [...ring, ring[0], ring[1]], width, pattern);
      }
      blend(solid(colour, opacity));
    },
    circle(wx, wy, radius, strokeWidth, fill, fillOpacity, strokeColour) {
      const [x, y] = applyTransform(t, wx, wy);
      markDisc(x, y, radius + strokeWidth, radius);
      blend(solid(strokeColour, 1));
      if (radius > 0) {
        markDisc(x, y, radius);
        blend(solid(fill, fillOpacity));
      }
    },
  };
  return { painter, pixels };
}
