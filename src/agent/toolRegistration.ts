import type * as vscode from 'vscode';
import type { HealthApi } from '../health/api';
import type { HealthChangeLog } from '../investigate/healthChanges';
import type { Services } from '../services';
import type * as ToolHost from './toolHost';

type Tool = vscode.LanguageModelTool<Record<string, unknown>>;

/** The tool names the extension contributes (package.json), registered before their code is loaded. */
function contributedToolNames(context: vscode.ExtensionContext): string[] {
  const tools = (context.extension.packageJSON as { contributes?: { languageModelTools?: { name?: unknown }[] } }).contributes?.languageModelTools ?? [];
  return tools.map((t) => t.name).filter((name): name is string => typeof name === 'string');
}

/** Registers every contributed tool now; the tools' code loads with the first call to any of them. */
export function registerTools(context: vscode.ExtensionContext, services: Services, lm: Partial<typeof vscode.lm> | undefined, health?: HealthApi, healthChanges?: HealthChangeLog): vscode.Disposable[] {
  if (typeof lm?.registerTool !== 'function') {
    services.log.info('language model tools are not available in this editor; the Ops Lens tools are not registered');
    return [];
  }
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
  const api = lm as Pick<typeof vscode.lm, 'registerTool'>;
  return contributedToolNames(context).map((name) => api.registerTool<Record<string, unknown>>(name, {
    prepareInvocation: (options, token) => toolNamed(name).prepareInvocation?.(options, token),
    invoke: (options, token) => toolNamed(name).invoke(options, token),
  }));
}
