import { pinyin } from 'pinyin-pro';

/** Place-name readings that differ from the everyday reading pinyin-pro may choose (or has chosen wrongly):
 *  a small explicit table so these names do not depend on the library's heuristics. */
export const PINYIN_OVERRIDES: Readonly<Record<string, string>> = {
  重庆: 'chong qing',
  长寿: 'chang shou',
  长宁: 'chang ning',
  大足: 'da zu',
  乐山: 'le shan',
  乐至: 'le zhi',
  都江堰: 'du jiang yan',
  成都: 'cheng du',
  新都: 'xin du',
  郫都: 'pi du',
  丰都: 'feng du',
  犍为: 'qian wei',
  阆中: 'lang zhong',
  筠连: 'jun lian',
  什邡: 'shi fang',
  丹棱: 'dan ling',
  荥经: 'ying jing',
};

/** The same for county-level names elsewhere in China (the all-China layer, geo/lib/national), kept apart
 *  so that each table lists only readings its own layer uses. 都 and 什 are du and shi in every place name;
 *  a single character stands for a name that englishName romanises without its suffix (蔚县 → 蔚). */
export const NATIONAL_PINYIN_OVERRIDES: Readonly<Record<string, string>> = {
  都: 'du',
  什: 'shi',
  曾都: 'zeng du',
  乐亭: 'lao ting',
  乐清: 'yue qing',
  民乐: 'min le',
  万柏林: 'wan bai lin',
  蔚: 'yu', // 蔚县
  洪洞: 'hong tong',
  珲春: 'hun chun',
  蚌山: 'beng shan',
  歙: 'she', // 歙县
  涡阳: 'guo yang',
  单: 'shan', // 单县
  浚: 'xun', // 浚县
  泌阳: 'bi yang',
  黄陂: 'huang pi',
  大埔: 'da bu',
  覃塘: 'tan tang',
  繁峙: 'fan shi',
  尉犁: 'yu li',
  六合: 'lu he',
  牟定: 'mou ding',
  穆棱: 'mu ling',
  宕昌: 'tan chang',
  调兵山: 'diao bing shan',
  召陵: 'shao ling',
};

const OVERRIDES: Readonly<Record<string, string>> = { ...NATIONAL_PINYIN_OVERRIDES, ...PINYIN_OVERRIDES };
const overrideKeys = Object.keys(OVERRIDES).sort((a, b) => b.length - a.length);

const libraryPinyin = (text: string): string[] =>
  pinyin(text, { toneType: 'none', type: 'array', v: true }).map((syllable) => syllable.toLowerCase());

/** Toneless pinyin syllables of a Chinese name, override table first, pinyin-pro for the rest. */
export function pinyinSyllables(nameZh: string): string[] {
  const syllables: string[] = [];
  let pending = '';
  const flush = () => {
    if (pending) syllables.push(...libraryPinyin(pending));
    pending = '';
  };
  for (let i = 0; i < nameZh.length; ) {
    const key = overrideKeys.find((k) => nameZh.startsWith(k, i));
    if (key) {
      flush();
      syllables.push(...OVERRIDES[key]!.split(' '));
      i += key.length;
    } else {
      pending += nameZh[i];
      i += 1;
    }
  }
  flush();
  return syllables;
}

export const pinyinOf = (nameZh: string): string => pinyinSyllables(nameZh).join(' ');

/** Standard romanisation of a place name: syllables run together, capitalised, with an apostrophe
 *  before a syllable starting with a, o or e (Nan'an, Ya'an). */
export function romanise(syllables: string[]): string {
  const joined = syllables
    .map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s))
    .join('')
    .replaceAll('v', 'ü');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** English names by convention where they are not the romanised Chinese name. */
const ENGLISH_BASE_NAMES: Readonly<Record<string, string>> = {
  陕西: 'Shaanxi', // distinguished from 山西 Shanxi by convention
  西藏: 'Tibet',
  阿坝: 'Ngawa', // the prefecture's own English name
  甘孜: 'Garzê',
};

