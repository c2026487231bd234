import { describe, expect, it } from 'vitest';
import { citation, localDay } from './citation';

const link = 'https://atlas.example/?ind=gdp&y=2022';
const accessed = new Date(2026, 11, 7, 23, 30);

describe('citation', () => {
  it('names the atlas, the view, the year, the link and the day of access, in English', () => {
    expect(citation({ indicator: 'gdp', year: 2022, level: 'units', lang: 'en' }, link, accessed, '2026-11-30')).toBe(
      `Chengdu-Chongqing Economic Circle Atlas (2026). GDP · 2022 · Districts & cities [interactive map]. ${link} (accessed 2026-12-07).`,
    );
  });

  it('follows GB/T 7714 for an online resource in Chinese', () => {
    expect(citation({ indicator: 'gdp', year: 2022, level: 'units', lang: 'zh' }, link, accessed, '2025-12-30')).toBe(
      `成渝地区双城经济圈地图. 地区生产总值 · 2022 · 区县与地市[EB/OL]. (2025)[2026-12-07]. ${link}.`,
    );
  });

  it('gives the year of access where the build does not say its own', () => {
    expect(citation({ indicator: 'population', year: 2021, level: 'cities', lang: 'en' }, link, accessed)).toContain('Atlas (2026).');
  });

  it('dates the access by the local calendar, not UTC', () => {
    expect(localDay(new Date(2026, 0, 5, 0, 10))).toBe('2026-01-05');
  });
});
