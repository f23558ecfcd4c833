import * as vscode from 'vscode';
import type { Services } from '../services';
import { awsQueries } from './awsQueries';
import { workspaceQueries, type SavedQuery } from './savedQueries';
import { notifyError, notifyInfo } from '../platform/notify';
import { quoted } from '../core/text/notification';
import { showPick, withWindowProgress } from '../platform/textSinks';

const SECTION: Record<SavedQuery['source'], string> = { aws: 'Saved in CloudWatch Logs', file: 'Workspace query files', markdown: 'Runbooks (markdown blocks)' };

async function allQueries(services: Services): Promise<{ queries: SavedQuery[]; errors: string[] }> {
  const [aws, local] = await Promise.all([awsQueries(services.session, services.logs).catch((err: Error) => ({ queries: [], errors: [err.message] })), workspaceQueries()]);
  return { queries: [...aws.queries, ...local], errors: aws.errors };
}

/** A saved query by name (argument), or picked from the three sources. */
export async function pickSavedQuery(services: Services, name?: string): Promise<SavedQuery | undefined> {
  const { queries, errors } = await withWindowProgress('Finding saved queries…', () => allQueries(services));
  if (errors.length) services.log.warn(`query definitions: ${errors.join('; ')}`);
  if (name) {
    const wanted = name.trim().toLowerCase();
    const found = queries.find((q) => q.name.toLowerCase() === wanted) ?? queries.find((q) => q.name.toLowerCase().replace(/^\d+\.\s*/, '') === wanted.replace(/^\d+\.\s*/, ''));
    if (!found) void notifyError(`No saved query named "${quoted(name, 120)}" in CloudWatch Logs, the workspace's .insights files or its markdown runbooks.`);
    return found;
  }
  if (queries.length === 0) {
    const message = errors.length ? `No saved queries found, and CloudWatch query definitions could not be read: ${errors[0]}` : 'No saved queries yet: add a .insights file, a query block to a markdown runbook, or save one with "Ops Lens: Save Query to CloudWatch".';
    void notifyInfo(message);
    return undefined;
  }
  type Item = vscode.QuickPickItem & { query?: SavedQuery };
  const items: Item[] = [];
  for (const source of ['aws', 'file', 'markdown'] as const) {
    const group = queries.filter((q) => q.source === source);
    if (!group.length) continue;
    items.push({ label: SECTION[source], kind: vscode.QuickPickItemKind.Separator });
    for (const q of group) {
      items.push({
        label: q.name,
        description: q.source === 'aws' ? q.region : q.uri ? vscode.workspace.asRelativePath(q.uri) : undefined,
        detail: [q.logGroups?.join(', '), q.range].filter(Boolean).join(' · ') || q.text.split('\n').find((l) => l.trim() && !/^\s*(#|--)/.test(l))?.trim(),
        query: q,
      });
    }
  }
  const picked = await showPick(items, { title: 'Run a saved Logs Insights query', matchOnDescription: true, matchOnDetail: true, placeHolder: errors.length ? 'CloudWatch query definitions could not be read (see the Ops Lens output); workspace queries below' : 'Query name' });
  return picked?.query;
}
