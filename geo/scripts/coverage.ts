/**
 * npm run data:coverage: prints which units have which indicators for which years, with
 * each figure's grade (A-D), from geo/data/*.csv validated against geo/units.json.
 */
import { coverageReport, levelCoverageReport } from '../lib/indicators/coverage';
import { loadValidDataOrExit } from '../lib/indicators/files';
import { createIndicatorModel } from '../../src/model/derived';
import type { UnitProps } from '../../src/model/units';

const { units, dataset } = loadValidDataOrExit();
const names = new Map(units.map((unit) => [unit.id, unit.name_zh]));
process.stdout.write(coverageReport(dataset, (id) => names.get(id)));
const model = createIndicatorModel(dataset, units);
process.stdout.write(`\n${levelCoverageReport(model, new Map(units.map((unit) => [unit.id, unit as unknown as UnitProps])))}`);
