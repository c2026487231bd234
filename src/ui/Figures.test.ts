/**
 * The unit panel's notes are in the reader's language: every note of every figure the panel can show (raw figures
 * of the committed data, the figures derived from them, land areas) is read in both views and compared.
 */
import { readFileSync } from 'node:fs';
import type { VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import type { IndicatorDataset, UnitInfo } from '../model/dataset';
import { CENSUS_POPULATION_NOTE, LAND_AREA_NOTE, MIXED_BASIS_NOTE, PARTIAL_CIRCLE_NOTE, createIndicatorModel } from '../model/derived';
import type { UnitProps } from '../model/units';
import type { Lang } from '../state/view-state';
import { TEST_UNITS } from '../../tests/fixtures/data/units';
import { Figures } from './Figures';

const committed = JSON.parse(readFileSync(new URL('../../public/data/indicators.json', import.meta.url), 'utf8')) as IndicatorDataset;
// The units of the test list, with an area so the land-area figure (and its note) is there too.
const units: UnitInfo[] = TEST_UNITS.map((unit) => ({ ...unit, area_km2: 1000 }));
const model = createIndicatorModel(committed, units);
const unitProps = new Map<string, UnitProps>(units.map((unit) => [unit.id, { ...unit, name_zh: unit.id, name_en: unit.id, pinyin: unit.id, area_km2: 1000 }]));

/** Text of a rendered tree's children (strings and numbers, nested), as the DOM would hold it. */
function textOf(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node && typeof node === 'object' && 'props' in node) return textOf((node as VNode<{ children?: unknown }>).props.children);
  return '';
}

/** The text of each `.figure-note` the panel draws (the panel's own elements; child components are not expanded). */
function notesShown(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(notesShown);
  if (!node || typeof node !== 'object' || !('props' in node)) return [];
  const props = (node as VNode<{ class?: string; children?: unknown }>).props;
  if (props.class === 'figure-note') return [textOf(props.children)];
  return notesShown(props.children);
}

function panelNotes(unitId: string, indicator: Parameters<typeof model.figure>[1], year: number, lang: Lang): string[] {
  return notesShown(Figures({ unit: unitProps.get(unitId)!, units: unitProps, level: 'units', indicator, year, model, lang, onShow: () => {} }));
}

/** Every (unit, indicator, year) whose figure carries a note. */
const withNotes = units.flatMap((unit) =>
  model.indicatorIds().flatMap((indicator) =>
    model.years(indicator).flatMap((year) => ((model.figure(unit.id, indicator, year)?.notes.length ?? 0) > 0 ? [{ unit: unit.id, indicator, year }] : [])),
  ),
);

const englishNotes = new Set([
  ...committed.rows.flatMap((row) => (row.note ? [row.note] : [])),
  LAND_AREA_NOTE.en,
  PARTIAL_CIRCLE_NOTE.en,
  CENSUS_POPULATION_NOTE.en,
  MIXED_BASIS_NOTE.en,
]);

describe('notes in the unit panel', () => {
  it('covers raw, derived and land-area figures', () => {
    const indicators = new Set(withNotes.map((found) => found.indicator));
    for (const indicator of ['gdp', 'population', 'vehicles', 'nev', 'gdp_per_capita', 'gdp_share_circle', 'nev_share', 'land_area'] as const) {
      expect(indicators).toContain(indicator);
    }
    expect(withNotes.length).toBeGreaterThan(500);
  });

  it('shows no English note in the Chinese view: each one is its Chinese text', () => {
    for (const { unit, indicator, year } of withNotes) {
      const figure = model.figure(unit, indicator, year);
      const shown = panelNotes(unit, indicator, year, 'zh');
      expect(shown).toEqual(figure?.notes.map((note) => `⚠ ${note.zh}`));
      for (const text of shown) {
        expect(englishNotes.has(text.slice(2)), `${unit} ${indicator} ${year}: ${text}`).toBe(false);
        expect(text, `${unit} ${indicator} ${year}`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('shows the English notes in the English view', () => {
    for (const { unit, indicator, year } of withNotes) {
      const shown = panelNotes(unit, indicator, year, 'en');
      expect(shown).toEqual(model.figure(unit, indicator, year)?.notes.map((note) => `⚠ ${note.en}`));
      for (const text of shown) expect(englishNotes.has(text.slice(2)), text).toBe(true);
    }
  });

  it("shows a derived figure's merged notes, each once, in the reader's language", () => {
    // Liangjiang's NEV share 2022: NEV and vehicle rows have different notes, both saying the source states 2020.
    const zh = panelNotes('liangjiang', 'nev_share', 2022, 'zh');
    expect(zh).toHaveLength(2);
    for (const text of zh) expect(text).toMatch(/来源称为2020年/);
    expect(panelNotes('liangjiang', 'nev_share', 2022, 'en').every((text) => /source states 2020/.test(text))).toBe(true);
    // Chongqing lies partly in the Circle: its Circle share says so, in Chinese too.
    expect(panelNotes('500000', 'gdp_share_circle', 2022, 'zh')).toContain(`⚠ ${PARTIAL_CIRCLE_NOTE.zh}`);
    expect(panelNotes('500101', 'land_area', 2024, 'zh')).toEqual([`⚠ ${LAND_AREA_NOTE.zh}`]);
  });
});
