import * as vscode from 'vscode';
import { STATUS_LABEL, canRedrive, type ExecutionStatus } from '../core/stepFunctions/model';
import { formatDuration, relativeTime } from '../core/time/relative';
import { rootDescription, staleErrorItem, staleRootTooltip } from '../platform/staleRoot';
import { isScoped } from '../core/scope';
import type { RootLabels } from '../session/accountLabels';
import { markRoot } from '../session/rootMarking';
import type { Execution, RegionMachines, StateMachine, StepFunctionsStore } from './store';
import { formatDate } from '../core/time/zone';
import { readTimeZone } from '../platform/timeZone';
import { HEALTHY_ICON, regionIcon } from '../platform/treeIcons';
import { untrustedMarkdown } from '../platform/textSinks';
import type { InlineMap, MapIteration } from '../core/stepFunctions/executionChildren';
import { executionChildNodes, iterationItem, inlineMapItem, mapRunChildNodes, mapRunItem, redriveText } from './childNodes';
import type { ExecutionChildrenStore, MapRunSummary } from './executionChildren';

export type SfnNode =
  | { kind: 'region'; region: RegionMachines }
  | { kind: 'machine'; machine: StateMachine }
  /** `under`: the node an execution is listed under when it is another's child (a tree id is unique). */
  | { kind: 'execution'; execution: Execution; under?: string }
  | { kind: 'mapRun'; run: MapRunSummary; under: string }
  | { kind: 'inlineMap'; map: InlineMap; execution: Execution; under: string }
  | { kind: 'iteration'; iteration: MapIteration; map: InlineMap; under: string }
  | { kind: 'loadMore'; machine: StateMachine }
  | { kind: 'error'; id: string; error: Error; items: string; lastGood?: Date }
  | { kind: 'message'; id: string; text: string };

const EXPRESS_NOTE = 'Express workflow: its runs are not listed by Step Functions — they are in its CloudWatch Logs';

const STATUS_ICON: Record<ExecutionStatus, [string, string | undefined]> = {
  RUNNING: ['sync~spin', 'charts.blue'],
  SUCCEEDED: [HEALTHY_ICON, 'testing.iconPassed'],
  FAILED: ['error', 'list.errorForeground'],
  TIMED_OUT: ['watch', 'list.errorForeground'],
  ABORTED: ['circle-slash', 'list.warningForeground'],
  PENDING_REDRIVE: ['debug-restart', 'charts.blue'],
};

