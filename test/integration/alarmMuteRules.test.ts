import { strict as assert } from 'node:assert';
import {
  CloudWatchClient,
  DeleteAlarmMuteRuleCommand,
  GetAlarmMuteRuleCommand,
  InvalidNextToken,
  ListAlarmMuteRulesCommand,
  ListTagsForResourceCommand,
  PutAlarmMuteRuleCommand,
  ResourceNotFoundException,
  ValidationException,
  type PutAlarmMuteRuleCommandInput,
} from '@aws-sdk/client-cloudwatch';
import { resetMoto } from '../../sandbox/moto';
import { rejectsWith } from './rejectsWith';
import { awsEndpoint } from './setup';

const HOUR = 3_600_000;

/** `at(yyyy-MM-ddThh:mm)` for an instant, in UTC. */
function atExpression(ms: number): string {
  return `at(${new Date(ms).toISOString().slice(0, 16)})`;
}

function muteRule(name: string, overrides: Partial<PutAlarmMuteRuleCommandInput> = {}): PutAlarmMuteRuleCommandInput {
  return { Name: name, Rule: { Schedule: { Expression: 'cron(0 2 * * SUN)', Duration: 'PT4H' } }, MuteTargets: { AlarmNames: ['cpu-high'] }, ...overrides };
}

