import * as vscode from 'vscode';
import type { InlineMap, MapIteration } from '../core/stepFunctions/executionChildren';
import { relativeTime } from '../core/time/relative';
import { untrustedMarkdown } from '../platform/textSinks';
import { readKey, runKey, type ExecutionChildrenStore, type MapRunSummary } from './executionChildren';
import type { Execution } from './store';
import type { SfnNode } from './tree';

/** `redriven 2× · 5m ago` for an execution that was redriven. */
export function redriveText(e: Pick<Execution, 'redriveCount' | 'redriveDate'>, now: Date): string | undefined {
  if (!e.redriveCount) return undefined;
  return `redriven ${e.redriveCount}×${e.redriveDate ? ` ${relativeTime(e.redriveDate, now)}` : ''}`;
}

const message = (id: string, text: string): SfnNode => ({ kind: 'message', id, text });

/** Under an execution: its Map runs, the executions it started and its inline Maps (read on first expand). */
export function executionChildNodes(store: ExecutionChildrenStore, execution: Execution, under: string | undefined): SfnNode[] {
  const path = `${under ? `${under}/` : ''}${execution.arn}`;
  const children = store.childrenOf(execution.arn);
  if (!children || (!children.loading && children.readFor !== readKey(execution))) void store.loadChildren(execution);
  if (!children) return [message(`loading:${path}`, 'Loading Map runs and child executions…')];
  if (children.loading && children.mapRuns.length + children.started.length + children.inlineMaps.length === 0) return [message(`loading:${path}`, 'Loading Map runs and child executions…')];
  const nodes: SfnNode[] = [];
  if (children.error) nodes.push({ kind: 'error', id: `error:${path}`, error: children.error, items: 'Map runs and child executions' });
  nodes.push(...children.mapRuns.map((run): SfnNode => ({ kind: 'mapRun', run, under: path })));
  nodes.push(...children.started.map((e): SfnNode => ({ kind: 'execution', execution: e, under: path })));
  nodes.push(...children.inlineMaps.map((map): SfnNode => ({ kind: 'inlineMap', map, execution, under: path })));
  if (nodes.length === 0) nodes.push(message(`none:${path}`, 'No Map runs, child executions or inline Map iterations'));
  return nodes;
}

/** Under a Map run: its child executions, unsuccessful first. */
export function mapRunChildNodes(store: ExecutionChildrenStore, run: MapRunSummary, under: string): SfnNode[] {
  const path = `${under}/${run.mapRunArn}`;
  const items = store.itemsOf(run.mapRunArn);
  if (!items || (!items.loading && items.readFor !== runKey(run))) void store.loadItems(run);
  if (!items) return [message(`loading:${path}`, 'Loading the Map run’s executions…')];
  const nodes: SfnNode[] = [];
  if (items.error) nodes.push({ kind: 'error', id: `error:${path}`, error: items.error, items: 'Map run executions' });
  nodes.push(...items.executions.map((e): SfnNode => ({ kind: 'execution', execution: e, under: path })));
  if (nodes.length === 0) nodes.push(message(`none:${path}`, items.loading ? 'Loading the Map run’s executions…' : 'No child executions yet'));
  return nodes;
}

function tolerance(run: MapRunSummary): string {
  if (run.toleratedFailureCount > 0 && run.toleratedFailurePercentage > 0) return `tolerates ${run.toleratedFailureCount} or ${run.toleratedFailurePercentage}%`;
  if (run.toleratedFailureCount > 0) return `tolerates ${run.toleratedFailureCount} failed`;
  if (run.toleratedFailurePercentage > 0) return `tolerates ${run.toleratedFailurePercentage}% failed`;
  return 'tolerates no failure';
}

export function mapRunItem(run: MapRunSummary, under: string): vscode.TreeItem {
  const item = new vscode.TreeItem(`Map run ${run.label}`, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `${under}/mapRun:${run.mapRunArn}`;
  const failedLike = run.status === 'FAILED' || run.status === 'ABORTED';
  item.iconPath = new vscode.ThemeIcon(run.status === 'RUNNING' ? 'sync~spin' : failedLike ? 'error' : 'pass', new vscode.ThemeColor(run.status === 'RUNNING' ? 'charts.blue' : failedLike ? 'list.errorForeground' : 'testing.iconPassed'));
  const c = run.items;
  const counts = [c.failed && `${c.failed} failed`, c.timedOut && `${c.timedOut} timed out`, c.succeeded && `${c.succeeded} succeeded`, c.aborted && `${c.aborted} aborted`, c.running + c.pending && `${c.running + c.pending} to do`].filter(Boolean).join(', ');
  item.description = `${run.status.toLowerCase()} · ${counts || 'no items'} of ${c.total} · ${tolerance(run)}${run.redriveCount ? ` · redriven ${run.redriveCount}×` : ''}`;
  item.tooltip = untrustedMarkdown().appendText(`Distributed Map run ${run.label}\n${run.mapRunArn}\nItems: ${c.total} (${counts || 'none'})\n${tolerance(run)}`);
  item.accessibilityInformation = { label: `Map run ${run.label}, ${item.description}` };
  item.contextValue = 'mapRun';
  item.command = { command: 'opsLens.stepFunctions.showExecution', title: 'Show Map Run Details', arguments: [run.mapRunArn] };
  return item;
}

export function inlineMapItem(map: InlineMap, under: string): vscode.TreeItem {
  const failed = map.iterations.filter((i) => i.status === 'failed').length;
  const item = new vscode.TreeItem(`Map ${map.state}`, map.iterations.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `${under}/inlineMap:${map.enteredEventId}`;
  item.iconPath = new vscode.ThemeIcon('list-ordered', failed ? new vscode.ThemeColor('list.errorForeground') : undefined);
  item.description = `inline · ${map.length ?? map.iterations.length} iterations${failed ? ` · ${failed} failed` : ''}`;
  item.tooltip = untrustedMarkdown().appendText(`Inline Map state ${map.state}: ${item.description}`);
  return item;
}

export function iterationItem(iteration: MapIteration, map: InlineMap, under: string): vscode.TreeItem {
  const item = new vscode.TreeItem(`Iteration ${iteration.index}`);
  item.id = `${under}/iteration:${iteration.index}`;
  const icon = iteration.status === 'failed' ? ['error', 'list.errorForeground'] : iteration.status === 'succeeded' ? ['pass', 'testing.iconPassed'] : iteration.status === 'aborted' ? ['circle-slash', 'list.warningForeground'] : ['sync~spin', 'charts.blue'];
  item.iconPath = new vscode.ThemeIcon(icon[0], new vscode.ThemeColor(icon[1]));
  const failure = iteration.status === 'failed' ? [iteration.failedState, iteration.error].filter(Boolean).join(': ') : '';
  item.description = [iteration.status, failure].filter(Boolean).join(' · ');
  item.tooltip = untrustedMarkdown().appendText(`${map.state}, iteration ${iteration.index}: ${iteration.status}${iteration.error ? `\n${iteration.error}` : ''}${iteration.cause ? `\n${iteration.cause.slice(0, 1000)}` : ''}`);
  return item;
}
