import * as vscode from 'vscode';
import { SdkMetrics } from '../aws/services/metrics';
import type { HealthApi } from '../health/activation';
import type { Services } from '../services';
import type * as Feature from './feature';
import { HealthChangeLog } from './healthChanges';

export const INVESTIGATE_COMMAND = 'opsLens.alarms.investigate';

let recorded: HealthChangeLog | undefined;

/** The health changes recorded since activation, for the agent's investigations. */
export function recordedHealthChanges(): HealthChangeLog | undefined {
  return recorded;
}

/**
 * Records health state changes from now on (investigations show those of their window) and registers
 * the command; the investigation itself (gathering, panel) loads on first use.
 */
export function activate(context: vscode.ExtensionContext, services: Services, health: HealthApi): void {
  const healthLog = new HealthChangeLog();
  recorded = healthLog;
  let feature: Feature.InvestigateFeature | undefined;
  const load = (): Feature.InvestigateFeature => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    feature ??= (require('./feature') as typeof Feature).createInvestigateFeature(context, services, new SdkMetrics(services.session), healthLog);
    return feature;
  };
  context.subscriptions.push(
    health.store.onDidCheck((status) => healthLog.record(status)),
    vscode.commands.registerCommand(INVESTIGATE_COMMAND, (arg?: unknown) => load().investigate(arg)),
  );
}
