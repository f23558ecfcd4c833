import * as vscode from 'vscode';
import { AwsUserError } from '../aws/errors';
import type { OutageStart } from '../aws/outages';
import { clockTime } from '../core/time/stale';
import { buttonFor } from './errors';

/**
 * The one message of an outage. Credentials: what to do (`aws sso login`, or another profile). A
 * service or region: that the view shows its last good read and retries by itself.
 */
export async function announceOutage(outage: OutageStart, lastGood: Date | undefined): Promise<void> {
  const { error } = outage;
  const action = error instanceof AwsUserError ? error.action : 'retry';
  const buttons = [buttonFor(action), action === 'selectProfile' ? undefined : outage.credentials ? buttonFor('selectProfile') : undefined].filter((b) => b !== undefined);
  const message = outage.credentials
    ? error.message
    : `${outage.scope} of ${outage.region} could not be refreshed: ${error.message}${lastGood ? ` Showing what was read at ${clockTime(lastGood)}` : ''}; Ops Lens keeps retrying.`;
  const show = outage.credentials ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  const picked = await show(message, ...buttons.map((b) => b.label));
  await buttons.find((b) => b.label === picked)?.run();
}
