/**
 * The keys both legends show under the classes (src/ui/Legend.tsx on screen, the PNG export's), read off the layers
 * they stand for, so a key cannot show another colour, width or dash than the map.
 */
import { hatchImage } from './hatch';
import { layerPaint, UNIT_FILL, type Dash, type Paint } from './layers';
import { PRODUCTS } from '../model/plants';

export interface LineKey {
  colour: string;
  width: number;
  dash: Dash;
}

/** A line layer as a key: its unselected width, its dash for features without a case of their own. */
function lineKey(id: string): LineKey {
  const { colour, width, dash = [] } = layerPaint(id, 'line') as Extract<Paint, { type: 'line' }>;
  if (typeof width !== 'number' && !('normal' in width)) throw new Error(`look: ${id}'s width changes with zoom; a key needs one`);
  return { colour, width: typeof width === 'number' ? width : width.normal, dash: 'otherwise' in dash ? dash.otherwise : dash };
}

/** The dash in px, for a canvas's setLineDash or SVG's stroke-dasharray. */
export function dashPx({ dash, width }: LineKey): number[] {
  return dash.map((d) => d * width);
}

const zoneFill = layerPaint('zones-fill', 'fill');
if (typeof zoneFill.colour !== 'string') throw new Error('look: the zones are filled with one colour');
const zoneColour: string = zoneFill.colour;
const hatchOpacity = layerPaint('provinces-partial', 'hatch').opacity;
const circles = layerPaint('provinces-circles', 'circle');
if (typeof circles.colour !== 'string') throw new Error('look: the totals\' circles are one colour');
const circleColour: string = circles.colour;
const plants = layerPaint('plants', 'circle');
if (typeof plants.colour === 'string' || typeof plants.radius !== 'object') throw new Error('look: plants are coloured by product and sized by capacity');
const plantColours = plants.colour.cases;
const plantOtherwise = plants.colour.otherwise;
const hatch = hatchImage();
const stripeAlpha = Math.max(...hatch.data.filter((_, i) => i % 4 === 3)) / 255;

export const LEGEND_KEYS = {
  /** The Circle's outline. */
  circle: lineKey('circle-line'),
  /** A unit partly in the Circle: its membership fill with the stripes over it. */
  partial: {
    fill: UNIT_FILL.otherwise.cases.partial,
    hatchOpacity,
    /** The stripes' colour as CSS, the image's times the layer's opacity, for swatches drawn without the image. */
    stripe: `rgba(${hatch.data[0]}, ${hatch.data[1]}, ${hatch.data[2]}, ${Math.round(stripeAlpha * hatchOpacity * 1000) / 1000})`,
  },
  /** A zone: its translucent fill inside the (approximate) outline. */
  zone: {
    fill: zoneColour,
    fillOpacity: zoneFill.opacity ?? 1,
    line: lineKey('zones-line'),
  },
  /** A total's proportional circle. */
  circles: { colour: circleColour, opacity: circles.opacity },
  /** The plants: a colour per product (model/plants.ts's PRODUCTS order), their stroke, the radius where capacity is unknown. */
  plants: {
    colours: PRODUCTS.map((product) => ({ product, colour: plantColours[product] ?? plantOtherwise })),
    opacity: plants.opacity,
    stroke: plants.strokeColour,
    unknownRadius: plants.radius.otherwise,
    strokeWidth: plants.strokeWidth,
  },
} as const;
