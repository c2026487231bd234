/**
 * The current view as an SVG to download: the PNG's picture (export-png.ts's drawPicture: map, names, title,
 * legend, credit and sources) drawn by the same code through an SVG-writing context (svg-context.ts), its maps by
 * render.ts's drawView through the SVG painter, so lines, fills and text stay vectors for print and editing.
 */
import { drawPicture, IMAGE_SIZE, pageFont, type MapImageOptions } from './export-png';
import type { LabelFrame } from './labels';
import { screenTransform } from './mercator';
import { drawView, type PaintView } from './render';
import { SvgContext } from './svg-context';
import { svgFrame } from './svg-painter';

/** User units of a map per picture px: outlines are kept to within a tenth of a px. */
const MAP_UNITS_PER_PX = 10;

export function mapImageSvg(options: MapImageOptions): string {
  const ctx = new SvgContext(document.createElement('canvas').getContext('2d')!);
  let maps = 0;
  const map = (view: PaintView, { x, y, width, height }: LabelFrame) => {
    const t = screenTransform(view.camera, { width, height }, MAP_UNITS_PER_PX);
    const frame = svgFrame(t, view.camera.zoom, 1 / MAP_UNITS_PER_PX, { idPrefix: `map${maps++}-`, tolerance: 1 });
    drawView(frame.painter, options.scene, view);
    // Nested, so its viewBox scales the map into the frame and clips it there.
    const place = `x="${x}" y="${y}" width="${width}" height="${height}" viewBox="0 0 ${width * MAP_UNITS_PER_PX} ${height * MAP_UNITS_PER_PX}"`;
    ctx.raw(frame.markup().replace(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, `<svg ${place}`));
  };
  drawPicture({ ctx, family: pageFont(), map }, options);
  return ctx.markup(IMAGE_SIZE.width, IMAGE_SIZE.height);
}

export function mapImageSvgBlob(options: MapImageOptions): Blob {
  return new Blob([mapImageSvg(options)], { type: 'image/svg+xml' });
}
