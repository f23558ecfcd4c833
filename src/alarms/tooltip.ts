import * as vscode from 'vscode';
import { STATE_LABEL, conditionText, type Alarm } from '../core/alarms/model';
import { formatDate } from '../core/time/zone';
import { readTimeZone } from '../platform/timeZone';
import { untrustedMarkdown } from '../platform/textSinks';

/** Reason, metric, threshold, last change and actions; AWS text is inserted as plain text. */
export function alarmTooltip(alarm: Alarm): vscode.MarkdownString {
  const md = untrustedMarkdown();
  md.appendMarkdown('**').appendText(alarm.name).appendMarkdown(`** — ${STATE_LABEL[alarm.state]}\n\n`);
  if (alarm.description) md.appendText(alarm.description).appendMarkdown('\n\n');
  if (alarm.stateReason) md.appendMarkdown('*Reason:* ').appendText(alarm.stateReason).appendMarkdown('\n\n');
  if (alarm.metric) {
    const dims = alarm.metric.dimensions.map((d) => `${d.name}=${d.value}`).join(', ');
    md.appendMarkdown('*Metric:* ').appendText(`${alarm.metric.namespace} ${alarm.metric.name}${dims ? ` (${dims})` : ''}, ${alarm.metric.statistic} over ${alarm.metric.period} s`).appendMarkdown('\n\n');
  }
  md.appendMarkdown(alarm.kind === 'composite' ? '*Rule:* ' : '*Condition:* ').appendText(conditionText(alarm)).appendMarkdown('\n\n');
  if (alarm.stateUpdated) md.appendMarkdown('*Last state change:* ').appendText(formatDate(alarm.stateUpdated, readTimeZone())).appendMarkdown('\n\n');
  const actions = alarm.alarmActions.length ? alarm.alarmActions.map((a) => a.split(':').pop() ?? a).join(', ') : 'none';
  md.appendMarkdown('*Actions on alarm:* ').appendText(actions).appendMarkdown(alarm.actionsEnabled ? '' : ' (disabled)');
  md.appendMarkdown(`\n\n*Region:* ${alarm.region}`);
  return md;
}
