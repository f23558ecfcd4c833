import * as vscode from 'vscode';
import { AwsSession } from './aws/session';
import { formatCallRecord } from './aws/callLog';
import { OutageNotices } from './aws/outages';
import { SdkCloudWatch } from './aws/services/cloudWatch';
import { SdkLogs } from './aws/services/logs';
import { SdkMetrics } from './aws/services/metrics';
import { SdkStepFunctions } from './aws/services/stepFunctions';
import { SdkCloudTrail } from './aws/services/cloudTrail';
import { readAwsSettings } from './platform/config';
import { RefreshHub } from './platform/refresh';
import { AccountLabels } from './session/accountLabels';
import type { Services } from './services';
import * as sessionFeature from './session/activation';
import * as alarms from './alarms/activation';
import * as firing from './firing/activation';
import * as stepFunctions from './stepFunctions/activation';
import * as health from './health/activation';
import * as insights from './insights/activation';
import * as metrics from './metrics/activation';
import * as productionErrors from './productionErrors/activation';
import * as investigate from './investigate/activation';
import * as logsFeature from './logs/activation';
import * as agent from './agent/activation';
import * as infraCode from './infraCode/activation';
import { ActivationTimer, reportActivation } from './platform/activationReport';

/** What `activate` returns: the services, and the health changes without prompts (see HealthApi). */
export type OpsLensExports = Services & { readonly health: health.HealthApi };

export function activate(context: vscode.ExtensionContext): OpsLensExports {
  const timer = new ActivationTimer();
  const log = vscode.window.createOutputChannel('Ops Lens', { log: true });
  context.subscriptions.push(log);
  const session = new AwsSession(readAwsSettings(), {
    onCall: (record) => (record.errorCode ? log.warn(formatCallRecord(record)) : log.info(formatCallRecord(record))),
  });
  context.subscriptions.push({ dispose: () => session.reset() });
  const accounts = new AccountLabels(session, log);
  context.subscriptions.push(accounts);

  const services: Services = {
    session,
    cloudWatch: new SdkCloudWatch(session),
    logs: new SdkLogs(session),
    metrics: new SdkMetrics(session),
    stepFunctions: new SdkStepFunctions(session),
    cloudTrail: new SdkCloudTrail(session),
    refresh: new RefreshHub(),
    outages: new OutageNotices(),
    accounts,
    log,
    views: new Map(),
    ensureCredentialsChecked: async () => undefined,
  };
  timer.mark('services');

  sessionFeature.activate(context, services);
  timer.mark('session');
  const alarmWatch = alarms.activate(context, services);
  timer.mark('alarms');
  metrics.activate(context, services);
  timer.mark('metrics');
  stepFunctions.activate(context, services);
  timer.mark('stepFunctions');
  const healthApi = health.activate(context, services);
  timer.mark('health');
  firing.activate(context, services, alarmWatch, healthApi.store);
  timer.mark('firing');
  insights.activate(context, services);
  timer.mark('insights');
  productionErrors.activate(context, services);
  timer.mark('productionErrors');
  const healthChanges = investigate.activate(context, services, healthApi);
  timer.mark('investigate');
  logsFeature.activate(context, services);
  timer.mark('logs');
  agent.activate(context, services, healthApi, healthChanges);
  timer.mark('agent');
  infraCode.activate(context, services);
  timer.mark('infraCode');
  reportActivation(log, timer, __dirname);
  return Object.assign(services, { health: healthApi });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
