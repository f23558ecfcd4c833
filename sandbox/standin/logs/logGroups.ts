import type { SourceSelection } from '../../../src/core/insights';
import type { MotoCaller } from '../forward';
import { objectList, optionalString } from '../input';
import { resourceNotFound } from './errors';

const DEFAULT_ACCOUNT = '123456789012';
/** Logs Insights stops a SOURCE selection at 10,000 log groups. */
const MAX_SOURCE_GROUPS = 10_000;
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

/** Names of the log groups a `SOURCE` selects: the ones it names, and those matching each `logGroups(namePrefix: …)`. */
export async function logGroupsOfSource(moto: MotoCaller, source: SourceSelection): Promise<string[]> {
  const names = new Set(source.logGroups.map(logGroupNameOf));
  for (const selector of source.selectors) {
    // Approximation: moto keeps one account and the Standard class, so `class` and `accountIdentifiers` select nothing more.
    const prefixes = selector.namePrefix.length > 0 ? selector.namePrefix : [''];
    for (const prefix of prefixes) {
      let token: string | undefined;
      do {
        const page = await moto.call('DescribeLogGroups', { ...(prefix ? { logGroupNamePrefix: prefix } : {}), ...(token ? { nextToken: token } : {}) });
        for (const g of objectList(page, 'logGroups')) {
          const name = optionalString(g, 'logGroupName');
          if (name) names.add(name);
        }
        const next = optionalString(page, 'nextToken');
        token = next && next !== token ? next : undefined;
      } while (token && names.size < MAX_SOURCE_GROUPS);
    }
  }
  return [...names].slice(0, MAX_SOURCE_GROUPS);
}
