import type { ScopeId } from '../core/scope';
import * as vscode from 'vscode';
import { rootDescription, staleErrorItem, staleRootTooltip } from '../platform/staleRoot';
import type { Favorite, Group, LogsStore, RegionGroups } from './store';
import type { RootLabels } from '../session/accountLabels';
import { untrustedMarkdown } from '../platform/textSinks';
import { formatDateTime } from '../core/time/zone';
import { readTimeZone } from '../platform/timeZone';
import { regionIcon } from '../platform/treeIcons';
import { markRoot } from '../session/rootMarking';

export type LogsNode =
  | { kind: 'favorites' }
  | { kind: 'favorite'; favorite: Favorite }
  | { kind: 'region'; region: RegionGroups }
  | { kind: 'group'; group: Group }
  | { kind: 'loadMore'; region: ScopeId }
  | { kind: 'error'; id: string; error: Error; lastGood?: Date }
  | { kind: 'message'; id: string; text: string };

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return 'unknown';
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

function groupTooltip(group: Group): vscode.MarkdownString {
  const lines = [
    group.name,
    `Region: ${group.region}`,
    `Stored: ${formatBytes(group.storedBytes)}`,
    `Retention: ${group.retentionInDays ? `${group.retentionInDays} days` : 'never expires'}`,
    group.logGroupClass ? `Class: ${group.logGroupClass}` : undefined,
    group.creationTime ? `Created: ${formatDateTime(group.creationTime, readTimeZone(), { seconds: false })}` : undefined,
  ];
  return untrustedMarkdown().appendText(lines.filter(Boolean).join('\n'));
}

/** Favourite log groups first, then the groups of each region, a page at a time. */
export class LogsTree implements vscode.TreeDataProvider<LogsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LogsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: LogsStore, private readonly roots?: RootLabels) {
    this.subscription = vscode.Disposable.from(
      store.onDidChange(() => this.changed.fire(undefined)),
      ...(roots ? [roots.onDidChange(() => this.changed.fire(undefined))] : []),
    );
  }

  getChildren(node?: LogsNode): LogsNode[] {
    if (!node) {
      if (!this.store.loaded) return [];
      const nodes: LogsNode[] = [];
      if (this.store.favorites.length > 0) nodes.push({ kind: 'favorites' });
      const regions = this.store.regions;
      if (regions.length === 1 && regions[0]) nodes.push(...this.regionChildren(regions[0]));
      else nodes.push(...regions.map((region): LogsNode => ({ kind: 'region', region })));
      return nodes;
    }
    if (node.kind === 'favorites') return this.store.favorites.map((favorite): LogsNode => ({ kind: 'favorite', favorite }));
    if (node.kind === 'region') return this.regionChildren(node.region);
    return [];
  }

  private regionChildren(region: RegionGroups): LogsNode[] {
    const nodes: LogsNode[] = [];
    if (region.error) nodes.push({ kind: 'error', id: `error:${region.region}`, error: region.error, lastGood: region.loadedAt });
    nodes.push(...region.groups.map((group): LogsNode => ({ kind: 'group', group })));
    if (region.loading) nodes.push({ kind: 'message', id: `loading:${region.region}`, text: 'Loading log groups…' });
    else if (region.groups.length === 0 && !region.error) nodes.push({ kind: 'message', id: `empty:${region.region}`, text: this.store.prefix ? `No log groups starting with "${this.store.prefix}"` : 'No log groups in this region' });
    if (region.nextToken && !region.loading) nodes.push({ kind: 'loadMore', region: region.region });
    return nodes;
  }

  getTreeItem(node: LogsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'favorites': {
        const item = new vscode.TreeItem('Favorites', vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'favorites';
        item.iconPath = new vscode.ThemeIcon('star-full');
        return item;
      }
      case 'favorite': {
        const group = this.store.find(node.favorite.region, node.favorite.name);
        const item = this.groupItem(group ?? node.favorite, true);
        item.id = `favorite:${node.favorite.region}:${node.favorite.name}`;
        return item;
      }
      case 'region': {
        const item = new vscode.TreeItem(this.roots?.label(node.region.region) ?? node.region.region, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `region:${node.region.region}`;
        item.iconPath = regionIcon(!!node.region.error);
        item.description = rootDescription(node.region, `${node.region.groups.length}${node.region.nextToken ? '+' : ''} log groups`);
        item.tooltip = staleRootTooltip(node.region);
        return markRoot(item, this.roots?.marking(node.region.region), !!node.region.error);
      }
      case 'group': {
        const item = this.groupItem(node.group, this.store.isFavorite(node.group.region, node.group.name));
        item.id = `group:${node.group.region}:${node.group.name}`;
        return item;
      }
      case 'loadMore': {
        const item = new vscode.TreeItem('Load more…');
        item.id = `more:${node.region}:${this.store.regions.find((r) => r.region === node.region)?.groups.length ?? 0}`;
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: 'opsLens.logs.loadMore', title: 'Load more log groups', arguments: [node.region] };
        return item;
      }
      case 'error':
        return staleErrorItem(node.id, 'log groups', node.error, node.lastGood);
      case 'message': {
        const item = new vscode.TreeItem(node.text);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
    }
  }

  private groupItem(group: Group | Favorite, favorite: boolean): vscode.TreeItem {
    const item = new vscode.TreeItem(group.name);
    item.iconPath = new vscode.ThemeIcon(favorite ? 'star-full' : 'output');
    const full = 'storedBytes' in group || 'retentionInDays' in group ? (group as Group) : undefined;
    item.description = full ? [formatBytes(full.storedBytes), full.retentionInDays ? `${full.retentionInDays}d` : undefined].filter(Boolean).join(' · ') : group.region;
    item.tooltip = full ? groupTooltip(full) : untrustedMarkdown().appendText(`${group.name}\nRegion: ${group.region}`);
    item.contextValue = favorite ? 'logGroup.favorite' : 'logGroup';
    item.accessibilityInformation = { label: `Log group ${group.name}${favorite ? ', favorite' : ''}` };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
