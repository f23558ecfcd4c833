import { strict as assert } from 'node:assert';
import {
  fromDimensions, inferRelated, isStateMachineArn, logGroupFromArn, MAX_LOG_GROUPS, readRelatedSettings, tagList, type AlarmForInference,
} from '../../../src/core/investigate/related';
import { asScopeId } from '../../../src/core/scope';

const MACHINE = 'arn:aws:states:us-east-1:123456789012:stateMachine:OrderFlow';

function alarm(over: Partial<AlarmForInference> = {}): AlarmForInference {
  return { name: 'orders-errors', region: asScopeId('us-east-1'), namespace: 'AWS/Lambda', dimensions: [], ...over };
}

describe('investigation: related resources', () => {
  // Lambda writes each function's logs to /aws/lambda/<name>:
  // https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html
  it('infers the Lambda log group from FunctionName, alias or not', () => {
    assert.deepEqual(fromDimensions(alarm({ dimensions: [{ name: 'FunctionName', value: 'checkout' }] })).logGroups.map((g) => g.name), ['/aws/lambda/checkout']);
    assert.deepEqual(fromDimensions(alarm({ dimensions: [{ name: 'FunctionName', value: 'checkout' }, { name: 'Resource', value: 'checkout:live' }] })).logGroups.map((g) => g.name), ['/aws/lambda/checkout']);
  });

  it('takes the state machine from StateMachineArn (its log group comes from its logging configuration later)', () => {
    const found = fromDimensions(alarm({ namespace: 'AWS/States', dimensions: [{ name: 'StateMachineArn', value: MACHINE }] }));
    assert.deepEqual(found.stateMachines.map((m) => m.name), [MACHINE]);
    assert.deepEqual(found.logGroups, []);
    assert.equal(fromDimensions(alarm({ dimensions: [{ name: 'StateMachineArn', value: 'not an arn' }] })).stateMachines.length, 0);
  });

  // HTTP API execution logs: API-Gateway-Execution-Logs_{api-id}/{stage}
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
  it('infers API Gateway execution logs from ApiId and Stage, ECS from ServiceName, CodeBuild from ProjectName', () => {
    assert.deepEqual(fromDimensions(alarm({ namespace: 'AWS/ApiGateway', dimensions: [{ name: 'ApiId', value: 'a1b2c3' }, { name: 'Stage', value: 'prod' }] })).logGroups.map((g) => g.name), ['API-Gateway-Execution-Logs_a1b2c3/prod']);
    assert.deepEqual(fromDimensions(alarm({ namespace: 'AWS/ECS', dimensions: [{ name: 'ClusterName', value: 'main' }, { name: 'ServiceName', value: 'web' }] })).logGroups.map((g) => g.name), ['/ecs/web']);
    assert.deepEqual(fromDimensions(alarm({ namespace: 'AWS/CodeBuild', dimensions: [{ name: 'ProjectName', value: 'build' }] })).logGroups.map((g) => g.name), ['/aws/codebuild/build']);
    // ServiceName outside ECS (other namespaces use it for other things) infers nothing.
    assert.deepEqual(fromDimensions(alarm({ namespace: 'Custom', dimensions: [{ name: 'ServiceName', value: 'web' }] })).logGroups, []);
  });

  it('reads the opsLens:logGroups tag as a list, and drops names CloudWatch Logs would refuse', () => {
    assert.deepEqual(tagList('/a/b, /c/d; /e  /f'), ['/a/b', '/c/d', '/e', '/f']);
    const related = inferRelated(alarm({ tags: { 'opsLens:logGroups': '/aws/lambda/x, bad|name, /ecs/y' } }), []);
    assert.deepEqual(related.logGroups.map((g) => [g.name, g.from]), [['/aws/lambda/x', 'tag'], ['/ecs/y', 'tag']]);
  });

  it('puts the setting first, then tags, then dimensions, each name once', () => {
    const settings = readRelatedSettings([
      { alarm: 'orders-*', logGroups: ['/aws/lambda/checkout', '/custom/orders'], stateMachines: [MACHINE], healthEndpoints: ['Orders API'] },
      { alarm: 'billing-*', logGroups: ['/billing'] },
    ]);
    const related = inferRelated(alarm({ dimensions: [{ name: 'FunctionName', value: 'checkout' }], tags: { 'opsLens:logGroups': '/custom/orders /from/tag' } }), settings);
    assert.deepEqual(related.logGroups.map((g) => `${g.from}:${g.name}`), ['setting:/aws/lambda/checkout', 'setting:/custom/orders', 'tag:/from/tag']);
    assert.deepEqual(related.stateMachines.map((m) => m.name), [MACHINE]);
    assert.deepEqual(related.healthEndpoints.map((h) => h.name), ['Orders API']);
  });

  it('ignores malformed setting entries (the setting may come from a cloned workspace)', () => {
    assert.deepEqual(readRelatedSettings('nope'), []);
    assert.deepEqual(readRelatedSettings([null, 3, { logGroups: ['/x'] }, { alarm: 'a', logGroups: [5, '/ok'] }]), [{ alarm: 'a', logGroups: ['/ok'], stateMachines: [], healthEndpoints: [] }]);
  });

  it('gives a composite alarm its children\'s resources, saying which child', () => {
    const child = inferRelated(alarm({ name: 'orders-fn-errors', dimensions: [{ name: 'FunctionName', value: 'checkout' }] }), []);
    const related = inferRelated(alarm({ name: 'orders-degraded', namespace: undefined }), [], [{ name: 'orders-fn-errors', related: child }]);
    assert.deepEqual(related.logGroups, [{ name: '/aws/lambda/checkout', from: 'child', detail: 'orders-fn-errors: FunctionName' }]);
  });

  it('stops at the cap', () => {
    const many = Array.from({ length: 50 }, (_, i) => `/g/${i}`);
    assert.equal(inferRelated(alarm(), [{ alarm: '*', logGroups: many }]).logGroups.length, MAX_LOG_GROUPS);
  });

  it('reads the log group of a logging destination ARN', () => {
    assert.equal(logGroupFromArn('arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/OrderFlow:*'), '/aws/vendedlogs/states/OrderFlow');
    assert.equal(logGroupFromArn('arn:aws:s3:::bucket'), undefined);
    assert.ok(isStateMachineArn(MACHINE));
    assert.ok(!isStateMachineArn(`${MACHINE}:extra:parts`));
  });
});
