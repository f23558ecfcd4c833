// The selected state's details: what it is, what the execution did in it, its input, output and
// error, and the child executions and Map runs it started. Text only: every value is outside text.
import type { StateStatus, ViewNode } from '../graphProtocol';
import { button, el } from './dom';
import { formatDateTime } from '../../core/time/zone';
import { pageZone } from './zone';

export const STATUS_GLYPH: Record<StateStatus, string> = {
  succeeded: '✓',
  failed: '✗',
  caught: '⚠',
  retried: '↻',
  running: '●',
  stopped: '■',
  notReached: '○',
};

export const STATUS_TEXT: Record<StateStatus, string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  caught: 'Failed, caught',
  retried: 'Succeeded after retries',
  running: 'Running',
  stopped: 'Stopped',
  notReached: 'Not reached',
};

function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return minutes < 60 ? `${minutes} min ${Math.round((ms % 60_000) / 1000)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** JSON shown indented when it parses (it is at most a few kilobytes), as it came otherwise. */
function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function fact(term: string, value: string | Node): HTMLElement[] {
  return [el('dt', {}, term), el('dd', {}, value)];
}

function block(title: string, text: string, id: string): HTMLElement {
  return el('section', { class: 'detail-block' }, el('h3', {}, title), el('pre', { id, tabindex: '0', 'aria-label': title }, pretty(text)));
}

export function describeState(node: ViewNode, withExecution: boolean, open: (arn: string) => void): HTMLElement {
  const box = el('div', { class: 'detail' });
  box.append(el('h2', { id: 'detail-title' }, node.name));
  if (node.status) box.append(el('p', { class: `detail-status status-${node.status}`, id: 'detail-status' }, `${STATUS_GLYPH[node.status]} ${STATUS_TEXT[node.status]}`));
  const facts = el('dl', { class: 'detail-facts' });
  facts.append(...fact('Type', [node.type, node.mapMode === 'DISTRIBUTED' ? '(distributed)' : ''].filter(Boolean).join(' ')));
  if (node.detail) facts.append(...fact(node.type === 'Task' ? 'Resource' : node.type === 'Fail' ? 'Error name' : node.type === 'Wait' ? 'Waits' : 'Detail', node.detail));
  if (node.queryLanguage) facts.append(...fact('Query language', node.queryLanguage));
  if (node.assigns?.length) facts.append(...fact('Assigns', node.assigns.join(', ')));
  const f = node.facts;
  if (f) {
    if (f.enteredAt !== undefined) facts.append(...fact('Entered', formatDateTime(f.enteredAt, pageZone(), { millis: true })));
    if (f.durationMs !== undefined || node.status === 'running') facts.append(...fact('Duration', f.durationMs !== undefined ? duration(f.durationMs) : 'still running'));
    facts.append(...fact('Retries', String(f.retries)));
    if (f.runs > 1) facts.append(...fact('Runs', String(f.runs)));
    if (f.iterations) facts.append(...fact('Iterations', `${f.iterations.started} started, ${f.iterations.failed} failed`));
    if (f.redriven) facts.append(...fact('Redrive', 'run again after the execution was redriven'));
  }
  box.append(facts);
  if (node.comment) box.append(el('p', { class: 'detail-comment' }, node.comment));
  if (withExecution && !f) box.append(el('p', { class: 'graph-hint' }, 'The execution did not reach this state.'));
  if (f?.error || f?.cause) {
    box.append(el('section', { class: 'detail-block detail-error', id: 'detail-error' }, el('h3', {}, 'Error'), el('p', {}, f.error ?? ''), f.cause ? el('pre', { tabindex: '0', 'aria-label': 'Cause' }, pretty(f.cause)) : ''));
  }
  const links = [
    ...(f?.childExecutionArns ?? []).map((arn) => button(`Open child execution ${arn.split(':').pop() ?? ''}`, () => open(arn), { class: 'secondary' })),
    ...(f?.mapRunArns ?? []).map((arn) => button(`Open Map run ${arn.split(':').pop() ?? ''} executions`, () => open(arn), { class: 'secondary' })),
  ];
  if (links.length) box.append(el('section', { class: 'detail-block detail-links' }, el('h3', {}, node.mapMode === 'DISTRIBUTED' ? 'Map runs' : 'Child executions'), ...links));
  if (f?.input !== undefined) box.append(block('Input', f.input, 'detail-input'));
  if (f?.output !== undefined) box.append(block('Output', f.output, 'detail-output'));
  return box;
}