export class StepFunctionsTree implements vscode.TreeDataProvider<SfnNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SfnNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: StepFunctionsStore, private readonly roots?: RootLabels, private readonly children?: ExecutionChildrenStore) {
    this.subscription = vscode.Disposable.from(
      store.onDidChange(() => this.changed.fire(undefined)),
      ...(children ? [children.onDidChange(() => this.changed.fire(undefined))] : []),
      ...(roots ? [roots.onDidChange(() => this.changed.fire(undefined))] : []),
    );
  }

  getChildren(node?: SfnNode): SfnNode[] {
    if (!node) {
      const regions = this.store.regions;
      if (!this.store.loaded) return [];
      if (regions.length === 1 && !isScoped(regions[0].region)) return this.regionChildren(regions[0], false);
      return regions.map((region) => ({ kind: 'region', region }));
    }
    if (node.kind === 'region') return this.regionChildren(node.region, true);
    if (node.kind === 'machine') return this.machineChildren(node.machine);
    if (!this.children) return [];
    if (node.kind === 'execution') return executionChildNodes(this.children, node.execution, node.under);
    if (node.kind === 'mapRun') return mapRunChildNodes(this.children, node.run, node.under);
    if (node.kind === 'inlineMap') return node.map.iterations.map((iteration): SfnNode => ({ kind: 'iteration', iteration, map: node.map, under: `${node.under}/${node.map.enteredEventId}` }));
    return [];
  }

  private regionChildren(region: RegionMachines, multiRegion: boolean): SfnNode[] {
    const nodes: SfnNode[] = [];
    if (region.error) nodes.push({ kind: 'error', id: `error:${region.region}`, error: region.error, items: 'state machines', lastGood: region.loadedAt });
    nodes.push(...region.machines.map((machine): SfnNode => ({ kind: 'machine', machine })));
    if (multiRegion && region.machines.length === 0 && !region.error) nodes.push({ kind: 'message', id: `empty:${region.region}`, text: 'No state machines in this region' });
    return nodes;
  }

  private machineChildren(machine: StateMachine): SfnNode[] {
    if (machine.type === 'EXPRESS') return [{ kind: 'message', id: `express:${machine.arn}`, text: EXPRESS_NOTE }];
    const list = this.store.executionsOf(machine.arn);
    if (!list || (!list.loaded && !list.loading)) {
      void this.store.loadExecutions(machine.arn);
      return [{ kind: 'message', id: `loading:${machine.arn}`, text: 'Loading executions…' }];
    }
    const nodes: SfnNode[] = [];
    if (list.error) nodes.push({ kind: 'error', id: `error:${machine.arn}`, error: list.error, items: 'executions', lastGood: list.loadedAt });
    nodes.push(...list.executions.map((execution): SfnNode => ({ kind: 'execution', execution })));
    if (list.loaded && list.executions.length === 0 && !list.error) nodes.push({ kind: 'message', id: `none:${machine.arn}`, text: list.status ? `No ${STATUS_LABEL[list.status].toLowerCase()} executions` : 'No executions yet — use Start Execution' });
    if (list.nextToken) nodes.push({ kind: 'loadMore', machine });
    return nodes;
  }

  getTreeItem(node: SfnNode): vscode.TreeItem {
    switch (node.kind) {
      case 'region': {
        const item = new vscode.TreeItem(this.roots?.label(node.region.region) ?? node.region.region, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `region:${node.region.region}`;
        item.iconPath = regionIcon(!!node.region.error);
        item.description = rootDescription(node.region, `${node.region.machines.length} state machines`);
        item.tooltip = staleRootTooltip(node.region);
        return markRoot(item, this.roots?.marking(node.region.region), !!node.region.error);
      }
      case 'machine': {
        const list = this.store.executionsOf(node.machine.arn);
        const item = new vscode.TreeItem(node.machine.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `machine:${node.machine.arn}`;
        item.iconPath = new vscode.ThemeIcon('type-hierarchy-sub');
        item.description = [node.machine.type === 'EXPRESS' ? 'express' : undefined, list?.status ? `only ${STATUS_LABEL[list.status].toLowerCase()}` : undefined].filter(Boolean).join(' · ') || undefined;
        item.tooltip = untrustedMarkdown().appendText(`${node.machine.name}\n${node.machine.arn}\nType: ${node.machine.type}`);
        item.contextValue = node.machine.type === 'EXPRESS' ? 'stateMachine.express' : 'stateMachine';
        return item;
      }
      case 'execution':
        return this.executionItem(node.execution, node.under);
      case 'mapRun':
        return mapRunItem(node.run, node.under);
      case 'inlineMap':
        return inlineMapItem(node.map, node.under);
      case 'iteration':
        return iterationItem(node.iteration, node.map, node.under);
      case 'loadMore': {
        const item = new vscode.TreeItem('Load more…');
        item.id = `more:${node.machine.arn}:${this.store.executionsOf(node.machine.arn)?.executions.length ?? 0}`;
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: 'opsLens.stepFunctions.loadMore', title: 'Load more executions', arguments: [node.machine.arn] };
        return item;
      }
      case 'error':
        return staleErrorItem(node.id, node.items, node.error, node.lastGood);
      case 'message': {
        const item = new vscode.TreeItem(node.text);
        item.id = node.id;
        item.tooltip = node.text;
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
    }
  }

  private executionItem(e: Execution, under?: string): vscode.TreeItem {
    const item = new vscode.TreeItem(e.name, this.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `${under ? `${under}/` : ''}execution:${e.arn}`;
    const [icon, color] = STATUS_ICON[e.status];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    const now = new Date();
    const zone = readTimeZone();
    const started = e.startDate ? relativeTime(e.startDate, now) : undefined;
    const duration = e.startDate ? formatDuration(((e.stopDate ?? now).getTime()) - e.startDate.getTime()) : undefined;
    const redriven = redriveText(e, now);
    item.description = [STATUS_LABEL[e.status], started, duration && (e.stopDate ? duration : `${duration} so far`), redriven].filter(Boolean).join(' · ');
    item.tooltip = untrustedMarkdown().appendText(`${e.name}\n${STATUS_LABEL[e.status]}\nStarted ${formatDate(e.startDate, zone)}\n${e.stopDate ? `Stopped ${formatDate(e.stopDate, zone)}` : 'Still running'}${e.redriveCount ? `\nRedriven ${e.redriveCount}×${e.redriveDate ? `, last ${formatDate(e.redriveDate, zone)}` : ''}` : ''}`);
    // A Map run's child executions are redriven through their parent, which redrives the run.
    const inMapRun = under?.includes(':mapRun:') ?? false;
    item.contextValue = `execution.${e.status}${canRedrive(e.status, e.stopDate) && !inMapRun ? '.redrivable' : ''}`;
    item.accessibilityInformation = { label: `Execution ${e.name}, ${item.description}` };
    item.command = { command: 'opsLens.stepFunctions.showExecution', title: 'Show Execution Details', arguments: [e.arn] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
