/** Writing public/data/plants.json for the build scripts. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../indicators/files';
import { PLANTS_CSV, PLANTS_JSON, buildPlants } from './build';

/** Writes plants.json, or prints every problem of plants.csv and ends the process with status 1. */
export function writePlantsOrExit(): void {
  const { messages, json, count } = buildPlants();
  if (json === null) {
    for (const message of messages) console.error(message);
    console.error(`${messages.length} problem(s) in ${PLANTS_CSV}; ${PLANTS_JSON} not written.`);
    process.exit(1);
  }
  writeFileSync(resolve(REPO_ROOT, PLANTS_JSON), json);
  console.log(`${PLANTS_JSON}: ${count} plants.`);
}
