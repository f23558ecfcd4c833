import { strict as assert } from 'node:assert';
import { CloudTrailClient, InvalidLookupAttributesException, InvalidMaxResultsException, InvalidNextTokenException, InvalidTimeRangeException, LookupEventsCommand, ThrottlingException } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, DisableAlarmActionsCommand, EnableAlarmActionsCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { AwsSession } from '../../src/aws/session';
import { SdkCloudTrail } from '../../src/aws/services/cloudTrail';
import { SdkCloudWatch } from '../../src/aws/services/cloudWatch';
import { SdkLogs } from '../../src/aws/services/logs';
import { SdkMetrics } from '../../src/aws/services/metrics';
import { SdkStepFunctions } from '../../src/aws/services/stepFunctions';
import { asScopeId } from '../../src/core/scope';
import { gatherInvestigation } from '../../src/investigate/gather';
import { resetMoto } from '../../sandbox/moto';
import { DEPLOY_ACCESS_KEY_ID, DEPLOY_ROLE, DEPLOY_SESSION, DEVELOPER_USER } from '../../sandbox/standin/cloudTrail/identities';
import { INVESTIGATED_ALARM, seedInvestigation } from '../support/investigateScenario';
import { rejectsWith } from './rejectsWith';
import { awsEndpoint, testEnv } from './setup';

