/**
 * Coverage report of the indicator data set: which units have which indicators in which
 * years, and at what grade. Pure; geo/scripts/coverage.ts prints it.
 */
import { GRADES, type Grade, type IndicatorDataset, type IndicatorModel } from '../../../src/model/dataset';
import { coverageOf, coverageUnits, zoneIds } from '../../../src/model/coverage';
import type { UnitProps } from '../../../src/model/units';
import { LEVELS } from '../../../src/state/view-state';

const MISSING = '·';
const PART_YEAR = 'p';

function pad(text: string, width: number): string {
  // CJK characters take two terminal columns.
  const shown = [...text].reduce((sum, ch) => sum + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(0, width - shown));
}

/**
 * One line per unit × indicator with the grade of each year's figure (· when missing), then
 * counts of figures per indicator and year and per grade.
 */
export function coverageReport(dataset: IndicatorDataset, unitName: (id: string) => string | undefined): string {
  const years = [...new Set(dataset.rows.map((row) => row.year))].sort((a, b) => a - b);
  const grades = new Map<string, Map<number, string>>();
  for (const row of dataset.rows) {
    const key = `${row.unit}|${row.indicator}`;
    const byYear = grades.get(key) ?? new Map<number, string>();
    // A year with only part-year figures is marked, so it is not read as a full year: `Cp`.
    if (!row.period) byYear.set(row.year, row.grade);
    else if (!byYear.has(row.year) || byYear.get(row.year)!.endsWith(PART_YEAR)) byYear.set(row.year, row.grade + PART_YEAR);
    grades.set(key, byYear);
  }
  const lines: string[] = [];
  const header = [pad('unit', 16), pad('name', 14), pad('indicator', 18), ...years.map((year) => pad(String(year), 5))].join(' ');
  lines.push(header, '-'.repeat(header.length));
  for (const [key, byYear] of grades) {
    const [unit = '', indicator = ''] = key.split('|');
    const cells = years.map((year) => pad(byYear.get(year) ?? MISSING, 5));
    lines.push([pad(unit, 16), pad(unitName(unit) ?? '', 14), pad(indicator, 18), ...cells].join(' '));
  }

  lines.push(`(${PART_YEAR}: part-year figures only in that year)`, '', 'Full-year figures per indicator and year:');
  const indicators = [...new Set(dataset.rows.map((row) => row.indicator))].sort();
  lines.push([pad('indicator', 18), ...years.map((year) => pad(String(year), 5)), 'total'].join(' '));
  for (const indicator of indicators) {
    const ofIndicator = dataset.rows.filter((row) => row.indicator === indicator && !row.period);
    const counts = years.map((year) => pad(String(ofIndicator.filter((row) => row.year === year).length), 5));
    lines.push([pad(indicator, 18), ...counts, String(ofIndicator.length)].join(' '));
  }
  lines.push('', `Figures per grade: ${GRADES.map((grade) => `${grade} ${dataset.rows.filter((row) => row.grade === grade).length}`).join(', ')}`);
  lines.push(`Units with at least one figure: ${new Set(dataset.rows.map((row) => row.unit)).size}; sources: ${Object.keys(dataset.sources).length}`);
  return `${lines.join('\n')}\n`;
}

/** The weakest grade behind a figure: a derived figure is only as good as its worst input. */
function worstGrade(grades: readonly Grade[]): Grade {
  return GRADES[Math.max(...grades.map((grade) => GRADES.indexOf(grade)))] ?? 'D';
}

/**
 * Indicator × level × year: how many of the level's Circle units (the app's coverage count; zones apart) have a
 * full-year figure, with the grades of those figures (derived ones at their weakest input's grade).
 */
export function levelCoverageReport(model: IndicatorModel, units: ReadonlyMap<string, UnitProps>): string {
  const scopes: [string, readonly string[]][] = [...LEVELS.map((level): [string, readonly string[]] => [level, coverageUnits(units, level)]), ['zones', zoneIds(units)]];
  const years = [...new Set(model.indicatorIds().flatMap((id) => model.years(id)))].sort((a, b) => a - b);
  const lines = [
    'Figures per indicator, level and year (units with a figure / units counted; Circle units only, all China at china):',
    [pad('indicator', 20), pad('level', 10), ...years.map((year) => pad(String(year), 9)), 'grades'].join(' '),
  ];
  for (const id of model.indicatorIds()) {
    for (const [scope, ids] of scopes) {
      if (ids.length === 0) continue;
      const tally = new Map<Grade, number>();
      const cells = years.map((year) => {
        const { withData, of } = coverageOf(model, ids, id, year);
        for (const unit of ids) {
          const figure = model.figure(unit, id, year);
          if (figure) tally.set(worstGrade(figure.sources.map((source) => source.grade)), (tally.get(worstGrade(figure.sources.map((source) => source.grade))) ?? 0) + 1);
        }
        return pad(withData ? `${withData}/${of}` : MISSING, 9);
      });
      if (cells.every((cell) => cell.trim() === MISSING)) continue;
      const grades = GRADES.filter((grade) => tally.has(grade)).map((grade) => `${grade}${tally.get(grade)}`).join(' ');
      lines.push([pad(id, 20), pad(scope, 10), ...cells, grades].join(' '));
    }
  }
  return `${lines.join('\n')}\n`;
}
