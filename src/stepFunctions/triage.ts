import * as vscode from 'vscode';
import type { StepFunctionsApi } from '../aws/services/stepFunctions';
import { arnName } from '../core/stepFunctions/model';
import { eligibleForRedrive, groupFailures, type ExecutionFailure } from '../core/stepFunctions/triage';
import { formatTriageReport } from '../core/stepFunctions/triageReport';
import { formatSpan } from '../core/time/zone';
import { readTimeZone } from '../platform/timeZone';
import { quoted } from '../core/text/notification';
import { parseTimeRange, rangeLabel, windowFor } from '../core/time/ranges';
import { plural } from '../core/text/plural';
import { pickSearchRange } from '../logs/rangePick';
import { confirmWrite, type WriteGuard } from '../platform/confirmWrite';
import { notifyError, notifyInfo, notifyWarning } from '../platform/notify';
import { withNotificationProgress } from '../platform/textSinks';
import { machineFromArgument } from './arguments';
import type { StateMachine, StepFunctionsStore } from './store';
import { readFailures } from './triageRead';

export const TRIAGE_SCHEME = 'ops-lens-triage';
const REDRIVE_ALL = 'Redrive All Eligible…';
/** Names listed in the confirmation; the rest are counted. */
const LISTED_IN_CONFIRMATION = 30;

interface TriageResult {
  readonly machine: StateMachine;
  readonly text: string;
  readonly failures: ExecutionFailure[];
}

export interface TriageDeps {
  readonly store: StepFunctionsStore;
  readonly api: StepFunctionsApi;
  readonly guard: WriteGuard;
  readonly ensureLoaded: () => Promise<unknown>;
  readonly afterChange: (machineArn: string, executionArn?: string) => Promise<void>;
}

/** Triage documents by URI: their text and the failures Redrive All Eligible acts on. */
export class TriageDocuments implements vscode.TextDocumentContentProvider {
  private readonly results = new Map<string, TriageResult>();

  set(uri: vscode.Uri, result: TriageResult): void {
    this.results.set(uri.toString(), result);
  }

  get(uri: vscode.Uri): TriageResult | undefined {
    return this.results.get(uri.toString());
  }

