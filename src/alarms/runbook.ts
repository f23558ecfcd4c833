import * as vscode from 'vscode';
import type { CloudWatchApi } from '../aws/services/cloudWatch';
import type { Alarm } from '../core/alarms/model';
import { findHeading, markdownHeadings } from '../core/runbooks/headings';
import { resolveRunbook, type Runbook, type RunbookMapping } from '../core/runbooks/resolve';
import { writeSetting } from '../platform/config';
import { notifyError, notifyInfo, notifyWarning } from '../platform/notify';
import { quoted } from '../core/text/notification';
import { readSetting } from '../platform/trust';
import { readScannedFile } from '../platform/files';
import { runbookPathCandidates } from '../core/runbooks/workspacePath';

const MAX_DOCUMENTS = 300;
const MAX_MARKDOWN_CHARS_IN_ALL = 8 * 1024 * 1024;

async function workspaceMarkdown(): Promise<{ path: string; text: string }[]> {
  const files = await vscode.workspace.findFiles('**/*.{md,markdown}', '{**/node_modules/**,**/.git/**}', MAX_DOCUMENTS);
  const docs = await Promise.all(files.map(async (uri) => {
    const text = await readScannedFile(uri);
    return text === undefined ? undefined : { path: vscode.workspace.asRelativePath(uri, vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1), text };
  }));
  const found = docs.filter((d): d is { path: string; text: string } => d !== undefined).sort((a, b) => a.path.localeCompare(b.path));
  // Headings are matched in at most this much text, however many large files the workspace has.
  let total = 0;
  return found.filter((d) => (total += d.text.length) <= MAX_MARKDOWN_CHARS_IN_ALL);
}

/** `knownTags`: the alarm's tags when the caller has read them already (they are not read again). */
export async function findRunbook(alarm: Pick<Alarm, 'region' | 'name' | 'description' | 'arn'>, cloudWatch: CloudWatchApi, log: vscode.LogOutputChannel, knownTags?: Record<string, string>): Promise<Runbook | undefined> {
  const mappings = readSetting<RunbookMapping[]>('runbooks', []);
  const quick = resolveRunbook({ alarmName: alarm.name, description: alarm.description, mappings: Array.isArray(mappings) ? mappings : [] });
  if (quick) return quick;
  let tags: Record<string, string> = knownTags ?? {};
  if (alarm.arn && !knownTags) {
    try {
      tags = await cloudWatch.tags(alarm.region, alarm.arn);
    } catch (err) {
      log.warn(`tags of ${alarm.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return resolveRunbook({ alarmName: alarm.name, description: '', mappings: [], tags, documents: await workspaceMarkdown() });
}

/** The file a workspace path names (see runbookPathCandidates: a folder's name is not joined twice). */
async function workspaceFile(relative: string): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  for (const candidate of runbookPathCandidates(relative, folders.map((f) => f.name))) {
    const folder = folders[candidate.folder];
    const path = candidate.path;
    const uri = vscode.Uri.joinPath(folder.uri, path);
    if (!uri.path.startsWith(`${folder.uri.path.replace(/\/$/, '')}/`)) continue;
    try {
      await vscode.workspace.fs.stat(uri);
      return uri;
    } catch {
      // try the next folder
    }
  }
  return undefined;
}

/** A link from an alarm's description or tag is shown before it opens, unless the user's own settings map to it. */
async function confirmRunbookUrl(runbook: Extract<Runbook, { kind: 'url' }>): Promise<boolean> {
  const userTargets = vscode.workspace.getConfiguration('opsLens').inspect<RunbookMapping[]>('runbooks')?.globalValue;
  if (Array.isArray(userTargets) && userTargets.some((m) => typeof m?.target === 'string' && m.target.trim() === runbook.url)) return true;
  const from = runbook.source === 'setting' ? 'a runbook mapping in this workspace\'s settings' : runbook.source === 'tag' ? 'the alarm\'s "runbook" tag' : 'the alarm\'s description';
  const open = 'Open Link';
  const picked = await notifyWarning(`Open ${runbook.url}?`, { modal: true, detail: `The link comes from ${from}, which is not checked by Ops Lens. Map the alarm to it in your user settings (opsLens.runbooks) to open it without asking.` }, open);
  return picked === open;
}

export async function openRunbook(runbook: Runbook, log: vscode.LogOutputChannel): Promise<void> {
  if (runbook.kind === 'url') {
    if (!(await confirmRunbookUrl(runbook))) return;
    log.info(`opening runbook ${runbook.url} (from ${runbook.source})`);
    await vscode.env.openExternal(vscode.Uri.parse(runbook.url, true));
    return;
  }
  const uri = await workspaceFile(runbook.path);
  if (!uri) {
    void notifyError(`The runbook ${quoted(runbook.path)} (from ${runbook.source}) is not in this workspace.`, 'Open Settings').then((b) => b && vscode.commands.executeCommand('workbench.action.openSettings', 'opsLens.runbooks'));
    return;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  let line = runbook.line;
  if (line === undefined && runbook.anchor) {
    line = findHeading(markdownHeadings(document.getText()), runbook.anchor)?.line;
    if (line === undefined) void notifyWarning(`No heading "${quoted(runbook.anchor)}" in ${quoted(runbook.path)}; opened the file at the top.`);
  }
  const position = new vscode.Position(line ?? 0, 0);
  log.info(`opening runbook ${runbook.path}${line !== undefined ? ` at line ${line + 1}` : ''} (from ${runbook.source})`);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview: false });
  const editor = vscode.window.activeTextEditor;
  editor?.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
}

/** No runbook: offer to map this alarm to one. */
export async function offerMapping(alarm: Alarm): Promise<void> {
  const add = 'Add Runbook Mapping…';
  const picked = await notifyInfo(`No runbook found for ${quoted(alarm.name, 120)}: no opsLens.runbooks mapping, no https link in its description, no "runbook" tag and no matching heading in the workspace's markdown.`, add);
  if (picked !== add) return;
  const target = await vscode.window.showInputBox({
    title: `Runbook for ${alarm.name}`,
    prompt: 'An https URL, or a workspace path with an optional #heading',
    placeHolder: 'docs/runbooks.md#High CPU  or  https://wiki.example.com/runbooks/high-cpu',
    validateInput: (v) => (/^https:\/\/\S+$/i.test(v.trim()) || (/^[^:]+$/.test(v.trim()) && !v.includes('..')) ? undefined : 'Enter an https URL or a workspace-relative path'),
  });
  if (!target) return;
  const current = readSetting<RunbookMapping[]>('runbooks', []);
  await writeSetting('runbooks', [...(Array.isArray(current) ? current : []), { alarm: alarm.name, target: target.trim() }]);
  void notifyInfo(`Runbook for ${quoted(alarm.name, 120)} saved in opsLens.runbooks.`);
}
