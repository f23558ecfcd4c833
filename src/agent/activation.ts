import * as vscode from 'vscode';
import type { Services } from '../services';
import { affectsAws } from '../platform/config';
import { readSetting } from '../platform/trust';
import { runbookPathCandidates } from '../core/runbooks/workspacePath';
import type { HealthApi } from '../health/activation';
import { SdkMetrics } from '../aws/services/metrics';
import { AGENT_TOOLS, invokeAgentTool, type AgentTool, type ToolContext } from './tools';
import { FolderFiles } from './tools/workspaceFiles';
import { QueryScanHistory } from './tools/scanHistory';
import { recordedHealthChanges } from '../investigate/activation';
import type { WorkspaceDocument, WorkspaceFiles } from './tools/types';

export const MCP_PROVIDER_ID = 'opsLens.mcpServer';
const SKIP_CONFIRMATION_SETTING = 'agent.runQueriesWithoutConfirmation';
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

/** Only the user's own settings may skip the confirmation: a cloned repository cannot make queries run (and cost) unasked. */
function skipsQueryConfirmation(): boolean {
  return vscode.workspace.getConfiguration('opsLens').inspect<boolean>(SKIP_CONFIRMATION_SETTING)?.globalValue === true;
}

function languageModelTool(tool: AgentTool, ctx: ToolContext): vscode.LanguageModelTool<Record<string, unknown>> {
  return {
    async prepareInvocation(options) {
      const invocationMessage = `${tool.displayName}…`;
      if (!tool.needsConfirmation || skipsQueryConfirmation()) return { invocationMessage };
      const text = (await tool.confirmationText?.(options.input ?? {}, ctx)) ?? '';
      const fence = '`'.repeat(Math.max(3, ...(text.match(/`+/g) ?? []).map((r) => r.length + 1)));
      return {
        invocationMessage,
        confirmationMessages: { title: `${tool.displayName}? (AWS charges per GB scanned)`, message: new vscode.MarkdownString(`${fence}text\n${text}\n${fence}`) },
      };
    },
    async invoke(options) {
      const answer = await invokeAgentTool(tool, options.input ?? {}, ctx);
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(answer.text)]);
    },
  };
}

/** The MCP server, started with the extension's current profile, regions and endpoint. */
async function mcpServer(context: vscode.ExtensionContext, services: Services): Promise<vscode.McpStdioServerDefinition> {
  const settings = services.session.settings;
  const args = [context.asAbsolutePath('dist/mcp/server.js')];
  if (settings.profile) args.push('--profile', settings.profile);
  for (const region of (await services.session.regions()).regions) args.push('--region', region);
  if (settings.endpointUrl) args.push('--endpoint-url', settings.endpointUrl);
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  if (folder) args.push(vscode.workspace.isTrusted ? '--workspace' : '--untrusted-workspace', folder.uri.fsPath);
  // The extension host's own runtime runs the server as plain node.
  return new vscode.McpStdioServerDefinition('Ops Lens', process.execPath, args, { ELECTRON_RUN_AS_NODE: '1' });
}

/** `health`: the Health view's API, whose store the health tool reads (and asks for checks). */
export function activate(context: vscode.ExtensionContext, services: Services, health?: HealthApi): void {
  const lm = (vscode as { lm?: Partial<typeof vscode.lm> }).lm;
  const ctx: ToolContext = {
    cloudWatch: services.cloudWatch,
    logs: services.logs,
    stepFunctions: services.stepFunctions,
    metrics: new SdkMetrics(services.session),
    regions: async () => [...(await services.session.regions()).regions],
    workspace: new WorkspaceFolderFiles(),
    queryScans: new QueryScanHistory({ get: () => context.globalState.get(QUERY_SCANS_KEY), set: (entries) => context.globalState.update(QUERY_SCANS_KEY, entries) }),
    healthChanges: (endpoints, start, end) => {
      const log = recordedHealthChanges();
      return log ? { changes: log.between(endpoints, start, end), recordedSince: log.since } : { changes: [] };
    },
    health: health && (async () => health.store),
  };
  if (typeof lm?.registerTool === 'function') {
    for (const tool of AGENT_TOOLS) context.subscriptions.push(lm.registerTool(tool.name, languageModelTool(tool, ctx)));
  } else {
    services.log.info('language model tools are not available in this editor; the Ops Lens tools are not registered');
  }
  if (typeof lm?.registerMcpServerDefinitionProvider === 'function' && typeof vscode.McpStdioServerDefinition === 'function') {
    const changed = new vscode.EventEmitter<void>();
    context.subscriptions.push(
      changed,
      vscode.workspace.onDidChangeConfiguration((e) => affectsAws(e) && changed.fire()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
      lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, { onDidChangeMcpServerDefinitions: changed.event, provideMcpServerDefinitions: async () => [await mcpServer(context, services)] }),
    );
  }
}
