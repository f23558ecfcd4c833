import { strict as assert } from 'node:assert';
import { DefinitionIndex } from '../../../src/core/infraCode/definitionIndex';
import { definitionsIn } from '../../../src/core/infraCode/definitions';
import { matchResource } from '../../../src/core/infraCode/matching';
import { resourceFromArgument } from '../../../src/core/infraCode/resourceArgument';

const CDK_SOURCE = `import * as cw from 'aws-cdk-lib/aws-cloudwatch';
export class Mon extends Stack {
  constructor() {
    new cw.Alarm(this, 'Latency', { threshold: 2, evaluationPeriods: 1, metric });
    new cw.Alarm(this, 'Named', { alarmName: 'named-alarm', threshold: 1, evaluationPeriods: 1, metric });
  }
}`;
const SYNTHESIZED = JSON.stringify({
  Resources: {
    Latency1A2B3C4D: { Type: 'AWS::CloudWatch::Alarm', Properties: { Threshold: 2 }, Metadata: { 'aws:cdk:path': 'Mon/Latency/Resource' } },
    Named5E6F7A8B: { Type: 'AWS::CloudWatch::Alarm', Properties: { AlarmName: 'named-alarm' }, Metadata: { 'aws:cdk:path': 'Mon/Named/Resource' } },
  },
}, null, 1);
const TERRAFORM = 'resource "aws_cloudwatch_metric_alarm" "dup" {\n  alarm_name = "named-alarm"\n}\n';
const SAM = 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Worker:\n    Type: AWS::Serverless::Function\n    Properties:\n      FunctionName: worker\n  Flow:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: flow.json\n';

function indexOf(files: Record<string, string>): DefinitionIndex {
  const index = new DefinitionIndex();
  for (const [file, text] of Object.entries(files)) index.setFile(file, definitionsIn(file, text));
  return index;
}

const where = (m: { definition: { file: string; line: number }; how: string }) => `${m.definition.file}:${m.definition.line} ${m.how}`;

describe('Matching a live resource to its definition', () => {
  it('an explicit name matches first; the same name in two dialects offers both; the synthesized copy yields to the source', () => {
    const index = indexOf({ 'lib/mon.ts': CDK_SOURCE, 'cdk.out/Mon.template.json': SYNTHESIZED, 'tf/main.tf': TERRAFORM });
    const matches = matchResource({ kind: 'alarm', name: 'named-alarm' }, index);
    assert.deepEqual(matches.map(where), ['lib/mon.ts:5 explicit name', 'tf/main.tf:1 explicit name']);
  });

  it('a name CloudFormation generated: the stack resource’s logical id, then the construct path back to the CDK source', () => {
    const index = indexOf({ 'lib/mon.ts': CDK_SOURCE, 'cdk.out/Mon.template.json': SYNTHESIZED });
    const generated = 'Mon-Latency1A2B3C4D-XYZ123';
    assert.deepEqual(matchResource({ kind: 'alarm', name: generated }, index), []);
    const stack = [{ stackName: 'Mon', logicalId: 'Latency1A2B3C4D', physicalId: generated, type: 'AWS::CloudWatch::Alarm' }];
    const [match, ...rest] = matchResource({ kind: 'alarm', name: generated }, index, stack);
    assert.equal(rest.length, 0);
    assert.equal(where(match), 'lib/mon.ts:4 construct path');
    assert.equal(match.via, 'stack Mon, logical id Latency1A2B3C4D, construct Mon/Latency/Resource');
  });

  it('without the CDK source, the synthesized template itself is the definition', () => {
    const index = indexOf({ 'cdk.out/Mon.template.json': SYNTHESIZED });
    const stack = [{ stackName: 'Mon', logicalId: 'Latency1A2B3C4D', physicalId: 'gen', type: 'AWS::CloudWatch::Alarm' }];
    assert.deepEqual(matchResource({ kind: 'alarm', name: 'gen' }, index, stack).map(where), ['cdk.out/Mon.template.json:3 stack resource']);
  });

  it('a state machine’s stack resource is matched by its ARN; a log group by the function that writes to it', () => {
    const index = indexOf({ 'sam/template.yaml': SAM });
    const arn = 'arn:aws:states:us-east-1:123456789012:stateMachine:Flow-AbC';
    const stack = [{ stackName: 'app', logicalId: 'Flow', physicalId: arn, type: 'AWS::StepFunctions::StateMachine' }];
    assert.deepEqual(matchResource({ kind: 'stateMachine', name: 'Flow-AbC', arn }, index, stack).map(where), ['sam/template.yaml:7 stack resource']);
    assert.deepEqual(matchResource({ kind: 'logGroup', name: '/aws/lambda/worker' }, index).map(where), ['sam/template.yaml:3 function log group']);
  });

  it('kinds do not cross: a log group named like an alarm is not the alarm', () => {
    const index = indexOf({ 'tf/main.tf': 'resource "aws_cloudwatch_log_group" "x" {\n  name = "same"\n}\n' });
    assert.deepEqual(matchResource({ kind: 'alarm', name: 'same' }, index), []);
  });

  it('a changed file replaces its definitions; a deleted one removes them', () => {
    const index = indexOf({ 'tf/main.tf': TERRAFORM });
    assert.equal(matchResource({ kind: 'alarm', name: 'named-alarm' }, index).length, 1);
    index.setFile('tf/main.tf', definitionsIn('tf/main.tf', TERRAFORM.replace('named-alarm', 'renamed')));
    assert.equal(matchResource({ kind: 'alarm', name: 'named-alarm' }, index).length, 0);
    assert.equal(matchResource({ kind: 'alarm', name: 'renamed' }, index).length, 1);
    index.removeFolder('tf');
    assert.equal(index.fileCount, 0);
  });

  it('commands take tree items, { kind, name, region }, ARNs and alarm names', () => {
    assert.deepEqual(resourceFromArgument({ alarm: { name: 'A', arn: 'arn:a', region: 'us-east-1' } }), { resource: { kind: 'alarm', name: 'A', arn: 'arn:a' }, scope: 'us-east-1' });
    assert.deepEqual(resourceFromArgument({ kind: 'machine', machine: { name: 'M', arn: 'arn:m', region: 'eu-north-1' } }), { resource: { kind: 'stateMachine', name: 'M', arn: 'arn:m' }, scope: 'eu-north-1' });
    assert.deepEqual(resourceFromArgument({ kind: 'execution', execution: { stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Flow', region: 'us-east-1' } })?.resource, { kind: 'stateMachine', name: 'Flow', arn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Flow' });
    assert.deepEqual(resourceFromArgument({ kind: 'group', group: { name: '/aws/lambda/x', region: 'us-east-1' } }), { resource: { kind: 'logGroup', name: '/aws/lambda/x' }, scope: 'us-east-1' });
    assert.deepEqual(resourceFromArgument({ kind: 'dashboard', name: 'main' })?.resource, { kind: 'dashboard', name: 'main', arn: undefined });
    assert.deepEqual(resourceFromArgument('arn:aws:states:us-east-1:123456789012:execution:Flow:run-1')?.resource, { kind: 'stateMachine', name: 'Flow', arn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Flow' });
    assert.deepEqual(resourceFromArgument('API-High-Errors')?.resource, { kind: 'alarm', name: 'API-High-Errors' });
    assert.equal(resourceFromArgument(42), undefined);
  });
});
