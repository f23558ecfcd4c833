import { fence } from '../text/markdown';
import { alarmDetailsDoc, type DetailsDoc } from './detailsDoc';
import type { Alarm } from './model';

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
}

/** The details document as markdown (the same sections as the rendered one), every AWS string escaped. */
export function formatAlarmDetails(alarm: Alarm, ctx: DetailsContext): string {
  return detailsMarkdown(alarmDetailsDoc(alarm, { history: ctx.historyError ? { error: ctx.historyError } : { value: ctx.history }, childStates: ctx.childStates }));
}

export function detailsMarkdown(doc: DetailsDoc): string {
  const out: string[] = [`# ${mdText(doc.title)}`, ''];
  for (const section of doc.sections) {
    out.push(`## ${mdText(section.title)}`, '');
    for (const b of section.blocks) {
      if (b.kind === 'text') out.push(b.tone ? `_${mdText(b.text)}_` : mdText(b.text), '');
      else if (b.kind === 'code') out.push(fence(b.text, b.language ?? ''), '');
      else if (b.kind === 'facts') out.push(...b.rows.map(([k, v]) => `**${mdText(k)}:** ${mdText(v)}  `), '');
      else out.push(`| ${b.head.map(mdText).join(' | ')} |`, `|${b.head.map(() => '---').join('|')}|`, ...b.rows.map((r) => `| ${r.map((c) => mdText(c).replace(/ {2}\n/g, ' ')).join(' | ')} |`), '');
    }
  }
  return out.join('\n');
}
