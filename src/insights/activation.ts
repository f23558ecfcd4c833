import * as vscode from 'vscode';
import type { Services } from '../services';
import type * as Feature from './feature';
import { registerLanguageFeatures } from './language';

const RESULTS_SCHEME = 'ops-lens-insights';

const COMMANDS = [
  'opsLens.insights.runSavedQuery',
  'opsLens.insights.runQuery',
  'opsLens.insights.saveQuery',
  'opsLens.insights.showChart',
  'opsLens.insights.exportResults',
  'opsLens.insights.rerun',
  'opsLens.insights.changeRange',
  'opsLens.insights.showHistory',
  'opsLens.insights.showEvents',
] as const;

/**
 * The `.insights` language (diagnostics, completion, CodeLens) is registered now; running queries,
 * results documents, source links and export load with the first command.
 */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  let feature: Feature.InsightsFeature | undefined;
  const load = (): Feature.InsightsFeature => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    feature ??= (require('./feature') as typeof Feature).createInsightsFeature(context, services);
    return feature;
  };
  context.subscriptions.push(
    ...registerLanguageFeatures(services),
    // Results documents restored after a reload ask for their content before any command ran.
    vscode.workspace.registerTextDocumentContentProvider(RESULTS_SCHEME, { provideTextDocumentContent: (uri) => load().results.provideTextDocumentContent(uri) }),
    ...COMMANDS.map((id) => vscode.commands.registerCommand(id, (...args: never[]) => load().commands[id](...args))),
  );
}
