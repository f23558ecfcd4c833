import type { ScopeId } from '../core/scope';
import * as vscode from 'vscode';
import { formatWriteAudit, markingLabel, typedNameProblem, writeDecision, type WriteAudit } from '../core/accounts/markings';
import type { RootLabels } from '../session/accountLabels';
import { notifyError, notifyWarning } from './notify';

/** A change Ops Lens is about to make in an AWS account. */
export interface WriteRequest {
  /** Where the change goes: a region, or `profile · region`. */
  readonly scope: ScopeId;
  /** The AWS operation, for the audit line: `StopExecution`. */
  readonly operation: string;
  /** What the person reads: `Stop execution run-1`. */
  readonly action: string;
  /** The ARN or name of what changes. */
  readonly target: string;
  /** The modal asked in every account; omitted when the person has just chosen this change step by step. */
  readonly question?: { readonly message: string; readonly detail?: string; readonly buttons: readonly [string, ...string[]] };
}

export interface WritePermit {
  /** The button chosen (the first one when nothing was asked). */
  readonly choice: string;
  /** Makes the change and writes its audit line, whatever the outcome. */
  run<T>(change: () => Promise<T>): Promise<T>;
}

export interface WriteGuard {
  readonly accounts: Pick<RootLabels, 'resolve' | 'markings'>;
  readonly log: Pick<vscode.LogOutputChannel, 'info' | 'warn'>;
}

/**
 * The one way Ops Lens gets permission to change something in AWS. A read-only account refuses, naming
 * the setting; a production account asks for its name to be typed, after the usual question; others ask
 * the usual question. Every outcome but a cancel is written to the Ops Lens output channel.
 */
export async function confirmWrite(guard: WriteGuard, request: WriteRequest): Promise<WritePermit | undefined> {
  const account = await guard.accounts.resolve(request.scope);
  const decision = writeDecision(guard.accounts.markings, account, request.action);
  const audit = (outcome: WriteAudit['outcome'], error?: string) => {
    const line = formatWriteAudit({ ...account, action: request.operation, target: request.target, outcome, error });
    if (outcome === 'done') guard.log.info(line);
    else guard.log.warn(line);
  };
  if (decision.kind === 'refuse') {
    audit('refused');
    void notifyError(decision.reason);
    return undefined;
  }
  let choice: string = request.question?.buttons[0] ?? request.action;
  if (request.question) {
    const { message, detail, buttons } = request.question;
    const answer = await notifyWarning(account.marking ? `${markingLabel(account.marking)}: ${message}` : message, { modal: true, detail }, ...buttons);
    if (!answer) return undefined;
    choice = answer;
  }
  if (decision.kind === 'typeName') {
    const name = decision.name;
    const typed = await vscode.window.showInputBox({
      title: `${request.action} in the PRODUCTION account ${name}`,
      prompt: `This changes the production account ${name} (profile ${account.profile}, account ${account.accountId ?? 'unknown'}, region ${account.region}). Type ${name} to confirm.`,
      placeHolder: name,
      ignoreFocusOut: true,
      validateInput: (value) => typedNameProblem(value, name),
    });
    if (typed === undefined || typedNameProblem(typed, name)) return undefined;
  }
  return {
    choice,
    async run(change) {
      try {
        const result = await change();
        audit('done');
        return result;
      } catch (err) {
        audit('failed', err instanceof Error ? err.message : String(err));
        throw err;
      }
    },
  };
}
