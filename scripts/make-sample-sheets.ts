/**
 * Writes docs/samples/stagebureau-relaties.{xlsx,csv}: the relations list of SPEC §8's walk-through and tests, from
 * the seeds' institutions in the Techniekpact regions. Deterministic: `npm run samples` writes the same files again.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { relationsCsv, relationsSheet, relationsXlsx, SAMPLE_SHEET } from '../libs/generator/src';

async function main() {
  const rows = relationsSheet(SAMPLE_SHEET);
  const dir = join(__dirname, '..', 'docs', 'samples');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'stagebureau-relaties.csv'), relationsCsv(rows));
  writeFileSync(join(dir, 'stagebureau-relaties.xlsx'), await relationsXlsx(rows));
  const organisations = new Set(rows.map((row) => row.Naam)).size;
  const partnerships = new Set(rows.filter((row) => row.School).map((row) => `${row.Naam}|${row.School}`)).size;
  console.log(`${rows.length} rows: ${organisations} organisations, ${rows.length} contact persons, ${partnerships} partnerships → ${dir}`);
}

void main();
