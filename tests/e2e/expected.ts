import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { drawsUnit, unitsOfLevel } from '../../src/model/level-units';
import type { UnitProps } from '../../src/model/units';
import type { Level } from '../../src/model/vocabulary';

// Expected values read off the shipped data files, so a test asserts the figure the page must show, not just "some".

const units = JSON.parse(readFileSync('geo/units.json', 'utf8')) as UnitProps[];
const rows = (JSON.parse(readFileSync('public/data/indicators.json', 'utf8')) as { rows: { unit: string; indicator: string; year: number }[] }).rows;

/** How many units the map draws at `level`, zones aside: what the legend counts. */
export function unitsDrawn(level: Level): number {
  return units.filter((unit) => drawsUnit(level, unit)).length;
}

/** How many units the map draws at `level` (zones aside) have a figure of the raw indicator `indicator` in `year`. */
export function unitsWithFigure(level: Level, indicator: string, year: number): number {
  return units.filter((unit) => drawsUnit(level, unit) && hasFigure(unit.id, indicator, year)).length;
}

/** How many rows of the table at `level` (its units, then the zones) have a figure of `indicator` in `year`. */
export function tableRowsWithFigure(level: Level, indicator: string, year: number): number {
  return unitsOfLevel(new Map(units.map((unit) => [unit.id, unit])), level).filter((unit) => hasFigure(unit.id, indicator, year)).length;
}

function hasFigure(unit: string, indicator: string, year: number): boolean {
  return rows.some((row) => row.unit === unit && row.indicator === indicator && row.year === year);
}

/** The most units at `level` with a figure of `indicator` in any one year: the coverage of its best-covered year. */
export function bestYearCoverage(level: Level, indicator: string): number {
  const years = new Set(rows.filter((row) => row.indicator === indicator).map((row) => row.year));
  return Math.max(...[...years].map((year) => unitsWithFigure(level, indicator, year)));
}

/**
 * Map tiles (z/x/y) a map fetched for one view: each once, all at one zoom level, and together a full rectangle, as
 * the tiles under an untilted screen are (a gap or a stray tile from elsewhere fails). Returns how many. `endedAt`:
 * the view was reached by a camera move, which fetched tiles at the zooms it passed; only the last request's zoom (the
 * view it ended on) is checked.
 */
export function expectTileBlock(fetched: { z: number; x: number; y: number }[], endedAt?: 'last-zoom'): number {
  expect(fetched.length).toBeGreaterThan(0);
  const z = fetched[endedAt ? fetched.length - 1 : 0].z;
  const tiles = endedAt ? fetched.filter((tile) => tile.z === z) : fetched;
  expect(tiles.filter((tile) => tile.z !== z)).toEqual([]);
  const keys = tiles.map((tile) => `${tile.x}/${tile.y}`);
  expect(new Set(keys).size).toBe(keys.length);
  const xs = tiles.map((tile) => tile.x);
  const ys = tiles.map((tile) => tile.y);
  const block: string[] = [];
  for (let x = Math.min(...xs); x <= Math.max(...xs); x++) for (let y = Math.min(...ys); y <= Math.max(...ys); y++) block.push(`${x}/${y}`);
  expect([...keys].sort()).toEqual(block.sort());
  return tiles.length;
}
