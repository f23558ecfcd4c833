import * as vscode from 'vscode';
import { AwsUserError } from '../aws/errors';
import type { Services } from '../services';

export type CredentialState = 'unknown' | 'ok' | 'missing' | 'error';

/**
 * Checks the credentials once something needs AWS, and again on changes after that first time; the
 * result is the `opsLens.aws.credentials` context key the views' welcome texts read.
 */
export class CredentialCheck {
  private checked = false;

  constructor(private readonly services: Pick<Services, 'session' | 'log'>) {}

  /** The first check; later calls do nothing. */
  async ensure(): Promise<void> {
    if (!this.checked) await this.check();
  }

  /** Checks again when a check already ran (settings or trust changed). */
  async recheck(): Promise<void> {
    if (this.checked) await this.check();
  }

  private async check(): Promise<void> {
    const { session, log } = this.services;
    this.checked = true;
    let state: CredentialState = 'ok';
    try {
      await session.checkCredentials();
    } catch (err) {
      state = err instanceof AwsUserError && err.action === 'selectProfile' ? 'missing' : 'error';
      log.warn(`credentials for profile ${session.profileName}: ${err instanceof Error ? err.message : String(err)}`);
    }
    await vscode.commands.executeCommand('setContext', 'opsLens.aws.credentials', state);
  }
}
