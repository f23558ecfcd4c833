import * as vscode from 'vscode';
import { describeAssertion, display, type AssertionResult } from '../core/health/assertions';
import type { Component } from '../core/health/components';
import { componentSummary, describeResult, formatLatency } from '../core/health/format';
import { SOURCE_LABEL, STATE_LABEL, type EndpointConfig, type HealthState } from '../core/health/model';
import { displayUrl } from '../core/health/secrets';
import { describeProblemEntry, type SettingsProblem } from '../core/health/settings';
import type { EndpointStatus, HealthStore } from './store';
import { endpointTooltip } from './tooltip';
import { HEALTHY_ICON } from '../platform/treeIcons';
import { untrustedMarkdown } from '../platform/textSinks';

export type HealthNode =
  | { kind: 'endpoint'; status: EndpointStatus }
  | { kind: 'reason'; parent: string; text: string; state: HealthState; index: number }
  | { kind: 'assertion'; parent: string; result: AssertionResult; index: number }
  | { kind: 'component'; parent: string; component: Component; group?: Component }
  | { kind: 'detail'; parent: string; key: string; value: string }
  | { kind: 'note'; parent: string; text: string; index: number }
  | { kind: 'missingSecret'; parent: string; secret: string }
  | { kind: 'problem'; problem: SettingsProblem }
  | { kind: 'problemMessage'; parent: string; text: string; index: number }
  | { kind: 'untrusted'; endpoints: readonly EndpointConfig[] }
  | { kind: 'blocked'; endpoint: EndpointConfig };

const STATE_ICON: Record<HealthState, [string, string]> = {
  healthy: [HEALTHY_ICON, 'testing.iconPassed'],
  degraded: ['warning', 'list.warningForeground'],
  down: ['error', 'list.errorForeground'],
  unknown: ['circle-large-outline', 'disabledForeground'],
};

export function healthIcon(state: HealthState): vscode.ThemeIcon {
  const [icon, color] = STATE_ICON[state];
  return new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
}

