import * as vscode from 'vscode';
import { parseScope, scopeLabel } from '../aws/scope';
import type { AwsSession } from '../aws/session';

/** How the trees name a root: by its region key, or with the account id once AWS has said it. */
export interface RootLabels {
  label(scope: string): string;
  readonly onDidChange: vscode.Event<void>;
}

/**
 * With several profiles, a root reads `profile · account id · region`. Each profile's account is asked
 * once per session (the session's members forget it at every settings change); until it answers, or when
 * it cannot, the root reads `profile · region`.
 */
export class AccountLabels implements RootLabels, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly accounts = new Map<string, string | undefined>();
  private generation = -1;

  constructor(private readonly session: AwsSession) {}

  label(scope: string): string {
    const { profile, region } = parseScope(scope);
    if (profile === undefined || !this.session.profileList?.includes(profile)) return scope;
    if (this.generation !== this.session.generation) {
      this.generation = this.session.generation;
      this.accounts.clear();
    }
    if (!this.accounts.has(profile)) {
      this.accounts.set(profile, undefined);
      const asked = this.generation;
      void this.session.member(profile).accountId().then((account) => {
        if (!account || asked !== this.generation) return;
        this.accounts.set(profile, account);
        this.changed.fire();
      });
    }
    const account = this.accounts.get(profile);
    return account ? scopeLabel(profile, account, region) : scope;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
