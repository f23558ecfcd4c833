import { strict as assert } from 'node:assert';
import { AwsUserError, isTransient, toUserError } from '../../../src/aws/errors';
import { OutageNotices } from '../../../src/aws/outages';
import { nextDelaySeconds } from '../../../src/core/time/backoff';
import { staleRowLabel, staleTooltip } from '../../../src/core/time/stale';
import { asScopeId } from '../../../src/core/scope';

const ctx = { service: 'CloudWatchClient', operation: 'DescribeAlarms', region: 'eu-north-1', profile: 'dev' };
const unavailable = new AwsUserError('CloudWatch had a temporary failure', 'retry', 'ServiceUnavailable', ctx);
const expired = new AwsUserError('expired', 'ssoLogin', 'ExpiredTokenException', ctx);

describe('outages and stale views', () => {
  it('announces an outage once, and again only after it ended', () => {
    const notices = new OutageNotices();
    assert.equal(notices.update('Alarms', [{ region: asScopeId('us-east-1') }, { region: asScopeId('eu-north-1'), error: unavailable }]).length, 1);
    assert.equal(notices.update('Alarms', [{ region: asScopeId('us-east-1') }, { region: asScopeId('eu-north-1'), error: unavailable }]).length, 0);
    assert.equal(notices.update('Step Functions', [{ region: asScopeId('eu-north-1'), error: unavailable }]).length, 1, 'another view is its own outage');
    assert.equal(notices.update('Alarms', [{ region: asScopeId('eu-north-1') }]).length, 0);
    assert.equal(notices.update('Alarms', [{ region: asScopeId('eu-north-1'), error: unavailable }]).length, 1);
  });

  it('counts expired credentials as one outage across views and regions until any call works', () => {
    const notices = new OutageNotices();
    const first = notices.update('Alarms', [{ region: asScopeId('us-east-1'), error: expired }, { region: asScopeId('eu-north-1'), error: expired }]);
    assert.deepEqual(first.map((o) => o.credentials), [true]);
    assert.equal(notices.update('Step Functions', [{ region: asScopeId('us-east-1'), error: expired }]).length, 0);
    assert.equal(notices.update('Alarms', [{ region: asScopeId('us-east-1') }]).length, 0);
    assert.equal(notices.update('Step Functions', [{ region: asScopeId('us-east-1'), error: expired }]).length, 1, 'expired again after working');
  });

  it('tells transient failures from lasting ones', () => {
    assert.equal(isTransient(unavailable), true);
    assert.equal(isTransient(new AwsUserError('throttled', 'retry', 'Throttling', ctx)), true);
    assert.equal(isTransient(new AwsUserError('denied', 'selectProfile', 'AccessDeniedException', ctx)), false);
    assert.equal(isTransient(expired), false);
    assert.equal(isTransient(new AwsUserError('bad query', 'retry', 'MalformedQueryException', ctx)), false);
  });

  it('labels a stale view with the time of its last good read', () => {
    const lastGood = new Date(Date.UTC(2026, 11, 2, 3, 4, 5));
    assert.equal(staleRowLabel('alarms', lastGood, 'utc'), 'Stale: alarms as of 03:04:05 UTC — refresh failed');
    assert.equal(staleRowLabel('alarms', undefined, 'utc'), 'Could not load alarms');
    assert.equal(staleTooltip('throttled', lastGood, new Date(lastGood.getTime() + 3 * 60_000), 'utc'), 'throttled\n\nLast good read: 2026-12-02 03:04:05 UTC (3 minutes ago). Refreshing again retries.');
  });

  it('auto refresh doubles its interval per failure, capped at ten minutes, and returns to it on success', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((n) => nextDelaySeconds(60, n)), [60, 120, 240, 480, 600, 600]);
    assert.equal(nextDelaySeconds(900, 3), 900);
  });
});

describe('network failures of AWS calls are named', () => {
  const where = { service: 'CloudWatchClient', operation: 'DescribeAlarms', region: 'eu-west-1', profile: 'prod' };
  const failure = (message: string, code: string) => Object.assign(new Error(message), { code });

  it('a name that does not resolve is a DNS failure', () => {
    const e = toUserError(failure('getaddrinfo ENOTFOUND monitoring.eu-west-1.amazonaws.com', 'ENOTFOUND'), where);
    assert.equal(e.message, 'Cannot reach the CloudWatch endpoint in eu-west-1: the name monitoring.eu-west-1.amazonaws.com does not resolve in DNS (ENOTFOUND). Check your network or VPN, the region, or the `opsLens.aws.endpointUrl` setting.');
  });

  it('an untrusted certificate is a TLS failure, with what to do behind an inspecting proxy', () => {
    const e = toUserError(failure('self-signed certificate in certificate chain', 'SELF_SIGNED_CERT_IN_CHAIN'), { ...where, endpoint: 'https://cloudwatch.internal.example.com' });
    assert.match(e.message, /^The TLS connection to the endpoint https:\/\/cloudwatch\.internal\.example\.com in eu-west-1 failed \(SELF_SIGNED_CERT_IN_CHAIN\): self-signed certificate in certificate chain\. If a proxy inspects TLS/);
    assert.match(e.message, /NODE_EXTRA_CA_CERTS/);
  });
});
