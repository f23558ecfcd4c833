import * as assert from 'node:assert/strict';
import { changeLookups, changesFrom, commitsInWindow, eventLink, latestChangeBefore, mergeChanges, whoOf, type RepoChange, type TrailEvent } from '../../../src/core/investigate/changes';
import { EMPTY_RELATED } from '../../../src/core/investigate/related';
import { RateGate } from '../../../src/core/rateGate';

const T0 = Date.parse('2026-12-07T10:00:00Z');
const window = { start: T0 - 30 * 60_000, end: T0 + 15 * 60_000 };

/** Events shaped as LookupEvents returns them; CloudTrailEvent bodies follow the record contents documented at
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html */
function event(name: string, minutes: number, identity: Record<string, unknown>, extra: Partial<TrailEvent> = {}): TrailEvent {
  return { EventId: `id-${name}-${minutes}`, EventName: name, ReadOnly: 'false', EventTime: new Date(T0 + minutes * 60_000), CloudTrailEvent: JSON.stringify({ userIdentity: identity }), ...extra };
}
const role = { type: 'AssumedRole', arn: 'arn:aws:sts::210987654321:assumed-role/GitHubDeploy/run-8812', accessKeyId: 'ASIAEXAMPLEKEY000001', sessionContext: { sessionIssuer: { type: 'Role', userName: 'GitHubDeploy' } } };
const user = { type: 'IAMUser', userName: 'amara.n', accessKeyId: 'AKIAEXAMPLEKEY000002' };

describe('what changed: which resources are looked up', () => {
  it('the alarm, the function of its dimension or log group, its state machines, ECS service, API and stack, once each', () => {
    const lookups = changeLookups(
      { name: 'checkout-5xx', dimensions: [{ name: 'FunctionName', value: 'checkout-api:live' }, { name: 'ServiceName', value: 'web' }, { name: 'ApiName', value: 'shop' }], tags: { 'aws:cloudformation:stack-name': 'shop-prod' } },
      { ...EMPTY_RELATED, logGroups: [{ name: '/aws/lambda/checkout-api', from: 'dimension', detail: 'FunctionName' }, { name: '/ecs/web', from: 'tag', detail: 'x' }], stateMachines: [{ name: 'arn:aws:states:eu-west-1:210987654321:stateMachine:Orders', from: 'setting', detail: '*' }, { name: 'not an arn', from: 'setting', detail: '*' }] },
    );
    assert.deepEqual(lookups.map((l) => `${l.kind}:${l.resourceName}`), [
      'alarm:checkout-5xx', 'function:checkout-api', 'stateMachine:arn:aws:states:eu-west-1:210987654321:stateMachine:Orders', 'ecsService:web', 'restApi:shop', 'stack:shop-prod',
    ]);
  });
});

describe('what changed: events that change a resource', () => {
  it('keeps changes of the resource inside the window, newest first; reads, other kinds of event and events outside are left out', () => {
    const lookup = { resourceName: 'checkout-api', kind: 'function' as const, why: 'x' };
    const changes = changesFrom([
      event('UpdateFunctionCode20150331v2', -4, role),
      event('UpdateFunctionConfiguration20150331v2', -20, user),
      event('GetFunction20150331v2', -3, user, { ReadOnly: 'true' }),
      event('TagResource', -2, user),
      event('PublishVersion20150331', -45, role),
      event('UpdateAlias20150331', 20, role),
    ], lookup, 'eu-west-1', window);
    assert.deepEqual(mergeChanges([changes]).map((c) => `${c.what} by ${c.who}`), ['Lambda code deployed by GitHubDeploy/run-8812', 'Lambda configuration changed by amara.n']);
  });

  it("names who by role and session or user, never by access key, and survives a malformed record", () => {
    assert.equal(whoOf({ Username: 'run-8812', CloudTrailEvent: JSON.stringify({ userIdentity: role }) }), 'GitHubDeploy/run-8812');
    assert.equal(whoOf({ CloudTrailEvent: JSON.stringify({ userIdentity: user }) }), 'amara.n');
    assert.equal(whoOf({ CloudTrailEvent: JSON.stringify({ userIdentity: { type: 'AWSService', invokedBy: 'cloudformation.amazonaws.com' } }) }), 'cloudformation.amazonaws.com');
    assert.equal(whoOf({ Username: 'AKIAIOSFODNN7EXAMPLE', CloudTrailEvent: '{' }), '(access key hidden)');
    assert.equal(whoOf({ Username: 'line\nbreak\u0007' }), 'line break ');
  });

  it('each event once though it names two looked-up resources; a state set by hand is no change to the alarm', () => {
    const alarm = changesFrom([event('PutMetricAlarm', -1, user), event('SetAlarmState', -2, user), event('DescribeAlarms', -1, user, { ReadOnly: 'true' })], { resourceName: 'a', kind: 'alarm', why: '' }, 'us-east-1', window);
    const again = changesFrom([event('PutMetricAlarm', -1, user)], { resourceName: 'b', kind: 'alarm', why: '' }, 'us-east-1', window);
    assert.deepEqual(mergeChanges([alarm, again]).map((c) => c.what), ['alarm definition changed']);
  });

  it('links to the event in the console of a valid region only, with the id encoded', () => {
    assert.equal(eventLink('eu-west-1', 'abc'), 'https://eu-west-1.console.aws.amazon.com/cloudtrailv2/home?region=eu-west-1#/events/abc');
    assert.equal(eventLink('evil.example.com/x', 'a/../b?c#d'), 'https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/a%2F..%2Fb%3Fc%23d');
  });
});

describe('what changed: commits and the latest change before the alarm', () => {
  const commit = (hash: string, minutes: number): RepoChange => ({ at: T0 + minutes * 60_000, hash, subject: hash, author: 'x', touchesDefinition: false });

  it('keeps the commits of the window, newest first', () => {
    assert.deepEqual(commitsInWindow([commit('old', -180), commit('in', -6), commit('after', 16), commit('edge', 15)], window).map((c) => c.hash), ['edge', 'in']);
  });

  it("calls out the most recent change at or before the moment, AWS's or the repository's", () => {
    const aws = changesFrom([event('UpdateStateMachine', -2, role), event('UpdateStateMachine', 3, role)], { resourceName: 'sm', kind: 'stateMachine', why: '' }, 'us-east-1', window);
    assert.equal(latestChangeBefore(T0, aws, [commit('c1', -6)])?.source, 'aws');
    assert.equal(latestChangeBefore(T0, aws, [commit('c2', -1)])?.source, 'repo');
    assert.equal(latestChangeBefore(T0 - 60 * 60_000, aws, []), undefined);
  });
});

describe('a rate gate (LookupEvents: two calls a second per account and region)', () => {
  it('runs the calls of one key one at a time, each an interval after the previous ended; other keys are not held', async () => {
    const log: string[] = [];
    const waits: Array<() => void> = [];
    const gate = new RateGate(550, () => new Promise((resolve) => waits.push(() => resolve())));
    const call = (key: string, name: string) => gate.run(key, async () => {
      log.push(name);
      return name;
    });
    const a1 = call('a', 'a1');
    const a2 = call('a', 'a2');
    const b1 = call('b', 'b1');
    assert.equal(await a1, 'a1');
    assert.equal(await b1, 'b1');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(log, ['a1', 'b1'], 'a2 waits for the interval after a1');
    waits[0]();
    assert.equal(await a2, 'a2');
    assert.deepEqual(log, ['a1', 'b1', 'a2']);
  });
});
