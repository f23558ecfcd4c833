// src/core stays free of VS Code and of the rest of the extension: the project's lint configuration
// refuses both, proven on planted code.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('Lint: the src/core boundary', function () {
  this.timeout(60_000);
  let eslint: ESLint;
  before(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  async function problems(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
  }

  it('refuses a vscode import in src/core, at any depth', async () => {
    for (const file of ['src/core/planted.ts', 'src/core/alarms/planted.ts']) {
      const found = await problems(file, "import * as vscode from 'vscode';\nexport const planted = vscode.window;\n");
      assert.equal(found.length, 1, `${file}: ${found.join(' | ')}`);
      assert.match(found[0], /^no-restricted-imports: 'vscode' import is restricted.*src\/core runs without VS Code/);
    }
  });

  it('refuses imports, type imports and re-exports that leave src/core', async () => {
    const planted: [string, string][] = [
      ['src/core/planted.ts', "import { AwsSession } from '../aws/session';\nexport const planted = AwsSession;\n"],
      ['src/core/alarms/planted.ts', "import type { Services } from '../../services';\nexport type Planted = Services;\n"],
      ['src/core/insights/results/planted.ts', "export { notifyError } from '../../../platform/notify';\n"],
      ['src/core/alarms/planted.ts', "import { scenario } from '../../../sandbox/scenario';\nexport const planted = scenario;\n"],
    ];
    for (const [file, code] of planted) {
      const found = await problems(file, code);
      assert.equal(found.length, 1, `${file}: ${code}\n${found.join(' | ')}`);
      assert.match(found[0], /^no-restricted-imports: .*depends on nothing outside src\/core/);
    }
  });

  it('lets src/core import within itself, and the rest of src import vscode', async () => {
    assert.deepEqual(await problems('src/core/alarms/planted.ts', "import { matchesFilter } from '../alarms/filter';\nimport { wildcardScan } from '../text/wildcard';\nexport const planted = [matchesFilter, wildcardScan];\n"), []);
    assert.deepEqual(await problems('src/alarms/planted.ts', "import * as vscode from 'vscode';\nexport const planted = vscode.window;\n"), []);
  });
});