describe('alarm mute rules through the SDK', () => {
  let cw: CloudWatchClient;

  before(() => {
    cw = new CloudWatchClient({ region: 'us-east-1', endpoint: awsEndpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
  });
  after(() => cw.destroy());
  beforeEach(() => resetMoto(awsEndpoint()));

  it('creates, reads, replaces and deletes a mute rule', async () => {
    const expire = new Date(Date.now() + 30 * 24 * HOUR);
    await cw.send(
      new PutAlarmMuteRuleCommand(
        muteRule('weekly-maintenance', {
          Description: 'Sunday patching',
          Rule: { Schedule: { Expression: 'cron(0 2 * * SUN)', Duration: 'PT4H', Timezone: 'Europe/London' } },
          MuteTargets: { AlarmNames: ['cpu-high', 'disk-full'] },
          ExpireDate: expire,
          Tags: [{ Key: 'team', Value: 'platform' }],
        }),
      ),
    );
    const rule = await cw.send(new GetAlarmMuteRuleCommand({ AlarmMuteRuleName: 'weekly-maintenance' }));
    assert.equal(rule.Name, 'weekly-maintenance');
    assert.equal(rule.AlarmMuteRuleArn, 'arn:aws:cloudwatch:us-east-1:123456789012:alarm-mute-rule:weekly-maintenance');
    assert.equal(rule.Description, 'Sunday patching');
    assert.deepEqual(rule.Rule, { Schedule: { Expression: 'cron(0 2 * * SUN)', Duration: 'PT4H', Timezone: 'Europe/London' } });
    assert.deepEqual(rule.MuteTargets, { AlarmNames: ['cpu-high', 'disk-full'] });
    assert.equal(rule.MuteType, 'RECURRING');
    assert.equal(rule.ExpireDate?.getTime(), expire.getTime());
    assert.ok(rule.Status === 'SCHEDULED' || rule.Status === 'ACTIVE');
    assert.ok(rule.LastUpdatedTimestamp instanceof Date);
    const tags = await cw.send(new ListTagsForResourceCommand({ ResourceARN: rule.AlarmMuteRuleArn }));
    assert.deepEqual(tags.Tags, [{ Key: 'team', Value: 'platform' }]);

    await cw.send(new PutAlarmMuteRuleCommand(muteRule('weekly-maintenance', { Rule: { Schedule: { Expression: 'cron(0 3 * * SAT)', Duration: 'PT2H' } } })));
    const replaced = await cw.send(new GetAlarmMuteRuleCommand({ AlarmMuteRuleName: 'weekly-maintenance' }));
    assert.deepEqual(replaced.Rule, { Schedule: { Expression: 'cron(0 3 * * SAT)', Duration: 'PT2H' } });
    assert.equal(replaced.Description, undefined);
    assert.equal(replaced.ExpireDate, undefined);

    await cw.send(new DeleteAlarmMuteRuleCommand({ AlarmMuteRuleName: 'weekly-maintenance' }));
    await rejectsWith(cw.send(new GetAlarmMuteRuleCommand({ AlarmMuteRuleName: 'weekly-maintenance' })), ResourceNotFoundException);
  });

  it('tells scheduled, active and expired rules apart, as a one-time or a recurring mute', async () => {
    const now = Date.now();
    await cw.send(new PutAlarmMuteRuleCommand(muteRule('incident-now', { Rule: { Schedule: { Expression: atExpression(now - HOUR), Duration: 'PT3H' } } })));
    await cw.send(new PutAlarmMuteRuleCommand(muteRule('shutdown-later', { Rule: { Schedule: { Expression: atExpression(now + 48 * HOUR), Duration: 'P7D' } } })));
    await cw.send(new PutAlarmMuteRuleCommand(muteRule('incident-over', { Rule: { Schedule: { Expression: atExpression(now - 5 * HOUR), Duration: 'PT1H' } } })));
    await cw.send(new PutAlarmMuteRuleCommand(muteRule('every-minute', { Rule: { Schedule: { Expression: 'cron(* * * * *)', Duration: 'PT1M' } } })));
    await cw.send(new PutAlarmMuteRuleCommand(muteRule('every-minute-from-tomorrow', { Rule: { Schedule: { Expression: 'cron(* * * * *)', Duration: 'PT1M' } }, StartDate: new Date(now + 24 * HOUR) })));
    await cw.send(new PutAlarmMuteRuleCommand(muteRule('every-minute-until-yesterday', { Rule: { Schedule: { Expression: 'cron(* * * * *)', Duration: 'PT1M' } }, ExpireDate: new Date(now - 24 * HOUR) })));

    const status = async (name: string): Promise<[string | undefined, string | undefined]> => {
      const rule = await cw.send(new GetAlarmMuteRuleCommand({ AlarmMuteRuleName: name }));
      return [rule.Status, rule.MuteType];
    };
    assert.deepEqual(await status('incident-now'), ['ACTIVE', 'ONE_TIME']);
    assert.deepEqual(await status('shutdown-later'), ['SCHEDULED', 'ONE_TIME']);
    assert.deepEqual(await status('incident-over'), ['EXPIRED', 'ONE_TIME']);
    assert.deepEqual(await status('every-minute'), ['ACTIVE', 'RECURRING']);
    assert.deepEqual(await status('every-minute-from-tomorrow'), ['SCHEDULED', 'RECURRING']);
    assert.deepEqual(await status('every-minute-until-yesterday'), ['EXPIRED', 'RECURRING']);

    const active = await cw.send(new ListAlarmMuteRulesCommand({ Statuses: ['ACTIVE'] }));
    assert.deepEqual(active.AlarmMuteRuleSummaries?.map((s) => [s.AlarmMuteRuleArn?.split(':').pop(), s.Status, s.MuteType]), [
      ['every-minute', 'ACTIVE', 'RECURRING'],
      ['incident-now', 'ACTIVE', 'ONE_TIME'],
    ]);
    const notActive = await cw.send(new ListAlarmMuteRulesCommand({ Statuses: ['SCHEDULED', 'EXPIRED'] }));
    assert.equal(notActive.AlarmMuteRuleSummaries?.length, 4);
    const expired = notActive.AlarmMuteRuleSummaries?.find((s) => s.AlarmMuteRuleArn?.endsWith(':every-minute-until-yesterday'));
    assert.equal(expired?.ExpireDate?.getTime(), now - 24 * HOUR);
  });

  it('lists the rules that target an alarm, a page at a time', async () => {
    for (let i = 0; i < 5; i++) await cw.send(new PutAlarmMuteRuleCommand(muteRule(`rule-${i}`, { MuteTargets: { AlarmNames: [i % 2 === 0 ? 'cpu-high' : 'disk-full'] } })));
    await cw.send(new PutAlarmMuteRuleCommand(muteRule('untargeted', { MuteTargets: undefined })));

    const forCpu = await cw.send(new ListAlarmMuteRulesCommand({ AlarmName: 'cpu-high' }));
    assert.deepEqual(forCpu.AlarmMuteRuleSummaries?.map((s) => s.AlarmMuteRuleArn?.split(':').pop()), ['rule-0', 'rule-2', 'rule-4']);
    const none = await cw.send(new ListAlarmMuteRulesCommand({ AlarmName: 'no-such-alarm' }));
    assert.deepEqual(none.AlarmMuteRuleSummaries, []);

    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await cw.send(new ListAlarmMuteRulesCommand({ MaxRecords: 4, NextToken: token }));
      names.push(...(page.AlarmMuteRuleSummaries ?? []).map((s) => s.AlarmMuteRuleArn?.split(':').pop() ?? ''));
      token = page.NextToken;
      pages++;
    } while (token);
    assert.equal(pages, 2);
    assert.deepEqual(names, ['rule-0', 'rule-1', 'rule-2', 'rule-3', 'rule-4', 'untargeted']);
    await rejectsWith(cw.send(new ListAlarmMuteRulesCommand({ NextToken: 'not-a-token' })), InvalidNextToken);
    await rejectsWith(cw.send(new ListAlarmMuteRulesCommand({ MaxRecords: 0 })), ValidationException);
    await rejectsWith(cw.send(new ListAlarmMuteRulesCommand({ Statuses: ['PAUSED' as 'ACTIVE'] })), ValidationException);
  });

  it('rejects a mute rule AWS would reject', async () => {
    const schedule = (Expression: string, Duration = 'PT1H', Timezone?: string): Partial<PutAlarmMuteRuleCommandInput> => ({ Rule: { Schedule: { Expression, Duration, ...(Timezone ? { Timezone } : {}) } } });
    const bad: Array<[string, Partial<PutAlarmMuteRuleCommandInput>, RegExp]> = [
      ['rate expression', schedule('rate(5 minutes)'), /schedule expression/],
      ['six cron fields', schedule('cron(0 2 * * SUN 2026)'), /schedule expression/],
      ['minute 60', schedule('cron(60 2 * * *)'), /schedule expression/],
      ['impossible date', schedule('at(2026-02-30T10:00)'), /schedule expression/],
      ['duration under a minute', schedule('cron(0 2 * * *)', 'PT30S'), /duration/],
      ['duration over 15 days', schedule('cron(0 2 * * *)', 'P16D'), /duration/],
      ['unknown time zone', schedule('cron(0 2 * * *)', 'PT1H', 'Mars/Olympus'), /time zone/],
      ['no targets in MuteTargets', { MuteTargets: { AlarmNames: [] } }, /muteTargets/],
      ['over 100 targets', { MuteTargets: { AlarmNames: Array.from({ length: 101 }, (_, i) => `a${i}`) } }, /muteTargets/],
      ['expiry before start', { StartDate: new Date(Date.now() + 2 * HOUR), ExpireDate: new Date(Date.now() + HOUR) }, /StartDate/],
      ['no rule', { Rule: undefined }, /rule/],
    ];
    for (const [what, overrides, message] of bad) {
      await rejectsWith(cw.send(new PutAlarmMuteRuleCommand(muteRule('bad', overrides))), ValidationException, (err) => assert.match(err.message, message, what));
    }
    const listed = await cw.send(new ListAlarmMuteRulesCommand({}));
    assert.deepEqual(listed.AlarmMuteRuleSummaries, []);
    await cw.send(new DeleteAlarmMuteRuleCommand({ AlarmMuteRuleName: 'never-made' }));
  });
});
