// What the floor and peer pages draw at each scale. bench/prepare.mjs gives every unit the colour the atlas gives it
// (computed by the atlas's own modules), so all three pages paint the same polygons in the same colours.
import { COLORS } from '../../src/look/theme.ts';

const sameColours = {
  colourOf: (props) => props.colour,
  fillExpression: ['get', 'colour'],
  describe: (props) => props.name,
};

export const SCALES = {
  circle: { url: '/bench-data/circle.geojson', ...sameColours },
  china: { url: '/bench-data/china.geojson', ...sameColours },
};

export const BACKGROUND = COLORS.background;
export const BORDER = COLORS.unitLine;

export function scaleOfPage() {
  return SCALES[new URLSearchParams(location.search).get('scale') ?? 'circle'];
}

/** Marks the page settled so the runner knows when to stop recording; timings come from screen frames only. */
export function markSettled() {
  document.body.dataset.settled = 'true';
}
