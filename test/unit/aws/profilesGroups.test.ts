import { strict as assert } from 'node:assert';
import { groupProfiles, listProfiles, profileEndpoint, type SharedFiles } from '../../../src/aws/profiles';

// Sections as the SDK's shared-config loader returns them (`[services local]` → `services.local`, nested keys dotted).
// Format: https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
const files: SharedFiles = {
  configFile: {
    'default': { region: 'eu-west-1' },
    'prod': { sso_session: 'corp', sso_account_id: '111122223333', sso_role_name: 'ReadOnly', region: 'us-east-1' },
    'oncall': { role_arn: 'arn:aws:iam::111122223333:role/OnCall', source_profile: 'default' },
    'tool': { credential_process: '/usr/local/bin/creds' },
    'local': { services: 'moto', endpoint_url: 'http://localhost:5000', region: 'us-west-2' },
    'services.moto': { 'cloudwatch.endpoint_url': 'http://localhost:4566', 'sfn.endpoint_url': 'http://localhost:8083' },
    'sso-session.corp': { sso_start_url: 'https://corp.awsapps.com/start' },
  },
  credentialsFile: { default: { aws_access_key_id: 'AKIDEXAMPLE', aws_secret_access_key: 'x' }, local: { aws_access_key_id: '123456789012', aws_secret_access_key: 'x' } },
};

describe('profile grouping and per-profile endpoints', () => {
  it('groups the shared config profiles as SSO / role / keys, in that order', () => {
    const groups = groupProfiles(listProfiles(files));
    assert.deepEqual(groups.map((g) => [g.group, g.profiles.map((p) => p.name)]), [
      ['SSO', ['prod']],
      ['role', ['oncall']],
      ['keys', ['default', 'local', 'tool']],
    ]);
  });

  it('a service-specific endpoint wins over the profile endpoint; profiles without one use the default', () => {
    assert.equal(profileEndpoint('local', files, 'cloudWatch'), 'http://localhost:4566');
    assert.equal(profileEndpoint('local', files, 'sfn'), 'http://localhost:8083');
    assert.equal(profileEndpoint('local', files, 'logs'), 'http://localhost:5000');
    assert.equal(profileEndpoint('prod', files, 'logs'), undefined);
    assert.equal(profileEndpoint('missing', files, 'logs'), undefined);
  });
});
