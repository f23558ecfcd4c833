// The incident notes: a markdown timeline of an investigation, the start of a postmortem. Text from AWS
// is escaped (it is plain text in the notes, never markup or a link).
import { mdText } from '../alarms/details';
import { latestChangeBefore } from './changes';
import { fence } from '../text/markdown';
import { formatDateTime, formatSpan, zoneName, type TimeZone } from '../time/zone';
import type { PartsSnapshot } from './model';
import { assembleTimeline, errorQuery } from './timeline';
import { describeSides } from './window';


export function notesFileName(alarmName: string, at: number): string {
  const stamp = new Date(at).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const safe = alarmName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'alarm';
  return `incident-${stamp}-${safe}.md`;
}

function changeNotes(parts: PartsSnapshot, moment: number, time: (ms: number | undefined) => string, zone: TimeZone): string[] {
  const aws = parts.data('changes')[0];
  const repo = parts.data('commits')[0];
  if (!aws && !repo) return [];
  const out = ['## What changed', ''];
  const latest = latestChangeBefore(moment, aws?.changes ?? [], repo?.commits ?? []);
  if (latest) {
    const what = latest.source === 'aws' ? `${latest.change.what}: ${mdText(latest.change.resource)} by ${mdText(latest.change.who)}` : `commit ${latest.change.hash.slice(0, 8)} ${mdText(latest.change.subject)} by ${mdText(latest.change.author)}`;
    out.push(`**Latest change before the alarm fired:** ${what}, ${time(latest.change.at)}`, '');
  }
  if (aws) {
    if (aws.changes.length === 0) out.push('_No change recorded in AWS to the alarm or its related resources in the window._', '');
    else out.push(`| Time (${zoneName(moment, zone)}) | What | Resource | Who | Event id |`, '|---|---|---|---|---|', ...aws.changes.map((c) => `| ${time(c.at)} | ${mdText(c.what)} | ${mdText(c.resource)} | ${mdText(c.who)} | ${mdText(c.eventId)} |`), '');
  }
  if (repo?.unavailable) out.push(`_${mdText(repo.unavailable)}_`, '');
  else if (repo) {
    if (repo.commits.length === 0) out.push(`_No commit in ${mdText(repo.repository)} in the window._`, '');
    else out.push(`| Time (${zoneName(moment, zone)}) | Commit | Subject | Author |`, '|---|---|---|---|', ...repo.commits.map((c) => `| ${time(c.at)} | ${c.hash.slice(0, 8)} | ${mdText(c.subject)}${c.touchesDefinition ? ' (infrastructure code)' : ''} | ${mdText(c.author)} |`), '');
  }
  return out;
}

export function notesMarkdown(parts: PartsSnapshot, now: number, zone: TimeZone = 'utc'): string {
  const time = (ms: number | undefined) => (ms === undefined ? '' : formatDateTime(ms, zone));
  const alarm = parts.data('alarm')[0];
  if (!alarm) return '';
  const { window } = alarm;
  const out: string[] = [];
  out.push(`# Incident notes: ${mdText(alarm.name)}`, '');
  out.push(`- **Alarm:** ${mdText(alarm.name)} (${alarm.region}), ${alarm.alarmKind === 'composite' ? 'composite' : mdText(alarm.condition)}`);
  out.push(`- **Fired:** ${time(alarm.moment.at)} (${mdText(alarm.moment.why)})`);
  out.push(`- **Window:** ${formatSpan(window.start, window.end, zone)} (${describeSides(window)})`);
  const runbook = parts.data('runbook')[0];
  if (runbook?.target) out.push(`- **Runbook:** ${mdText(runbook.target)}`);
  out.push(`- **Written:** ${time(now)}`, '');

  out.push('## Timeline', '');
  const timeline = assembleTimeline(parts);
  if (timeline.length === 0) out.push('_Nothing recorded inside the window._', '');
  else out.push(`| Time (${zoneName(now, zone)}) | What |`, '|---|---|', ...timeline.map((e) => `| ${time(e.at)} | ${mdText(e.what)} |`), '');

  const metric = parts.data('metric')[0];
  if (metric) {
    const values = metric.series.flatMap((s) => s.values);
    const max = values.length ? Math.max(...values) : undefined;
    out.push('## Metric', '', `${mdText(metric.label)}${max !== undefined ? `: highest value in the window ${max}` : ': no data in the window'}${metric.threshold !== undefined ? ` (threshold ${metric.threshold})` : ''}.`, '');
  }

  const logs = parts.data('logs');
  if (logs.length) {
    out.push('## Errors in related log groups', '');
    for (const group of logs) {
      out.push(`### ${mdText(group.logGroup)}: ${group.total} error event${group.total === 1 ? '' : 's'}${group.truncated ? ' (more matched than were read)' : ''}`, '');
      if (group.top.length) out.push('| Count | First | Last | Message |', '|---|---|---|---|', ...group.top.map((t) => `| ${t.count} | ${time(t.first)} | ${time(t.last)} | ${mdText(t.example)} |`), '');
      out.push('Run it again with Logs Insights:', '');
      out.push(fence(errorQuery({ logGroup: group.logGroup, region: alarm.region, start: window.start, end: window.end, title: `Errors in ${group.logGroup} around ${alarm.name}` }), 'insights'), '');
    }
  }

  const machines = parts.data('executions');
  if (machines.length) {
    out.push('## Step Functions executions that failed or timed out', '');
    for (const m of machines) {
      out.push(`### ${mdText(m.stateMachine)}`, '');
      if (m.executions.length === 0) out.push('_None in the window._', '');
      else out.push('| Execution | Status | Started | Stopped |', '|---|---|---|---|', ...m.executions.map((e) => `| ${mdText(e.name)} | ${e.status} | ${time(e.start)} | ${time(e.stop)} |`), '');
    }
  }

  const health = parts.data('health')[0];
  if (health && health.endpoints.length) {
    out.push('## Health endpoints', '');
    if (health.changes.length === 0) out.push(`_No state change of ${health.endpoints.map(mdText).join(', ')} recorded in the window._`, '');
    else out.push('| Time (UTC) | Endpoint | Change |', '|---|---|---|', ...health.changes.map((c) => `| ${time(c.at)} | ${mdText(c.endpoint)} | ${c.from} → ${c.to} |`), '');
  }

  out.push(...changeNotes(parts, alarm.moment.at, time, zone));

  const failed = parts.all.filter((p) => p.status === 'failed');
  if (failed.length) {
    out.push('## Not read', '', ...failed.map((p) => `- ${mdText(p.label)}: ${mdText(p.error ?? 'failed')}`), '');
  }
  return out.join('\n');
}
