// What the floor and peer pages draw at each scale, and with which colours. The Circle's colours are the atlas's own
// (imported, so they cannot drift); all China gets a five-class palette over a deterministic value per adcode.
import { COLORS } from '../../src/map/style.ts';

const CHINA_BREAKS = [20, 40, 60, 80];
const CHINA_COLOURS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];

export const SCALES = {
  circle: {
    url: '/bench-data/circle.geojson',
    colourOf: (props) =>
      props.circle === 'full' ? COLORS.membershipFull : props.circle === 'partial' ? COLORS.membershipPartial : COLORS.outside,
    fillExpression: ['match', ['get', 'circle'], 'full', COLORS.membershipFull, 'partial', COLORS.membershipPartial, COLORS.outside],
    describe: (props) => `${props.name}: ${props.circle}`,
  },
  china: {
    url: '/bench-data/china.geojson',
    colourOf: (props) => CHINA_COLOURS[CHINA_BREAKS.filter((b) => props.value >= b).length],
    fillExpression: ['step', ['get', 'value'], CHINA_COLOURS[0], ...CHINA_BREAKS.flatMap((b, i) => [b, CHINA_COLOURS[i + 1]])],
    describe: (props) => `${props.name}: ${props.value}`,
  },
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
