import type { ScopeId } from '../core/scope';
import * as vscode from 'vscode';
import { insightsTimestamp } from '../core/time/format';
import type { ResultsDocuments } from './resultsDocuments';
import { RESULTS_LANGUAGE, showDocumentAs } from '../platform/documentLanguage';
import { notifyError } from '../platform/notify';

export interface EventsToShow {
  readonly title: string;
  readonly region: ScopeId;
  readonly logGroups: string[];
  /** Epoch ms. */
  readonly start: number;
  readonly end: number;
  readonly events: readonly { timestamp: number; message: string }[];
  readonly truncated?: boolean;
  /** What the results say they are (default: the events of the log groups) and which window (default: an execution's). */
  readonly query?: string;
  readonly rangeLabel?: string;
}

function isEventsToShow(arg: unknown): arg is EventsToShow {
  const a = arg as Partial<EventsToShow> | undefined;
  return typeof a?.title === 'string' && Array.isArray(a.events) && Array.isArray(a.logGroups) && typeof a.start === 'number' && typeof a.end === 'number';
}

/** Log events another feature already read, shown as a results document (stack frames linked, export). */
export async function showEvents(results: ResultsDocuments, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!isEventsToShow(arg)) {
    void notifyError('showEvents takes { title, region, logGroups, start, end, events: [{ timestamp, message }] }.');
    return undefined;
  }
  const uri = results.add({
    queryName: arg.title,
    query: `${typeof arg.query === 'string' ? arg.query : `events of ${arg.logGroups.join(', ')}`}${arg.truncated ? ' (first 5,000)' : ''}`,
    logGroups: arg.logGroups,
    region: arg.region,
    range: { start: new Date(arg.start), end: new Date(arg.end), label: typeof arg.rangeLabel === 'string' ? arg.rangeLabel : 'the execution\'s time window' },
    status: 'Complete',
    statistics: { recordsMatched: arg.events.length },
    rows: arg.events.map((e) => [{ field: '@timestamp', value: insightsTimestamp(e.timestamp) }, { field: '@message', value: e.message }]),
    rerun: undefined,
  });
  await showDocumentAs(uri, RESULTS_LANGUAGE);
  return uri;
}
