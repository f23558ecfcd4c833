import { AwsUserError } from '../aws/errors';
import type { OutageStart } from '../aws/outages';
import { quoted } from '../core/text/notification';
import { formatClock } from '../core/time/zone';
import { buttonFor } from './errors';
import { notifyError, notifyWarning } from './notify';
import { claimSsoNotice } from './ssoNotices';
import { readTimeZone } from './timeZone';

/**
 * The one message of an outage. Credentials: what to do (`aws sso login`, or another profile). A
 * service or region: that the view shows its last good read and retries by itself.
 */
export async function announceOutage(outage: OutageStart, lastGood: Date | undefined): Promise<void> {
  const { error } = outage;
  const action = error instanceof AwsUserError ? error.action : 'retry';
  const profile = error instanceof AwsUserError ? error.context.profile : undefined;
  // An expired SSO session is announced once, by whichever noticed it first (this or the token cache watch).
  if (action === 'ssoLogin' && profile && !claimSsoNotice(profile)) return;
  const buttons = [buttonFor(action, profile), action === 'selectProfile' ? undefined : outage.credentials ? buttonFor('selectProfile') : undefined].filter((b) => b !== undefined);
  const reason = quoted(error.message, 400);
  const message = outage.credentials
    ? reason
    : `${outage.scope} of ${outage.region} could not be refreshed: ${reason}${lastGood ? ` Showing what was read at ${formatClock(lastGood.getTime(), readTimeZone())}` : ''}; Ops Lens keeps retrying.`;
  const show = outage.credentials ? notifyError : notifyWarning;
  const picked = await show(message, ...buttons.map((b) => b.label));
  await buttons.find((b) => b.label === picked)?.run();
}
