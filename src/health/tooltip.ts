import * as vscode from 'vscode';
import { describeExpectation } from '../core/health/expectation';
import { historyRow } from '../core/health/format';
import { formatClock, zoneName } from '../core/time/zone';
import { readTimeZone } from '../platform/timeZone';
import { SOURCE_LABEL, STATE_LABEL } from '../core/health/model';
import { displayUrl } from '../core/health/secrets';
import { relativeTime } from '../core/time/relative';
import type { EndpointStatus } from './store';
import { untrustedMarkdown } from '../platform/textSinks';

function cell(text: string): string {
  return text.replace(/[\\|*_`[\]<>#]/g, (c) => `\\${c}`);
}

/** State, request, reasons, and the last results as a table. Header values (secrets) are never shown. */
export function endpointTooltip(status: EndpointStatus, now = new Date()): vscode.MarkdownString {
  const zone = readTimeZone();
  const { endpoint, evaluation } = status;
  const md = untrustedMarkdown();
  md.appendMarkdown('**').appendText(endpoint.name).appendMarkdown(`** — ${STATE_LABEL[status.state]}${status.checking ? ' (checking…)' : ''}\n\n`);
  md.appendText(`${endpoint.method} ${displayUrl(endpoint.url)}`).appendMarkdown('\n\n');
  if (status.missingSecrets.length) {
    md.appendText(`Not requested: the secret${status.missingSecrets.length === 1 ? '' : 's'} ${status.missingSecrets.join(', ')} ${status.missingSecrets.length === 1 ? 'is' : 'are'} not set. Run "Ops Lens: Set Health Secret…".`).appendMarkdown('\n\n');
  }
  if (status.checkedAt) {
    md.appendMarkdown('*Last check:* ').appendText(`${formatClock(status.checkedAt.getTime(), zone)} (${relativeTime(status.checkedAt, now)})`).appendMarkdown('\n\n');
  } else if (!status.missingSecrets.length) {
    md.appendMarkdown('*Not checked yet*\n\n');
  }
  if (evaluation) {
    for (const reason of evaluation.reasons.slice(0, 8)) md.appendMarkdown('- ').appendText(reason).appendMarkdown('\n');
    if (evaluation.reasons.length) md.appendMarkdown('\n');
    for (const note of evaluation.notes) md.appendMarkdown('*').appendText(note).appendMarkdown('*\n\n');
    if (evaluation.bodyFormat) md.appendMarkdown('*Body read as:* ').appendText(evaluation.bodyFormat).appendMarkdown('\n\n');
  }
  const checks = [`expects ${describeExpectation(endpoint.expectStatus)}`, `timeout ${endpoint.timeoutMs / 1000} s`, `every ${endpoint.intervalSeconds} s`];
  if (endpoint.assertions.length) checks.push(`${endpoint.assertions.length} assertion${endpoint.assertions.length === 1 ? '' : 's'}`);
  md.appendText(`${checks.join(' · ')} · from ${SOURCE_LABEL[endpoint.source]}`).appendMarkdown('\n\n');
  if (status.history.length) {
    md.appendMarkdown(`**Last ${status.history.length} result${status.history.length === 1 ? '' : 's'}**\n\n| Time (${zoneName(now.getTime(), zone)}) | State | Status | Latency |\n|---|---|---|---:|\n`);
    for (const entry of status.history) md.appendMarkdown(`| ${historyRow(entry, zone).map(cell).join(' | ')} |\n`);
  }
  return md;
}
