import { formatDate, type TimeZone } from '../time/zone';
import { formatDuration } from '../time/relative';

/** A distributed Map run as DescribeMapRun describes it. */
export interface MapRunInfo {
  readonly mapRunArn: string;
  /** The Map state's label (the part of the ARN after the state machine's name). */
  readonly label: string;
  readonly executionArn: string;
  readonly status: string;
  readonly startDate?: Date;
  readonly stopDate?: Date;
  readonly items: { readonly pending: number; readonly running: number; readonly succeeded: number; readonly failed: number; readonly timedOut: number; readonly aborted: number; readonly total: number };
  readonly toleratedFailurePercentage: number;
  readonly toleratedFailureCount: number;
  readonly maxConcurrency?: number;
  readonly redriveCount: number;
  readonly redriveDate?: Date;
}

/** The Map run document: status, items by status, tolerated failures and the unsuccessful child executions. */
export function formatMapRunDetails(run: MapRunInfo, unsuccessful: ReadonlyArray<{ name: string; status: string; stopDate?: Date; executionArn: string }>, zone: TimeZone = 'utc'): string {
  const c = run.items;
  const out = [`# Map run ${run.label}`, ''];
  out.push(`Status:        ${run.status}`);
  out.push(`Parent:        ${run.executionArn.split(':').pop() ?? run.executionArn}`);
  out.push(`Started:       ${formatDate(run.startDate, zone, { millis: true })}`);
  out.push(`Stopped:       ${run.stopDate ? formatDate(run.stopDate, zone, { millis: true }) : 'still running'}`);
  if (run.startDate && run.stopDate) out.push(`Duration:      ${formatDuration(run.stopDate.getTime() - run.startDate.getTime())}`);
  out.push(`Tolerated:     ${run.toleratedFailureCount} failed items, ${run.toleratedFailurePercentage}% of items`);
  if (run.maxConcurrency) out.push(`Concurrency:   at most ${run.maxConcurrency}`);
  if (run.redriveCount) out.push(`Redriven:      ${run.redriveCount} time${run.redriveCount === 1 ? '' : 's'}${run.redriveDate ? `, last ${formatDate(run.redriveDate, zone)}` : ''}`);
  out.push(`ARN:           ${run.mapRunArn}`, '');
  out.push('## Items', '');
  out.push(`Total ${c.total}: ${c.succeeded} succeeded, ${c.failed} failed, ${c.timedOut} timed out, ${c.aborted} aborted, ${c.running} running, ${c.pending} pending`, '');
  out.push('## Unsuccessful child executions', '');
  if (unsuccessful.length === 0) out.push('None.');
  for (const e of unsuccessful) out.push(`- ${e.name}  ${e.status}  ${formatDate(e.stopDate, zone)}  ${e.executionArn}`);
  out.push('', 'Expand the Map run in the Step Functions view to open each child execution.', '');
  return out.join('\n');
}
