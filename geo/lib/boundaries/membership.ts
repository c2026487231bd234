import type { Membership } from '../../../src/model/units';

/**
 * Facts from the 2021 planning outline (成渝地区双城经济圈建设规划纲要, 中共中央、国务院, October 2021): Chongqing's 27
 * districts and counties (the central districts, 万州, 涪陵 …) in full plus parts of 开州 and 云阳; Sichuan's 15 cities, 绵阳,
 * 达州 and 雅安 in part. Membership per unit, as the atlas draws it, is listed in geo/units.json (`circle`).
 */

export const CHONGQING = '500000';
export const SICHUAN = '510000';

/** Neighbouring provinces drawn as backdrop: 贵州, 云南, 湖北, 湖南, 陕西, 甘肃, 青海, 西藏. */
export const CONTEXT_PROVINCES = ['520000', '530000', '420000', '430000', '610000', '620000', '630000', '540000'];

/** Chongqing's 27 districts/counties included in full: the 9 central urban districts and 18 others. */
export const CHONGQING_FULL = [
  '500103', '500104', '500105', '500106', '500107', '500108', '500109', '500112', '500113',
  '500101', '500102', '500114', '500115', '500116', '500117', '500118', '500119', '500110',
  '500111', '500120', '500151', '500152', '500153', '500155', '500230', '500231', '500233',
];

/** Kaizhou and Yunyang: only parts of them are in the Circle. */
export const CHONGQING_PARTIAL = ['500154', '500235'];

/** Sichuan's 15 Circle cities (prefecture level). */
export const SICHUAN_CIRCLE_CITIES = [
  '510100', '510300', '510500', '510600', '510700', '510900', '511000', '511100',
  '511300', '511400', '511500', '511600', '511700', '511800', '512000',
];

/** Counties of Circle cities left out of the Circle: 平武, 北川 (Mianyang), 万源 (Dazhou), 天全, 宝兴 (Ya'an). */
export const SICHUAN_EXCLUDED_COUNTIES = ['510727', '510726', '511781', '511825', '511827'];

export const prefectureOf = (countyAdcode: string): string => `${countyAdcode.slice(0, 4)}00`;

export function countyMembership(adcode: string): Membership {
  if (adcode.startsWith('50')) {
    if (CHONGQING_FULL.includes(adcode)) return 'full';
    return CHONGQING_PARTIAL.includes(adcode) ? 'partial' : 'none';
  }
  if (!SICHUAN_CIRCLE_CITIES.includes(prefectureOf(adcode))) return 'none';
  return SICHUAN_EXCLUDED_COUNTIES.includes(adcode) ? 'none' : 'full';
}

/** A Circle city is `partial` when some of its counties are left out. */
export function prefectureMembership(adcode: string): Membership {
  if (!SICHUAN_CIRCLE_CITIES.includes(adcode)) return 'none';
  return SICHUAN_EXCLUDED_COUNTIES.some((county) => prefectureOf(county) === adcode) ? 'partial' : 'full';
}

/** Whether a county-level unit is shipped in the `counties` object: all of Chongqing, and Sichuan's Circle cities. */
export const isShippedCounty = (adcode: string): boolean =>
  adcode.startsWith('50') || SICHUAN_CIRCLE_CITIES.includes(prefectureOf(adcode));
