import { relativeTime } from '../time/relative';
import { formatDateTime, type TimeZone } from '../time/zone';
import type { LineErrors } from './aggregate';
import { placeMarks } from './movement';
import { formatBytes, formatScanCost, PRICE_PER_GB_SCANNED } from '../insights/results/document';
import { label, type Label } from '../text/label';

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * `⚠ 37 production errors (24h) · ChargeError: card declined · 12 min ago`, or the on-path form for deeper frames.
 * The error text comes from logs, so the title is a plain {@link Label}.
 */
export function lensTitle(line: LineErrors, rangeLabel: string, now: Date, uncertain = false): Label {
  const top = line.kinds[0];
  const parts = line.count > 0
    ? [`⚠ ${plural(line.count, 'production error')} (${rangeLabel})`, top?.title, relativeTime(new Date(line.last), now)]
    : [`⚠ also on the path of ${plural(line.onPath, 'production error')} (${rangeLabel})`, top?.title, relativeTime(new Date(line.last), now)];
  if (line.count > 0 && line.onPath > 0) parts.push(`also on the path of ${line.onPath.toLocaleString('en-US')}`);
  if (uncertain) parts.push('line may have moved');
  return label`${parts.filter(Boolean).join(' · ')}`;
}

/** The Problems panel's line for a marked line. */
export function problemMessage(line: LineErrors, rangeLabel: string, now: Date): string {
  const top = line.kinds[0];
  const head = line.count > 0 ? `${plural(line.count, 'production error')} in ${rangeLabel}` : `On the path of ${plural(line.onPath, 'production error')} in ${rangeLabel}`;
  return `${head}: ${top?.title ?? 'error'} (last ${relativeTime(new Date(line.last), now)})`;
}

const MAX_HOVER_KINDS = 5;

/** Hover text (plain lines; the caller escapes them for Markdown): top errors with their log groups, first and last seen. */
export function hoverLines(line: LineErrors, rangeLabel: string, now: Date, uncertain = false, zone: TimeZone = 'utc'): string[] {
  const out = [line.count > 0 ? `${plural(line.count, 'production error')} in ${rangeLabel} at this line` : `On the path of ${plural(line.onPath, 'production error')} in ${rangeLabel}`];
  if (line.count > 0 && line.onPath > 0) out.push(`Also on the path of ${plural(line.onPath, 'error')} thrown deeper.`);
  if (uncertain) out.push('The file changed since: this line may have moved.');
  for (const kind of line.kinds.slice(0, MAX_HOVER_KINDS)) {
    out.push(`${kind.count.toLocaleString('en-US')}× ${kind.title} — ${[...kind.logGroups].join(', ')} — first ${formatDateTime(kind.first, zone)}, last ${formatDateTime(kind.last, zone)} (${relativeTime(new Date(kind.last), now)})`);
  }
  if (line.kinds.length > MAX_HOVER_KINDS) out.push(`…and ${plural(line.kinds.length - MAX_HOVER_KINDS, 'other error')}`);
  return out;
}

/** `scanned 1.2 MB (3,456 records) in 2 queries, ≈ $0.0001 at $0.005 per GB`. */
export function scanSummary(stats: { queries: number; bytesScanned: number; recordsScanned: number }): string {
  const queries = `${stats.queries} quer${stats.queries === 1 ? 'y' : 'ies'}`;
  return `scanned ${formatBytes(stats.bytesScanned)} (${plural(stats.recordsScanned, 'record')}) in ${queries}, ${formatScanCost(stats.bytesScanned)} at $${PRICE_PER_GB_SCANNED} per GB`;
}

export interface FileMark {
  /** 1-based line in the editor's text. */
  readonly line: number;
  readonly title: Label;
  readonly uncertain: boolean;
  readonly errors: LineErrors;
}

/** The CodeLens marks of one file: each marked line placed in the editor's text (see placeMarks) and titled. */
export function fileMarks(lines: readonly LineErrors[], current: readonly string[], saved: readonly string[] | undefined, rangeLabel: string, now: Date): FileMark[] {
  const placements = placeMarks(lines, current, saved ?? current);
  return lines.map((errors, i) => ({ line: placements[i].line, uncertain: placements[i].uncertain, errors, title: lensTitle(errors, rangeLabel, now, placements[i].uncertain) }));
}
