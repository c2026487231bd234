/**
 * The share card: the default link's map as a PNG (1200×630, the size OpenGraph and Twitter's large card show),
 * made when the page is built from the same drawing as every other picture of the map (render.ts's drawView),
 * rasterised without a canvas (raster-painter.ts) and encoded here. index.html's og:image and twitter:image name
 * it. The card has no text: the title and description that platforms show beside it are index.html's.
 * Build time only (node:zlib).
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Topology } from 'topojson-specification';
import { COLORS } from '../look/theme';
import type { IndicatorDataset } from '../model/dataset';
import { fitBoundsCamera, screenTransform, type Viewport } from '../paint2d/mercator';
import { rasterFrame } from '../paint2d/raster-painter';
import { drawView } from '../paint2d/render';
import { defaultPicture } from './first-view';

export const SHARE_CARD_SIZE: Viewport = { width: 1200, height: 630 };
export const SHARE_CARD_FILE = 'share-card.png';
/** Around the Circle: the platforms' crops (a square on some) keep it whole. */
const PADDING = 40;

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGB pixels, row by row, as a PNG (8 bits a channel, no filter). */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth, colour type RGB, deflate, no filter method variants, no interlace
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) rows.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (1 + width * 3) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The default view's map, fitted to the card. */
export function shareCard(topology: Topology, dataset: IndicatorDataset): Buffer {
  const { scene, bounds, view } = defaultPicture(topology, dataset);
  const { width, height } = SHARE_CARD_SIZE;
  // Any zoom: the card is drawn once, for its own size.
  const camera = fitBoundsCamera(bounds, SHARE_CARD_SIZE, PADDING, { minZoom: 0, maxZoom: 22 });
  const frame = rasterFrame(width, height, screenTransform(camera, SHARE_CARD_SIZE), camera.zoom);
  frame.painter.background(COLORS.background);
  drawView(frame.painter, scene, view(camera));
  return encodePng(width, height, frame.pixels);
}
