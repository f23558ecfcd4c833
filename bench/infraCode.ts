import { buildSync } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DefinitionIndex } from '../src/core/infraCode/definitionIndex';
import { definitionsIn } from '../src/core/infraCode/definitions';
import type { Definition } from '../src/core/infraCode/model';
import { asScopeId } from '../src/core/scope';
import { IndexThread, indexFiles } from '../src/infraCode/indexThread';
import { LiveState } from '../src/infraCode/liveState';
import { installVscodeStandIn, vscodeStandIn } from './vscodeStandIn';
import { median, report } from './report';

const FILES = 5_000;
const LENS_DEFINITIONS = 50;

/** A monorepo of 5,000 files: mostly application code of about 4 KB, one in ten a CDK stack, SAM template, Terraform file or synthesized template. */
export function writeMonorepo(root: string): string[] {
  const files: string[] = [];
  const filler = (i: number) => Array.from({ length: 40 }, (_, l) => `export function handler${i}_${l}(event: unknown) { return { statusCode: 200, body: JSON.stringify(event) }; }`).join('\n');
  for (let i = 0; i < FILES; i++) {
    const pkg = `packages/service-${i % 100}`;
    let file: string;
    let text: string;
    switch (i % 40) {
      case 0:
        file = `${pkg}/lib/stack-${i}.ts`;
        text = `import * as cw from 'aws-cdk-lib/aws-cloudwatch';\n${Array.from({ length: 20 }, (_, a) => `new cw.Alarm(this, 'Alarm${a}', { alarmName: 'svc-${i}-${a}', threshold: ${a}, evaluationPeriods: 2, metric });`).join('\n')}\n${filler(i).slice(0, 4000)}`;
        break;
      case 1:
        file = `${pkg}/template-${i}.yaml`;
        text = `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n${Array.from({ length: 20 }, (_, a) => `  Fn${a}:\n    Type: AWS::Serverless::Function\n    Properties:\n      FunctionName: !Sub 'fn-${i}-${a}-\${AWS::StackName}'\n      Role: !GetAtt [Role, Arn]\n  Alarm${a}:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      AlarmName: tpl-${i}-${a}\n      Threshold: 5\n`).join('')}`;
        break;
      case 2:
        file = `${pkg}/infra/main-${i}.tf`;
        text = Array.from({ length: 20 }, (_, a) => `resource "aws_cloudwatch_log_group" "g${a}" {\n  name = "/svc/${i}/${a}"\n  retention_in_days = 7\n}\n`).join('\n');
        break;
      case 3:
        file = `${pkg}/cdk.out/Stack${i}.template.json`;
        text = JSON.stringify({ Resources: Object.fromEntries(Array.from({ length: 30 }, (_, a) => [`Alarm${a}ABCDEF12`, { Type: 'AWS::CloudWatch::Alarm', Properties: { Threshold: a }, Metadata: { 'aws:cdk:path': `Stack${i}/Alarm${a}/Resource` } }])) }, null, 1);
        break;
      default:
        file = `${pkg}/src/module-${i}.ts`;
        text = filler(i);
    }
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
    files.push(file);
  }
  return files;
}

/** The longest the event loop was held while `work` ran, sampled by a 1 ms timer. */
async function longestTask<T>(work: () => Promise<T>): Promise<{ result: T; longestMs: number }> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 1);
    last = now;
  }, 1);
  try {
    const result = await work();
    return { result, longestMs: longest };
  } finally {
    clearInterval(timer);
  }
}

export async function benchInfraCode(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-infra-'));
  try {
    const worker = path.join(dir, 'infra-code-worker.js');
    buildSync({ entryPoints: [path.join(__dirname, '../src/infraCode/indexWorker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: worker, logLevel: 'warning' });
    const root = path.join(dir, 'repo');
    const files = writeMonorepo(root);
    const thread = new IndexThread(worker);
    const index = new DefinitionIndex();
    const started = performance.now();
    const { longestMs } = await longestTask(() => indexFiles(thread, root, files, (file, defs) => index.setFile(file, defs)));
    const total = performance.now() - started;
    report(`infra code: index of a ${FILES.toLocaleString('en-US')}-file monorepo`, total, 'ms', 3000, `${[...index.all()].length} definitions in ${index.fileCount} files`);
    report('infra code: longest extension-host task while indexing', longestMs, 'ms', 50);

    const changed = files[0];
    const again: number[] = [];
    for (let run = 0; run < 9; run++) {
      fs.appendFileSync(path.join(root, changed), `\nnew cw.Alarm(this, 'Added${run}', { alarmName: 'added-${run}', threshold: 1, evaluationPeriods: 1, metric });\n`);
      const t = performance.now();
      const reply = await thread.read(root, [changed]);
      for (const [file, defs] of reply.results) index.setFile(file, defs);
      again.push(performance.now() - t);
    }
    report('infra code: re-index one changed file (median)', median(again), 'ms', 20);
    thread.dispose();
    await benchLenses();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** CodeLens of a file with 50 definitions whose live state is cached: building the lenses only. */
async function benchLenses(): Promise<void> {
  installVscodeStandIn();
  // The lenses' own objects, as plain as VS Code's, so their construction is measured and not the stand-in's proxies.
  Object.assign(vscodeStandIn, {
    Range: class { constructor(readonly startLine: number, readonly startCharacter: number, readonly endLine: number, readonly endCharacter: number) {} },
    CodeLens: class { constructor(readonly range: unknown, readonly command?: unknown) {} },
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { InfraCodeLens } = require('../src/infraCode/codeLens') as typeof import('../src/infraCode/codeLens');
  const scope = asScopeId('us-east-1');
  const text = `import * as cw from 'aws-cdk-lib/aws-cloudwatch';\n${Array.from({ length: LENS_DEFINITIONS }, (_, a) => `new cw.Alarm(this, 'A${a}', { alarmName: 'lens-${a}', threshold: 5, period: Duration.minutes(5), evaluationPeriods: 1, metric });`).join('\n')}`;
  const defs: Definition[] = definitionsIn('lib/stack.ts', text);
  const index = new DefinitionIndex();
  index.setFile('lib/stack.ts', defs);
  const never = async () => { throw new Error('not called'); };
  const live = new LiveState({
    metrics: { describeAlarms: async () => ({ metricAlarms: defs.map((d, i) => ({ AlarmName: d.name, StateValue: 'ALARM', StateUpdatedTimestamp: new Date(), Threshold: i % 2 ? 10 : 5, Period: 300, EvaluationPeriods: 1 })), compositeAlarms: [] }), listDashboards: never as never },
    stepFunctions: { stateMachinePages: never as never, executions: never },
    logs: { logGroupPage: never },
    cloudFormation: { stackResourcesOf: never, stackResources: never, stackNames: never },
    scopes: async () => [scope],
    index,
  });
  await live.load(defs);
  {
    const lens = new InfraCodeLens({ index, ready: Promise.resolve(), live, fileOf: () => 'lib/stack.ts', hasCommand: () => false });
    const runs: number[] = [];
    let count = 0;
    for (let run = 0; run < 21; run++) {
      const t = performance.now();
      count = lens.lenses(defs).length;
      runs.push(performance.now() - t);
    }
    report(`infra code: CodeLens of a file with ${LENS_DEFINITIONS} definitions, data cached (median)`, median(runs), 'ms', 5, `${count} lenses`);
  }
}
