import * as vscode from 'vscode';
import { readCommits } from '../investigate/commits';
import type { Services } from '../services';
import { markingLabel } from '../core/accounts/markings';
import { confirmWrite } from '../platform/confirmWrite';
import { readSetting } from '../platform/trust';
import { runbookPathCandidates } from '../core/runbooks/workspacePath';
import type { HealthApi } from '../health/api';
import { scopeOfArn } from '../aws/arnScope';
import { AGENT_TOOLS, invokeAgentTool, type AgentTool, type ToolContext } from './tools';
import { FolderFiles } from './tools/workspaceFiles';
import { QueryScanHistory } from './tools/scanHistory';
import type { WorkspaceDocument, WorkspaceFiles } from './tools/types';
import { confirmationBody, confirmationTitle } from './tools/confirmation';
import { runsWithoutConfirmation } from '../core/agent/confirmationSettings';
import { untrustedMarkdown } from '../platform/textSinks';

const QUERY_SCANS_KEY = 'opsLens.agent.queryScans';

/** Every local workspace folder; paths carry the folder's name when there are several. */
class WorkspaceFolderFiles implements WorkspaceFiles {
  roots(): string[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  }

  markdown(): Promise<WorkspaceDocument[]> {
    return this.all((f) => f.markdown());
  }

  savedQueries(): Promise<WorkspaceDocument[]> {
    return this.all((f) => f.savedQueries());
  }

  /** The effective value; in an untrusted workspace a restricted setting's user value only. */
  async setting(key: string): Promise<unknown> {
    return readSetting<unknown>(key, undefined);
  }

  async document(relativePath: string): Promise<WorkspaceDocument | undefined> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    for (const candidate of runbookPathCandidates(relativePath, folders.map((f) => f.name))) {
      const found = await new FolderFiles(folders[candidate.folder].uri.fsPath).document(candidate.path);
      if (found) return { ...found, path: relativePath };
    }
    return undefined;
  }

  private async all(read: (files: FolderFiles) => Promise<WorkspaceDocument[]>): Promise<WorkspaceDocument[]> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const docs = await Promise.all(folders.map(async (folder) => (await read(new FolderFiles(folder.uri.fsPath))).map((d) => (folders.length > 1 ? { ...d, path: `${folder.name}/${d.path}` } : d))));
    return docs.flat();
  }
}

/** Only the user's own setting for this tool may skip its confirmation: a cloned repository cannot make queries run (and cost) unasked. */
function skipsConfirmation(tool: AgentTool): boolean {
  const config = vscode.workspace.getConfiguration('opsLens');
  return runsWithoutConfirmation(tool.name, (key) => config.inspect(key));
}

function languageModelTool(tool: AgentTool, ctx: ToolContext): vscode.LanguageModelTool<Record<string, unknown>> {
  return {
    async prepareInvocation(options) {
      const invocationMessage = `${tool.displayName}…`;
      if (!tool.needsConfirmation || skipsConfirmation(tool)) return { invocationMessage };
      const text = (await tool.confirmationText?.(options.input ?? {}, ctx)) ?? '';
      return { invocationMessage, confirmationMessages: { title: confirmationTitle(tool), message: untrustedMarkdown().appendMarkdown(confirmationBody(text)) } };
    },
    async invoke(options) {
      const answer = await invokeAgentTool(tool, options.input ?? {}, ctx);
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(answer.text)]);
    },
  };
}

/** What the tools need from the running extension; the parts with state of their own stay in the activation bundle. */
export interface ToolHostDeps {
  readonly health?: HealthApi;
  readonly healthChanges: ToolContext['healthChanges'];
}

/** The tools' implementations and their context, loaded with the first tool a model calls (its own bundle). */
export function createToolHost(context: vscode.ExtensionContext, services: Services, deps: ToolHostDeps): Map<string, vscode.LanguageModelTool<Record<string, unknown>>> {
  const { health } = deps;
  const ctx: ToolContext = {
    cloudWatch: services.cloudWatch,
    logs: services.logs,
    stepFunctions: services.stepFunctions,
    metrics: services.metrics,
    cloudTrail: services.cloudTrail,
    commits: readCommits,
    regions: async () => [...(await services.session.regions()).regions],
    scopeOfArn: (arn) => scopeOfArn(services.session, arn),
    workspace: new WorkspaceFolderFiles(),
    definitions: async (resource) => (await vscode.commands.executeCommand<string[] | undefined>('opsLens.infraCode.locate', resource)) ?? [],
    queryScans: new QueryScanHistory({ get: () => context.globalState.get(QUERY_SCANS_KEY), set: (entries) => context.globalState.update(QUERY_SCANS_KEY, entries) }),
    healthChanges: deps.healthChanges,
    health: health && (async () => health.store),
    accountMarking: async (scope) => {
      const { marking } = await services.accounts.resolve(scope);
      return marking && markingLabel(marking);
    },
    confirmChange: (request) => confirmWrite(services, { ...request, question: { message: `A chat tool asks to ${request.action.charAt(0).toLowerCase()}${request.action.slice(1)}. Allow it?`, buttons: ['Allow'] } }),
  };
  return new Map(AGENT_TOOLS.map((tool) => [tool.name, languageModelTool(tool, ctx)]));
}
