import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AwsSession } from '../../../src/aws/session';

describe('shared config locations', () => {
  let home: string;
  const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };

  before(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-home-'));
    fs.mkdirSync(path.join(home, 'team'));
    fs.writeFileSync(path.join(home, 'team', 'config'), '[profile from-setting]\nregion = eu-west-3\n');
    fs.writeFileSync(path.join(home, 'team', 'credentials'), '[keys-from-setting]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = x\n');
    fs.writeFileSync(path.join(home, 'env-config'), '[profile from-env]\nregion = ap-south-1\n');
    fs.writeFileSync(path.join(home, 'env-credentials'), '');
  });

  after(() => {
    for (const [key, value] of [['AWS_CONFIG_FILE', saved.config], ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('opsLens.aws.configFile / credentialsFile (with ~) choose the files profiles come from', async () => {
    const session = new AwsSession({ profile: '', regions: [], endpointUrl: '', configFile: '~/team/config', credentialsFile: '~/team/credentials' }, { env: { HOME: home } });
    assert.deepEqual((await session.profiles()).map((p) => [p.name, p.region, p.kind]), [['from-setting', 'eu-west-3', undefined], ['keys-from-setting', undefined, 'static keys']]);
  });

  it('without the settings, AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE are honoured', async () => {
    process.env.AWS_CONFIG_FILE = path.join(home, 'env-config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(home, 'env-credentials');
    const session = new AwsSession({ profile: 'from-env', regions: [], endpointUrl: '' }, { env: { HOME: home } });
    assert.deepEqual((await session.profiles()).map((p) => p.name), ['from-env']);
    assert.deepEqual(await session.regions(), { regions: ['ap-south-1'], from: 'profile' });
  });
});
