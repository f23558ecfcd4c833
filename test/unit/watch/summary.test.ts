import { strict as assert } from 'node:assert';
import { asScopeId, scopeId } from '../../../src/core/scope';
import { readsText, summarizeWatch, watchBadge, watchTooltipLines, type WatchedScope } from '../../../src/core/watch/summary';
import { unreadFix, unreadWhy } from '../../../src/core/watch/unread';
import { zoneName } from '../../../src/core/time/zone';

const NOW = new Date(2026, 11, 7, 9, 30, 0);
const FRESH = new Date(NOW.getTime() - 20_000);
const OLD = new Date(2026, 11, 7, 9, 2, 0);
/** Times are written in the zone of opsLens.timeZone (here the default, local), with its name. */
const ZONE = zoneName(NOW.getTime(), 'local');
const alarms = (firing: number, ok = 2) => [...Array.from({ length: firing }, (_, i) => ({ name: `fire-${i}`, state: 'ALARM' as const })), ...Array.from({ length: ok }, (_, i) => ({ name: `ok-${i}`, state: 'OK' as const }))];
const SSO = { message: 'The AWS SSO session of profile "payments" has expired or is missing. Run `aws sso login --profile payments` in a terminal, then refresh.', action: 'ssoLogin', code: 'CredentialsProviderError' };
const DENIED = { message: 'Access denied: profile "prod" may not call cloudwatch:DescribeAlarms in us-east-1.', action: 'selectProfile', code: 'AccessDenied' };
const NO_CREDENTIALS = { message: 'No AWS credentials found for profile "dev".', action: 'selectProfile', code: 'CredentialsProviderError' };
const east = asScopeId('us-east-1');
const north = asScopeId('eu-north-1');