const REGION = 'us-east-1';
const developer = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const deployer = { accessKeyId: DEPLOY_ACCESS_KEY_ID, secretAccessKey: 'testing' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('CloudTrail event history in the stand-in, through the real SDK', () => {
  let trail: CloudTrailClient;
  let cw: CloudWatchClient;

  before(async () => {
    await resetMoto(awsEndpoint());
    Object.assign(process.env, testEnv);
    trail = new CloudTrailClient({ region: REGION, endpoint: awsEndpoint(), credentials: developer, maxAttempts: 1 });
    cw = new CloudWatchClient({ region: REGION, endpoint: awsEndpoint(), credentials: developer });
  });

  after(() => {
    trail.destroy();
    cw.destroy();
  });

  it('records a management call with its resources and who made it, and LookupEvents finds it by resource name', async () => {
    await cw.send(new PutMetricAlarmCommand({ AlarmName: 'trail-orders-5xx', Namespace: 'AWS/ApiGateway', MetricName: '5XXError', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 5, ComparisonOperator: 'GreaterThanThreshold' }));
    const byDeploy = new CloudWatchClient({ region: REGION, endpoint: awsEndpoint(), credentials: deployer });
    await byDeploy.send(new DisableAlarmActionsCommand({ AlarmNames: ['trail-orders-5xx'] }));
    byDeploy.destroy();
    await sleep(1100);
    const found = await trail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: 'trail-orders-5xx' }] }));
    assert.deepEqual(found.Events?.map((e) => [e.EventName, e.Username, e.ReadOnly, e.EventSource]), [
      ['DisableAlarmActions', DEPLOY_SESSION, 'false', 'monitoring.amazonaws.com'],
      ['PutMetricAlarm', DEVELOPER_USER, 'false', 'monitoring.amazonaws.com'],
    ]);
    const record = JSON.parse(found.Events![0].CloudTrailEvent!) as { userIdentity: { type: string; arn: string; sessionContext: { sessionIssuer: { userName: string } } }; eventName: string; awsRegion: string };
    assert.equal(record.userIdentity.type, 'AssumedRole');
    assert.equal(record.userIdentity.sessionContext.sessionIssuer.userName, DEPLOY_ROLE);
    assert.equal(record.awsRegion, REGION);
    assert.ok(found.Events![0].EventTime instanceof Date && Math.abs(found.Events![0].EventTime.getTime() - Date.now()) < 60_000);
    assert.deepEqual(found.Events![1].Resources, [{ ResourceType: 'AWS::CloudWatch::Alarm', ResourceName: 'trail-orders-5xx' }]);
  });

  it('pages newest first with MaxResults and a NextToken, and keeps to the time range', async () => {
    for (let i = 0; i < 3; i++) await cw.send(new EnableAlarmActionsCommand({ AlarmNames: ['trail-paged'] }));
    await sleep(1100);
    const first = await trail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: 'trail-paged' }], MaxResults: 2 }));
    assert.equal(first.Events?.length, 2);
    assert.ok(first.NextToken);
    const second = await trail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: 'trail-paged' }], MaxResults: 2, NextToken: first.NextToken }));
    assert.equal(second.Events?.length, 1);
    assert.equal(second.NextToken, undefined);
    const times = [...first.Events!, ...second.Events!].map((e) => e.EventTime!.getTime());
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    await sleep(1100);
    const before = await trail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: 'trail-paged' }], EndTime: new Date(Date.now() - 3_600_000) }));
    assert.deepEqual(before.Events, []);
  });

  it("answers AWS's errors for a bad lookup, and throttles beyond two lookups a second", async () => {
    await sleep(1100);
    await rejectsWith(trail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'a' }, { AttributeKey: 'Username', AttributeValue: 'b' }] })), InvalidLookupAttributesException);
    await rejectsWith(trail.send(new LookupEventsCommand({ StartTime: new Date(), EndTime: new Date(Date.now() - 60_000) })), InvalidTimeRangeException);
    await sleep(1100);
    await rejectsWith(trail.send(new LookupEventsCommand({ MaxResults: 51 })), InvalidMaxResultsException);
    await rejectsWith(trail.send(new LookupEventsCommand({ NextToken: 'not-a-token' })), InvalidNextTokenException);
    await sleep(1100);
    const burst = await Promise.allSettled([1, 2, 3].map(() => trail.send(new LookupEventsCommand({}))));
    assert.equal(burst.filter((r) => r.status === 'rejected' && r.reason instanceof ThrottlingException).length, 1);
  });

  it("Ops Lens's client keeps to the rate: five lookups in a row, none throttled", async () => {
    await sleep(1100);
    const session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv });
    const api = new SdkCloudTrail(session);
    const started = Date.now();
    const pages = await Promise.all([1, 2, 3, 4, 5].map(() => api.lookupByResource(asScopeId(REGION), 'trail-orders-5xx', new Date(Date.now() - 3_600_000), new Date())));
    assert.ok(pages.every((p) => p.events.length === 2));
    assert.ok(Date.now() - started >= 1900, 'spread over two seconds');
    session.reset();
  });

  it("an investigation lists the alarm's own configuration change by who made it, newest first", async () => {
    await seedInvestigation(awsEndpoint());
    const byDeploy = new CloudWatchClient({ region: REGION, endpoint: awsEndpoint(), credentials: deployer });
    await byDeploy.send(new DisableAlarmActionsCommand({ AlarmNames: [INVESTIGATED_ALARM] }));
    await byDeploy.send(new EnableAlarmActionsCommand({ AlarmNames: [INVESTIGATED_ALARM] }));
    byDeploy.destroy();
    const session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv });
    const gathered = await gatherInvestigation({
      cloudWatch: new SdkCloudWatch(session), metrics: new SdkMetrics(session), logs: new SdkLogs(session), stepFunctions: new SdkStepFunctions(session), cloudTrail: new SdkCloudTrail(session), settings: () => [],
    }, { region: asScopeId(REGION), name: INVESTIGATED_ALARM, afterMs: 60 * 60_000 }, () => undefined);
    const changes = gathered.parts.data('changes')[0];
    assert.ok(changes, JSON.stringify(gathered.parts.all.map((p) => [p.id, p.status, p.error])));
    assert.deepEqual(changes.changes.slice(0, 2).map((c) => `${c.what} by ${c.who}`), [`alarm actions switched by ${DEPLOY_ROLE}/${DEPLOY_SESSION}`, `alarm actions switched by ${DEPLOY_ROLE}/${DEPLOY_SESSION}`]);
    assert.ok(changes.lookedUp.some((l) => l.resource === INVESTIGATED_ALARM));
    session.reset();
  });
});
