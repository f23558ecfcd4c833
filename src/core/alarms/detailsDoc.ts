import { prettyJson } from '../text/markdown';
import { formatDate, type TimeZone } from '../time/zone';
import { absoluteRange } from '../time/ranges';
import { scheduleEveryMs } from './logAlarmChart';
import { childAlarmNames } from './compositeRule';
import type { HistoryEntry } from './details';
import { contributorLabel, type Contributor } from './metricsInsights';
import { STATE_LABEL, VARIANT_LABEL, alarmVariant, comparisonSymbol, conditionText, formatNumber, type Alarm, type AlarmState } from './model';

/** One block of the details document; every string in it is plain text (renderers escape it). */
export type DetailsBlock =
  | { readonly kind: 'text'; readonly text: string; readonly tone?: 'note' | 'warning' }
  | { readonly kind: 'facts'; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: 'code'; readonly text: string; readonly language?: string }
  | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] };

export interface DetailsSection {
  readonly title: string;
  readonly blocks: readonly DetailsBlock[];
}

export interface DetailsDoc {
  readonly title: string;
  readonly state: AlarmState;
  readonly sections: readonly DetailsSection[];
}

/** A part of the details read beside the alarm: its value, or why it could not be read. */
export type Part<T> = { readonly value: T } | { readonly error: string };

export interface DetailsParts {
  readonly history: Part<readonly HistoryEntry[]>;
  /** States of the composite's children, by name, when known. */
  readonly childStates?: ReadonlyMap<string, string>;
  /** Multi-series alarms: the contributors in ALARM. */
  readonly contributors?: Part<readonly Contributor[]>;
  /** Where the runbook is (`docs/x.md#Heading (matched by heading)`), none found, or why it could not be looked for. */
  readonly runbook?: Part<string | undefined>;
  /** The zone its times are written in (opsLens.timeZone); UTC when not given. */
  readonly zone?: TimeZone;
}

const zoneOf = (parts: DetailsParts): TimeZone => parts.zone ?? 'utc';

const failed = (what: string, error: string): DetailsBlock => ({ kind: 'text', text: `${what} could not be read: ${error}`, tone: 'warning' });

/** The details of one alarm, in the order a person on call reads them: state and reason, runbook, configuration, history, raw data. */
export function alarmDetailsDoc(alarm: Alarm, parts: DetailsParts): DetailsDoc {
  const sections: DetailsSection[] = [stateSection(alarm, parts)];
  if (parts.runbook) {
    sections.push({ title: 'Runbook', blocks: ['error' in parts.runbook ? failed('The runbook', parts.runbook.error) : { kind: 'text', text: parts.runbook.value ?? 'None found: map one with the opsLens.runbooks setting, a link in the alarm description or a "runbook" tag.' }] });
  }
  sections.push({ title: 'Configuration', blocks: configuration(alarm, parts) }, { title: 'Actions', blocks: actions(alarm) }, { title: 'History', blocks: history(parts.history, zoneOf(parts)) });
  const data = alarm.stateReasonData ? prettyJson(alarm.stateReasonData).text : undefined;
  if (data) sections.push({ title: 'Reason data', blocks: [{ kind: 'code', text: data, language: 'json' }] });
  return { title: alarm.name, state: alarm.state, sections };
}

function stateSection(alarm: Alarm, parts: DetailsParts): DetailsSection {
  const blocks: DetailsBlock[] = [
    { kind: 'facts', rows: [['State', `${STATE_LABEL[alarm.state]} (${alarm.state}) since ${formatDate(alarm.stateUpdated, zoneOf(parts))}`], ['Type', VARIANT_LABEL[alarmVariant(alarm)]], ['Region', alarm.region], ...(alarm.arn ? [['ARN', alarm.arn] as const] : [])] },
    { kind: 'text', text: alarm.stateReason || 'No reason given.' },
  ];
  if (alarm.muted) {
    blocks.push({ kind: 'text', text: `Actions muted${alarm.muted.until ? ` until ${formatDate(alarm.muted.until, zoneOf(parts))}` : ''} by the mute rule ${alarm.muted.rule}: the alarm still changes state, but notifies nobody.`, tone: 'note' });
  }
  if (!alarm.actionsEnabled) blocks.push({ kind: 'text', text: 'Actions are disabled on this alarm (not muted: disabled until enabled again).', tone: 'warning' });
  if (parts.contributors) {
    if ('error' in parts.contributors) blocks.push(failed('Contributors', parts.contributors.error));
    else if (parts.contributors.value.length === 0) blocks.push({ kind: 'text', text: 'No contributor is in ALARM.' });
    else blocks.push({ kind: 'table', head: ['Contributor in ALARM', 'Since', 'Reason'], rows: parts.contributors.value.map((c) => [contributorLabel(c), formatDate(c.since, zoneOf(parts)), c.reason]) });
  }
  if (alarm.description) blocks.push({ kind: 'text', text: alarm.description });
  return { title: 'State', blocks };
}

