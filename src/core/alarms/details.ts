import { fence, prettyJson } from '../text/markdown';
import { formatDate, type TimeZone } from '../time/zone';
import { childAlarmNames } from './compositeRule';
import { STATE_LABEL, comparisonSymbol, conditionText, formatNumber, type Alarm } from './model';

export interface HistoryEntry {
  readonly timestamp?: Date;
  readonly summary: string;
  readonly oldState?: string;
  readonly newState?: string;
  readonly reason?: string;
}

/** Parses a DescribeAlarmHistory StateUpdate item's HistoryData JSON; tolerant of other shapes. */
export function historyEntry(item: { Timestamp?: Date; HistorySummary?: string; HistoryData?: string }): HistoryEntry {
  let oldState: string | undefined;
  let newState: string | undefined;
  let reason: string | undefined;
  try {
    const data = JSON.parse(item.HistoryData ?? '{}') as { oldState?: { stateValue?: string }; newState?: { stateValue?: string; stateReason?: string } };
    oldState = data.oldState?.stateValue;
    newState = data.newState?.stateValue;
    reason = data.newState?.stateReason;
  } catch {
    // HistoryData is not always JSON; the summary still says what happened.
  }
  return { timestamp: item.Timestamp ? new Date(item.Timestamp) : undefined, summary: item.HistorySummary ?? '', oldState, newState, reason };
}

/** Markdown code span that cannot be broken out of, whatever the text holds. */
function code(text: string): string {
  const ticks = '`'.repeat(Math.max(1, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${ticks}${ticks.length > 1 ? ' ' : ''}${text.replace(/\r?\n/g, ' ')}${ticks.length > 1 ? ' ' : ''}${ticks}`;
}

/**
 * Text from AWS shown as plain text in markdown: the characters that could start markup, HTML, a link,
 * an image or a reference definition (`[s]: https://…` with `![x][s]` elsewhere) are escaped; the rest
 * stays readable in the editor. Blanks before a line's marker are matched within the line, so the scan
 * stays linear.
 */
export function mdText(text: string): string {
  return text
    .replace(/([\\`*_|<>~[\]!])/g, '\\$1')
    .replace(/^([ \t]*)([#+\-=]|\d+\.)/gm, '$1\\$2')
    // Hard line breaks; split and joined rather than replaced, which builds a match per line.
    .split('\r\n')
    .join('\n')
    .split('\n')
    .join('  \n');
}

export interface DetailsContext {
  readonly history: readonly HistoryEntry[];
  readonly historyError?: string;
  /** States of the composite's children, by name, when known. */
  readonly childStates?: ReadonlyMap<string, string>;
  /** The zone times are written in (opsLens.timeZone); UTC when not given. */
  readonly zone?: TimeZone;
}

/** The alarm details document: state, reason, configuration, actions, history. */
export function formatAlarmDetails(alarm: Alarm, ctx: DetailsContext): string {
  const out: string[] = [];
  out.push(`# ${mdText(alarm.name)}`, '');
  out.push(`**State:** ${STATE_LABEL[alarm.state]} (${alarm.state}) since ${formatDate(alarm.stateUpdated, ctx.zone ?? 'utc')}  `);
  out.push(`**Region:** ${alarm.region}  `);
  out.push(`**Type:** ${alarm.kind === 'composite' ? 'Composite alarm' : 'Metric alarm'}  `);
  if (alarm.arn) out.push(`**ARN:** ${code(alarm.arn)}`);
  out.push('');
  if (alarm.description) out.push('## Description', '', mdText(alarm.description), '');
  out.push('## Reason', '', alarm.stateReason ? mdText(alarm.stateReason) : '_No reason given._', '');
  const data = alarm.stateReasonData ? prettyJson(alarm.stateReasonData).text : undefined;
  if (data) out.push('Reason data:', '', fence(data, 'json'), '');

  out.push('## Configuration', '');
  if (alarm.kind === 'composite') {
    out.push('Rule:', '', fence(alarm.rule ?? ''), '');
    const children = childAlarmNames(alarm.rule ?? '');
    if (children.length) {
      out.push('| Child alarm | State |', '|---|---|');
      for (const child of children) out.push(`| ${mdText(child)} | ${ctx.childStates?.get(child) ?? 'unknown'} |`);
      out.push('');
    }
  } else {
    const rows: [string, string][] = [];
    if (alarm.metric) {
      rows.push(['Namespace', alarm.metric.namespace], ['Metric', alarm.metric.name]);
      for (const d of alarm.metric.dimensions) rows.push([`Dimension ${d.name}`, d.value]);
      rows.push(['Statistic', alarm.metric.statistic], ['Period', `${alarm.metric.period} s`]);
      if (alarm.metric.unit) rows.push(['Unit', alarm.metric.unit]);
    }
    for (const q of alarm.metricQueries ?? []) rows.push([`Query ${q.id}`, q.expression ?? q.metric ?? '']);
    rows.push(['Condition', conditionText(alarm)]);
    if (alarm.threshold !== undefined) rows.push(['Threshold', `${comparisonSymbol(alarm.comparison)} ${formatNumber(alarm.threshold)} (${alarm.comparison ?? ''})`]);
    if (alarm.evaluationPeriods !== undefined) rows.push(['Evaluation', `${alarm.datapointsToAlarm ?? alarm.evaluationPeriods} of ${alarm.evaluationPeriods} periods`]);
    if (alarm.treatMissingData) rows.push(['Missing data', alarm.treatMissingData]);
    out.push('| Setting | Value |', '|---|---|', ...rows.map(([k, v]) => `| ${mdText(k)} | ${mdText(v)} |`), '');
  }

  out.push('## Actions', '');
  if (!alarm.actionsEnabled) out.push('_Actions are disabled._', '');
  const actions: [string, readonly string[]][] = [['On ALARM', alarm.alarmActions], ['On OK', alarm.okActions], ['On INSUFFICIENT_DATA', alarm.insufficientDataActions]];
  if (actions.every(([, list]) => list.length === 0)) out.push('_No actions: nobody is notified when this alarm changes state._', '');
  else for (const [when, list] of actions) if (list.length) out.push(`- ${when}: ${list.map(code).join(', ')}`);
  out.push('');

  out.push('## History', '');
  if (ctx.historyError) out.push(`_History could not be read: ${mdText(ctx.historyError)}_`, '');
  else if (ctx.history.length === 0) out.push('_No state changes recorded._', '');
  else {
    out.push('| Time | Change | Reason |', '|---|---|---|');
    for (const h of ctx.history) {
      const change = h.oldState && h.newState ? `${h.oldState} → ${h.newState}` : h.summary;
      out.push(`| ${formatDate(h.timestamp, ctx.zone ?? 'utc')} | ${mdText(change)} | ${mdText(h.reason ?? (h.oldState ? '' : h.summary))} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
