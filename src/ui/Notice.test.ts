import { describe, expect, it } from 'vitest';
import fixture from '../../tests/fixtures/urls-v1.json';
import { decodeUrl, type Catalog } from '../state/url-codec';
import { t } from '../i18n/strings';
import { IGNORE_REASON_KEYS } from './Notice';

const HAN = /\p{Script=Han}/u;

describe('the reasons a link part is ignored', () => {
  const reasons = Object.keys(IGNORE_REASON_KEYS) as (keyof typeof IGNORE_REASON_KEYS)[];

  it('cover every reason the URL codec gives', () => {
    const catalog: Catalog = fixture.catalog;
    const mangled = '?v=9&ind=nope&year=2020.5&year=2021&level=%zz&sel=' + 'x'.repeat(500) + '&cmp=' + Array(40).fill('500112').join(',');
    const { ignored } = decodeUrl(mangled, '#map=99/200/0', catalog);
    expect(ignored.length).toBeGreaterThan(5);
    for (const { reason } of ignored) expect(reasons).toContain(reason);
  });

  it('are said in Chinese and in English, each in its own words', () => {
    for (const lang of ['zh', 'en'] as const) {
      const texts = reasons.map((reason) => t(lang, IGNORE_REASON_KEYS[reason]));
      expect(new Set(texts).size).toBe(reasons.length);
      for (const [i, text] of texts.entries()) {
        expect(text).not.toBe(reasons[i]);
        expect(HAN.test(text)).toBe(lang === 'zh');
      }
    }
  });
});
