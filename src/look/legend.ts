/**
 * The keys both legends show under the classes (src/ui/Legend.tsx on screen, the PNG export's), read off the layers
 * they stand for, so a key cannot show another colour, width or dash than the map.
 */
import { hatchImage } from './hatch';
import { layerPaint, UNIT_FILL, type Dash, type Paint } from './layers';
import { PRODUCTS } from '../model/plants';
import type { Figure, IndicatorModel } from '../model/dataset';
import { CHONGQING, SICHUAN } from '../model/derived';
import { LEVEL_MEMBERS } from '../model/level-units';
import { circleKeyValues, drawsAnyCircle, zonesDrawnAsSymbols, type MapColouring } from '../model/map-colouring';
import type { Lang, Level } from '../model/vocabulary';
import { figureLine } from '../model/part-year';
import { t } from '../i18n/strings';

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

/** What a view draws, as far as its legend is concerned. */
export interface LegendView {
  level: Level;
  zones: boolean;
  /** The plants are drawn (a car industry indicator, and their file read). */
  plants: boolean;
}

/**
 * Which keys a legend shows for a view, so both legends (the panel's, the PNG's) show a key exactly where the map
 * draws what it stands for, and never one for a symbol not drawn.
 */
export interface LegendPlan {
  /** The fill's classes, each with its count for the year; none where units keep their membership colour. */
  classes: boolean;
  /** Reference values of the circle key (largest first); empty where no circle is drawn. */
  circleValues: number[];
  /** Circles drawn (units' and zones'), and the level's units without one (no figure for the year): for a total. */
  circleCounts: { drawn: number; none: number } | null;
  /** The stripes of units partly in the Circle: drawn at the levels of the Circle's own units. */
  partial: boolean;
  zones: boolean;
  plants: boolean;
  /**
   * The municipality's and the province's totals for the year, where the indicator's figures are mostly published
   * for them (the car industry's): said in the legend, as Sichuan is drawn at no level.
   */
  totals: { id: string; figure: Figure | null }[];
  /** Figures of part of the year (never drawn), each named with its unit and period. */
  partYears: { id: string; figure: Figure }[];
}

/** The totals the legend of a car industry indicator names. */
const PROVINCE_TOTALS = [CHONGQING, SICHUAN];

export function legendPlan(colouring: MapColouring, view: LegendView, model: IndicatorModel): LegendPlan {
  const circles = drawsAnyCircle(colouring);
  // Circles of units and zones; "none": the level's units without a figure.
  const drawn = [...(colouring.radii?.values() ?? [])].filter((r) => r > 0).length;
  const none = [...colouring.values.values()].filter((value) => value === null).length;
  return {
    classes: colouring.filled,
    circleValues: circles ? circleKeyValues(colouring.maxValue) : [],
    circleCounts: colouring.filled ? null : { drawn, none },
    partial: !LEVEL_MEMBERS[view.level].national,
    zones: view.zones,
    plants: view.plants,
    totals: zonesDrawnAsSymbols(colouring.indicator)
      ? PROVINCE_TOTALS.map((id) => ({ id, figure: model.figure(id, colouring.indicator, colouring.year) }))
      : [],
    partYears: [...colouring.partYears].map(([id, figure]) => ({ id, figure })),
  };
}

/** A block of figures said in words (totals, part years), as both legends write it. */
export interface LegendFigureList {
  key: 'totals' | 'part-years';
  title: string;
  /** `figure`: what the line says, for its sources (null: no figure, said as such). */
  items: { id: string; text: string; figure: Figure | null; period?: string }[];
}

export function legendFigureLists(plan: LegendPlan, colouring: MapColouring, model: IndicatorModel, lang: Lang, name: (id: string) => string): LegendFigureList[] {
  const line = (figure: Figure | null) => figureLine(model, colouring.indicator, figure, lang) ?? t(lang, 'no_data');
  const lists: LegendFigureList[] = [
    {
      key: 'totals',
      title: t(lang, 'legend_totals', { year: colouring.year }),
      items: plan.totals.map(({ id, figure }) => ({ id, text: `${name(id)} · ${line(figure)}`, figure })),
    },
    {
      key: 'part-years',
      title: t(lang, 'part_years'),
      items: plan.partYears.map(({ id, figure }) => ({ id, text: `${name(id)} · ${line(figure)}`, figure, period: figure.period })),
    },
  ];
  return lists.filter((list) => list.items.length > 0);
}
