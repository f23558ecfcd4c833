import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listProfiles, readSharedFiles } from '../../../src/aws/profiles';
import { AwsSession } from '../../../src/aws/session';

describe('profiles from the shared config files', () => {
  let dir: string;
  let configFilepath: string;
  let filepath: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-profiles-'));
    configFilepath = path.join(dir, 'config');
    filepath = path.join(dir, 'credentials');
    fs.writeFileSync(configFilepath, [
      '[default]', 'region = eu-west-1', '',
      '[profile prod-sso]', 'sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = ReadOnly', 'region = us-east-1', '',
      '[profile tooling]', 'credential_process = /usr/local/bin/get-creds', '',
      '[profile assumed]', 'role_arn = arn:aws:iam::111122223333:role/OnCall', 'source_profile = default', 'region = ap-southeast-2', '',
      '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1', '',
    ].join('\n'));
    fs.writeFileSync(filepath, ['[default]', 'aws_access_key_id = testing', 'aws_secret_access_key = testing', '', '[ci]', 'aws_access_key_id = testing', 'aws_secret_access_key = testing'].join('\n'));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists every profile once, default first, with its kind and region', async () => {
    const profiles = listProfiles(await readSharedFiles({ configFilepath, filepath }));
    assert.deepEqual(profiles.map((p) => p.name), ['default', 'assumed', 'ci', 'prod-sso', 'tooling']);
    const byName = Object.fromEntries(profiles.map((p) => [p.name, p]));
    assert.equal(byName.default.region, 'eu-west-1');
    assert.equal(byName.default.source, 'both');
    assert.equal(byName['prod-sso'].kind, 'sso');
    assert.equal(byName.tooling.kind, 'credential_process');
    assert.equal(byName.assumed.kind, 'role');
    assert.equal(byName.ci.kind, 'static keys');
    assert.equal(byName.ci.source, 'credentials');
  });

  it('takes the region of the selected profile when settings name none', async () => {
    const session = new AwsSession({ profile: 'assumed', regions: [], endpointUrl: '' }, { env: {}, sharedFiles: { configFilepath, filepath } });
    assert.deepEqual(await session.regions(), { regions: ['ap-southeast-2'], from: 'profile' });
    session.update({ profile: 'tooling', regions: [], endpointUrl: '' });
    assert.deepEqual(await session.regions(), { regions: ['us-east-1'], from: 'fallback' });
    session.update({ profile: '', regions: [], endpointUrl: '' });
    assert.deepEqual(await session.regions(), { regions: ['eu-west-1'], from: 'profile' }, 'the default profile when none is selected');
  });

  it('names the missing profile when it has no credentials', async () => {
    const session = new AwsSession({ profile: 'does-not-exist', regions: [], endpointUrl: '' }, { env: {}, sharedFiles: { configFilepath, filepath } });
    await assert.rejects(session.checkCredentials(), (err: Error & { action?: string }) => {
      assert.match(err.message, /does-not-exist/);
      assert.equal(err.action, 'selectProfile');
      return true;
    });
  });

  it('resolves static credentials of a profile', async () => {
    const session = new AwsSession({ profile: 'ci', regions: [], endpointUrl: '' }, { env: {}, sharedFiles: { configFilepath, filepath } });
    await session.checkCredentials();
  });
});
