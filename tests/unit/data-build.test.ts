import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageReport } from '../../geo/lib/indicators/coverage';
import { buildData, CENSUS_CHINA_JSON, INDICATORS_JSON, SOURCES_HTML } from '../../geo/lib/indicators/files';
import { escapeHtml, renderIndicatorsJson, renderSourcesHtml } from '../../geo/lib/indicators/render';
import { renderCensusChinaJson } from '../../geo/lib/census/rows';
import type { IndicatorDataset } from '../../src/model/dataset';

const ROOT = resolve(__dirname, '../..');

/** What `npm run data` makes from the CSVs, the census tables, geo/units.json and data/china.topo.json's ids. */
function buildFromCsv() {
  const { messages, data } = buildData();
  const names = new Map((data?.units ?? []).map((unit) => [unit.id, { zh: unit.name_zh, en: unit.name_en }]));
  return { messages, dataset: data?.dataset ?? null, censusChina: data?.censusChina ?? null, names };
}

// Built once for the file (about half a second each time); the tests below only read it.
let built: ReturnType<typeof buildFromCsv> | undefined;
const buildOnce = () => (built ??= buildFromCsv());

describe('npm run data output', () => {
  it('the committed indicators.json and sources.html are what the build makes from the CSVs', () => {
    const { messages, dataset, names } = buildOnce();
    expect(messages).toEqual([]);
    if (!dataset) throw new Error('no dataset');
    expect(readFileSync(resolve(ROOT, INDICATORS_JSON), 'utf8')).toBe(renderIndicatorsJson(dataset));
    expect(readFileSync(resolve(ROOT, SOURCES_HTML), 'utf8')).toBe(renderSourcesHtml(dataset, (id) => names.get(id)));
  });

  it('the committed census-china.json is what the build makes from the census tables', () => {
    const { messages, censusChina } = buildOnce();
    expect(messages).toEqual([]);
    if (!censusChina) throw new Error('no census-china data');
    expect(readFileSync(resolve(ROOT, CENSUS_CHINA_JSON), 'utf8')).toBe(renderCensusChinaJson(censusChina));
  });

  it('sorts rows by unit, indicator and year and writes no timestamp', () => {
    const { dataset } = buildOnce();
    const keys = dataset?.rows.map((row) => `${row.unit}|${row.indicator}|${String(row.year).padStart(4, '0')}`) ?? [];
    expect(keys).toEqual([...keys].sort());
    expect(renderIndicatorsJson(dataset as IndicatorDataset)).not.toMatch(/generated|timestamp|\d{4}-\d{2}-\d{2}T/);
  });
});

const HOSTILE: IndicatorDataset = {
  schema: 1,
  indicators: { gdp: { measure: '亿元' } },
  sources: {
    evil: {
      title: '<script>alert(1)</script> & "quotes"',
      publisher: "O'Hare <b>",
      date: '2024',
      url: 'https://example.org/?a=1&b="x"',
      language: 'en',
    },
    unused: { title: 'Nobody cites me', publisher: 'P', date: '2020', url: 'https://example.org/u', language: 'zh' },
  },
  rows: [{ unit: '500000', indicator: 'gdp', year: 2022, value: 1, source: 'evil', grade: 'A', note: '<img src=x onerror=alert(1)>' }],
};

describe('sources.html', () => {
  const html = renderSourcesHtml(HOSTILE, (id) => (id === '500000' ? { zh: '重庆市', en: 'Chongqing' } : undefined));

  it('escapes every text it shows', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('O&#39;Hare &lt;b&gt;');
    expect(html).toContain('href="https://example.org/?a=1&amp;b=&quot;x&quot;"');
  });

  it('is self-contained: no script, no external stylesheet, image or font', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
  });

  it('lists each source with the figures that use it', () => {
    expect(html).toContain('重庆市 Chongqing · gdp · 2022: 1 亿元 (grade A)');
    expect(html).toContain('No figure cites this source.');
  });

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('coverage report', () => {
  it('shows each unit × indicator with one grade per year and totals', () => {
    const report = coverageReport(HOSTILE, () => '重庆市');
    expect(report).toMatch(/500000\s+重庆市\s+gdp\s+A/);
    expect(report).toContain('Figures per grade: A 1, B 0, C 0, D 0');
  });
});
