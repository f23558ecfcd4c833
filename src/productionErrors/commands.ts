import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LineErrors } from '../core/productionErrors';
import { quoted } from '../core/text/notification';
import { notifyError, notifyInfo, notifyWarning } from '../platform/notify';
import { formatBytes } from '../core/insights/cost';
import { MAX_REFRESH_BYTES } from '../core/productionErrors/schedule';
import type { ProductionErrorsModel } from './model';
import { showPick } from '../platform/textSinks';

/** At most this many events go into an occurrences document (newest first). */
const MAX_OCCURRENCES = 5_000;

function findLine(model: ProductionErrorsModel, arg: unknown): LineErrors | undefined {
  const a = arg as { file?: unknown; line?: unknown } | undefined;
  const snapshot = model.snapshot;
  if (!snapshot || typeof a?.file !== 'string' || typeof a.line !== 'number') return undefined;
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const candidates = path.isAbsolute(a.file) ? [path.normalize(a.file)] : folders.map((f) => path.join(f, a.file as string));
  for (const file of candidates) {
    const found = snapshot.index.files.get(file)?.find((l) => l.line === a.line);
    if (found) return found;
  }
  return undefined;
}

export async function showOccurrences(model: ProductionErrorsModel, arg: unknown): Promise<unknown> {
  const snapshot = model.snapshot;
  const line = findLine(model, arg);
  if (!snapshot || !line) {
    void notifyInfo('No production errors are known for that line. Run "Ops Lens: Refresh Production Errors" first.');
    return undefined;
  }
  const events = line.events.map((i) => snapshot.index.events[i]).sort((a, b) => b.timestamp - a.timestamp);
  const shown = events.slice(0, MAX_OCCURRENCES);
  return vscode.commands.executeCommand('opsLens.insights.showEvents', {
    title: `Production errors at ${vscode.workspace.asRelativePath(line.file)}:${line.line}`,
    region: snapshot.regions.join(', '),
    logGroups: [...new Set(shown.map((e) => e.logGroup))],
    start: snapshot.start.getTime(),
    end: snapshot.end.getTime(),
    events: shown.map((e) => ({ timestamp: e.timestamp, message: e.message })),
    truncated: events.length > shown.length,
    rangeLabel: `production errors of the last refresh (${snapshot.rangeLabel})`,
  });
}

export async function showAll(model: ProductionErrorsModel): Promise<void> {
  const snapshot = model.snapshot;
  const lines = snapshot?.index.lines.filter((l) => l.count > 0) ?? [];
  if (!snapshot || lines.length === 0) {
    void notifyInfo(snapshot ? 'No workspace line failed in production in the range.' : 'No production errors yet. Set opsLens.productionErrors.logGroups and run "Ops Lens: Refresh Production Errors".');
    return;
  }
  const picked = await showPick(
    lines.map((l) => ({
      label: `${vscode.workspace.asRelativePath(l.file)}:${l.line}`,
      iconPath: new vscode.ThemeIcon('warning'),
      description: `${l.count.toLocaleString('en-US')}× ${l.kinds[0]?.title ?? ''}`,
      detail: l.onPath > 0 ? `also on the path of ${l.onPath.toLocaleString('en-US')}` : undefined,
      line: l,
    })),
    { title: `Production errors (${snapshot.rangeLabel}), most frequent first`, matchOnDescription: true },
  );
  if (!picked) return;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(picked.line.file));
  const position = new vscode.Position(Math.max(0, Math.min(picked.line.line, document.lineCount) - 1), 0);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
}

export async function refreshCommand(model: ProductionErrorsModel): Promise<void> {
  try {
    const snapshot = await model.refresh({ explicit: true });
    if (snapshot?.budgetReached) void notifyWarning(`Production errors: the refresh stopped once ${formatBytes(MAX_REFRESH_BYTES)} was scanned, the most one refresh reads; the counts are a lower bound. Narrow opsLens.productionErrors.range or the log groups.`);
    if (!snapshot && !model.lastError) void notifyInfo('Set opsLens.productionErrors.logGroups to the log groups your services write errors to.');
    else if (!snapshot && model.lastError) void notifyError(`Production errors: ${quoted(model.lastError)}`);
  } catch (err) {
    void notifyError(`Production errors could not be refreshed: ${quoted(err instanceof Error ? err.message : String(err))}`);
  }
}
