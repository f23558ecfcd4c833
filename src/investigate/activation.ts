import * as vscode from 'vscode';
import type { HealthApi } from '../health/api';
import type { Services } from '../services';
import type * as Feature from './feature';
import { HealthChangeLog } from './healthChanges';

export const INVESTIGATE_COMMAND = 'opsLens.alarms.investigate';

/**
 * Records health state changes from now on (investigations show those of their window) and registers
 * the command; the investigation itself (gathering, panel) loads on first use. Returns the recorded
 * changes, which the agent's investigations read too.
 */
export function activate(context: vscode.ExtensionContext, services: Services, health: HealthApi): HealthChangeLog {
  const healthLog = new HealthChangeLog();
  let feature: Feature.InvestigateFeature | undefined;
  const load = (): Feature.InvestigateFeature => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    feature ??= (require('./feature') as typeof Feature).createInvestigateFeature(context, services, healthLog);
    return feature;
  };
  context.subscriptions.push(
    health.store.onDidCheck((status) => healthLog.record(status)),
    vscode.commands.registerCommand(INVESTIGATE_COMMAND, (arg?: unknown) => load().investigate(arg)),
    // The investigation panel's title bar: shown only while one is in front, so the feature is loaded.
    vscode.commands.registerCommand('opsLens.investigation.refresh', () => feature?.rerunActive()),
    vscode.commands.registerCommand('opsLens.investigation.saveMarkdown', () => feature?.saveActive()),
  );
  return healthLog;
}
