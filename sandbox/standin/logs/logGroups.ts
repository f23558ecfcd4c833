import type { MotoCaller } from '../forward';
import { objectList, optionalString } from '../input';
import { resourceNotFound } from './errors';

const DEFAULT_ACCOUNT = '123456789012';
const LOG_GROUP_ARN = /^arn:[^:]+:logs:[^:]*:([^:]*):log-group:([^:]+)(:\*)?$/;

/** A log group name from a name or a log group ARN (as `logGroupIdentifiers` allow). */
export function logGroupNameOf(identifier: string): string {
  return LOG_GROUP_ARN.exec(identifier)?.[2] ?? identifier;
}

/** Checks that a log group exists in moto and returns the account that holds it. */
export async function requireLogGroup(moto: MotoCaller, name: string): Promise<string> {
  let token: string | undefined;
  do {
    const page = await moto.call('DescribeLogGroups', { logGroupNamePrefix: name, ...(token ? { nextToken: token } : {}) });
    const group = objectList(page, 'logGroups').find((g) => g.logGroupName === name);
    if (group) return LOG_GROUP_ARN.exec(optionalString(group, 'arn') ?? '')?.[1] || DEFAULT_ACCOUNT;
    const next = optionalString(page, 'nextToken');
    token = next && next !== token ? next : undefined;
  } while (token);
  throw resourceNotFound(`Log group '${name}' does not exist for account ID '${DEFAULT_ACCOUNT}'`);
}
