import * as assert from 'node:assert/strict';
import { fake, installVscodeFake } from './fakeVscode';
import { markingFor, parseAccountMarkings } from '../../../src/core/accounts/markings';
import type { ScopeAccount } from '../../../src/session/accountLabels';
import { asScopeId } from '../../../src/core/scope';

installVscodeFake();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { confirmWrite } = require('../../../src/platform/confirmWrite') as typeof import('../../../src/platform/confirmWrite');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { saveQueryDefinition } = require('../../../src/insights/saveQuery') as typeof import('../../../src/insights/saveQuery');

const { markings } = parseAccountMarkings([
  { profile: 'prod', name: 'prod-main', environment: 'production' },
  { profile: 'audit', name: 'audit', environment: 'readOnly' },
  { profile: 'dev', name: 'dev', environment: 'development' },
]);
const ACCOUNT_IDS: Record<string, string> = { prod: '111111111111', audit: '222222222222', dev: '333333333333' };
const ARN = 'arn:aws:states:eu-west-1:111111111111:execution:orders:run-7';

/** The accounts as the session would resolve them: the scope's profile, its account id and its marking. */
function guard() {
  const lines: string[] = [];
  const accounts = {
    markings,
    resolve: async (scope: string): Promise<ScopeAccount> => {
      const [profile, region] = scope.split(' · ');
      return { profile, accountId: ACCOUNT_IDS[profile], region, marking: markingFor(markings, { profile, accountId: ACCOUNT_IDS[profile] }) };
    },
  };
  return { accounts, lines, log: { info: (l: string) => void lines.push(`info ${l}`), warn: (l: string) => void lines.push(`warn ${l}`) } };
}

const stop = (profile: string) => ({
  scope: asScopeId(`${profile} · eu-west-1`), operation: 'StopExecution', action: 'Stop execution run-7', target: ARN,
  question: { message: 'Stop execution run-7? It ends as ABORTED.', buttons: ['Stop', 'Stop with Cause…'] as [string, string] },
});

describe('changes in production and read-only accounts', () => {
  beforeEach(() => {
    fake.shown.length = 0;
    fake.inputBoxes.length = 0;
    fake.answer = undefined;
    fake.entered = undefined;
  });

  it('a read-only account refuses without asking, says why and which setting, and the refusal is logged', async () => {
    const g = guard();
    assert.equal(await confirmWrite(g, stop('audit')), undefined);
    assert.equal(fake.shown.filter((m) => m.options.modal).length, 0, 'nothing asked');
    assert.equal(fake.inputBoxes.length, 0);
    const refusal = fake.shown.find((m) => m.severity === 'error')!;
    assert.match(refusal.message, /Not done: Stop execution run-7 would change the read-only account audit \(profile audit\), and opsLens\.aws\.accounts in your user settings marks it read-only/);
    assert.deepEqual(g.lines, [`warn change refused: StopExecution ${ARN} · profile audit · account 222222222222 (read-only account audit) · region eu-west-1`]);
  });

  it('a production account asks the usual question with its marking, then for its name; a wrong name changes nothing', async () => {
    const g = guard();
    fake.answer = 'Stop';
    fake.entered = 'prod';
    assert.equal(await confirmWrite(g, stop('prod')), undefined);
    const question = fake.shown.find((m) => m.options.modal)!;
    assert.equal(question.message, 'PRODUCTION account prod-main: Stop execution run-7? It ends as ABORTED.');
    const box = fake.inputBoxes[0];
    assert.equal(box.title, 'Stop execution run-7 in the PRODUCTION account prod-main');
    assert.match(box.prompt ?? '', /profile prod, account 111111111111, region eu-west-1\)\. Type prod-main to confirm/);
    assert.match(box.validateInput?.('prod') ?? '', /Type prod-main exactly/);
    assert.equal(box.validateInput?.('prod-main'), undefined);
    assert.deepEqual(g.lines, [], 'a cancel is no change');

    fake.entered = 'prod-main';
    fake.answer = 'Stop with Cause…';
    const permit = await confirmWrite(g, stop('prod'));
    assert.equal(permit?.choice, 'Stop with Cause…', 'the button chosen in the question');
    let stopped = 0;
    await permit!.run(async () => void stopped++);
    assert.equal(stopped, 1);
    assert.deepEqual(g.lines, [`info change done: StopExecution ${ARN} · profile prod · account 111111111111 (PRODUCTION account prod-main) · region eu-west-1`]);
  });

  it('a production account asks for its name even when the person already chose the change step by step', async () => {
    const g = guard();
    fake.entered = undefined;
    assert.equal(await confirmWrite(g, { scope: asScopeId('prod · eu-west-1'), operation: 'StartExecution', action: 'Start execution manual-1 of orders', target: 'arn:machine' }), undefined);
    assert.equal(fake.shown.length, 0);
    assert.equal(fake.inputBoxes.length, 1);
  });

  it('other accounts keep the usual question only, and a failed change is logged with what AWS said', async () => {
    const g = guard();
    fake.answer = 'Stop';
    const permit = await confirmWrite(g, stop('dev'));
    assert.equal(fake.inputBoxes.length, 0);
    assert.equal(fake.shown[0].message, 'development account dev: Stop execution run-7? It ends as ABORTED.');
    await assert.rejects(permit!.run(async () => {
      throw new Error('Execution does not exist');
    }));
    assert.deepEqual(g.lines, [`warn change failed: StopExecution ${ARN} · profile dev · account 333333333333 (development account dev) · region eu-west-1: Execution does not exist`]);
  });

  it('saveQuery called with a name asks before writing the query definition (unmarked account), and in production asks for the name too', async () => {
    const saved: unknown[] = [];
    const g = guard();
    const services = (scope: string) => ({
      ...g,
      session: { regions: async () => ({ regions: [scope], from: 'settings' }) },
      logs: { putQueryDefinition: async (_region: string, definition: unknown) => (saved.push(definition), 'definition-id') },
    }) as never;
    const query = { name: 'Errors', text: 'fields @message | filter @message like /ERROR/', source: 'workspace' } as never;
    assert.equal(await saveQueryDefinition(services('staging · us-east-1'), query, { name: 'api/Errors', logGroups: ['/aws/lambda/api'] }), undefined);
    assert.equal(saved.length, 0, 'nothing written without an answer');
    const asked = fake.shown.find((m) => m.options.modal)!;
    assert.match(asked.message, /Save the CloudWatch Logs query definition "api\/Errors" in staging · us-east-1\?/);
    assert.match(asked.options.detail ?? '', /Log groups: \/aws\/lambda\/api/);

    fake.answer = 'Save';
    assert.equal(await saveQueryDefinition(services('staging · us-east-1'), query, { name: 'api/Errors', logGroups: ['/aws/lambda/api'] }), 'definition-id');
    assert.equal(saved.length, 1);
    assert.match(g.lines[0], /^info change done: PutQueryDefinition api\/Errors · profile staging · account unknown · region us-east-1$/);

    fake.entered = 'prod-mai';
    assert.equal(await saveQueryDefinition(services('prod · us-east-1'), query, { name: 'api/Errors' }), undefined);
    assert.equal(saved.length, 1, 'production: not saved without its name typed');
    fake.entered = 'prod-main';
    assert.equal(await saveQueryDefinition(services('prod · us-east-1'), query, { name: 'api/Errors' }), 'definition-id');
    assert.equal(saved.length, 2);
  });
});
