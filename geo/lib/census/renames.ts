/**
 * How all China's county-level units (the 2024 boundaries of data/china.topo.json) meet the 2020 census's codes.
 * A unit that changed its code after census day but not its territory takes the census figure of its old code;
 * a unit whose territory changed gets no figure (a figure is never summed or split to fit a new boundary).
 */

export interface CensusRename {
  /** The unit's code in the 2020 census. */
  old: string;
  /** Its code in the boundaries the atlas draws. */
  new: string;
  name_zh: string;
  /** Why the territory is the same: the decision that changed the code. */
  reason: string;
}

/** Code changes on upgrade or renaming, each "以原…的行政区域为…的行政区域" (the old unit's area, unchanged). */
export const CENSUS_RENAMES: readonly CensusRename[] = [
  { old: '350427', new: '350405', name_zh: '沙县区', reason: '沙县 became a district of Sanming in 2021, on its own area.' },
  { old: '350681', new: '350604', name_zh: '龙海区', reason: 'County-level city 龙海市 became a district of Zhangzhou in 2021, on its own area.' },
  { old: '350625', new: '350605', name_zh: '长泰区', reason: '长泰县 became a district of Zhangzhou in 2021, on its own area.' },
  { old: '410381', new: '410307', name_zh: '偃师区', reason: 'County-level city 偃师市 became a district of Luoyang in 2021, on its own area.' },
  { old: '431121', new: '431181', name_zh: '祁阳市', reason: '祁阳县 became a county-level city in 2021, on its own area.' },
  { old: '450127', new: '450181', name_zh: '横州市', reason: '横县 became a county-level city in 2021, on its own area.' },
  { old: '513425', new: '513402', name_zh: '会理市', reason: '会理县 became a county-level city in 2021, on its own area.' },
  { old: '520522', new: '520581', name_zh: '黔西市', reason: '黔西县 became a county-level city in 2021, on its own area.' },
  { old: '532331', new: '532302', name_zh: '禄丰市', reason: '禄丰县 became a county-level city in 2021, on its own area.' },
  { old: '610322', new: '610305', name_zh: '凤翔区', reason: '凤翔县 became a district of Baoji in 2021, on its own area.' },
  { old: '610928', new: '610981', name_zh: '旬阳市', reason: '旬阳县 became a county-level city in 2021, on its own area.' },
  { old: '654223', new: '654203', name_zh: '沙湾市', reason: '沙湾县 became a county-level city in 2021, on its own area.' },
];

/** Units of the national map without a census figure, and why. `prefix` covers every code that starts with it. */
export interface CensusGap {
  ids?: readonly string[];
  prefix?: string;
  /** As GAPS.md names them (a test checks that it does). */
  name: string;
  reason: string;
}

export const CENSUS_GAPS: readonly CensusGap[] = [
  { ids: ['350404'], name: '三元区', reason: 'Sanming\'s 梅列区 (350402) and 三元区 (350403) merged into a new 三元区 in 2021: two census units, one shape.' },
  { ids: ['330113'], name: '临平区', reason: 'Split from 余杭区 in the 2021 redivision of Hangzhou.' },
  { ids: ['330114'], name: '钱塘区', reason: 'Made in 2021 of parts of 江干区 and 萧山区.' },
  { ids: ['330102'], name: '上城区', reason: 'Same code, new area: merged with most of 江干区 (330104) in 2021.' },
  { ids: ['330105'], name: '拱墅区', reason: 'Same code, new area: merged with 下城区 (330103) in 2021.' },
  { ids: ['330109'], name: '萧山区', reason: 'Same code, smaller area: ceded five subdistricts to 钱塘区 in 2021.' },
  { ids: ['330110'], name: '余杭区', reason: 'Same code, smaller area: 临平区 was split from it in 2021.' },
  { ids: ['410308'], name: '孟津区', reason: 'Made in 2021 of 孟津县 (410322) and 吉利区 (410306): a merger, not a renaming.' },
  { ids: ['320613'], name: '崇川区', reason: 'Same code, new area: 港闸区 (320611) merged into it in 2020; the census still lists 港闸区 apart.' },
  { ids: ['340209'], name: '弋江区', reason: 'Same code, new area: 三山区 (340208) merged into it in 2020; the census still lists 三山区 apart.' },
  { ids: ['659011'], name: '新星市', reason: 'A city of the Xinjiang Production and Construction Corps set up in 2021, after census day.' },
  { ids: ['659012'], name: '白杨市', reason: 'A city of the Xinjiang Production and Construction Corps set up in 2023, after census day.' },
  { ids: ['350527'], name: '金门县', reason: 'Administered from Taiwan; not in the mainland census.' },
  { ids: ['460321', '460322'], name: '西沙区, 南沙区', reason: 'Districts of Sansha set up in 2020; the census file gives no figure for them.' },
  { prefix: '6297', name: '中农发山丹马场', reason: 'A state farm drawn as its own unit; the census counts it within Gansu\'s counties, with no row of its own.' },
  { prefix: '6298', name: '莲花山风景林自然保护区', reason: 'A forest reserve drawn as its own unit; no census row of its own.' },
  { prefix: '6299', name: '太子山天然林保护区', reason: 'A forest reserve drawn as its own unit; no census row of its own.' },
  { prefix: '71', name: '台湾省', reason: 'Not covered by the mainland census.' },
  { prefix: '81', name: '香港特别行政区', reason: 'Not covered by the mainland census (Hong Kong runs its own).' },
  { prefix: '82', name: '澳门特别行政区', reason: 'Not covered by the mainland census (Macau runs its own).' },
];

/** The gap a unit falls in, or undefined when it should have a census figure. */
export function censusGapOf(id: string): CensusGap | undefined {
  return CENSUS_GAPS.find((gap) => gap.ids?.includes(id) || (gap.prefix !== undefined && id.startsWith(gap.prefix)));
}

/** The census code of a unit of the national map: its old code where only the code changed, else its own. */
export function censusCodeOf(id: string): string {
  return CENSUS_RENAMES.find((rename) => rename.new === id)?.old ?? id;
}
