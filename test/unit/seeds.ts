import * as fs from 'node:fs';
import * as path from 'node:path';

/** The monitoring guides the tests read, kept in the repository (see its README). */
export const SEEDS_DIR = path.resolve(__dirname, '../fixtures/guides');

/** The seed guide whose file name starts with the number, e.g. `seed('002')`. */
export function seed(number: string): string {
  const file = fs.readdirSync(SEEDS_DIR).find((f) => f === `${number}.md`);
  if (!file) throw new Error(`no seed ${number} in ${SEEDS_DIR}`);
  return fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8');
}
