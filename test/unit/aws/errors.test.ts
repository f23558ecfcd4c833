import { strict as assert } from 'node:assert';
import { AwsUserError, toUserError } from '../../../src/aws/errors';

const ctx = { service: 'CloudWatchClient', operation: 'DescribeAlarms', region: 'eu-west-1', profile: 'prod' };

function sdkError(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name, ...extra });
}

describe('AWS error messages', () => {
  it('no credentials → select a profile', () => {
    const e = toUserError(sdkError('CredentialsProviderError', 'Could not load credentials from any providers'), ctx);
    assert.equal(e.action, 'selectProfile');
    assert.match(e.message, /No AWS credentials found for profile "prod"/);
  });

  it('expired SSO token → the exact login command', () => {
    const e = toUserError(sdkError('TokenProviderError', 'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.'), ctx);
    assert.equal(e.action, 'ssoLogin');
    assert.match(e.message, /`aws sso login --profile prod`/);
  });

  it('access denied → names the IAM action that was denied', () => {
    const e = toUserError(sdkError('AccessDenied', 'User: arn:aws:iam::1:user/x is not authorized to perform: cloudwatch:DescribeAlarms'), ctx);
    assert.match(e.message, /cloudwatch:DescribeAlarms/);
    assert.match(e.message, /eu-west-1/);
    const sfn = toUserError(sdkError('AccessDeniedException', 'denied'), { ...ctx, service: 'SFNClient', operation: 'StartExecution' });
    assert.match(sfn.message, /states:StartExecution/);
    const logs = toUserError(sdkError('AccessDeniedException', 'denied'), { ...ctx, service: 'CloudWatchLogsClient', operation: 'StartQuery' });
    assert.match(logs.message, /logs:StartQuery/);
  });

  it('unreachable endpoint → names the endpoint and region', () => {
    const e = toUserError(sdkError('Error', 'connect ECONNREFUSED 127.0.0.1:1', { code: 'ECONNREFUSED' }), { ...ctx, endpoint: 'http://127.0.0.1:1' });
    assert.match(e.message, /http:\/\/127\.0\.0\.1:1/);
    assert.match(e.message, /eu-west-1/);
    assert.equal(e.action, 'openSettings');
    const noOverride = toUserError(sdkError('Error', 'getaddrinfo ENOTFOUND monitoring.eu-west-1.amazonaws.com', { code: 'ENOTFOUND' }), ctx);
    assert.match(noOverride.message, /CloudWatch endpoint in eu-west-1/);
  });

  it('rejected keys, throttling and anything else get their own wording and keep the code', () => {
    assert.match(toUserError(sdkError('InvalidClientTokenId', 'bad'), ctx).message, /rejected the credentials of profile "prod"/);
    assert.equal(toUserError(sdkError('ThrottlingException', 'Rate exceeded'), ctx).action, 'retry');
    const other = toUserError(sdkError('ResourceNotFound', 'Dashboard x does not exist'), ctx);
    assert.equal(other.code, 'ResourceNotFound');
    assert.match(other.message, /CloudWatch DescribeAlarms failed in eu-west-1: Dashboard x does not exist/);
  });

  it('maps an error once', () => {
    const e = toUserError(sdkError('AccessDenied', 'x'), ctx);
    assert.equal(toUserError(e, { ...ctx, region: 'other' }), e);
    assert.ok(e instanceof AwsUserError);
  });
});
