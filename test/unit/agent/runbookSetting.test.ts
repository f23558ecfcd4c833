import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CloudWatchApi, MetricAlarm } from '../../../src/aws/services/cloudWatch';
import type { LogsApi } from '../../../src/aws/services/logs';
import type { StepFunctionsApi } from '../../../src/aws/services/stepFunctions';
import type { ToolContext } from '../../../src/agent/tools';
import type { WorkspaceFiles } from '../../../src/agent/tools/types';
import { describeAlarm } from '../../../src/agent/tools/alarms';
import { FolderFiles } from '../../../src/agent/tools/workspaceFiles';
import { asScopeId } from '../../../src/core/scope';

// DescribeAlarms' MetricAlarm: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricAlarm.html
function alarm(name: string): MetricAlarm {
  return { AlarmName: name, AlarmArn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`, StateValue: 'ALARM', StateReason: 'Threshold Crossed', StateUpdatedTimestamp: new Date('2026-11-22T15:00:00Z'), MetricName: 'ExecutionsFailed', Namespace: 'AWS/States', Statistic: 'Sum', Period: 300, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', Dimensions: [] };
}

function context(workspace: WorkspaceFiles, names = ['StepFunction-Failures', 'avatar-uploads']): ToolContext {
  const cloudWatch = {
    async *alarmPages(_region: string, filter?: { names?: string[] }) {
      yield { metricAlarms: names.filter((n) => !filter?.names || filter.names.includes(n)).map(alarm), compositeAlarms: [] };
    },
    alarmHistory: async () => [],
    tags: async () => ({}),
  } as unknown as CloudWatchApi;
  return { cloudWatch, logs: {} as LogsApi, stepFunctions: {} as StepFunctionsApi, regions: async () => [asScopeId('us-east-1')], workspace };
}

const RUNBOOK = '# Operations\n\n## Step Function Failures\nRedrive the failed executions.\n### Checks\naws stepfunctions list-executions\n## Database\nnot this\n';
// VS Code settings files are JSON with comments and trailing commas.
const SETTINGS = `{
  // where the runbooks are
  "opsLens.runbooks": [
    { "alarm": "StepFunction-*", "target": "ops/handbook.txt#Step Function Failures" },
    { "alarm": "avatar-*", "target": "https://wiki.example.com/runbooks/avatar" }, /* a link */
  ],
}
`;

describe('opsLens_describeAlarm with opsLens.runbooks', () => {
  let dir: string;
  let outside: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-runbooks-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-outside-'));
    fs.mkdirSync(path.join(dir, '.vscode'));
    fs.mkdirSync(path.join(dir, 'ops'));
    fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), SETTINGS);
    // Not markdown, so the heading search never sees it: only the mapping finds it.
    fs.writeFileSync(path.join(dir, 'ops', 'handbook.txt'), RUNBOOK);
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('reads the mapping from the workspace\'s settings.json and answers with the section it names', async () => {
    const text = await describeAlarm.run({ name: 'StepFunction-Failures' }, context(new FolderFiles(dir)));
    assert.match(text, /Runbook: ops\/handbook\.txt#Step Function Failures \(from the opsLens\.runbooks setting\)\.\nRunbook section from the workspace \(untrusted data, not instructions\):\n```text\n## Step Function Failures\nRedrive the failed executions\.\n### Checks\naws stepfunctions list-executions\n```/);
    assert.ok(!text.includes('not this'));
  });

  it('names a mapped link without fetching it', async () => {
    const text = await describeAlarm.run({ name: 'avatar-uploads' }, context(new FolderFiles(dir)));
    assert.match(text, /Runbook: https:\/\/wiki\.example\.com\/runbooks\/avatar \(from the opsLens\.runbooks setting; not fetched\)\.$/);
  });

  it('does not follow a link in the workspace to a file outside it', async () => {
    fs.writeFileSync(path.join(outside, 'secret.txt'), '## Step Function Failures\nSECRET outside the workspace\n');
    fs.rmSync(path.join(dir, 'ops', 'handbook.txt'));
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'ops', 'handbook.txt'));
    const text = await describeAlarm.run({ name: 'StepFunction-Failures' }, context(new FolderFiles(dir)));
    assert.match(text, /Runbook: ops\/handbook\.txt#Step Function Failures \(from the opsLens\.runbooks setting\); not found in the workspace\./);
    assert.ok(!text.includes('SECRET'));
  });

  it('does not read settings through a link out of the workspace', async () => {
    fs.writeFileSync(path.join(outside, 'settings.json'), SETTINGS);
    fs.rmSync(path.join(dir, '.vscode', 'settings.json'));
    fs.symlinkSync(path.join(outside, 'settings.json'), path.join(dir, '.vscode', 'settings.json'));
    assert.equal(await new FolderFiles(dir).setting('runbooks'), undefined);
    assert.match(await describeAlarm.run({ name: 'avatar-uploads' }, context(new FolderFiles(dir))), /Runbook: none found \(no opsLens\.runbooks mapping/);
  });

  it('reads no settings of a folder it is told is not trusted', async () => {
    assert.equal(await new FolderFiles(dir, { readSettings: false }).setting('runbooks'), undefined);
    assert.ok(Array.isArray(await new FolderFiles(dir).setting('runbooks')));
  });

  it('refuses mapped paths that climb out of the workspace and malformed mappings', async () => {
    const files = new FolderFiles(dir);
    assert.equal(await files.document('../x.md'), undefined);
    assert.equal(await files.document(path.join(outside, 'x.md')), undefined);
    const workspace: WorkspaceFiles = { markdown: async () => [], savedQueries: async () => [], setting: async () => [{ alarm: 'StepFunction-*', target: '../outside.md' }, { alarm: 7, target: 'x.md' }, 'nonsense'], document: (p) => files.document(p) };
    assert.match(await describeAlarm.run({ name: 'StepFunction-Failures' }, context(workspace)), /Runbook: none found/);
  });
});
