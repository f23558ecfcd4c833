import { strict as assert } from 'node:assert';
import { fetchErrorsAcross, type RunWindow } from '../../../src/core/productionErrors';
import { logGroupsByProfile, logGroupsByRegion } from '../../../src/core/productionErrors/settings';
import { asScopeId, scopeId } from '../../../src/core/scope';

const profile = (name: string, account: string | undefined, region = 'us-east-1') => ({ primary: scopeId(name, region), account, inRegion: (r: string) => scopeId(name, r) });

describe('production errors with several profiles', () => {
  it("queries a log group name in every profile's primary region, an ARN in the profile of its account", () => {
    const byScope = logGroupsByProfile([
      '/aws/lambda/orders-api',
      'arn:aws:logs:eu-west-1:210987654321:log-group:/ecs/staging-web:*',
      'arn:aws:logs:us-west-2:999999999999:log-group:/ecs/shared',
    ], [profile('prod', '123456789012'), profile('staging', '210987654321', 'eu-central-1')]);
    assert.deepEqual([...byScope], [
      ['prod · us-east-1', ['/aws/lambda/orders-api']],
      ['staging · eu-central-1', ['/aws/lambda/orders-api']],
      ['staging · eu-west-1', ['arn:aws:logs:eu-west-1:210987654321:log-group:/ecs/staging-web']],
      // No selected profile is in that account: the first profile asks (a monitoring account may read it).
      ['prod · us-west-2', ['arn:aws:logs:us-west-2:999999999999:log-group:/ecs/shared']],
    ]);
  });

  it('reads a name once when two profiles lead into the same account and region', () => {
    const byScope = logGroupsByProfile(['/aws/lambda/orders-api'], [profile('prod-sso', '123456789012'), profile('prod-role', '123456789012'), profile('prod-eu', '123456789012', 'eu-west-1'), profile('unknown', undefined)]);
    assert.deepEqual([...byScope], [
      ['prod-sso · us-east-1', ['/aws/lambda/orders-api']],
      ['prod-eu · eu-west-1', ['/aws/lambda/orders-api']],
      ['unknown · us-east-1', ['/aws/lambda/orders-api']],
    ]);
  });

  it('keeps one profile as before: names in the primary region, ARNs in theirs', () => {
    assert.deepEqual([...logGroupsByRegion(['/a', 'arn:aws:logs:eu-west-1:123456789012:log-group:/b:*'], asScopeId('us-east-1'))], [['us-east-1', ['/a']], ['eu-west-1', ['arn:aws:logs:eu-west-1:123456789012:log-group:/b']]]);
  });

  const answering = (message: string): RunWindow => async () => ({ rows: [{ '@timestamp': '2026-11-30 10:00:00.000', '@message': message, '@log': '123456789012:/aws/lambda/orders-api' }], recordsMatched: 1, recordsScanned: 10, bytesScanned: 100 });
  const failing: RunWindow = async () => {
    throw new Error('AccessDeniedException: not authorized');
  };

  it("labels each event's log group with its profile, and a failing profile never hides the others", async () => {
    const byScope = new Map([[asScopeId('prod · us-east-1'), ['/aws/lambda/orders-api']], [asScopeId('staging · us-east-1'), ['/aws/lambda/orders-api']]]);
    const fetched = await fetchErrorsAcross(byScope, (scope) => (scope.startsWith('prod') ? answering('ERROR prod') : failing), 0, 100, { labelOf: (s) => s.split(' · ')[0], keepGoing: true });
    assert.deepEqual(fetched.events.map((e) => [e.logGroup, e.message]), [['prod · /aws/lambda/orders-api', 'ERROR prod']]);
    assert.deepEqual(fetched.failures, [{ region: 'staging · us-east-1', message: 'AccessDeniedException: not authorized' }]);
    assert.equal(fetched.recordsScanned, 10);
  });

  it('fails when every profile fails, and at once without keepGoing', async () => {
    const byScope = new Map([[asScopeId('prod · us-east-1'), ['/a']], [asScopeId('staging · us-east-1'), ['/a']]]);
    await assert.rejects(fetchErrorsAcross(byScope, () => failing, 0, 100, { keepGoing: true }), /AccessDenied/);
    await assert.rejects(fetchErrorsAcross(new Map([[asScopeId('us-east-1'), ['/a']], [asScopeId('eu-west-1'), ['/a']]]), (r) => (r === 'us-east-1' ? answering('x') : failing), 0, 100), /AccessDenied/);
  });
});
