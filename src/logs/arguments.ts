import { parseScopeId, type ScopeId } from '../core/scope';
import * as vscode from 'vscode';
import type { LogsApi } from '../aws/services/logs';
import { groupRegion } from '../core/logs/groupRegion';
import type { LogsNode } from './tree';
import { toGroup, type Group, type LogsStore } from './store';
import { showPick } from '../platform/textSinks';

/** A log group a command was given: by name (where the view lists it, else in the first region), `{ logGroupName, region }`, or a view item. */
export interface GroupRef {
  readonly region?: ScopeId;
  readonly name: string;
}

export function refsFromArguments(arg: unknown, selected?: unknown): GroupRef[] {
  const all = Array.isArray(selected) && selected.length > 1 ? selected : Array.isArray(arg) ? arg : [arg];
  return all.flatMap((a): GroupRef[] => {
    if (typeof a === 'string' && a.trim()) return [{ name: a.trim() }];
    const node = a as Partial<LogsNode> & { logGroupName?: unknown; region?: unknown } | undefined;
    if (node?.kind === 'group' && node.group) return [{ region: node.group.region, name: node.group.name }];
    if (node?.kind === 'favorite' && node.favorite) return [{ region: node.favorite.region, name: node.favorite.name }];
    if (typeof node?.logGroupName === 'string') return [{ name: node.logGroupName, region: parseScopeId(node.region) }];
    return [];
  });
}

/** The groups to act on: those given, or those picked from the listed ones (up to `max`). */
export async function groupsFor(store: LogsStore, refs: GroupRef[], defaultRegion: ScopeId, ensureLoaded: () => Promise<unknown>, max: number, title: string): Promise<Required<GroupRef>[] | undefined> {
  if (refs.length > 0) return refs.slice(0, max).map((r) => ({ region: r.region ?? groupRegion(r.name, store.regions.flatMap((g) => g.groups), store.favorites, defaultRegion), name: r.name }));
  await ensureLoaded();
  const listed = [...store.favorites, ...store.regions.flatMap((r) => r.groups)];
  const seen = new Set<string>();
  const items = listed.filter((g) => !seen.has(`${g.region}|${g.name}`) && seen.add(`${g.region}|${g.name}`)).map((g) => ({ label: g.name, description: g.region, group: g }));
  if (items.length === 0) {
    const typed = await vscode.window.showInputBox({ title, prompt: 'Log group name' });
    return typed?.trim() ? [{ region: defaultRegion, name: typed.trim() }] : undefined;
  }
  const picked = await showPick(items, { title, canPickMany: max > 1, placeHolder: max > 1 ? `Up to ${max} log groups` : 'Log group' });
  const list = picked === undefined ? [] : Array.isArray(picked) ? picked : [picked];
  return list.length ? list.slice(0, max).map((p) => ({ region: p.group.region, name: p.group.name })) : undefined;
}

/** A group with its ARN, from the view or DescribeLogGroups; undefined when the region has no such group. */
export async function describeGroup(api: LogsApi, store: LogsStore, ref: Required<GroupRef>): Promise<Group | undefined> {
  const known = store.find(ref.region, ref.name);
  if (known?.arn) return known;
  let token: string | undefined;
  for (let page = 0; page < 20; page++) {
    const out = await api.logGroupPage(ref.region, { prefix: ref.name, nextToken: token });
    const found = out.groups.find((g) => g.logGroupName === ref.name);
    if (found) return toGroup(ref.region, found);
    if (!out.nextToken || out.nextToken === token) return undefined;
    token = out.nextToken;
  }
  return undefined;
}
