import * as vscode from 'vscode';
import { quoted } from '../core/text/notification';
import { staleMarker, staleTooltip } from '../core/time/stale';

/** What a scope's root row needs to say that its items are stale. */
export interface ScopeHealth {
  readonly error?: Error;
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
  return ` · ${scope.staleSince ? staleMarker(scope.staleSince, scope.error.message) : quoted(scope.error.message, 80)}`;
}

/** The tooltip of a failing scope's root: the whole reason and the time of the last good read. */
export function staleRootTooltip(scope: ScopeHealth): vscode.MarkdownString | undefined {
  return scope.error ? new vscode.MarkdownString().appendText(staleTooltip(scope.error.message, scope.loadedAt, new Date())) : undefined;
}
