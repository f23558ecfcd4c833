// A fresh clone has nothing beside it: no test, script, build or sandbox step may name a path that leaves
// the repository.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathsLeavingRoot } from '../../support/boundary';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CHECKED = ['test', 'sandbox', 'bench', '.ci', 'esbuild.js', 'package.json'];
/** This test's own examples of what it finds. */
const SELF = [__filename, path.join(ROOT, 'test', 'support', 'boundary.ts')];
const TEXT = /\.(ts|js|mjs|cjs|json|sh|py|md|insights|yaml|yml)$|^run$/;

function filesUnder(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((d) => {
    if (d.name === 'node_modules' || d.name === 'screenshots' || d.name.startsWith('.results')) return [];
    const rel = path.join(entry, d.name);
    if (d.isDirectory()) return filesUnder(rel);
    return TEXT.test(d.name) ? [path.join(ROOT, rel)] : [];
  });
}

describe('Repository boundary', () => {
  it('finds the paths that leave a repository in the forms scripts write them', () => {
    const file = path.join(ROOT, 'test', 'unit', 'x.test.ts');
    const found = pathsLeavingRoot(
      [
        "const a = path.resolve(__dirname, '../../../shared/seeds');",
        "const b = path.join(__dirname, '..', '..', '..', '..', 'shared');",
        "read('../../../../shared/DESIGN.md')",
        "cp /work/shared/seeds/x.txt .",
        "const ok = path.resolve(__dirname, '../fixtures/guides');",
        "const alsoOk = path.join(__dirname, '..', '..', 'sandbox');",
      ].join('\n'),
      file,
      ROOT,
    );
    assert.deepEqual(found.map((f) => f.line), [1, 2, 3, 4]);
  });

  it('no file under test/, sandbox/, bench/ or .ci/ names a path outside the repository', () => {
    const files = CHECKED.flatMap(filesUnder).filter((f) => !SELF.includes(f));
    assert.ok(files.length > 50, `only ${files.length} files read`);
    const leaks = files.flatMap((file) => pathsLeavingRoot(fs.readFileSync(file, 'utf8'), file, ROOT).map((f) => `${path.relative(ROOT, file)}:${f.line}: ${f.text}`));
    assert.deepEqual(leaks, []);
  });
});