const ETHNIC_GROUPS: Readonly<Record<string, string>> = {
  土家族: 'Tujia',
  苗族: 'Miao',
  羌族: 'Qiang',
  彝族: 'Yi',
  藏族: 'Tibetan',
  // the other groups named by autonomous units elsewhere in China (all-China layer, geo/lib/national)
  壮族: 'Zhuang', 回族: 'Hui', 满族: 'Manchu', 维吾尔族: 'Uyghur', 蒙古族: 'Mongol', 侗族: 'Dong',
  布依族: 'Bouyei', 瑶族: 'Yao', 白族: 'Bai', 朝鲜族: 'Korean', 哈尼族: 'Hani', 黎族: 'Li', 哈萨克族: 'Kazakh',
  傣族: 'Dai', 畲族: 'She', 傈僳族: 'Lisu', 东乡族: 'Dongxiang', 仡佬族: 'Gelao', 拉祜族: 'Lahu', 佤族: 'Va',
  水族: 'Sui', 纳西族: 'Naxi', 土族: 'Tu', 仫佬族: 'Mulao', 锡伯族: 'Xibe', 柯尔克孜族: 'Kyrgyz', 景颇族: 'Jingpo',
  达斡尔族: 'Daur', 撒拉族: 'Salar', 布朗族: 'Blang', 毛南族: 'Maonan', 塔吉克族: 'Tajik', 普米族: 'Pumi',
  阿昌族: 'Achang', 怒族: 'Nu', 鄂温克族: 'Evenki', 京族: 'Gin', 基诺族: 'Jino', 德昂族: "De'ang", 保安族: 'Bonan',
  俄罗斯族: 'Russian', 裕固族: 'Yugur', 乌孜别克族: 'Uzbek', 门巴族: 'Monba', 鄂伦春族: 'Oroqen', 独龙族: 'Derung',
  赫哲族: 'Hezhen', 高山族: 'Gaoshan', 珞巴族: 'Lhoba', 塔塔尔族: 'Tatar', 各族: 'Various Nationalities',
  // names that leave out 族 (Xinjiang, Inner Mongolia)
  哈萨克: 'Kazakh', 塔吉克: 'Tajik', 锡伯: 'Xibe', 蒙古: 'Mongol', 鄂伦春: 'Oroqen',
};

const ETHNIC_KEYS = Object.keys(ETHNIC_GROUPS).sort((a, b) => b.length - a.length);
const ETHNIC_KINDS: Readonly<Record<string, string>> = {
  自治县: 'Autonomous County',
  自治州: 'Autonomous Prefecture',
  自治旗: 'Autonomous Banner',
  区: 'District', // 管城回族区 Guancheng Hui District
};
const ETHNIC_PATTERN = new RegExp(`^(.*?)((?:${ETHNIC_KEYS.join('|')})+)(自治县|自治州|自治旗|区)$`);

/** County-level units whose English name is not made by the rules below. */
const COUNTY_ENGLISH_NAMES: Readonly<Record<string, string>> = {
  浦东新区: 'Pudong New Area',
  滨海新区: 'Binhai New Area',
  沈北新区: 'Shenbei New District',
  神农架林区: 'Shennongjia Forestry District',
  六枝特区: 'Liuzhi Special District',
  中农发山丹马场: 'Shandan Horse Farm',
  大柴旦行政委员会: 'Dachaidan Administrative Committee',
};

/** "Miao and Tujia"; "Bonan, Dongxiang and Salar". */
const joinGroups = (groups: string[]): string =>
  groups.length < 3 ? groups.join(' and ') : `${groups.slice(0, -1).join(', ')} and ${groups.at(-1)}`;

export type NamedLevel = 'context' | 'province' | 'prefecture' | 'county';

function baseEnglish(baseZh: string): string {
  return ENGLISH_BASE_NAMES[baseZh] ?? romanise(pinyinSyllables(baseZh));
}

/** English name of an administrative unit from its full Chinese name: "Yubei District", "Jianyang City"
 *  (county-level city), "Chengdu" (prefecture-level city), "Shizhu Tujia Autonomous County". */
export function englishName(nameZh: string, level: NamedLevel): string {
  if (level === 'county' && COUNTY_ENGLISH_NAMES[nameZh]) return COUNTY_ENGLISH_NAMES[nameZh];
  const ethnic = ETHNIC_PATTERN.exec(nameZh);
  if (ethnic) {
    const [, base, groupsZh, kind] = ethnic as unknown as [string, string, string, string];
    const groups = groupsZh.match(new RegExp(ETHNIC_KEYS.join('|'), 'g'))!.map((g) => ETHNIC_GROUPS[g]!);
    return [base ? baseEnglish(base) : '', joinGroups(groups), ETHNIC_KINDS[kind]].filter(Boolean).join(' ');
  }
  if (level === 'context' || level === 'province' || level === 'prefecture') {
    return baseEnglish(nameZh.replace(/(自治区|省|市)$/, ''));
  }
  const suffix = /(矿区|区|县|市|旗)$/.exec(nameZh)?.[1];
  if (!suffix) throw new Error(`no county-level suffix in ${nameZh}`);
  const base = nameZh.slice(0, -suffix.length);
  if (suffix === '矿区' && !base) return 'Kuang District'; // 阳泉 矿区, named after the mines alone
  const kind = { 矿区: 'Mining District', 区: 'District', 县: 'County', 市: 'City', 旗: 'Banner' }[suffix];
  return `${baseEnglish(base)} ${kind}`;
}
