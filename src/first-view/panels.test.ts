import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import type { IndicatorDataset } from '../model/dataset';
import type { PlantsFile } from '../model/plants';
import { t } from '../i18n/strings';
import { firstPanelsMarkup, panelsData, panelsMarkup, PANEL_VARIANTS } from './panels';
import { FIRST_PANELS_CLASS, PLACEHOLDER_ORIGIN, pickPanelCopy } from './panel-copies';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../public/data/${name}`, import.meta.url), 'utf8')) as unknown;
const topology = read('boundaries.topo.json') as Topology;
const dataset = read('indicators.json') as IndicatorDataset;
const plants = read('plants.json') as PlantsFile;

const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('the panels built into index.html (the shipped data)', () => {
  const templates = [...firstPanelsMarkup(topology, dataset, plants).matchAll(/<template class="([^"]*)" data-layout="([^"]*)" data-lang="[^"]*" data-picture="([^"]*)">([^]*?)<\/template>/g)];

  it('hold one copy per language and layout, each the App for the link that opens it', () => {
    expect(templates.map((m) => m[1])).toEqual(PANEL_VARIANTS.map(() => FIRST_PANELS_CLASS));
    PANEL_VARIANTS.forEach(({ lang, layout }, i) => {
      const [, , writtenLayout, , markup] = templates[i];
      expect(writtenLayout).toBe(layout);
      expect(markup).toMatch(/^<header class="topbar">/);
      expect(markup).toContain(`<h1><span class="title-long">${t(lang, 'title')}</span>`);
      expect(markup).toContain('<details class="legend"');
      expect(markup).toContain('id="view-description"');
    });
  });

  it('fold the options and the legend on a phone, as the app does there, and show them on a desktop', () => {
    const data = panelsData(topology, dataset, plants);
    const zhDesktop = panelsMarkup(data, { lang: 'zh', layout: 'desktop' }).markup;
    const zhPhone = panelsMarkup(data, { lang: 'zh', layout: 'phone' }).markup;
    expect(zhDesktop).toContain('<details class="legend" open>');
    expect(zhDesktop).toContain('<div id="topbar-options" class="topbar-options">');
    expect(zhPhone).toContain('<details class="legend">');
    expect(zhPhone).toContain('<div id="topbar-options" class="topbar-options" hidden>');
  });

  it("write no style attribute (the page's policy refuses them), no date, and links only on the placeholder origin", () => {
    for (const [, , , , markup] of templates) {
      expect(markup).not.toMatch(/<[a-z][^<>]*\sstyle="/);
      expect(markup).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      // Every address is a link's, which reveal.ts points at the page's origin.
      const addresses = [...markup.matchAll(/https?:\/\/[^/"]*/g)].map((m) => m[0]);
      expect(addresses).toEqual([...markup.matchAll(/<a href="(https?:\/\/[^/"]*)/g)].map((m) => m[1]));
      expect(new Set(addresses)).toEqual(new Set([PLACEHOLDER_ORIGIN]));
    }
    expect(templates.some(([, , , , markup]) => markup.includes('data-style="'))).toBe(true);
  });

  it('are picked by the link and the screen: the bare link and lang=en, never a link that changes the panels', () => {
    const copies = templates.map(([, , layout, picture]) => ({ layout, picture: unescape(picture) }));
    const pick = (search: string, layout: 'desktop' | 'phone', hash = '') => {
      const i = pickPanelCopy(copies, search, hash, layout);
      return i < 0 ? null : PANEL_VARIANTS[i];
    };
    expect(pick('', 'desktop')).toEqual({ lang: 'zh', layout: 'desktop' });
    expect(pick('?lang=en', 'desktop')).toEqual({ lang: 'en', layout: 'desktop' });
    expect(pick('?lang=en', 'phone')).toEqual({ lang: 'en', layout: 'phone' });
    expect(pick('', 'phone')).toEqual({ lang: 'zh', layout: 'phone' });
    for (const search of ['?level=cities', '?panel=table', '?sel=510100', '?embed=1', '?ind=population', '?lang=en&zones=0']) {
      expect(pick(search, 'desktop'), search).toBeNull();
    }
    expect(pick('', 'desktop', '#map=7/30/104')).toBeNull();
  });
});
