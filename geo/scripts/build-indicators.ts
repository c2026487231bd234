/**
 * npm run data: validates geo/data/*.csv against geo/units.json and writes
 * public/data/indicators.json and public/sources.html. Exits 1, printing every problem, if any.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { INDICATORS_JSON, REPO_ROOT, SOURCES_HTML, loadValidDataOrExit } from '../lib/indicators/files';
import { renderIndicatorsJson, renderSourcesHtml } from '../lib/indicators/render';

const { units, dataset } = loadValidDataOrExit();
const names = new Map(units.map((unit) => [unit.id, { zh: unit.name_zh, en: unit.name_en }]));
writeFileSync(resolve(REPO_ROOT, INDICATORS_JSON), renderIndicatorsJson(dataset));
writeFileSync(resolve(REPO_ROOT, SOURCES_HTML), renderSourcesHtml(dataset, (id) => names.get(id)));
console.log(`${INDICATORS_JSON}: ${dataset.rows.length} rows, ${Object.keys(dataset.sources).length} sources; ${SOURCES_HTML} written.`);
