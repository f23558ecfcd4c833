import * as vscode from 'vscode';
import { ACCOUNTS_SETTING, parseAccountMarkings, type AccountMarking } from '../core/accounts/markings';

/**
 * `opsLens.aws.accounts`, from the user's settings only: a workspace must not be able to unmark a
 * production account (package.json declares it `application` scoped, and only the global value is read).
 */
export function readAccountMarkings(): { markings: readonly AccountMarking[]; problems: readonly string[] } {
  const inspected = vscode.workspace.getConfiguration().inspect<unknown>(ACCOUNTS_SETTING);
  return parseAccountMarkings(inspected?.globalValue);
}

/** The setting's current value, read again when it changes; unusable entries are logged. */
export class AccountMarkingsSetting implements vscode.Disposable {
  private value: readonly AccountMarking[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly log?: vscode.LogOutputChannel) {
    this.read();
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(ACCOUNTS_SETTING)) return;
      this.read();
      this.changed.fire();
    });
  }

  get markings(): readonly AccountMarking[] {
    return this.value;
  }

  private read(): void {
    const { markings, problems } = readAccountMarkings();
    this.value = markings;
    for (const problem of problems) this.log?.warn(problem);
    if (markings.length) this.log?.info(`${ACCOUNTS_SETTING}: ${markings.map((m) => `${m.name} (${m.environment})`).join(', ')}`);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
