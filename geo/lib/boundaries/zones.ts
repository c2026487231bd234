import { area, circle as turfCircle } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';

/** The three zones have no administrative boundary in any offline data set; every shape below is an
 *  approximation and says so in its properties. The official areas below (Liangjiang 1,200 km² planned, Tianfu
 *  1,578 km² over parts of seven units, the Hi-Tech Zone's four parts) are the zones' own published figures; how
 *  each shape is drawn is written into it (`shape_zh`, `shape_en`) and in README's Data section. */

export const LIANGJIANG_UNITS = { '500105': '江北区', '500112': '渝北区' } as const;

/** The seven county-level units that each contain part of Tianfu New Area. */
export const TIANFU_UNITS = {
  '510107': '武侯区',
  '510116': '双流区',
  '510112': '龙泉驿区',
  '510118': '新津区',
  '510185': '简阳市',
  '511403': '彭山区',
  '511421': '仁寿县',
} as const;

export const OFFICIAL_AREA_KM2 = { liangjiang: 1200, tianfu: 1578, 'chengdu-hitech': 234 } as const;

export const LIANGJIANG_TEXT = {
  name_zh: '两江新区',
  name_en: 'Liangjiang New Area',
  shape_zh: '按原江北区与渝北区的合并范围示意绘制，比新区规划范围大，且未含其在北碚区的部分。',
  shape_en:
    'Drawn as the combined area of the former Jiangbei and Yubei districts, which is larger than the planned new area and leaves out its part in Beibei.',
  note_zh:
    '2025年11月起两江新区同时为行政区，撤销江北区、渝北区设立，面积约1360平方千米；本图边界数据（天地图2024年版）早于这一调整。',
  note_en:
    'Since November 2025 Liangjiang has also been an administrative district of about 1,360 km² that replaced Jiangbei and Yubei; the boundary data (Tianditu, 2024) predates that change.',
};

export const TIANFU_TEXT = {
  name_zh: '天府新区',
  name_en: 'Tianfu New Area',
  shape_zh: '绘出的是包含新区部分区域的七个区（市、县）的整体，面积约为新区的4.7倍，并非新区本身范围。',
  shape_en:
    'Drawn as the seven districts and counties that each contain part of the new area; together they are about 4.7 times its size, so this is not the extent of the zone itself.',
};

export const TIANFU_CORE = {
  id: 'tianfu-core',
  name_zh: '天府新区核心区',
  name_en: 'Tianfu New Area core',
  // Around Xinglong Lake and the Tianfu Headquarters Business District, south of central Chengdu.
  lonLat: [104.07, 30.4] as [number, number],
  shape_zh: '标注点位于兴隆湖、天府总部商务区一带，为大致位置。',
  shape_en: 'The marker sits at an approximate point near Xinglong Lake and the Tianfu Headquarters Business District.',
};

export const HITECH_TEXT = {
  name_zh: '成都高新技术产业开发区',
  name_en: 'Chengdu Hi-Tech Zone',
  shape_zh: '以四个示意圆表示高新区的四个片区，各圆面积等于该片区的官方面积，位置为大致位置。',
  shape_en:
    "Drawn as four schematic circles, one per part of the zone, each with that part's official area and placed at an approximate location.",
  marker_shape_zh: '标注点为示意圆的圆心，为大致位置。',
  marker_shape_en: 'The marker is the centre of the schematic circle, an approximate location.',
};

/** The Hi-Tech Zone's four parts, official areas in km². Centres are approximate:
 *  South: Gaoxin south around the Tianfu Software Park, in Wuhou/Shuangliu south of the city centre;
 *  West: Gaoxin west in Pidu (Hezuo, Xiyuan streets), north-west of the city;
 *  Bio-City: Tianfu International Bio-City in southern Shuangliu;
 *  Future Science City: in the Eastern New Area, east of the Longquan Mountains. */
export const HITECH_PARTS = [
  { id: 'chengdu-hitech-south', name_zh: '成都高新南区', name_en: 'Chengdu Hi-Tech Zone South Area', areaKm2: 87, lonLat: [104.06, 30.55] },
  { id: 'chengdu-hitech-west', name_zh: '成都高新西区', name_en: 'Chengdu Hi-Tech Zone West Area', areaKm2: 43, lonLat: [103.97, 30.73] },
  { id: 'chengdu-hitech-biocity', name_zh: '天府国际生物城', name_en: 'Tianfu International Bio-City', areaKm2: 44, lonLat: [103.96, 30.41] },
  { id: 'chengdu-hitech-future-science-city', name_zh: '成都未来科技城', name_en: 'Future Science City', areaKm2: 60.4, lonLat: [104.43, 30.37] },
] as const;

const CIRCLE_STEPS = 48;

/** A circle polygon whose measured (turf) area equals areaKm2; the inscribed polygon and the sphere make
 *  the textbook radius slightly short, so the radius is corrected from the measured area. */
export function circleOfArea(lonLat: readonly [number, number], areaKm2: number): Feature<Polygon> {
  let radiusKm = Math.sqrt(areaKm2 / Math.PI);
  let polygon = turfCircle([...lonLat], radiusKm, { steps: CIRCLE_STEPS, units: 'kilometers' });
  for (let i = 0; i < 3; i++) {
    radiusKm *= Math.sqrt(areaKm2 / (area(polygon) / 1e6));
    polygon = turfCircle([...lonLat], radiusKm, { steps: CIRCLE_STEPS, units: 'kilometers' });
  }
  return polygon;
}