function configuration(alarm: Alarm, parts: DetailsParts): DetailsBlock[] {
  if (alarm.kind === 'composite') {
    const children = childAlarmNames(alarm.rule ?? '');
    return [
      { kind: 'code', text: alarm.rule ?? '' },
      ...(children.length ? [{ kind: 'table', head: ['Child alarm', 'State'], rows: children.map((c) => [c, parts.childStates?.get(c) ?? 'unknown']) } as const] : []),
    ];
  }
  const rows: [string, string][] = [];
  const blocks: DetailsBlock[] = [];
  if (alarm.logQuery) {
    const q = alarm.logQuery;
    blocks.push({ kind: 'code', text: q.query, language: 'insights' });
    rows.push(['Log groups', q.logGroups.join(', ') || '(named by the query)'], ['Schedule', q.schedule], ['Each run reads', windowText(q.startOffsetSeconds, q.endOffsetSeconds)], ['Aggregation', q.aggregation]);
    if (q.resultsToEvaluate !== undefined) rows.push(['Evaluation', `${q.resultsToAlarm ?? q.resultsToEvaluate} of the last ${q.resultsToEvaluate} query results`]);
  }
  if (alarm.promQl) {
    blocks.push({ kind: 'code', text: alarm.promQl.query, language: 'promql' });
    if (alarm.promQl.evaluationInterval !== undefined) rows.push(['Evaluated every', `${alarm.promQl.evaluationInterval} s`]);
    if (alarm.promQl.pendingPeriod !== undefined) rows.push(['In ALARM after breaching for', `${alarm.promQl.pendingPeriod} s`]);
    if (alarm.promQl.recoveryPeriod !== undefined) rows.push(['OK after recovering for', `${alarm.promQl.recoveryPeriod} s`]);
    blocks.push({ kind: 'text', text: 'Ops Lens cannot chart a PromQL query: open it in the CloudWatch console to see its series.', tone: 'note' });
  }
  if (alarm.metricsInsights) {
    blocks.push({ kind: 'code', text: alarm.metricsInsights.query, language: 'sql' });
    if (alarm.metricsInsights.groupBy.length) rows.push(['One contributor per', alarm.metricsInsights.groupBy.join(', ')]);
  }
  if (alarm.metric) {
    rows.push(['Namespace', alarm.metric.namespace], ['Metric', alarm.metric.name]);
    for (const d of alarm.metric.dimensions) rows.push([`Dimension ${d.name}`, d.value]);
    rows.push(['Statistic', alarm.metric.statistic], ['Period', `${alarm.metric.period} s`]);
    if (alarm.metric.unit) rows.push(['Unit', alarm.metric.unit]);
  }
  if (!alarm.metricsInsights) for (const q of alarm.metricQueries ?? []) rows.push([`Query ${q.id}`, q.expression ?? q.metric ?? '']);
  if (alarm.anomalyBand) rows.push(['Band', `${alarm.anomalyBand.expression}${alarm.anomalyBand.label ? ` (${alarm.anomalyBand.label})` : ''}`]);
  if (!alarm.promQl) rows.push(['Condition', conditionText(alarm)]);
  if (alarm.threshold !== undefined) rows.push(['Threshold', `${comparisonSymbol(alarm.comparison)} ${formatNumber(alarm.threshold)} (${alarm.comparison ?? ''})`]);
  if (alarm.evaluationPeriods !== undefined) rows.push(['Evaluation', `${alarm.datapointsToAlarm ?? alarm.evaluationPeriods} of ${alarm.evaluationPeriods} periods`]);
  if (alarm.treatMissingData) rows.push(['Missing data', alarm.treatMissingData]);
  return [...blocks, { kind: 'facts', rows }];
}

