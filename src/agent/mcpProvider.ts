import * as vscode from 'vscode';
import { runWithoutConfirmationArgs } from '../core/agent/confirmationSettings';
import { mcpServerArgs, mcpServerEnv } from '../core/agent/mcpServerArgs';
import { affectsAws } from '../platform/config';
import type { Services } from '../services';

export const MCP_PROVIDER_ID = 'opsLens.mcpServer';

/**
 * The MCP server, started with the extension's current profiles, regions, endpoint and shared files. With
 * several profiles each keeps its own regions (the setting's, else its config's), as in the views.
 */
async function mcpServer(context: vscode.ExtensionContext, services: Services): Promise<vscode.McpStdioServerDefinition> {
  const { session } = services;
  const settings = session.settings;
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  // Tools that cost money ask through MCP elicitation, unless the user's own setting for that tool says not to.
  const config = vscode.workspace.getConfiguration('opsLens');
  const args = mcpServerArgs({
    serverScript: context.asAbsolutePath('dist/mcp/server.js'),
    profiles: session.profileList ?? (settings.profile ? [settings.profile] : []),
    regions: session.profileList ? settings.regions : (await session.regions()).regions,
    ...(settings.endpointUrl ? { endpointUrl: settings.endpointUrl } : {}),
    ...(folder ? { folder: { path: folder.uri.fsPath, trusted: vscode.workspace.isTrusted } } : {}),
    runWithoutConfirmation: runWithoutConfirmationArgs((key) => config.inspect(key)),
  });
  // The extension host's own runtime runs the server as plain node; the SDK there reads the same shared files.
  return new vscode.McpStdioServerDefinition('Ops Lens', process.execPath, args, mcpServerEnv(session.sharedFiles));
}

/** Offers the server to the editor's MCP support, and offers it anew when the AWS or agent settings, folders or trust change. */
export function registerMcpProvider(context: vscode.ExtensionContext, services: Services, lm: Partial<typeof vscode.lm> | undefined): vscode.Disposable[] {
  if (typeof lm?.registerMcpServerDefinitionProvider !== 'function' || typeof vscode.McpStdioServerDefinition !== 'function') return [];
  const changed = new vscode.EventEmitter<void>();
  return [
    changed,
    vscode.workspace.onDidChangeConfiguration((e) => (affectsAws(e) || e.affectsConfiguration('opsLens.agent')) && changed.fire()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
    lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, { onDidChangeMcpServerDefinitions: changed.event, provideMcpServerDefinitions: async () => [await mcpServer(context, services)] }),
  ];
}
