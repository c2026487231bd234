import { describe, expect, it } from 'vitest';
import { englishName, pinyinOf, romanise } from './names';

describe('pinyinOf', () => {
  it.each([
    ['重庆市', 'chong qing shi'],
    ['长寿区', 'chang shou qu'],
    ['大足区', 'da zu qu'],
    ['乐山市', 'le shan shi'],
    ['都江堰市', 'du jiang yan shi'],
    ['郫都区', 'pi du qu'],
    ['丰都县', 'feng du xian'],
    ['犍为县', 'qian wei xian'],
    ['阆中市', 'lang zhong shi'],
    ['筠连县', 'jun lian xian'],
    ['什邡市', 'shi fang shi'],
    ['丹棱县', 'dan ling xian'],
    ['渝北区', 'yu bei qu'],
  ])('reads %s as %s', (name, expected) => {
    expect(pinyinOf(name)).toBe(expected);
  });
});

describe('romanise', () => {
  it('runs syllables together and marks a syllable starting with a vowel', () => {
    expect(romanise(['nan', 'an'])).toBe("Nan'an");
    expect(romanise(['ya', 'an'])).toBe("Ya'an");
    expect(romanise(['ba', 'nan'])).toBe('Banan');
    expect(romanise(['e', 'mei', 'shan'])).toBe('Emeishan');
  });
});

describe('englishName', () => {
  it.each([
    ['渝北区', 'county', 'Yubei District'],
    ['简阳市', 'county', 'Jianyang City'],
    ['忠县', 'county', 'Zhong County'],
    ['石柱土家族自治县', 'county', 'Shizhu Tujia Autonomous County'],
    ['彭水苗族土家族自治县', 'county', 'Pengshui Miao and Tujia Autonomous County'],
    ['成都市', 'prefecture', 'Chengdu'],
    ['凉山彝族自治州', 'prefecture', 'Liangshan Yi Autonomous Prefecture'],
    ['阿坝藏族羌族自治州', 'prefecture', 'Ngawa Tibetan and Qiang Autonomous Prefecture'],
    ['重庆市', 'province', 'Chongqing'],
    ['陕西省', 'context', 'Shaanxi'],
  ] as const)('names %s %s', (name, level, expected) => {
    expect(englishName(name, level)).toBe(expected);
  });

  it('refuses a county-level name without a known suffix', () => {
    expect(() => englishName('天府', 'county')).toThrow();
  });
});
