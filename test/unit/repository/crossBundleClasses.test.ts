// A class whose instances cross from one bundle to another is recognised by `instanceof` in each of them.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unrecognisedAcrossBundles, type SourceFile } from '../../support/crossBundleClasses';

const SRC = path.resolve(__dirname, '..', '..', '..', 'src');

function sources(dir: string): SourceFile[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sources(full);
    return d.name.endsWith('.ts') ? [{ path: path.relative(SRC, full), text: fs.readFileSync(full, 'utf8') }] : [];
  });
}

describe('Classes shared by the lazily loaded bundles', () => {
  it('finds a class checked with instanceof in another file that does not say how it is recognised', () => {
    const found = unrecognisedAcrossBundles([
      { path: 'core/errors.ts', text: 'export class PlainError extends Error {\n  readonly x = 1;\n}\n\nexport class BrandedError extends Error {\n  static override [Symbol.hasInstance](v: unknown): boolean {\n    return v instanceof Error && v.name === "BrandedError";\n  }\n}\n' },
      { path: 'feature/commands.ts', text: 'if (err instanceof PlainError) show(err);\nif (err instanceof BrandedError) show(err);\nif (err instanceof Error) show(err);\n' },
      { path: 'core/same.ts', text: 'export class Local extends Error {\n}\nconst ok = e instanceof Local;\n' },
    ]);
    assert.deepEqual(found, ['PlainError (defined in core/errors.ts) checked with instanceof in feature/commands.ts']);
  });

  it('every such class in the extension is recognised across bundles', () => {
    assert.deepEqual(unrecognisedAcrossBundles(sources(SRC)), []);
  });
});
