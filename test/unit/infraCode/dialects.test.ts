import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { definitionsIn } from '../../../src/core/infraCode/definitions';
import type { Definition } from '../../../src/core/infraCode/model';

const FIXTURES = path.join(__dirname, '../../fixtures/infraCode');

function defined(file: string, as = file): Definition[] {
  return definitionsIn(as, readFileSync(path.join(FIXTURES, file), 'utf8'));
}

/** `line kind name-or-id` of each definition, as a person would check them against the file. */
function summary(defs: Definition[]): string[] {
  return defs.map((d) => `${d.line} ${d.kind} ${d.name ?? `(${d.id})`}`);
}

describe('Index of infrastructure code: each dialect', () => {
  it('CDK TypeScript: constructs with their ids, literal names, names from constants of the file, and computed names left out', () => {
    const defs = defined('cdk-stack.ts.txt', 'infra/orders-stack.ts');
    assert.deepEqual(summary(defs), [
      '21 alarm orders-queue-backlog',
      '29 alarm (QueueAlarmFromMetric)',
      '35 alarm raw-cfn-alarm',
      '43 alarm orders-composite',
      '48 logGroup /orders/api',
      '53 stateMachine order-flow',
      '59 function orders-checkout',
      '66 dashboard orders',
      '69 logGroup (Computed)',
    ]);
    assert.ok(defs.every((d) => d.dialect === 'cdk-typescript' && d.file === 'infra/orders-stack.ts'));
    assert.equal(defs.find((d) => d.kind === 'function')?.logGroupName, '/aws/lambda/orders-checkout');
  });

  it('CDK TypeScript: an alarm’s literal condition, durations in seconds and enum comparisons as AWS names them', () => {
    const [backlog, fromMetric, cfn] = defined('cdk-stack.ts.txt', 'orders-stack.ts');
    assert.deepEqual(backlog.alarm, { threshold: 100, period: 60, evaluationPeriods: 3, comparison: undefined });
    assert.deepEqual(fromMetric.alarm, { threshold: 3, period: undefined, evaluationPeriods: 2, comparison: 'LessThanLowerOrGreaterThanUpperThreshold' });
    assert.deepEqual(cfn.alarm, { threshold: 5, period: 60, evaluationPeriods: 123, comparison: 'GreaterThanThreshold' });
  });

  it('CDK Python: keyword arguments, module constants and create_alarm', () => {
    const defs = defined('cdk_stack.py');
    assert.deepEqual(summary(defs), ['16 alarm payments-errors', '24 alarm (Latency)', '29 logGroup /payments/api']);
    assert.ok(defs.every((d) => d.dialect === 'cdk-python'));
    assert.deepEqual(defs[0].alarm, { threshold: 1, period: 300, evaluationPeriods: 1, comparison: 'GreaterThanThreshold' });
  });

  it('SAM YAML: short-form intrinsics (!Sub, !GetAtt, !Ref, !Join) parse; only plain names count; a function’s LoggingConfig names its log group', () => {
    const defs = defined('sam-template.yaml');
    assert.deepEqual(summary(defs), [
      '13 function (HelloWorldFunction)',
      '21 function hello-named',
      '29 stateMachine StockTrading',
      '41 alarm hello-errors',
      '57 alarm hello-composite',
      '63 logGroup (Logs)',
      '69 dashboard hello-dashboard',
    ]);
    assert.ok(defs.every((d) => d.dialect === 'sam'));
    assert.equal(defs[1].logGroupName, '/custom/hello');
    assert.deepEqual(defs[3].alarm, { threshold: 0.5, period: 60, evaluationPeriods: 2, comparison: 'GreaterThanOrEqualToThreshold' });
  });

  it('CloudFormation JSON: resources at their lines, quoted numbers read as numbers, Fn::Sub without variables as a name', () => {
    const defs = defined('cloudformation.json', 'templates/app.json');
    assert.deepEqual(summary(defs), ['5 alarm cpu-high', '21 logGroup /app/events', '25 stateMachine HelloWorld-StateMachine']);
    assert.ok(defs.every((d) => d.dialect === 'cloudformation'));
    assert.deepEqual(defs[0].alarm, { threshold: 90, period: 60, evaluationPeriods: 3, comparison: 'GreaterThanThreshold' });
  });

  it('synthesized CDK templates: aws:cdk:path kept, logical ids as ids', () => {
    const file = 'infra/cdk/cdk.out/DatabananaMonitoring.template.json';
    const defs = definitionsIn(file, readFileSync(path.join(__dirname, '../../../sandbox/workspace', file), 'utf8'));
    assert.deepEqual(defs.map((d) => [d.line, d.dialect, d.id, d.cdkPath]), [
      [3, 'cdk-synth', 'StepFunctionFailures0C7E1D5B', 'DatabananaMonitoring/StepFunctionFailures/Resource'],
      [27, 'cdk-synth', 'ApiHighErrors4F3E2A1B', 'DatabananaMonitoring/ApiHighErrors/Resource'],
    ]);
  });

  it('Terraform: resource blocks and their name arguments, locals and variable defaults filled in, comments and heredocs skipped', () => {
    const defs = defined('main.tf', 'ops/main.tf');
    assert.deepEqual(summary(defs), [
      '17 alarm terraform-test-foobar5',
      '31 alarm shop-prod-composite',
      '41 logGroup Yada',
      '50 logGroup (aws_cloudwatch_log_group.computed)',
      '54 stateMachine my-state-machine',
      '66 function lambda_function_name',
      '73 dashboard my-dashboard',
    ]);
    assert.deepEqual(defs[0].alarm, { threshold: 80, period: 120, evaluationPeriods: 2, comparison: 'GreaterThanOrEqualToThreshold' });
    assert.equal(defs[5].logGroupName, '/aws/lambda/lambda_function_name');
  });

  it('Serverless Framework: functions named service-stage-key, the stage default of ${opt:stage, …}, state machines and resources', () => {
    const defs = defined('serverless.yml', 'services/users/serverless.yml');
    assert.deepEqual(summary(defs), [
      '14 function users-staging-usersCreate',
      '16 function users-staging-remove-user',
      '22 stateMachine users-signup-staging',
      '29 alarm users-errors',
    ]);
    assert.equal(defs[0].logGroupName, '/aws/lambda/users-staging-usersCreate');
    assert.ok(defs.every((d) => d.dialect === 'serverless'));
  });

  it('files that define nothing are not parsed as such: plain TypeScript, package.json, YAML without AWS types, declaration files', () => {
    assert.deepEqual(definitionsIn('src/app.ts', "const x = new Alarm(this, 'Id', { alarmName: 'nope' });"), []);
    assert.deepEqual(definitionsIn('package.json', '{"Type": "AWS::CloudWatch::Alarm"}'), []);
    assert.deepEqual(definitionsIn('ci.yml', 'jobs:\n  build:\n    runs-on: ubuntu-latest\n'), []);
    assert.deepEqual(definitionsIn('types.d.ts', "import 'aws-cdk-lib'; new Alarm(this, 'A', {})"), []);
    assert.deepEqual(definitionsIn('node_modules/x/template.yaml', 'Resources:\n  A:\n    Type: AWS::Logs::LogGroup\n'), []);
  });
});