/** Renders the HealthStore: trust notice, settings problems, then endpoints with their checks. */
export class HealthTree implements vscode.TreeDataProvider<HealthNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HealthNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly store: HealthStore) {
    this.subscription = store.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: HealthNode): HealthNode[] {
    if (!node) {
      const nodes: HealthNode[] = [];
      if (this.store.blocked.length) nodes.push({ kind: 'untrusted', endpoints: this.store.blocked });
      for (const problem of this.store.problems) nodes.push({ kind: 'problem', problem });
      for (const status of this.store.statuses) nodes.push({ kind: 'endpoint', status });
      return nodes;
    }
    switch (node.kind) {
      case 'endpoint': return this.endpointChildren(node.status);
      case 'component': return [
        ...(node.component.children ?? []).map((child): HealthNode => ({ kind: 'component', parent: node.parent, component: child, group: node.component })),
        ...node.component.details.map((d): HealthNode => ({ kind: 'detail', parent: `${node.parent}>${node.component.path}`, key: d.key, value: d.value })),
      ];
      case 'untrusted': return node.endpoints.map((endpoint) => ({ kind: 'blocked', endpoint }));
      case 'problem': return node.problem.messages.length > 1 ? node.problem.messages.map((text, index) => ({ kind: 'problemMessage', parent: this.id(node), text, index })) : [];
      default: return [];
    }
  }

  private endpointChildren(status: EndpointStatus): HealthNode[] {
    const parent = `endpoint:${status.endpoint.name}`;
    const nodes: HealthNode[] = status.missingSecrets.map((secret) => ({ kind: 'missingSecret', parent, secret }));
    const evaluation = status.evaluation;
    if (!evaluation) return nodes;
    evaluation.findings.forEach((f, index) => {
      if (f.about === 'request' || f.about === 'status' || f.about === 'body') nodes.push({ kind: 'reason', parent, text: f.text, state: f.state, index });
    });
    evaluation.assertions.forEach((result, index) => result.failed && nodes.push({ kind: 'assertion', parent, result, index }));
    for (const component of evaluation.components) nodes.push({ kind: 'component', parent, component });
    evaluation.notes.forEach((text, index) => nodes.push({ kind: 'note', parent, text, index }));
    return nodes;
  }

  getTreeItem(node: HealthNode): vscode.TreeItem {
    switch (node.kind) {
      case 'endpoint': return this.endpointItem(node.status);
      case 'reason': {
        const item = new vscode.TreeItem(node.text);
        item.id = this.id(node);
        item.iconPath = healthIcon(node.state);
        item.tooltip = untrustedMarkdown().appendText(node.text);
        item.contextValue = 'health.reason';
        return item;
      }
      case 'assertion': {
        const { result } = node;
        const a = result.assertion;
        const item = new vscode.TreeItem(result.found ? `${a.path} is ${display(result.actual)}` : `${a.path}: ${result.problem ?? 'missing'}`);
        item.id = this.id(node);
        item.iconPath = healthIcon(a.severity === 'critical' ? 'down' : 'degraded');
        item.description = `${a.severity} when ${a.op} ${display(a.value)}`;
        const tip = untrustedMarkdown();
        tip.appendMarkdown(`**${a.severity === 'critical' ? 'Critical' : 'Warning'}:** `).appendText(describeAssertion(a)).appendMarkdown('\n\n');
        tip.appendText(result.found ? `Value: ${display(result.actual)}${result.problem ? ` (${result.problem})` : ''}` : `The value ${result.problem ?? 'is missing'}`);
        item.tooltip = tip;
        item.accessibilityInformation = { label: `${a.severity} assertion failed: ${item.label}, threshold ${a.op} ${display(a.value)}` };
        item.contextValue = 'health.assertion';
        return item;
      }
      case 'component': {
        const c = node.component;
        const failingChild = c.children?.some((k) => k.state === 'down' || k.state === 'degraded');
        const item = new vscode.TreeItem(c.name, failingChild ? vscode.TreeItemCollapsibleState.Expanded : c.details.length || c.children?.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = this.id(node);
        item.iconPath = healthIcon(c.state);
        item.description = c.message && c.state !== 'healthy' ? `${componentSummary(c)} — ${c.message.length > 100 ? `${c.message.slice(0, 99)}…` : c.message}` : componentSummary(c);
        const tip = untrustedMarkdown();
        tip.appendMarkdown('**').appendText(c.name).appendMarkdown('** — ').appendText(c.status ?? 'no status').appendMarkdown('\n\n');
        if (c.message) tip.appendText(c.message).appendMarkdown('\n\n');
        const measured = [c.type && `type ${c.type}`, c.observed && `observed ${c.observed}`, c.latencyMs !== undefined && `took ${formatLatency(c.latencyMs)}`].filter(Boolean).join(' · ');
        if (measured) tip.appendText(measured).appendMarkdown('\n\n');
        for (const d of c.details) tip.appendMarkdown('- ').appendText(`${d.key}: ${d.value}`).appendMarkdown('\n');
        tip.appendMarkdown('\n*Path:* ').appendText(c.path);
        item.tooltip = tip;
        item.accessibilityInformation = { label: `${c.name}, ${STATE_LABEL[c.state]}${item.description ? `, ${item.description}` : ''}` };
        item.contextValue = 'health.component';
        return item;
      }
      case 'detail': {
        const item = new vscode.TreeItem(node.key);
        item.id = this.id(node);
        item.description = node.value;
        item.contextValue = 'health.detail';
        return item;
      }
      case 'note': {
        const item = new vscode.TreeItem(node.text);
        item.id = this.id(node);
        item.iconPath = new vscode.ThemeIcon('info');
        item.tooltip = node.text;
        return item;
      }
      case 'missingSecret': {
        const item = new vscode.TreeItem(`Secret ${node.secret} is not set`);
        item.id = this.id(node);
        item.iconPath = new vscode.ThemeIcon('key', new vscode.ThemeColor('list.warningForeground'));
        item.description = 'Set Secret…';
        item.tooltip = untrustedMarkdown().appendText(`A header of this endpoint uses \${secret:${node.secret}}, which is not in VS Code's secret storage, so it was not requested. Click to set it.`);
        item.command = { command: 'opsLens.health.setSecret', title: 'Set Health Secret', arguments: [node.secret] };
        item.contextValue = 'health.missingSecret';
        return item;
      }
      case 'problem': {
        const p = node.problem;
        const item = new vscode.TreeItem(describeProblemEntry(p), p.messages.length > 1 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
        item.id = this.id(node);
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        item.description = p.messages.length > 1 ? `${p.messages.length} problems` : p.messages[0];
        item.tooltip = untrustedMarkdown().appendText(`${describeProblemEntry(p)}:\n${p.messages.map((m) => `- ${m}`).join('\n')}`);
        item.accessibilityInformation = { label: `Settings error: ${describeProblemEntry(p)}: ${p.messages.join('; ')}` };
        item.command = { command: p.source === 'user' ? 'workbench.action.openSettingsJson' : 'workbench.action.openWorkspaceSettingsFile', title: 'Open Settings' };
        item.contextValue = 'health.problem';
        return item;
      }
      case 'problemMessage': {
        const item = new vscode.TreeItem(node.text);
        item.id = this.id(node);
        item.tooltip = node.text;
        return item;
      }
      case 'untrusted': {
        const n = node.endpoints.length;
        const item = new vscode.TreeItem(`Workspace not trusted: ${n} endpoint${n === 1 ? '' : 's'} not checked`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = this.id(node);
        item.iconPath = new vscode.ThemeIcon('workspace-untrusted', new vscode.ThemeColor('list.warningForeground'));
        item.description = 'Manage Trust…';
        item.tooltip = untrustedMarkdown().appendText('This workspace is not trusted, so Ops Lens does not send requests to the health endpoints its settings list (a repository could point them anywhere, with your secrets). Endpoints in your user settings are still checked. Click to manage workspace trust.');
        item.command = { command: 'workbench.trust.manage', title: 'Manage Workspace Trust' };
        item.contextValue = 'health.untrusted';
        return item;
      }
      case 'blocked': {
        const item = new vscode.TreeItem(node.endpoint.name);
        item.id = this.id(node);
        item.iconPath = new vscode.ThemeIcon('circle-slash');
        item.description = displayUrl(node.endpoint.url);
        item.tooltip = untrustedMarkdown().appendText(`${node.endpoint.method} ${displayUrl(node.endpoint.url)}\nFrom ${SOURCE_LABEL[node.endpoint.source]}; not requested until the workspace is trusted.`);
        item.contextValue = 'health.blocked';
        return item;
      }
    }
  }

  private endpointItem(status: EndpointStatus): vscode.TreeItem {
    const { endpoint, evaluation } = status;
    const hasChildren = status.missingSecrets.length > 0 || (evaluation !== undefined && (evaluation.findings.length > 0 || evaluation.components.length > 0 || evaluation.notes.length > 0));
    const expand = status.state === 'down' || status.state === 'degraded' || status.missingSecrets.length > 0;
    const item = new vscode.TreeItem(endpoint.name, !hasChildren ? vscode.TreeItemCollapsibleState.None : expand ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `endpoint:${endpoint.name}`;
    if (status.missingSecrets.length) {
      item.iconPath = new vscode.ThemeIcon('key', new vscode.ThemeColor('list.warningForeground'));
      item.description = `secret ${status.missingSecrets.join(', ')} not set`;
    } else if (!evaluation) {
      item.iconPath = status.checking ? new vscode.ThemeIcon('loading~spin') : healthIcon('unknown');
      item.description = status.checking ? 'checking…' : 'not checked yet';
    } else {
      item.iconPath = healthIcon(status.state);
      item.description = describeResult(evaluation);
    }
    item.tooltip = endpointTooltip(status);
    item.accessibilityInformation = { label: `${endpoint.name}, ${STATE_LABEL[status.state]}, ${item.description}${evaluation?.reasons.length ? `: ${evaluation.reasons[0]}` : ''}` };
    item.contextValue = status.missingSecrets.length ? 'health.endpoint.missingSecret' : 'health.endpoint';
    return item;
  }

  private id(node: HealthNode): string {
    switch (node.kind) {
      case 'endpoint': return `endpoint:${node.status.endpoint.name}`;
      case 'reason': return `${node.parent}>reason:${node.index}`;
      case 'assertion': return `${node.parent}>assertion:${node.index}`;
      case 'component': return `${node.parent}>${node.component.path}`;
      case 'detail': return `${node.parent}>${node.key}`;
      case 'note': return `${node.parent}>note:${node.index}`;
      case 'missingSecret': return `${node.parent}>secret:${node.secret}`;
      case 'problem': return `problem:${node.problem.source}:${node.problem.index ?? 'setting'}`;
      case 'problemMessage': return `${node.parent}>${node.index}`;
      case 'untrusted': return 'untrusted';
      case 'blocked': return `untrusted>${node.endpoint.source}:${node.endpoint.index}`;
    }
  }

  getParent(node: HealthNode): HealthNode | undefined {
    if (node.kind === 'blocked') return { kind: 'untrusted', endpoints: this.store.blocked };
    if (node.kind === 'component' && node.group) return { kind: 'component', parent: node.parent, component: node.group };
    if (node.kind === 'reason' || node.kind === 'assertion' || node.kind === 'component' || node.kind === 'note' || node.kind === 'missingSecret') {
      const status = this.store.find(node.parent.replace(/^endpoint:/, ''));
      return status && { kind: 'endpoint', status };
    }
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
