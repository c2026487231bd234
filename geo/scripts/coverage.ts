/**
 * npm run data:coverage: prints which units have which indicators for which years, with
 * each figure's grade (A-D), from geo/data/*.csv validated against geo/units.json.
 */
import { coverageReport } from '../lib/indicators/coverage';
import { loadValidDataOrExit } from '../lib/indicators/files';

const { units, dataset } = loadValidDataOrExit();
const names = new Map(units.map((unit) => [unit.id, unit.name_zh]));
process.stdout.write(coverageReport(dataset, (id) => names.get(id)));
