import type { ScopeId } from '../core/scope';
import * as vscode from 'vscode';
import type { LogsApi } from '../aws/services/logs';
import { rangeLabel, windowFor } from '../core/time/ranges';
import { quoted } from '../core/text/notification';
import { notifyInfo } from '../platform/notify';
import { showError } from '../platform/errors';
import { withNotificationProgress } from '../platform/textSinks';

/** Search results stop at this many events (the results document says so). */
const MAX_SEARCH_EVENTS = 5000;

export interface SearchRequest {
  readonly region: ScopeId;
  readonly logGroupName: string;
  readonly filterPattern: string;
  readonly range: string;
}

/** FilterLogEvents over the range, every page (cancellable), into an Insights results document. */
export async function searchLogGroup(logs: LogsApi, request: SearchRequest): Promise<vscode.Uri | undefined> {
  const window = windowFor(request.range);
  if (!window) return undefined;
  const abort = new AbortController();
  const read = await withNotificationProgress(
    `Searching ${request.logGroupName}`,
    async (progress, token) => {
      token.onCancellationRequested(() => abort.abort());
      try {
        return await logs.filterEvents(request.region, {
          logGroupName: request.logGroupName,
          startTime: window.start.getTime(),
          endTime: window.end.getTime(),
          filterPattern: request.filterPattern || undefined,
          limit: MAX_SEARCH_EVENTS,
          signal: abort.signal,
          onPage: (n) => progress.report({ message: `${n} events so far` }),
        });
      } catch (err) {
        if (abort.signal.aborted) return { events: [], truncated: true };
        void showError(err, `Search of ${request.logGroupName} failed`);
        return undefined;
      }
    },
    { cancellable: true },
  );
  if (!read) return undefined;
  if (read.events.length === 0) {
    void notifyInfo(`No events in ${quoted(request.logGroupName)} matched ${request.filterPattern ? quoted(request.filterPattern) : 'the search'} in the ${rangeLabel(request.range)}${abort.signal.aborted ? ' (canceled)' : ''}.`);
    return undefined;
  }
  return vscode.commands.executeCommand<vscode.Uri | undefined>('opsLens.insights.showEvents', {
    title: `Search ${request.logGroupName}${request.filterPattern ? ` for ${request.filterPattern}` : ''}`,
    region: request.region,
    logGroups: [request.logGroupName],
    start: window.start.getTime(),
    end: window.end.getTime(),
    events: read.events.map((e) => ({ timestamp: e.timestamp ?? 0, message: e.message ?? '' })),
    truncated: read.truncated,
    query: `FilterLogEvents ${request.logGroupName}${request.filterPattern ? ` with the filter pattern ${request.filterPattern}` : ''}`,
    rangeLabel: rangeLabel(request.range),
  });
}
