import * as assert from 'node:assert/strict';
import { formatResultsDocument } from '../../../src/core/insights/results/document';
import { formatWriteAudit, markingFor, markingLabel, parseAccountMarkings, typedNameProblem, writeDecision } from '../../../src/core/accounts/markings';

const settings = parseAccountMarkings([
  { profile: 'prod', name: 'prod-main', environment: 'production' },
  { accountId: '111122223333', name: 'audit', environment: 'readOnly' },
  { profile: 'dev', accountId: '444455556666', name: 'dev sandbox', environment: 'development', color: 'charts.purple' },
]).markings;

describe('account markings (opsLens.aws.accounts)', () => {
  it('marks an account by its profile or by its account id', () => {
    assert.equal(markingFor(settings, { profile: 'prod' })?.name, 'prod-main');
    assert.equal(markingFor(settings, { profile: 'other', accountId: '111122223333' })?.name, 'audit');
    assert.equal(markingFor(settings, { profile: 'other', accountId: '444455556666' })?.name, 'dev sandbox', 'either key of an entry with both matches');
    assert.equal(markingFor(settings, { profile: 'other', accountId: '999999999999' }), undefined);
  });

  it('takes the strictest marking when a profile and an account id disagree', () => {
    // `prod` repointed at the audit account: read-only wins over production.
    assert.equal(markingFor(settings, { profile: 'prod', accountId: '111122223333' })?.environment, 'readOnly');
    // `dev` pointing at an account marked production by id: production wins over development.
    const byId = parseAccountMarkings([{ profile: 'dev', name: 'dev', environment: 'development' }, { accountId: '777788889999', name: 'payments', environment: 'production' }]).markings;
    assert.equal(markingFor(byId, { profile: 'dev', accountId: '777788889999' })?.name, 'payments');
  });

  it('gives each environment a theme colour unless the entry names one', () => {
    assert.equal(markingFor(settings, { profile: 'prod' })?.color, 'charts.red');
    assert.equal(markingFor(settings, { profile: 'x', accountId: '111122223333' })?.color, 'charts.blue');
    assert.equal(markingFor(settings, { profile: 'dev' })?.color, 'charts.purple');
  });

  it('leaves out entries it cannot use and says why', () => {
    const parsed = parseAccountMarkings([
      { name: 'no key', environment: 'production' },
      { profile: 'p', name: 'bad id', accountId: '12', environment: 'production' },
      { profile: 'p', name: 'x', environment: 'prod' },
      { profile: 'p', name: 'line\nbreak', environment: 'production' },
      { profile: 'p', name: 'ok', environment: 'staging', color: 'red; background: url(x)' },
      'text',
    ]);
    assert.deepEqual(parsed.markings.map((m) => [m.name, m.color]), [['ok', 'charts.yellow']]);
    assert.equal(parsed.problems.length, 6);
    assert.match(parsed.problems[0], /give a "profile", an "accountId" or both/);
    assert.match(parsed.problems[1], /12 digits/);
    assert.match(parsed.problems[2], /production, readOnly, staging, development/);
    assert.deepEqual(parseAccountMarkings(undefined), { markings: [], problems: [] });
  });

  it('names the marking the way the views and documents show it', () => {
    assert.equal(markingLabel(markingFor(settings, { profile: 'prod' })!), 'PRODUCTION account prod-main');
    assert.equal(markingLabel(markingFor(settings, { profile: 'x', accountId: '111122223333' })!), 'read-only account audit');
  });

  it('a results document of a marked account names it in its header, under the title', () => {
    const range = { start: new Date('2026-12-07T10:00:00Z'), end: new Date('2026-12-07T11:00:00Z'), label: 'last 1h' };
    const { text } = formatResultsDocument({ queryName: 'Errors', query: 'fields @message', logGroups: ['/aws/lambda/api'], profile: 'prod', region: 'us-east-1', account: markingLabel(markingFor(settings, { profile: 'prod' })!), range, status: 'Complete', rows: [] });
    assert.deepEqual(text.split('\n').slice(0, 4), ['Errors', '══════', 'Account:     PRODUCTION account prod-main', 'Log groups:  /aws/lambda/api']);
  });
});

describe('what a change in a marked account needs', () => {
  it('production: the account name typed; read-only: refused with the setting named; others: the usual question', () => {
    assert.deepEqual(writeDecision(settings, { profile: 'prod', accountId: '000011112222' }, 'Stop execution'), { kind: 'typeName', name: 'prod-main' });
    const refused = writeDecision(settings, { profile: 'ops', accountId: '111122223333' }, 'Stop execution');
    assert.equal(refused.kind, 'refuse');
    assert.match(refused.kind === 'refuse' ? refused.reason : '', /read-only account audit \(profile ops\).*opsLens\.aws\.accounts in your user settings marks it read-only/);
    assert.deepEqual(writeDecision(settings, { profile: 'dev', accountId: '444455556666' }, 'Stop execution'), { kind: 'confirm' });
    assert.deepEqual(writeDecision([], { profile: 'default' }, 'Stop execution'), { kind: 'confirm' });
  });

  it('refuses when the account id is unknown and accounts are marked by id', () => {
    const unknown = writeDecision(settings, { profile: 'ops' }, 'Save query definition');
    assert.equal(unknown.kind, 'refuse');
    assert.match(unknown.kind === 'refuse' ? unknown.reason : '', /could not learn which account profile ops is in/);
    // A profile marking needs no account id.
    assert.equal(writeDecision(settings, { profile: 'prod' }, 'x').kind, 'typeName');
  });

  it('accepts only the exact name, surrounding blanks aside', () => {
    assert.equal(typedNameProblem(' prod-main ', 'prod-main'), undefined);
    assert.match(typedNameProblem('prod-mai', 'prod-main') ?? '', /Type prod-main exactly/);
    assert.ok(typedNameProblem('PROD-MAIN', 'prod-main'));
    assert.ok(typedNameProblem('', 'prod-main'));
  });

  it('writes one audit line with profile, account, region, action and target, outside text on one line', () => {
    const line = formatWriteAudit({ profile: 'prod', accountId: '000011112222', region: 'eu-west-1', action: 'StopExecution', target: 'arn:aws:states:eu-west-1:000011112222:execution:m:run\n1\u202e', marking: markingFor(settings, { profile: 'prod' }), outcome: 'done' });
    assert.equal(line, 'change done: StopExecution arn:aws:states:eu-west-1:000011112222:execution:m:run 1 · profile prod · account 000011112222 (PRODUCTION account prod-main) · region eu-west-1');
  });
});
