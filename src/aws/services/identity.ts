import type { ScopeId } from '../../core/scope';
import type { AwsSession } from '../session';
import { loadSdk } from '../sdkLoader';

/**
 * STS: the account id behind a session's credentials. GetCallerIdentity needs no permission, so every
 * working credential can answer it.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
export async function callerAccount(session: AwsSession, scope: ScopeId): Promise<string | undefined> {
  const sts = await session.client('sts', scope);
  const sdk = await loadSdk();
  const answer = await sts.send(new sdk.sts.GetCallerIdentityCommand({}));
  return answer.Account || undefined;
}
