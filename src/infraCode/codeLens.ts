import * as vscode from 'vscode';
import { definitionsIn, isIndexedPath } from '../core/infraCode/definitions';
import type { DefinitionIndex } from '../core/infraCode/definitionIndex';
import { alarmDrift } from '../core/infraCode/drift';
import { readTimeZone } from '../platform/timeZone';
import { alarmStateText, executionsText, logGroupText } from '../core/infraCode/liveText';
import type { Definition } from '../core/infraCode/model';
import { label } from '../core/text/label';
import { codeLens } from '../platform/textSinks';
import type { LiveInfo, LiveState } from './liveState';

/** Unsaved edits of documents up to this size are parsed on the extension host; others' lenses come from the index. */
const MAX_PARSED_IN_EDITOR = 50_000;

export interface LensDeps {
  readonly index: DefinitionIndex;
  /** The first indexing of the workspace. */
  readonly ready: Promise<void>;
  readonly live: LiveState;
  /** The index's key of a document, or undefined outside the workspace. */
  readonly fileOf: (uri: vscode.Uri) => string | undefined;
  readonly hasCommand: (id: string) => boolean;
  readonly now?: () => Date;
}

/** A CodeLens on each definition with the live state of what it defines; nothing for resources not found. */
export class InfraCodeLens implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly deps: LensDeps) {}

  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const definitions = await this.definitionsOf(document);
    if (definitions.length === 0) return [];
    await this.deps.live.load(definitions);
    return this.lenses(definitions);
  }

  /** A saved file's definitions come from the index (parsed off the extension host); small unsaved edits are parsed here. */
  async definitionsOf(document: vscode.TextDocument): Promise<readonly Definition[]> {
    const file = this.deps.fileOf(document.uri);
    if (!file || !isIndexedPath(file)) return [];
    if (document.isDirty && document.getText().length <= MAX_PARSED_IN_EDITOR) return definitionsIn(file, document.getText());
    await this.deps.ready;
    return this.deps.index.definitionsOf(file);
  }

  /** The lenses of definitions whose live state is loaded. */
  lenses(definitions: readonly Definition[]): vscode.CodeLens[] {
    const now = this.deps.now?.() ?? new Date();
    const out: vscode.CodeLens[] = [];
    for (const d of definitions) {
      const info = this.deps.live.lookup(d);
      if (!info) continue;
      const range = new vscode.Range(d.line - 1, 0, d.line - 1, 0);
      out.push(...this.lensesOf(d, info, range, now));
    }
    return out;
  }

  private lensesOf(d: Definition, info: LiveInfo, range: vscode.Range, now: Date): vscode.CodeLens[] {
    const where = { name: info.name, region: info.scope };
    switch (info.kind) {
      case 'alarm': {
        const drift = alarmDrift(d.alarm, info);
        return [
          codeLens(range, label`$(bell) ${alarmStateText(info.state, info.since, now, readTimeZone())}`, { command: 'opsLens.alarms.showDetails', arguments: [where], tooltip: 'Show the live alarm' }),
          ...drift.map((text) => codeLens(range, label`$(warning) Drift: ${text}`, { command: 'opsLens.alarms.showDetails', arguments: [where], tooltip: 'The live alarm differs from this code: a console change the next deploy would undo' })),
          codeLens(range, label`Investigate`, { command: 'opsLens.alarms.investigate', arguments: [where] }),
          codeLens(range, label`Chart`, { command: 'opsLens.alarms.showChart', arguments: [where] }),
        ];
      }
      case 'stateMachine': {
        const graph = this.deps.hasCommand('opsLens.stepFunctions.showGraph');
        const summary = codeLens(range, label`$(symbol-event) ${executionsText(info.recent, info.failed, info.more)}`, { command: 'opsLens.stepFunctions.filterStatus', arguments: [info.arn] });
        if (graph) return [summary, codeLens(range, label`Show Graph`, { command: 'opsLens.stepFunctions.showGraph', arguments: [info.arn] })];
        return info.latestExecutionArn ? [summary, codeLens(range, label`Show Execution`, { command: 'opsLens.stepFunctions.showExecution', arguments: [info.latestExecutionArn] })] : [summary];
      }
      case 'logGroup': {
        const group = { logGroupName: info.name, region: info.scope };
        return [
          codeLens(range, label`$(output) ${logGroupText(info.storedBytes, info.retentionDays)}`, { command: 'opsLens.logs.tail', arguments: [group] }),
          codeLens(range, label`Tail`, { command: 'opsLens.logs.tail', arguments: [group] }),
          codeLens(range, label`Query`, { command: 'opsLens.logs.runQuery', arguments: [group] }),
        ];
      }
      case 'dashboard':
        return [codeLens(range, label`$(dashboard) Dashboard ${info.name}: Open`, { command: 'opsLens.metrics.openDashboard', arguments: [where] })];
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
