import * as vscode from 'vscode';
import type { Services } from '../services';
import { affectsAws } from '../platform/config';
import type { HealthApi } from '../health/activation';
import type { HealthChangeLog } from '../investigate/healthChanges';
import type * as ToolHost from './toolHost';
import { runWithoutConfirmationArgs } from '../core/agent/confirmationSettings';

export const MCP_PROVIDER_ID = 'opsLens.mcpServer';

type Tool = vscode.LanguageModelTool<Record<string, unknown>>;

/**
 * The MCP server, started with the extension's current profiles, regions, endpoint and shared files. With
 * several profiles each keeps its own regions (the setting's, else its config's), as in the views.
 */
async function mcpServer(context: vscode.ExtensionContext, services: Services): Promise<vscode.McpStdioServerDefinition> {
  const { session } = services;
  const settings = session.settings;
  const args = [context.asAbsolutePath('dist/mcp/server.js')];
  const profiles = session.profileList ?? (settings.profile ? [settings.profile] : []);
  for (const profile of profiles) args.push('--profile', profile);
  const regions = session.profileList ? settings.regions : (await session.regions()).regions;
  for (const region of regions) args.push('--region', region);
  if (settings.endpointUrl) args.push('--endpoint-url', settings.endpointUrl);
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  if (folder) args.push(vscode.workspace.isTrusted ? '--workspace' : '--untrusted-workspace', folder.uri.fsPath);
  // Tools that cost money ask through MCP elicitation, unless the user's own setting for that tool says not to.
  const config = vscode.workspace.getConfiguration('opsLens');
  args.push(...runWithoutConfirmationArgs((key) => config.inspect(key)));
  const files = session.sharedFiles;
  // The extension host's own runtime runs the server as plain node; the SDK there reads the same shared files.
  return new vscode.McpStdioServerDefinition('Ops Lens', process.execPath, args, {
    ELECTRON_RUN_AS_NODE: '1',
    ...(files.configFilepath ? { AWS_CONFIG_FILE: files.configFilepath } : {}),
    ...(files.filepath ? { AWS_SHARED_CREDENTIALS_FILE: files.filepath } : {}),
  });
}

/** The tool names the extension contributes (package.json), registered before their code is loaded. */
function contributedToolNames(context: vscode.ExtensionContext): string[] {
  const tools = (context.extension.packageJSON as { contributes?: { languageModelTools?: { name?: unknown }[] } }).contributes?.languageModelTools ?? [];
  return tools.map((t) => t.name).filter((name): name is string => typeof name === 'string');
}

/**
 * `health`: the Health view's API, whose store the health tool reads (and asks for checks); `healthChanges`:
 * the state changes recorded since activation, which investigations show.
 */
export function activate(context: vscode.ExtensionContext, services: Services, health?: HealthApi, healthChanges?: HealthChangeLog): void {
  const lm = (vscode as { lm?: Partial<typeof vscode.lm> }).lm;
  let host: Map<string, Tool> | undefined;
  const toolNamed = (name: string): Tool => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    host ??= (require('./toolHost') as typeof ToolHost).createToolHost(context, services, {
      health,
      healthChanges: (endpoints, start, end) => (healthChanges ? { changes: healthChanges.between(endpoints, start, end), recordedSince: healthChanges.since } : { changes: [] }),
    });
    const tool = host.get(name);
    if (!tool) throw new Error(`Ops Lens has no tool named ${name}.`);
    return tool;
  };
  if (typeof lm?.registerTool === 'function') {
    for (const name of contributedToolNames(context)) {
      context.subscriptions.push(lm.registerTool<Record<string, unknown>>(name, {
        prepareInvocation: (options, token) => toolNamed(name).prepareInvocation?.(options, token),
        invoke: (options, token) => toolNamed(name).invoke(options, token),
      }));
    }
  } else {
    services.log.info('language model tools are not available in this editor; the Ops Lens tools are not registered');
  }
  if (typeof lm?.registerMcpServerDefinitionProvider === 'function' && typeof vscode.McpStdioServerDefinition === 'function') {
    const changed = new vscode.EventEmitter<void>();
    context.subscriptions.push(
      changed,
      vscode.workspace.onDidChangeConfiguration((e) => (affectsAws(e) || e.affectsConfiguration('opsLens.agent')) && changed.fire()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
      lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, { onDidChangeMcpServerDefinitions: changed.event, provideMcpServerDefinitions: async () => [await mcpServer(context, services)] }),
    );
  }
}
