import type { ScopeId } from '../core/scope';
import type * as vscode from 'vscode';
import type { SavedQuery } from './savedQueries';

export interface HistoryEntry {
  readonly name: string;
  readonly text: string;
  readonly logGroups: readonly string[];
  readonly range: string;
  readonly region: ScopeId;
  readonly at: string;
  readonly status: string;
  readonly recordsMatched?: number;
  readonly source: SavedQuery['source'];
  readonly language?: SavedQuery['language'];
  readonly uri?: string;
  readonly startLine?: number;
}

const KEY = 'opsLens.insights.history';
const MAX = 50;

/** The last 50 runs, newest first, kept in the extension's global state. */
export class QueryHistory {
  constructor(private readonly state: vscode.Memento) {}

  list(): HistoryEntry[] {
    const value = this.state.get<HistoryEntry[]>(KEY, []);
    return Array.isArray(value) ? value : [];
  }

  async add(entry: HistoryEntry): Promise<void> {
    await this.state.update(KEY, [entry, ...this.list()].slice(0, MAX));
  }
}
