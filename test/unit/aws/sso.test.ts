import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SharedFiles } from '../../../src/aws/profiles';
import { expiryState, parseExpiresAt, readSessionExpiry, ssoCacheFileName, ssoCacheKey, ssoLoginCommand } from '../../../src/aws/ssoCache';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'sso', name), 'utf8');

const files: SharedFiles = {
  configFile: {
    'prod': { sso_session: 'corp', sso_account_id: '111122223333', sso_role_name: 'ReadOnly' },
    'legacy': { sso_start_url: 'https://my-sso-portal.awsapps.com/start', sso_region: 'us-east-1' },
    'keys': { region: 'eu-west-1' },
    'sso-session.corp': { sso_start_url: 'https://corp.awsapps.com/start', sso_region: 'us-east-1' },
  },
  credentialsFile: { keys: { aws_access_key_id: 'AKIDEXAMPLE', aws_secret_access_key: 'x' } },
};

describe('SSO session expiry from the SDK token cache', () => {
  let cacheDir: string;
  before(() => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-sso-'));
    fs.writeFileSync(path.join(cacheDir, ssoCacheFileName('corp')), fixture('sessionToken.json'));
    fs.writeFileSync(path.join(cacheDir, ssoCacheFileName('https://my-sso-portal.awsapps.com/start')), fixture('legacyToken.json'));
  });
  after(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

  it('names cache files the way the SDK does: sha1 of the sso-session name, or of the start URL', () => {
    assert.equal(ssoCacheKey('prod', files), 'corp');
    assert.equal(ssoCacheKey('legacy', files), 'https://my-sso-portal.awsapps.com/start');
    assert.equal(ssoCacheKey('keys', files), undefined);
    // sha1("corp"), computed independently
    assert.equal(ssoCacheFileName('corp'), 'ee0bfd2552fbd840c02cc48b6e823320543c450f.json');
  });

  it('a token valid for hours is valid; 15 minutes before expiry it warns; after, it is expired', async () => {
    const at = (iso: string) => readSessionExpiry('prod', files, { cacheDir, now: new Date(iso) });
    assert.equal((await at('2026-12-02T01:00:00Z'))?.state, 'valid');
    const soon = await at('2026-12-02T03:50:00Z');
    assert.equal(soon?.state, 'expiring');
    assert.equal(soon?.state === 'expiring' && soon.minutesLeft, 10);
    assert.equal((await at('2026-12-02T04:00:01Z'))?.state, 'expired');
  });

  it('reads legacy start-URL profiles too; a profile without SSO has no session; no cache file is no token', async () => {
    const legacy = await readSessionExpiry('legacy', files, { cacheDir, now: new Date('2026-01-01T00:00:00Z') });
    assert.equal(legacy?.state, 'expired');
    assert.equal(legacy?.state === 'expired' && legacy.expiresAt.toISOString(), '2019-11-14T04:26:07.000Z');
    assert.equal(await readSessionExpiry('keys', files, { cacheDir }), undefined);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-sso-empty-'));
    assert.deepEqual(await readSessionExpiry('prod', files, { cacheDir: empty }), { state: 'noToken' });
    fs.rmSync(empty, { recursive: true, force: true });
  });

  it('hostile cache text: not JSON, no date, oversized → no date', () => {
    assert.equal(parseExpiresAt('not json'), undefined);
    assert.equal(parseExpiresAt('{"expiresAt": 12}'), undefined);
    assert.equal(parseExpiresAt('{"expiresAt": "tomorrow-ish"}'), undefined);
    assert.equal(parseExpiresAt(`{"pad":"${'x'.repeat(70000)}","expiresAt":"2030-01-01T00:00:00Z"}`), undefined);
    assert.equal(expiryState(new Date('2030-01-01T00:00:00Z'), new Date('2029-12-31T23:45:00Z')).state, 'expiring');
  });

  it('the login command quotes the profile name for the shell', () => {
    assert.equal(ssoLoginCommand('prod-admin'), 'aws sso login --profile prod-admin');
    assert.equal(ssoLoginCommand("x'; rm -rf ~; echo '"), `aws sso login --profile 'x'\\''; rm -rf ~; echo '\\'''`);
    assert.equal(ssoLoginCommand('a b$(id)'), "aws sso login --profile 'a b$(id)'");
  });
});
