import * as vscode from 'vscode';
import { staleMarker, staleTooltip } from '../core/time/stale';

/** What a scope's root row needs to say that its items are stale. */
export interface ScopeHealth {
  readonly error?: Error;
  readonly loadedAt?: Date;
  readonly staleSince?: Date;
}

/** Appended to a scope root's description: ` · stale since HH:MM — reason`, or ` · not loaded` when nothing was ever read. */
export function staleSuffix(scope: ScopeHealth): string {
  if (!scope.error) return '';
  return scope.loadedAt ? ` · ${staleMarker(scope.staleSince ?? new Date(), scope.error.message)}` : ' · not loaded';
}

/** The tooltip of a failing scope's root: the whole reason and the time of the last good read. */
export function staleRootTooltip(scope: ScopeHealth): vscode.MarkdownString | undefined {
  return scope.error ? new vscode.MarkdownString().appendText(staleTooltip(scope.error.message, scope.loadedAt, new Date())) : undefined;
}
