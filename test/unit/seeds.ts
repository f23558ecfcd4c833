import * as fs from 'node:fs';
import * as path from 'node:path';

export const SEEDS_DIR = path.resolve(__dirname, '../../../shared/seeds');

/** The seed guide whose file name starts with the number, e.g. `seed('002')`. */
export function seed(number: string): string {
  const file = fs.readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${number}_`));
  if (!file) throw new Error(`no seed ${number} in ${SEEDS_DIR}`);
  return fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8');
}
