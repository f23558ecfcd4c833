import type * as vscode from 'vscode';
import { quoted } from '../core/text/notification';
import { staleMarker, staleRowLabel, staleTooltip } from '../core/time/stale';
import { unreadWhy, type ReadFailure } from '../core/watch/unread';
import { errorTreeItem } from './errorItem';
import { readTimeZone } from './timeZone';
import { untrustedMarkdown } from './textSinks';

/** What a scope's root row needs to say that its items are stale. */
export interface ScopeHealth {
  readonly error?: Error & Partial<ReadFailure>;
  readonly loadedAt?: Date;
  readonly staleSince?: Date;
}

/**
 * Appended to a scope root's description: ` · stale since HH:MM — reason`, ` · not loaded` when nothing
 * was ever read, or just the reason when the items are fresh but a further page failed.
 */
export function staleSuffix(scope: ScopeHealth): string {
  if (!scope.error) return '';
  if (!scope.loadedAt) return ' · not loaded';
  return ` · ${scope.staleSince ? staleMarker(scope.staleSince, scope.error.message, readTimeZone()) : quoted(scope.error.message, 80)}`;
}

/**
 * A scope root's description: `count` with its stale suffix, or `not read — SSO session expired` when
 * nothing could be read (never a count of 0 for a scope whose items are unknown).
 */
export function rootDescription(scope: ScopeHealth, count: string): string {
  return scope.error && !scope.loadedAt ? `not read — ${unreadWhy(scope.error)}` : `${count}${staleSuffix(scope)}`;
}

/** The tooltip of a failing scope's root: the whole reason and the time of the last good read. */
export function staleRootTooltip(scope: ScopeHealth): vscode.MarkdownString | undefined {
  return scope.error ? untrustedMarkdown().appendText(staleTooltip(scope.error.message, scope.loadedAt, new Date(), readTimeZone())) : undefined;
}

/** The row under a failing scope: what it shows instead (`Stale: … as of HH:MM:SS`), the reason in its tooltip, click to fix or retry. */
export function staleErrorItem(id: string, items: string, error: Error, lastGood: Date | undefined): vscode.TreeItem {
  const item = errorTreeItem(id, staleRowLabel(items, lastGood, readTimeZone()), error);
  item.tooltip = untrustedMarkdown().appendText(staleTooltip(error.message, lastGood, new Date(), readTimeZone()));
  return item;
}
