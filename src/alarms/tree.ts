import * as vscode from 'vscode';
import { childAlarmNames } from '../core/alarms/compositeRule';
import { NO_FILTER, describeFilter, isActive, matchesFilter, type AlarmFilter } from '../core/alarms/filter';
import { groupByState } from '../core/alarms/grouping';
import { STATE_LABEL, VARIANT_TAG, alarmVariant, conditionText, type Alarm, type AlarmState } from '../core/alarms/model';
import { contributorLabel, contributorMetric, type Contributor } from '../core/alarms/metricsInsights';
import { mutingText } from '../core/alarms/muteRules';
import { formatDate, formatShort } from '../core/time/zone';
import { readTimeZone } from '../platform/timeZone';
import { relativeTime } from '../core/time/relative';
import { rootDescription, staleErrorItem, staleRootTooltip } from '../platform/staleRoot';
import type { AlarmsStore, RegionAlarms } from './store';
import { alarmTooltip } from './tooltip';
import type { IgnoredSettings } from '../platform/trust';
import { isScoped, type ScopeId } from '../core/scope';
import type { RootLabels } from '../session/accountLabels';
import { untrustedMarkdown } from '../platform/textSinks';
import { HEALTHY_ICON, regionIcon } from '../platform/treeIcons';
import { markRoot } from '../session/rootMarking';

export type AlarmNode =
  | { kind: 'region'; region: RegionAlarms }
  | { kind: 'state'; region: ScopeId; state: AlarmState; alarms: readonly Alarm[]; multiRegion: boolean }
  | { kind: 'alarm'; alarm: Alarm; parentId: string }
  | { kind: 'child'; name: string; region: ScopeId; alarm?: Alarm; parentId: string }
  | { kind: 'contributor'; alarm: Alarm; contributor: Contributor; parentId: string }
  /** Something beside the alarms could not be read (mute rules, contributors): the alarms still show. */
  | { kind: 'partFailed'; id: string; what: string; error: Error }
  | { kind: 'error'; region: ScopeId; error: Error; lastGood?: Date }
  | { kind: 'empty'; message: string }
  /** Restricted Mode ignores these workspace settings: the view says so above the alarms. */
  | { kind: 'restricted'; settings: readonly string[] };

const STATE_ICON: Record<AlarmState, [string, string]> = {
  ALARM: ['error', 'list.errorForeground'],
  INSUFFICIENT_DATA: ['question', 'list.warningForeground'],
  OK: [HEALTHY_ICON, 'testing.iconPassed'],
};

export function stateIcon(state: AlarmState): vscode.ThemeIcon {
  const [icon, color] = STATE_ICON[state];
  return new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
}

