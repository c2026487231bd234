/**
 * Every view the app offers (the default link, each level switch, each indicator picked, each year Play reaches) on
 * the committed data: more than a quarter of its units grey only where no year or level has better, and then the
 * coverage notice says where figures exist.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndicatorDataset, IndicatorId } from '../../src/model/dataset';
import { createIndicatorModel } from '../../src/model/derived';
import type { UnitProps } from '../../src/model/units';
import { catalogOf } from '../../src/state/catalog';
import { defaultState } from '../../src/state/url-codec';
import { LEVELS } from '../../src/state/view-state';
import { bestYear, coverageOf, coverageUnits, isCovered, levelPatch, viewForIndicator, zoneIds } from '../../src/model/coverage';

const ROOT = resolve(__dirname, '../..');
const dataset = JSON.parse(readFileSync(resolve(ROOT, 'public/data/indicators.json'), 'utf8')) as IndicatorDataset;
const records = JSON.parse(readFileSync(resolve(ROOT, 'geo/units.json'), 'utf8')) as UnitProps[];
const units = new Map(records.map((unit) => [unit.id, unit]));
const model = createIndicatorModel(dataset, records);
const catalog = catalogOf(units, model, dataset);

const coverage = (level: (typeof LEVELS)[number], indicator: IndicatorId, year: number) =>
  coverageOf(model, coverageUnits(units, level), indicator, year);

/** Whether any level and year would cover the indicator better than a quarter grey. */
const coverableAnywhere = (indicator: IndicatorId) =>
  LEVELS.some((level) => {
    const year = bestYear(model, coverageUnits(units, level), indicator, 2024);
    return year !== undefined && isCovered(coverage(level, indicator, year));
  });

describe('views the app offers', () => {
  it('the default link opens a covered view', () => {
    const state = defaultState(catalog);
    expect(isCovered(coverage(state.level, state.indicator as IndicatorId, state.year))).toBe(true);
  });

  // All China's own figures (the census of its 2,891 counties) arrive with its boundaries: its switch is checked in e2e.
  it.each(LEVELS.filter((level) => level !== 'china'))('switching from the default view to %s opens a covered view', (level) => {
    const state = defaultState(catalog);
    const next = { ...state, ...levelPatch(model, units, state, level) };
    expect(isCovered(coverage(next.level, next.indicator as IndicatorId, next.year)), `${next.indicator} ${next.year}`).toBe(true);
  });

  it.each(model.indicatorIds())('picking %s at the default level opens a covered view, or none exists', (indicator) => {
    const state = defaultState(catalog);
    const choice = viewForIndicator(model, units, state.level, indicator, state.year);
    const covered = isCovered(coverage(choice.level, indicator, choice.year));
    expect(covered || !coverableAnywhere(indicator), `${indicator}: ${choice.level} ${choice.year}`).toBe(true);
    // Never a grey map where figures exist somewhere: the view has at least one (zones count: they are drawn too).
    const zones = coverageOf(model, zoneIds(units), indicator, choice.year).withData;
    if (model.years(indicator).length > 0) expect(coverage(choice.level, indicator, choice.year).withData + zones).toBeGreaterThan(0);
  });
});
