import { fence } from '../text/markdown';
import { plural } from '../text/plural';
import { formatDate, type TimeZone } from '../time/zone';
import { STATUS_LABEL } from './model';
import { redriveIneligibility, type ExecutionFailure, type FailureGroup } from './triage';

export interface TriageReportInput {
  readonly machineName: string;
  readonly machineType: string;
  readonly rangeLabel: string;
  readonly groups: readonly FailureGroup[];
  readonly truncated: boolean;
  /** The zone times are written in (opsLens.timeZone). */
  readonly zone: TimeZone;
  readonly now?: Date;
}

/** Executions listed under each group; the rest are counted. */
const SHOWN_PER_GROUP = 25;

function executionLine(f: ExecutionFailure, machineType: string, now: Date, zone: TimeZone): string {
  const why = redriveIneligibility(f, machineType, now);
  const redrive = why ? `not redrivable: ${why}` : 'redrivable';
  return `- ${f.name}  ${STATUS_LABEL[f.status]}  stopped ${formatDate(f.stopDate, zone)}  (${redrive})`;
}


/** The triage document: the groups, largest first, with counts, first and last seen, the cause and the executions. */
export function formatTriageReport(input: TriageReportInput): string {
  const now = input.now ?? new Date();
  const counts: Partial<Record<ExecutionFailure['status'], number>> = {};
  let total = 0;
  let eligible = 0;
  for (const g of input.groups) {
    for (const f of g.executions) {
      total++;
      counts[f.status] = (counts[f.status] ?? 0) + 1;
      if (redriveIneligibility(f, input.machineType, now) === undefined) eligible++;
    }
  }
  const byStatus = (s: ExecutionFailure['status']) => counts[s] ?? 0;
  const out: string[] = [`# Failures of ${input.machineName} — ${input.rangeLabel}`, ''];
  if (total === 0) {
    out.push('No execution failed, timed out or was aborted in this range.', '');
    return out.join('\n');
  }
  out.push(
    `${plural(total, 'execution', 'executions')} ended without success (${byStatus('FAILED')} failed, ${byStatus('TIMED_OUT')} timed out, ${byStatus('ABORTED')} aborted) in ${plural(input.groups.length, 'group', 'groups')} by failing state, error and cause.`,
    `${eligible} can be redriven (Standard workflow, stopped within the last 14 days, not redriven yet): use Redrive All Eligible.`,
  );
  if (input.truncated) out.push('Not every execution of the range was read (the read was cancelled or reached 10,000 executions).');
  out.push('');
  input.groups.forEach((g, i) => {
    out.push(`## ${i + 1}. ${g.state} — ${g.error} (${g.count})`, '');
    out.push(`First seen: ${formatDate(g.firstSeen, input.zone)}`, `Last seen:  ${formatDate(g.lastSeen, input.zone)}`, '');
    if (g.cause) out.push('Cause:', fence(g.cause), '');
    out.push(...g.executions.slice(0, SHOWN_PER_GROUP).map((f) => executionLine(f, input.machineType, now, input.zone)));
    if (g.executions.length > SHOWN_PER_GROUP) out.push(`- … and ${g.executions.length - SHOWN_PER_GROUP} more`);
    out.push('');
  });
  return out.join('\n');
}
