import type { ScopeId } from '../core/scope';
import * as vscode from 'vscode';
import type { FilteredLogEvent, LogsApi } from '../aws/services/logs';
import type { StepFunctionsApi } from '../aws/services/stepFunctions';
import { formatExecutionDetails } from '../core/stepFunctions/details';
import { arnName, arnRegion, executionStatus, type ExecutionStatus } from '../core/stepFunctions/model';
import { buildTimeline } from '../core/stepFunctions/timeline';
import { formatExecutionLogs, logGroupNameFromArn } from '../core/stepFunctions/logs';
import { formatMapRunDetails } from '../core/stepFunctions/mapRunDetails';
import { toMapRun } from './executionChildren';
import { readTimeZone } from '../platform/timeZone';

export const EXECUTION_SCHEME = 'ops-lens-execution';
export const EXECUTION_LOGS_SCHEME = 'ops-lens-execution-logs';

/** Where to call about an execution known by its ARN (with several profiles, the profile of its account). */
export type ScopeOfArn = (arn: string) => Promise<ScopeId>;

export function executionUri(executionArn: string, scheme = EXECUTION_SCHEME): vscode.Uri {
  const region = arnRegion(executionArn) ?? 'unknown';
  const suffix = scheme === EXECUTION_SCHEME ? '.md' : '.log';
  return vscode.Uri.from({ scheme, path: `/${region}/${arnName(executionArn)}${suffix}`, query: new URLSearchParams({ arn: executionArn }).toString() });
}

/** The execution an execution document (or a command on its title bar) is about. */
export function arnOf(uri: vscode.Uri): string {
  return new URLSearchParams(uri.query).get('arn') ?? '';
}

/** Execution details, read-only; rebuilt from the API each time the document is opened or refreshed. */
export class ExecutionDetailsProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** The status each open execution document last showed: its title bar offers Stop or Redrive by it. */
  readonly statuses = new Map<string, { status: ExecutionStatus; stopDate?: Date }>();
  private readonly statusChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeStatus = this.statusChanged.event;

  constructor(private readonly api: StepFunctionsApi, private readonly scopeOf: ScopeOfArn) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const arn = arnOf(uri);
    try {
      const region = await this.scopeOf(arn);
      if (arn.split(':')[5] === 'mapRun') return await this.mapRunDetails(region, arn);
      const [description, events] = await Promise.all([this.api.describeExecution(region, arn), this.api.history(region, arn)]);
      this.statuses.set(uri.toString(), { status: executionStatus(description.status), stopDate: description.stopDate });
      this.statusChanged.fire();
      return formatExecutionDetails({
        executionArn: arn,
        stateMachineArn: description.stateMachineArn ?? '',
        name: description.name ?? arnName(arn),
        status: executionStatus(description.status),
        startDate: description.startDate,
        stopDate: description.stopDate,
        input: description.input,
        output: description.output,
        error: description.error,
        cause: description.cause,
        redriveCount: description.redriveCount,
        redriveStatus: description.redriveStatus,
      }, buildTimeline(events), new Date(), readTimeZone());
    } catch (err) {
      return `# ${arnName(arn)}\n\nThe execution could not be read: ${err instanceof Error ? err.message : String(err)}\n`;
    }
  }

  private async mapRunDetails(region: ScopeId, arn: string): Promise<string> {
    const [described, failed, timedOut, aborted] = await Promise.all([
      this.api.describeMapRun(region, arn),
      ...(['FAILED', 'TIMED_OUT', 'ABORTED'] as const).map((status) => this.api.mapRunExecutions(region, arn, { status, pageSize: 100 })),
    ]);
    const unsuccessful = [...failed.executions, ...timedOut.executions, ...aborted.executions].map((e) => ({ name: e.name ?? '', status: e.status ?? '', stopDate: e.stopDate, executionArn: e.executionArn ?? '' }));
    return formatMapRunDetails(toMapRun(region, described, arn), unsuccessful, readTimeZone());
  }

  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
    this.statusChanged.dispose();
  }
}

export type ExecutionLogs =
  | { readonly kind: 'events'; readonly executionName: string; readonly region: ScopeId; readonly logGroupName: string; readonly level: string; readonly events: FilteredLogEvent[]; readonly truncated: boolean; readonly start: number; readonly end: number }
  | { readonly kind: 'message'; readonly text: string };

/** The execution's events from its state machine's CloudWatch log group, in its time window. */
export async function readExecutionLogs(api: StepFunctionsApi, logs: LogsApi, arn: string, scopeOf: ScopeOfArn): Promise<ExecutionLogs> {
  try {
    const region = await scopeOf(arn);
    const execution = await api.describeExecution(region, arn);
    const machine = await api.describeStateMachine(region, execution.stateMachineArn ?? '');
    const groupArn = machine.loggingConfiguration?.destinations?.find((d) => d.cloudWatchLogsLogGroup?.logGroupArn)?.cloudWatchLogsLogGroup?.logGroupArn;
    const level = machine.loggingConfiguration?.level ?? 'OFF';
    if (!groupArn || level === 'OFF') {
      return { kind: 'message', text: `State machine ${machine.name ?? ''} does not log to CloudWatch Logs (logging level ${level}).\nEnable logging (level ALL, ERROR or FATAL) with a log group in its configuration to see execution logs here.\n` };
    }
    const logGroupName = logGroupNameFromArn(groupArn);
    const start = (execution.startDate?.getTime() ?? Date.now()) - 60_000;
    const end = (execution.stopDate?.getTime() ?? Date.now()) + 5 * 60_000;
    const { events, truncated } = await logs.filterEvents(region, { logGroupName, startTime: start, endTime: end, filterPattern: `"${arn}"`, limit: 5000 });
    return { kind: 'events', executionName: execution.name ?? arnName(arn), region, logGroupName, level, events, truncated, start, end };
  } catch (err) {
    return { kind: 'message', text: `The logs of ${arnName(arn)} could not be read: ${err instanceof Error ? err.message : String(err)}\n` };
  }
}

/** Execution logs as a plain document, for when the Logs Insights results documents are not at hand. */
export class ExecutionLogsProvider implements vscode.TextDocumentContentProvider {
  /** Logs the command already read, so opening the document does not read them again. */
  private readonly alreadyRead = new Map<string, ExecutionLogs>();

  constructor(private readonly api: StepFunctionsApi, private readonly logs: LogsApi, private readonly scopeOf: ScopeOfArn) {}

  /** Opens the logs as this plain document, using what was read. */
  async show(arn: string, read: ExecutionLogs): Promise<void> {
    const uri = executionUri(arn, EXECUTION_LOGS_SCHEME);
    this.alreadyRead.set(uri.toString(), read);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const read = this.alreadyRead.get(uri.toString()) ?? (await readExecutionLogs(this.api, this.logs, arnOf(uri), this.scopeOf));
    this.alreadyRead.delete(uri.toString());
    return read.kind === 'message' ? read.text : formatExecutionLogs(read, readTimeZone());
  }
}
