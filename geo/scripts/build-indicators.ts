/**
 * npm run data: validates geo/data/*.csv and the census tables of geo/data/census/ against geo/units.json and
 * writes public/data/indicators.json, public/data/census-china.json and public/sources.html; then geo/data/plants.csv
 * → public/data/plants.json (geo/lib/plants). Exits 1, printing
 * every problem, if any.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CENSUS_CHINA_JSON, INDICATORS_JSON, REPO_ROOT, SOURCES_HTML, loadValidDataOrExit } from '../lib/indicators/files';
import { renderIndicatorsJson, renderSourcesHtml } from '../lib/indicators/render';
import { renderCensusChinaJson } from '../lib/census/rows';
import { writePlantsOrExit } from '../lib/plants/files';

const { units, dataset, censusChina, notices } = loadValidDataOrExit();
for (const notice of notices) console.log(notice);
writeFileSync(resolve(REPO_ROOT, CENSUS_CHINA_JSON), renderCensusChinaJson(censusChina));
const nationalUnits = Object.keys(censusChina.values.census_population).length;
console.log(`${CENSUS_CHINA_JSON}: census figures of ${nationalUnits} units of all China.`);
const names = new Map(units.map((unit) => [unit.id, { zh: unit.name_zh, en: unit.name_en }]));
writeFileSync(resolve(REPO_ROOT, INDICATORS_JSON), renderIndicatorsJson(dataset));
writeFileSync(resolve(REPO_ROOT, SOURCES_HTML), renderSourcesHtml(dataset, (id) => names.get(id)));
console.log(`${INDICATORS_JSON}: ${dataset.rows.length} rows, ${Object.keys(dataset.sources).length} sources; ${SOURCES_HTML} written.`);
writePlantsOrExit();