/** `the 5 minutes up to each run`, `from 10 minutes to 5 minutes before each run`. */
export function windowText(startOffsetSeconds: number, endOffsetSeconds: number): string {
  const span = (s: number): string => (s % 3600 === 0 ? `${s / 3600} h` : s % 60 === 0 ? `${s / 60} min` : `${s} s`);
  return endOffsetSeconds > 0 ? `from ${span(startOffsetSeconds)} to ${span(endOffsetSeconds)} before each run` : `the ${span(startOffsetSeconds)} up to each run`;
}

function actions(alarm: Alarm): DetailsBlock[] {
  const out: DetailsBlock[] = [];
  const lists: [string, readonly string[]][] = [['On ALARM', alarm.alarmActions], ['On OK', alarm.okActions], ['On INSUFFICIENT_DATA', alarm.insufficientDataActions]];
  if (lists.every(([, list]) => list.length === 0)) return [{ kind: 'text', text: 'No actions: nobody is notified when this alarm changes state.' }];
  out.push({ kind: 'facts', rows: lists.filter(([, list]) => list.length).map(([when, list]) => [when, list.join(', ')]) });
  return out;
}

function history(part: Part<readonly HistoryEntry[]>, zone: TimeZone): DetailsBlock[] {
  if ('error' in part) return [failed('History', part.error)];
  if (part.value.length === 0) return [{ kind: 'text', text: 'No state changes recorded.' }];
  return [{
    kind: 'table',
    head: ['Time', 'Change', 'Reason'],
    rows: part.value.map((h) => [formatDate(h.timestamp, zone), h.oldState && h.newState ? `${h.oldState} → ${h.newState}` : h.summary, h.reason ?? (h.oldState ? '' : h.summary)]),
  }];
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text: nothing in it can become markup, an attribute or a link. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * The document as a page with no script: the Content-Security-Policy allows nothing but its own nonce'd style, so
 * even markup that slipped through could load and run nothing.
 */
export function detailsHtml(doc: DetailsDoc, nonce: string): string {
  const block = (b: DetailsBlock): string => {
    switch (b.kind) {
      case 'text': return `<p${b.tone ? ` class="${b.tone}"` : ''}>${escapeHtml(b.text)}</p>`;
      case 'code': return `<pre><code>${escapeHtml(b.text)}</code></pre>`;
      case 'facts': return `<table class="facts">${b.rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
      case 'table': return `<table><thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    }
  };
  const sections = doc.sections.map((s) => `<section><h2>${escapeHtml(s.title)}</h2>${s.blocks.map(block).join('')}</section>`).join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}';"><title>${escapeHtml(doc.title)}</title><style nonce="${nonce}">${STYLE}</style></head><body data-state="${doc.state}"><h1>${escapeHtml(doc.title)}</h1>${sections}</body></html>`;
}

const STYLE = `body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);padding:0 1.5em 2em;max-width:70em}
h1{font-size:1.5em;border-left:4px solid var(--vscode-charts-green);padding-left:.5em}
body[data-state=ALARM] h1{border-color:var(--vscode-errorForeground)}body[data-state=INSUFFICIENT_DATA] h1{border-color:var(--vscode-editorWarning-foreground)}
h2{font-size:1.1em;margin-top:1.6em;border-bottom:1px solid var(--vscode-panel-border)}
table{border-collapse:collapse;margin:.5em 0}th,td{text-align:left;vertical-align:top;padding:.2em .8em .2em 0;word-break:break-word}
table:not(.facts) th{border-bottom:1px solid var(--vscode-panel-border)}table:not(.facts) td:nth-child(-n+2){white-space:nowrap}.facts th{font-weight:600;white-space:nowrap}
pre{background:var(--vscode-textCodeBlock-background);padding:.6em;white-space:pre-wrap;word-break:break-word}
.note{color:var(--vscode-descriptionForeground)}.warning{color:var(--vscode-editorWarning-foreground)}`;


/**
 * The time a log alarm evaluates at `now`: the windows of its last `resultsToEvaluate` scheduled runs, as one
 * absolute range (`2026-12-07T16:00Z..2026-12-07T16:45Z`, whole minutes) for Logs Insights.
 */
export function logAlarmWindow(q: { schedule: string; startOffsetSeconds: number; endOffsetSeconds: number; resultsToEvaluate?: number }, now: Date): string {
  const every = scheduleEveryMs(q.schedule) ?? 0;
  const end = now.getTime() - q.endOffsetSeconds * 1000;
  const start = now.getTime() - q.startOffsetSeconds * 1000 - Math.max(0, (q.resultsToEvaluate ?? 1) - 1) * every;
  return absoluteRange(start, end);
}
