import * as vscode from 'vscode';
import type { LogsApi } from '../aws/services/logs';
import type { StepFunctionsApi } from '../aws/services/stepFunctions';
import { arnName } from '../core/stepFunctions/model';
import { showError } from '../platform/errors';
import { notifyInfo } from '../platform/notify';
import { withNotificationProgress } from '../platform/textSinks';
import type { ScopeOfArn } from './documents';
import { readFailedTaskLogs } from './taskLogs';

export interface TaskLogsDeps {
  readonly api: StepFunctionsApi;
  readonly logs: LogsApi;
  readonly scopeOf: ScopeOfArn;
}

/**
 * Show Failed Task's Logs: the failed task's own log events open as a results document, whose stack
 * frames link to the workspace's source; an ECS task offers its console page.
 */
export async function showFailedTaskLogs({ api, logs, scopeOf }: TaskLogsDeps, arn: string): Promise<vscode.Uri | undefined> {
  if (arn.split(':')[5] === 'mapRun') {
    void notifyInfo('A Map run has no task of its own: expand it and use this on its failed child execution.');
    return undefined;
  }
  let read;
  try {
    read = await withNotificationProgress(`Reading the failed task's logs of ${arnName(arn)}…`, async (_progress, token) => {
      const controller = new AbortController();
      const cancelled = token.onCancellationRequested(() => controller.abort());
      try {
        return await readFailedTaskLogs(api, logs, arn, await scopeOf(arn), controller.signal);
      } finally {
        cancelled.dispose();
      }
    }, { cancellable: true });
  } catch (err) {
    await showError(err, `Could not read the failed task's logs of ${arnName(arn)}`);
    return undefined;
  }
  if (read.kind === 'message') {
    void notifyInfo(read.text);
    return undefined;
  }
  if (read.kind === 'console') {
    // The address is built from a fixed template and parts the ECS task ARN pattern admitted.
    void notifyInfo(read.text, 'Open in AWS Console').then((b) => b && vscode.env.openExternal(vscode.Uri.parse(read.url)));
    return undefined;
  }
  return vscode.commands.executeCommand<vscode.Uri | undefined>('opsLens.insights.showEvents', {
    title: read.title,
    region: read.region,
    logGroups: read.logGroups,
    start: read.start,
    end: read.end,
    events: read.events.map((e) => ({ timestamp: e.timestamp ?? 0, message: e.message ?? '' })),
    truncated: read.truncated,
    rangeLabel: 'the failed task\'s time window',
  });
}
