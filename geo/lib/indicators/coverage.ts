/**
 * Coverage report of the indicator data set: which units have which indicators in which
 * years, and at what grade. Pure; geo/scripts/coverage.ts prints it.
 */
import { GRADES, type IndicatorDataset } from '../../../src/model/dataset';

const MISSING = '·';

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
    byYear.set(row.year, row.grade);
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

  lines.push('', 'Figures per indicator and year:');
  const indicators = [...new Set(dataset.rows.map((row) => row.indicator))].sort();
  lines.push([pad('indicator', 18), ...years.map((year) => pad(String(year), 5)), 'total'].join(' '));
  for (const indicator of indicators) {
    const ofIndicator = dataset.rows.filter((row) => row.indicator === indicator);
    const counts = years.map((year) => pad(String(ofIndicator.filter((row) => row.year === year).length), 5));
    lines.push([pad(indicator, 18), ...counts, String(ofIndicator.length)].join(' '));
  }
  lines.push('', `Figures per grade: ${GRADES.map((grade) => `${grade} ${dataset.rows.filter((row) => row.grade === grade).length}`).join(', ')}`);
  lines.push(`Units with at least one figure: ${new Set(dataset.rows.map((row) => row.unit)).size}; sources: ${Object.keys(dataset.sources).length}`);
  return `${lines.join('\n')}\n`;
}
