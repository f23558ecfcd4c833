import { strict as assert } from 'node:assert';
import { definitionsIn } from '../../../src/core/infraCode/definitions';
import { gitignoreMatcher } from '../../../src/core/infraCode/gitignore';
import { LIMITS } from '../../../src/core/infraCode/model';

/** Runs `fn` and returns how long it took, in ms. */
function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

describe('Index of infrastructure code: hostile files', () => {
  it('a file over the size cap is not read', () => {
    const big = `Resources:\n  A:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: x\n${'#'.repeat(LIMITS.maxFileBytes)}`;
    assert.deepEqual(definitionsIn('big.yaml', big), []);
  });

  it('deep flow nesting is refused before parsing, and an alias bomb is never expanded', () => {
    const deep = `AWSTemplateFormatVersion: x\nResources: ${'['.repeat(100_000)}`;
    assert.deepEqual(definitionsIn('deep.yaml', deep), []);
    const bomb = ['AWSTemplateFormatVersion: x', 'a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`), 'Resources:', '  L:', '    Type: AWS::Logs::LogGroup', '    Properties:', '      LogGroupName: ok'].join('\n');
    let defs: ReturnType<typeof definitionsIn> = [];
    assert.ok(timed(() => { defs = definitionsIn('bomb.yaml', bomb); }) < 500);
    assert.deepEqual(defs.map((d) => d.name), ['ok']);
  });

  it('unterminated strings, heredocs and calls end at the file’s end, in time linear in its size', () => {
    const tf = `resource "aws_cloudwatch_log_group" "a" {\n  name = "x\n${'a'.repeat(500_000)}`;
    const heredoc = `resource "aws_cloudwatch_log_group" "a" {\n  body = <<EOT\n${'line\n'.repeat(100_000)}`;
    const cdk = `import 'aws-cdk-lib';\nnew Alarm(this, 'A', { threshold: ${'('.repeat(300_000)}`;
    const py = `import aws_cdk\n${'Alarm(self, "A", '.repeat(40_000)}`;
    for (const [file, text] of [['a.tf', tf], ['b.tf', heredoc], ['c.ts', cdk], ['d.py', py]] as const) {
      assert.ok(timed(() => definitionsIn(file, text)) < 1_500, file);
    }
  });

  it('many definitions are capped per file', () => {
    const text = `import 'aws-cdk-lib';\n${"new LogGroup(this, 'L', {});\n".repeat(LIMITS.maxDefinitionsPerFile + 500)}`;
    assert.equal(definitionsIn('many.ts', text).length, LIMITS.maxDefinitionsPerFile);
  });

  it('.gitignore: names anywhere, anchored and folder patterns, wildcards and exceptions', () => {
    const ignored = gitignoreMatcher('# comment\nnode_modules\n/build\nout/\n*.generated.ts\n!keep.generated.ts\ncdk.out\n');
    assert.ok(ignored('node_modules/x/a.ts'));
    assert.ok(ignored('packages/a/node_modules/b.ts'));
    assert.ok(ignored('build/template.yaml'));
    assert.ok(!ignored('src/build/template.yaml'));
    assert.ok(ignored('a/out/x.json'));
    assert.ok(ignored('src/x.generated.ts'));
    assert.ok(!ignored('src/keep.generated.ts'));
    assert.ok(ignored('infra/cdk.out/Stack.template.json'));
    assert.ok(!ignored('infra/lib/stack.ts'));
  });
});
