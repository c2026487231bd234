/**
 * npm run data:coverage: prints which units have which indicators for which years, with
 * each figure's grade (A-D), from geo/data/*.csv validated against geo/units.json.
 */
import { coverageReport } from '../lib/indicators/coverage';
import { INDICATORS_CSV, SOURCES_CSV, readRepoFile, readUnitsJson } from '../lib/indicators/files';
import { validateIndicatorData } from '../lib/indicators/validate';

const units = readUnitsJson();
const { messages, dataset } = validateIndicatorData({
  indicators: readRepoFile(INDICATORS_CSV),
  sources: readRepoFile(SOURCES_CSV),
  units,
});
if (!dataset) {
  for (const message of messages) console.error(message);
  process.exit(1);
}
const names = new Map(units.map((unit) => [unit.id, unit.name_zh]));
process.stdout.write(coverageReport(dataset, (id) => names.get(id)));
