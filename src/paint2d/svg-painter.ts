/**
 * A Painter (render.ts) that writes SVG markup instead of drawing: the same frame as the 2D canvas, built into
 * index.html as the first view (src/first-view/). User units are the frame's px at one reference camera; the SVG is
 * fitted to any other screen by its viewBox, so widths, dashes and radii are kept in screen px with non-scaling
 * strokes (a round-capped zero-length stroke is a disc of that width).
 * Pure: no DOM.
 */
import { hatchImage } from '../look/hatch';
import { applyTransform, type ScreenTransform } from './mercator';
import { hatchMatrix, type Painter } from './render';
import type { MercatorShape } from './shapes';

/**
 * Outlines simplified to within this many reference px, and points rounded to whole ones: the picture is shown for
 * a fraction of a second before the 2D frame replaces it, and an edge moving by a px then is not seen, while the
 * markup (index.html) is 3x smaller than at 0.1 px (~30 KB gzipped instead of ~75 KB).
 */
const TOLERANCE = 1;

/** Douglas-Peucker over a ring of px points [x0, y0, x1, y1, …]: the indices of the points kept. */
function keptPoints(points: Float64Array, tolerance: number): number[] {
  const count = points.length / 2;
  const keep = new Uint8Array(count);
  keep[0] = keep[count - 1] = 1;
  const stack: [number, number][] = [[0, count - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    const ax = points[2 * first];
    const ay = points[2 * first + 1];
    const dx = points[2 * last] - ax;
    const dy = points[2 * last + 1] - ay;
    const length = Math.hypot(dx, dy);
    let farthest = -1;
    let max = tolerance;
    for (let i = first + 1; i < last; i++) {
      const px = points[2 * i] - ax;
      const py = points[2 * i + 1] - ay;
      // Distance to the chord, or to its one point where the ring's ends coincide.
      const distance = length > 0 ? Math.abs(px * dy - py * dx) / length : Math.hypot(px, py);
      if (distance > max) [max, farthest] = [distance, i];
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([first, farthest], [farthest, last]);
  }
  return [...keep.keys()].filter((i) => keep[i]);
}

/**
 * The shape as a compact SVG path in the transform's px: points within `tolerance` px of the simplified outline
 * left out, then relative moves between points rounded to whole px (from rounded absolute positions, so errors never
 * add up).
 */
export function compactPathData(shape: MercatorShape<unknown>, { a, b, c, d, e, f }: ScreenTransform, tolerance: number): string {
  const parts: string[] = [];
  for (const polygon of shape.polygons) {
    for (const ring of polygon) {
      const points = new Float64Array(ring.length);
      for (let i = 0; i < ring.length; i += 2) {
        points[i] = a * ring[i] + c * ring[i + 1] + e;
        points[i + 1] = b * ring[i] + d * ring[i + 1] + f;
      }
      let px = 0;
      let py = 0;
      for (const [k, i] of keptPoints(points, tolerance).entries()) {
        const x = Math.round(points[2 * i]);
        const y = Math.round(points[2 * i + 1]);
        if (k === 0) parts.push(`M${x} ${y}`);
        else if (x !== px || y !== py) parts.push(`l${x - px} ${y - py}`);
        px = x;
        py = y;
      }
      if (!shape.open) parts.push('z');
    }
  }
  return parts.join('');
}

const HEX_COLOUR = /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i;

/** Colours reach the markup as attribute text: only plain hex colours are written (they all are: model/palette.ts, look/theme.ts). */
function colour(value: string): string {
  if (!HEX_COLOUR.test(value)) throw new Error(`svg-painter: not a hex colour: ${JSON.stringify(value)}`);
  return value;
}

/** A number as attribute text, without float noise. */
function n(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/**
 * The same repeating pattern with its origin moved by whole tiles to near the user space's origin: the world origin
 * lies tens of thousands of units away, where the browser placed the stripes a few px off the canvas's and MapLibre's.
 */
function nearOrigin([a, b, c, d, e, f]: readonly number[], tile: number): number[] {
  if (b !== 0 || c !== 0) return [a, b, c, d, e, f];
  const wrap = (value: number, period: number) => value - Math.floor(value / period) * period;
  return [a, b, c, d, wrap(e, a * tile), wrap(f, d * tile)];
}

export interface SvgFrame {
  painter: Painter;
  /**
   * A standalone `<svg>` document of everything painted so far, in user units, without size or viewBox: whoever
   * shows it fits the part it wants into the screen (first-view/fit.ts).
   */
  markup(): string;
}

/** The hatch image (look/hatch.ts) as an SVG pattern `id`, one rect per stripe pixel, placed by `transform`. */
export function hatchPattern(id: string, transform: readonly number[]): string {
  const image = hatchImage();
  const pixels: string[] = [];
  for (let i = 0; i < image.width * image.height; i++) {
    const alpha = image.data[i * 4 + 3];
    if (alpha === 0) continue;
    const rgb = `#${[0, 1, 2].map((k) => image.data[i * 4 + k].toString(16).padStart(2, '0')).join('')}`;
    const opacity = alpha === 255 ? '' : ` fill-opacity="${n(alpha / 255)}"`;
    pixels.push(`<rect x="${i % image.width}" y="${Math.floor(i / image.width)}" width="1" height="1" fill="${rgb}"${opacity}/>`);
  }
  return (
    `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${image.width}" height="${image.height}" ` +
    `patternTransform="matrix(${nearOrigin(transform, image.width).map(n).join(' ')})">${pixels.join('')}</pattern>`
  );
}

export interface SvgFrameOptions {
  /** Starts every id in the markup, so that two frames can share a document. */
  idPrefix: string;
  /** Outlines are simplified to within this many user units (TOLERANCE for the first view). */
  tolerance: number;
}

/**
 * `t` maps unit-world coordinates to user units (the reference frame's px), `zoom` is the reference camera's zoom
 * (it places the hatch stripes, as MapLibre does, render.ts). `minScale`: the smallest screen px per user unit the
 * picture will be shown at, which sizes the circles' masks.
 */
export function svgFrame(t: ScreenTransform, zoom: number, minScale: number, { idPrefix, tolerance }: SvgFrameOptions = { idPrefix: 'fv', tolerance: TOLERANCE }): SvgFrame {
  const defs: string[] = [];
  const body: string[] = [];
  const ids = new Map<MercatorShape<unknown>, string>();
  /** Each shape's geometry once, drawn by reference; non-scaling is a property of the geometry, not inherited. */
  const ref = (shape: MercatorShape<unknown>) => {
    let id = ids.get(shape);
    if (!id) {
      ids.set(shape, (id = `${idPrefix}${ids.size}`));
      defs.push(`<path id="${id}" d="${compactPathData(shape, t, tolerance)}" vector-effect="non-scaling-stroke"/>`);
    }
    return `href="#${id}"`;
  };
  const opacity = (name: string, value: number) => (value === 1 ? '' : ` ${name}="${n(value)}"`);
  let hatchId: string | null = null;
  const hatch = () => {
    if (!hatchId) {
      hatchId = `${idPrefix}h`;
      defs.push(hatchPattern(hatchId, hatchMatrix(t, zoom)));
    }
    return `url(#${hatchId})`;
  };
  /** A disc of `radius` screen px at user-unit point (x, y). */
  const disc = (x: number, y: number, radius: number, fill: string, fillOpacity: number, extra = '') =>
    `<path d="M${n(x)} ${n(y)}h0" stroke="${colour(fill)}" stroke-width="${n(2 * radius)}"${opacity('stroke-opacity', fillOpacity)} stroke-linecap="round" vector-effect="non-scaling-stroke"${extra}/>`;
  let masks = 0;

  const painter: Painter = {
    background(fill) {
      body.push(`<rect x="-1e6" y="-1e6" width="2e6" height="2e6" fill="${colour(fill)}"/>`);
    },
    fill(shape, fill, fillOpacity = 1) {
      body.push(`<use ${ref(shape)} fill="${colour(fill)}"${opacity('fill-opacity', fillOpacity)}/>`);
    },
    hatch(shape, fillOpacity) {
      body.push(`<use ${ref(shape)} fill="${hatch()}"${opacity('fill-opacity', fillOpacity)}/>`);
    },
    stroke(shapes, stroke, width, dash = [], strokeOpacity = 1) {
      const dashes = dash.length ? ` stroke-dasharray="${dash.map((d) => n(d * width)).join(' ')}"` : '';
      body.push(
        `<g fill="none" stroke="${colour(stroke)}" stroke-width="${n(width)}"${dashes}${opacity('stroke-opacity', strokeOpacity)}>` +
          shapes.map((s) => `<use ${ref(s)}/>`).join('') +
          '</g>',
      );
    },
    circle(wx, wy, radius, strokeWidth, fill, fillOpacity, strokeColour) {
      const [x, y] = applyTransform(t, wx, wy);
      const outer = radius + strokeWidth;
      if (radius > 0 && fillOpacity < 1) {
        // The ring must not show through the translucent fill: it is the outer disc with the inner one masked out.
        // The mask's region, in user units, holds the disc at the smallest scale the picture is shown at.
        const id = `${idPrefix}m${masks++}`;
        const half = (outer + 1) / minScale;
        defs.push(
          `<mask id="${id}" maskUnits="userSpaceOnUse" x="${n(x - half)}" y="${n(y - half)}" width="${n(2 * half)}" height="${n(2 * half)}">` +
            `<rect x="${n(x - half)}" y="${n(y - half)}" width="${n(2 * half)}" height="${n(2 * half)}" fill="#fff"/>` +
            disc(x, y, radius, '#000', 1) +
            '</mask>',
        );
        body.push(disc(x, y, outer, strokeColour, 1, ` mask="url(#${id})"`));
      } else body.push(disc(x, y, outer, strokeColour, 1));
      if (radius > 0) body.push(disc(x, y, radius, fill, fillOpacity));
    },
  };
  return {
    painter,
    markup: () =>
      // MapLibre's line defaults, as the canvas sets them: miter joins up to 2x the width, butt caps.
      `<svg xmlns="http://www.w3.org/2000/svg" stroke-linejoin="miter" stroke-miterlimit="2"><defs>${defs.join('')}</defs>${body.join('')}</svg>`,
  };
}