  forget(uri: vscode.Uri): void {
    this.results.delete(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.results.get(uri.toString())?.text ?? 'Run Triage Failures again: this triage is no longer held.\n';
  }
}

function triageUri(machine: StateMachine): vscode.Uri {
  return vscode.Uri.from({ scheme: TRIAGE_SCHEME, path: `/${machine.name} failures.md`, query: new URLSearchParams({ arn: machine.arn, at: String(Date.now()) }).toString() });
}

/**
 * Triage Failures: the executions of a state machine that ended without success in a range, grouped by
 * failing state, error and cause, as a document; then Redrive All Eligible offers to redrive them.
 */
export async function triageFailures(deps: TriageDeps, documents: TriageDocuments, arg?: unknown, rangeArg?: unknown): Promise<vscode.Uri | undefined> {
  const machine = await machineFromArgument(deps.store, arg, deps.ensureLoaded);
  if (!machine) return undefined;
  if (machine.type === 'EXPRESS') {
    void notifyInfo(`${quoted(machine.name)} is an Express workflow: Step Functions does not list its executions, so there is nothing to triage here. Its runs are in its CloudWatch Logs.`);
    return undefined;
  }
  const range = typeof rangeArg === 'string' && parseTimeRange(rangeArg) ? rangeArg : await pickSearchRange('24h', `Triage the failures of ${machine.name} in the last…`);
  const window = range ? windowFor(range) : undefined;
  if (!range || !window) return undefined;
  const read = await withNotificationProgress(`Reading the failures of ${machine.name}…`, async (progress, token) => {
    const controller = new AbortController();
    const cancelled = token.onCancellationRequested(() => controller.abort());
    try {
      return await readFailures(deps.api, machine.region, machine.arn, window, {
        signal: controller.signal,
        onProgress: (p) => progress.report({ message: p.read ? `${p.read} of ${p.listed} executions read` : `${p.listed} executions listed` }),
      });
    } finally {
      cancelled.dispose();
    }
  }, { cancellable: true });
  const groups = groupFailures(read.failures);
  const zone = readTimeZone();
  const label = parseTimeRange(range)?.kind === 'absolute' ? formatSpan(window.start.getTime(), window.end.getTime(), zone) : `the ${rangeLabel(range)}`;
  const uri = triageUri(machine);
  documents.set(uri, { machine, failures: read.failures, text: formatTriageReport({ machineName: machine.name, machineType: machine.type, rangeLabel: label, groups, truncated: read.truncated, zone }) });
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  const eligible = eligibleForRedrive(read.failures, machine.type);
  if (eligible.length > 0) {
    void notifyInfo(`${plural(read.failures.length, 'failure')} of ${machine.name} in ${plural(groups.length, 'group')}; ${eligible.length} can be redriven.`, REDRIVE_ALL).then((b) => b && redriveAllEligible(deps, documents, uri));
  }
  return uri;
}

/** Redrive All Eligible: one confirmation that lists the executions, then a redrive each (through the write guard). */
export async function redriveAllEligible(deps: TriageDeps, documents: TriageDocuments, uriArg?: unknown): Promise<number> {
  const uri = uriArg instanceof vscode.Uri ? uriArg : vscode.window.activeTextEditor?.document.uri;
  const result = uri && uri.scheme === TRIAGE_SCHEME ? documents.get(uri) : undefined;
  if (!result) {
    void notifyInfo('Open a triage (Triage Failures on a state machine) first.');
    return 0;
  }
  const eligible = eligibleForRedrive(result.failures, result.machine.type);
  if (eligible.length === 0) {
    void notifyInfo(`None of the failures of ${result.machine.name} in this triage can be redriven.`);
    return 0;
  }
  const names = eligible.slice(0, LISTED_IN_CONFIRMATION).map((f) => f.name);
  const more = eligible.length > names.length ? `\n… and ${eligible.length - names.length} more` : '';
  const permit = await confirmWrite(deps.guard, {
    scope: result.machine.region, operation: 'RedriveExecution', action: `Redrive ${plural(eligible.length, 'execution')} of ${result.machine.name}`, target: result.machine.arn,
    question: { message: `Redrive ${eligible.length} execution${eligible.length === 1 ? '' : 's'} of ${result.machine.name}? Each runs again from its failed state.`, detail: `${names.join('\n')}${more}`, buttons: ['Redrive All'] },
  });
  if (!permit) return 0;
  let done = 0;
  const failed: string[] = [];
  await withNotificationProgress(`Redriving ${plural(eligible.length, 'execution')} of ${result.machine.name}…`, async (progress, token) => {
    for (const f of eligible) {
      if (token.isCancellationRequested) break;
      try {
        await permit.run(() => deps.api.redrive(result.machine.region, f.executionArn));
        done++;
        // Redriven now: a second Redrive All Eligible on this triage leaves it out.
        result.failures[result.failures.indexOf(f)] = { ...f, redriveCount: (f.redriveCount ?? 0) + 1 };
      } catch (err) {
        failed.push(`${arnName(f.executionArn)}: ${err instanceof Error ? err.message : String(err)}`);
      }
      progress.report({ message: `${done + failed.length} of ${eligible.length}`, increment: 100 / eligible.length });
    }
  }, { cancellable: true });
  await deps.afterChange(result.machine.arn);
  if (failed.length > 0) void notifyWarning(`Redrove ${done} of ${plural(eligible.length, 'execution')} of ${result.machine.name}. ${failed.length} could not be redriven: ${quoted(failed[0], 300)}`);
  else if (done > 0) void notifyInfo(`Redrove ${done} execution${done === 1 ? '' : 's'} of ${result.machine.name}; each resumes from its failed state.`);
  else void notifyError(`No execution of ${result.machine.name} was redriven.`);
  return done;
}
