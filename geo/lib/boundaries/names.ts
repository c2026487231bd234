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

const overrideKeys = Object.keys(PINYIN_OVERRIDES).sort((a, b) => b.length - a.length);

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
      syllables.push(...PINYIN_OVERRIDES[key]!.split(' '));
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
};

const ETHNIC_PATTERN = new RegExp(`^(.+?)((?:${Object.keys(ETHNIC_GROUPS).join('|')})+)自治(县|州)$`);

export type NamedLevel = 'context' | 'province' | 'prefecture' | 'county';

function baseEnglish(baseZh: string): string {
  return ENGLISH_BASE_NAMES[baseZh] ?? romanise(pinyinSyllables(baseZh));
}

/** English name of an administrative unit from its full Chinese name: "Yubei District", "Jianyang City"
 *  (county-level city), "Chengdu" (prefecture-level city), "Shizhu Tujia Autonomous County". */
export function englishName(nameZh: string, level: NamedLevel): string {
  const ethnic = ETHNIC_PATTERN.exec(nameZh);
  if (ethnic) {
    const [, base, groupsZh, kind] = ethnic as unknown as [string, string, string, string];
    const groups = groupsZh.match(new RegExp(Object.keys(ETHNIC_GROUPS).join('|'), 'g'))!.map((g) => ETHNIC_GROUPS[g]);
    return `${baseEnglish(base)} ${groups.join(' and ')} Autonomous ${kind === '县' ? 'County' : 'Prefecture'}`;
  }
  if (level === 'context' || level === 'province' || level === 'prefecture') {
    return baseEnglish(nameZh.replace(/(自治区|省|市)$/, ''));
  }
  const suffix = /(区|县|市)$/.exec(nameZh)?.[1];
  if (!suffix) throw new Error(`no county-level suffix in ${nameZh}`);
  const kind = { 区: 'District', 县: 'County', 市: 'City' }[suffix];
  return `${baseEnglish(nameZh.slice(0, -1))} ${kind}`;
}