export class AlarmsTree implements vscode.TreeDataProvider<AlarmNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AlarmNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterValue: AlarmFilter = NO_FILTER;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: AlarmsStore, private readonly ignored?: IgnoredSettings, private readonly roots?: RootLabels) {
    this.subscription = vscode.Disposable.from(
      store.onDidChange(() => this.changed.fire(undefined)),
      ...(ignored ? [ignored.onDidChange(() => this.changed.fire(undefined))] : []),
      ...(roots ? [roots.onDidChange(() => this.changed.fire(undefined))] : []),
    );
  }

  get filter(): AlarmFilter {
    return this.filterValue;
  }

  set filter(filter: AlarmFilter) {
    this.filterValue = filter;
    this.changed.fire(undefined);
  }

  get filterDescription(): string | undefined {
    return isActive(this.filterValue) ? describeFilter(this.filterValue) : undefined;
  }

  getChildren(node?: AlarmNode): AlarmNode[] | Promise<AlarmNode[]> {
    if (!node) {
      const ignored = this.ignored?.settings ?? [];
      const notice: AlarmNode[] = ignored.length ? [{ kind: 'restricted', settings: ignored }] : [];
      const regions = this.store.regions;
      if (!this.store.loaded && regions.every((r) => r.loading)) return notice;
      if (regions.length === 1 && !isScoped(regions[0].region)) return [...notice, ...this.regionChildren(regions[0], false)];
      return [...notice, ...regions.map((region): AlarmNode => ({ kind: 'region', region }))];
    }
    if (node.kind === 'region') return this.regionChildren(node.region, true);
    if (node.kind === 'state') return node.alarms.map((alarm) => ({ kind: 'alarm', alarm, parentId: this.id(node) }));
    if (node.kind === 'alarm' && node.alarm.kind === 'composite') {
      return childAlarmNames(node.alarm.rule ?? '').map((name) => ({ kind: 'child', name, region: node.alarm.region, alarm: this.store.find(name, node.alarm.region), parentId: this.id(node) }));
    }
    if (node.kind === 'child' && node.alarm?.kind === 'composite') {
      return childAlarmNames(node.alarm.rule ?? '').map((name) => ({ kind: 'child', name, region: node.region, alarm: this.store.find(name, node.region), parentId: this.id(node) }));
    }
    if ((node.kind === 'alarm' || node.kind === 'child') && node.alarm && alarmVariant(node.alarm) === 'multiSeries') return this.contributorNodes(node.alarm, this.id(node));
    return [];
  }

  private async contributorNodes(alarm: Alarm, parentId: string): Promise<AlarmNode[]> {
    try {
      const contributors = await this.store.contributors(alarm);
      if (contributors.length === 0) return [{ kind: 'empty', message: 'No contributor in alarm' }];
      return contributors.map((contributor) => ({ kind: 'contributor', alarm, contributor, parentId }));
    } catch (err) {
      return [{ kind: 'partFailed', id: `${parentId}>contributors`, what: 'Contributors', error: err instanceof Error ? err : new Error(String(err)) }];
    }
  }

  private regionChildren(region: RegionAlarms, multiRegion: boolean): AlarmNode[] {
    const nodes: AlarmNode[] = [];
    if (region.error) nodes.push({ kind: 'error', region: region.region, error: region.error, lastGood: region.loadedAt });
    const muteError = this.store.muteRulesError(region.region);
    if (muteError && !region.error) nodes.push({ kind: 'partFailed', id: `mutes:${region.region}`, what: 'Mute rules', error: muteError });
    const visible = region.alarms.filter((a) => matchesFilter(a, this.filterValue));
    for (const group of groupByState(visible)) nodes.push({ kind: 'state', region: region.region, state: group.state, alarms: group.alarms, multiRegion });
    if (visible.length === 0 && region.alarms.length > 0) nodes.push({ kind: 'empty', message: 'No alarm matches the filter' });
    if (region.alarms.length === 0 && !region.error && multiRegion && !region.loading) nodes.push({ kind: 'empty', message: 'No alarms in this region' });
    return nodes;
  }

  getTreeItem(node: AlarmNode): vscode.TreeItem {
    switch (node.kind) {
      case 'region': {
        const r = node.region;
        const firing = r.alarms.filter((a) => a.state === 'ALARM').length;
        const item = new vscode.TreeItem(this.roots?.label(r.region) ?? r.region, vscode.TreeItemCollapsibleState.Expanded);
        item.id = this.id(node);
        item.iconPath = regionIcon(!!r.error);
        item.description = r.loading && !r.loadedAt ? 'loading…' : rootDescription(r, `${r.alarms.length} alarms${firing ? `, ${firing} in alarm` : ''}`);
        item.tooltip = staleRootTooltip(r);
        item.contextValue = 'region';
        return markRoot(item, this.roots?.marking(r.region), !!r.error);
      }
      case 'state': {
        const item = new vscode.TreeItem(`${STATE_LABEL[node.state]} (${node.alarms.length})`, node.state === 'OK' && node.alarms.length > 20 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
        item.id = this.id(node);
        item.iconPath = stateIcon(node.state);
        item.contextValue = `state.${node.state}`;
        return item;
      }
      case 'alarm':
        return this.alarmItem(node.alarm, node.parentId);
      case 'child': {
        if (node.alarm) {
          const item = this.alarmItem(node.alarm, node.parentId);
          item.description = `${STATE_LABEL[node.alarm.state]} · ${item.description ?? ''}`;
          return item;
        }
        const item = new vscode.TreeItem(node.name);
        item.id = `${node.parentId}>${node.name}`;
        item.iconPath = new vscode.ThemeIcon('circle-outline');
        item.description = 'not found in this region';
        return item;
      }
      case 'contributor':
        return this.contributorItem(node);
      case 'partFailed': {
        const item = new vscode.TreeItem(`${node.what} could not be read`);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.description = node.error.message;
        item.tooltip = untrustedMarkdown().appendText(`${node.what} could not be read: ${node.error.message}. The alarms are shown without them.`);
        item.contextValue = 'partFailed';
        return item;
      }
      case 'error':
        return staleErrorItem(`error:${node.region}`, 'alarms', node.error, node.lastGood);
      case 'empty': {
        const item = new vscode.TreeItem(node.message);
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
      case 'restricted': {
        const item = new vscode.TreeItem('Restricted Mode: workspace settings ignored');
        item.id = 'restricted';
        item.iconPath = new vscode.ThemeIcon('shield', new vscode.ThemeColor('list.warningForeground'));
        item.description = node.settings.map((s) => s.replace(/^opsLens\./, '')).join(', ');
        const why = `This workspace is not trusted, so Ops Lens ignores its ${node.settings.join(', ')} (a repository must not choose your AWS profile, regions or endpoint, where runbooks open, or patterns that run on your data); your user settings apply. Click to manage workspace trust.`;
        item.tooltip = untrustedMarkdown().appendText(why);
        item.accessibilityInformation = { label: why };
        item.command = { command: 'workbench.trust.manage', title: 'Manage Workspace Trust' };
        item.contextValue = 'restricted';
        return item;
      }
    }
  }

  private alarmItem(alarm: Alarm, parentId: string): vscode.TreeItem {
    const variant = alarmVariant(alarm);
    const expandable = alarm.kind === 'composite' || variant === 'multiSeries';
    const item = new vscode.TreeItem(alarm.name, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `${parentId}>${alarm.region}/${alarm.name}`;
    item.iconPath = alarm.muted ? new vscode.ThemeIcon('bell-slash', new vscode.ThemeColor(STATE_ICON[alarm.state][1])) : stateIcon(alarm.state);
    const since = alarm.stateUpdated ? relativeTime(alarm.stateUpdated, new Date()) : undefined;
    const muted = alarm.muted ? mutingText(alarm.muted, (d) => formatShort(d.getTime(), Date.now(), readTimeZone())) : undefined;
    const condition = alarm.kind === 'composite' ? undefined : conditionText(alarm);
    item.description = [muted, VARIANT_TAG[variant], condition && condition.length > 80 ? `${condition.slice(0, 79)}…` : condition, since].filter(Boolean).join(' · ');
    item.tooltip = alarmTooltip(alarm);
    item.contextValue = `alarm.${variant === 'metric' || variant === 'metricMath' || variant === 'anomaly' || variant === 'multiSeries' ? 'metric' : variant}${alarm.muted ? '.muted' : ''}`;
    item.accessibilityInformation = { label: `${alarm.name}, ${STATE_LABEL[alarm.state]}${alarm.muted ? ', actions muted' : ''}, ${item.description}` };
    item.command = { command: 'opsLens.alarms.showDetails', title: 'Show Alarm Details', arguments: [{ region: alarm.region, name: alarm.name }] };
    return item;
  }

  private contributorItem(node: Extract<AlarmNode, { kind: 'contributor' }>): vscode.TreeItem {
    const { contributor: c, alarm } = node;
    const label = contributorLabel(c);
    const item = new vscode.TreeItem(label);
    item.id = `${node.parentId}>contributor:${c.id}`;
    item.iconPath = stateIcon('ALARM');
    item.description = [STATE_LABEL.ALARM, c.since ? relativeTime(c.since, new Date()) : undefined].filter(Boolean).join(' · ');
    const md = untrustedMarkdown().appendMarkdown('**').appendText(label).appendMarkdown(`** — ${STATE_LABEL.ALARM}, a contributor of `).appendText(alarm.name);
    if (c.since) md.appendMarkdown('\n\n*Since:* ').appendText(formatDate(c.since, readTimeZone()));
    if (c.reason) md.appendMarkdown('\n\n*Reason:* ').appendText(c.reason);
    item.tooltip = md;
    item.contextValue = 'contributor';
    item.accessibilityInformation = { label: `${label}, contributor of ${alarm.name}, in alarm` };
    const metric = alarm.metricsInsights ? contributorMetric(alarm.metricsInsights.query, c) : undefined;
    if (metric) item.command = { command: 'opsLens.metrics.openChart', title: 'Chart Contributor', arguments: [{ region: alarm.region, ...metric, label: label }] };
    else md.appendMarkdown('\n\n*No chart:* the alarm\'s query does not name one metric Ops Lens can draw.');
    return item;
  }

  private id(node: AlarmNode): string {
    switch (node.kind) {
      case 'region': return `region:${node.region.region}`;
      case 'state': return `state:${node.region}:${node.state}`;
      case 'alarm': return `${node.parentId}>${node.alarm.region}/${node.alarm.name}`;
      case 'child': return `${node.parentId}>${node.name}`;
      case 'contributor': return `${node.parentId}>contributor:${node.contributor.id}`;
      case 'partFailed': return node.id;
      case 'error': return `error:${node.region}`;
      case 'empty': return `empty:${node.message}`;
      case 'restricted': return 'restricted';
    }
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