describe('alarm watch: what the status bar and badge say', () => {
  it('counts the alarms in ALARM of every scope, with no colour when nothing fires', () => {
    const quiet = summarizeWatch([{ region: east, alarms: alarms(0), loadedAt: FRESH }], NOW, 60);
    assert.equal(quiet.text, '0');
    assert.equal(quiet.severity, undefined);
    assert.equal(watchBadge(quiet), undefined, 'no badge: all is clear');
    const firing = summarizeWatch([{ region: east, alarms: alarms(3), loadedAt: FRESH }, { region: north, alarms: alarms(1), loadedAt: FRESH }], NOW, 60);
    assert.equal(firing.text, '4');
    assert.equal(firing.severity, 'error');
    assert.deepEqual(watchBadge(firing), { value: 4, tooltip: '4 alarms in ALARM' });
  });

  it('never counts a scope that could not be read as 0: it is "not read", with why and the fix, in red', () => {
    const scopes: WatchedScope[] = [{ region: east, alarms: [], error: SSO }];
    const s = summarizeWatch(scopes, NOW, 60);
    assert.equal(s.text, 'not read');
    assert.equal(s.severity, 'error');
    assert.deepEqual(s.unread.map((u) => [u.why, u.fix]), [['SSO session expired', 'run aws sso login']]);
    assert.deepEqual(watchBadge(s), { value: 1, tooltip: '0 alarms in ALARM · 1 region not read (SSO session expired)' });
    const half = summarizeWatch([{ region: east, alarms: alarms(2), loadedAt: FRESH }, { region: north, alarms: [], error: DENIED }], NOW, 60);
    assert.equal(half.text, '2 · 1 region not read');
    assert.equal(watchBadge(half)?.value, 3);
  });

  it('with several profiles, says each profile\'s count, and "not read" for one whose session expired', () => {
    const scopes: WatchedScope[] = [
      { region: scopeId('prod', 'us-east-1'), alarms: alarms(3), loadedAt: FRESH },
      { region: scopeId('prod', 'eu-west-1'), alarms: alarms(0), loadedAt: FRESH },
      { region: scopeId('staging', 'us-east-1'), alarms: alarms(0), loadedAt: FRESH },
      { region: scopeId('payments', 'us-east-1'), alarms: [], error: SSO },
      { region: scopeId('dev', 'us-east-1'), alarms: alarms(1), loadedAt: FRESH },
      { region: scopeId('dev', 'eu-west-1'), alarms: [], error: NO_CREDENTIALS },
    ];
    const s = summarizeWatch(scopes, NOW, 60);
    assert.equal(s.text, 'prod 3 in alarm · staging 0 · payments not read · dev 1 in alarm, 1 region not read');
    assert.deepEqual(s.unread.map((u) => u.fix), ['run aws sso login --profile payments', 'select a profile that has credentials']);
  });

  it('keeps the last good alarms of a scope whose latest read failed, in yellow when nothing fires', () => {
    const s = summarizeWatch([{ region: east, alarms: alarms(0), loadedAt: FRESH, error: { message: 'CloudWatch had a temporary failure', action: 'retry', code: 'ServiceUnavailable' } }], NOW, 60);
    assert.equal(s.text, '0');
    assert.equal(s.severity, 'warning');
    assert.equal(s.failing[0].why, 'read failed');
  });

  it('says the time of the last read once it is older than one interval, in yellow', () => {
    const s = summarizeWatch([{ region: east, alarms: alarms(0), loadedAt: OLD }, { region: north, alarms: alarms(0), loadedAt: FRESH }], NOW, 60);
    assert.equal(s.stale, true);
    assert.equal(s.text, `0 · as of 09:02 ${ZONE}`);
    assert.equal(s.severity, 'warning');
    assert.equal(summarizeWatch([{ region: east, alarms: alarms(1), loadedAt: OLD }], NOW, 60).severity, 'error', 'firing outranks stale');
    assert.equal(summarizeWatch([{ region: east, alarms: alarms(0), loadedAt: OLD }], NOW, 3600).stale, false, 'not older than the interval in force');
    assert.match(watchBadge(summarizeWatch([{ region: east, alarms: alarms(2), loadedAt: OLD }], NOW, 60))!.tooltip, new RegExp(`^2 alarms in ALARM · as of 09:02:00 ${ZONE.replace('+', '\\+')}$`));
  });

  it('lists what fires, what was not read and why, and how often it reads, in the tooltip', () => {
    const s = summarizeWatch([{ region: east, alarms: alarms(12), loadedAt: FRESH }, { region: north, alarms: [], error: DENIED }], NOW, 60);
    const lines = watchTooltipLines(s, (scope) => `[${scope}]`, readsText(60, 300));
    assert.equal(lines[0], `12 alarms in ALARM (read 09:29:40 ${ZONE}):`);
    assert.equal(lines[1], '• fire-0 ([us-east-1])');
    assert.equal(lines.filter((l) => l.startsWith('• ')).length, 11);
    assert.ok(lines.includes('• … and 2 more'));
    assert.ok(lines.some((l) => l.startsWith('Not read: [eu-north-1] — access denied; ask for cloudwatch:DescribeAlarms, or select another profile. Access denied: profile')));
    assert.equal(lines.at(-1), 'Alarms are read every 60 s while VS Code is focused, every 300 s while it is not.');
    assert.equal(readsText(60, 0), 'Alarms are read every 60 s while VS Code is focused, not while it is not (opsLens.alarms.backgroundRefreshSeconds is 0).');
    assert.match(readsText(0, 300), /only on Refresh/);
  });
});

describe('alarm watch: why a scope was not read', () => {
  it('names the cause in a few words and the fix', () => {
    assert.equal(unreadWhy(SSO), 'SSO session expired');
    assert.equal(unreadWhy({ message: 'The credentials of profile "x" have expired.', action: 'ssoLogin', code: 'ExpiredToken' }), 'credentials expired');
    assert.equal(unreadWhy(DENIED), 'access denied');
    assert.equal(unreadWhy(NO_CREDENTIALS), 'no credentials');
    assert.equal(unreadWhy({ message: 'AWS rejected the credentials', action: 'selectProfile', code: 'InvalidClientTokenId' }), 'credentials rejected');
    assert.equal(unreadWhy({ message: 'Cannot reach the endpoint', action: 'openSettings' }), 'endpoint not reachable');
    assert.equal(unreadWhy(new Error('boom')), 'read failed');
    assert.equal(unreadFix(SSO, 'payments'), 'run aws sso login --profile payments');
    assert.equal(unreadFix(new Error('boom'), undefined), 'refresh to try again');
  });
});
