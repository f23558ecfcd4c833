import type * as vscode from 'vscode';
import type { AwsSession } from './aws/session';
import type { CloudTrailApi } from './aws/services/cloudTrail';
import type { CloudWatchApi } from './aws/services/cloudWatch';
import type { LogsApi } from './aws/services/logs';
import type { MetricsApi } from './aws/services/metrics';
import type { StepFunctionsApi } from './aws/services/stepFunctions';
import type { OutageNotices } from './aws/outages';
import type { RefreshHub } from './platform/refresh';
import type { RootLabels } from './session/accountLabels';

/** What every feature's activate() receives. Built once in extension.ts. */
export interface Services {
  readonly session: AwsSession;
  readonly cloudWatch: CloudWatchApi;
  readonly logs: LogsApi;
  /** Metrics, dashboards and alarms by name, for charts, investigations and the agent's tools. */
  readonly metrics: MetricsApi;
  readonly stepFunctions: StepFunctionsApi;
  /** The account's change history (management events), for what changed before an alarm. */
  readonly cloudTrail: CloudTrailApi;
  readonly refresh: RefreshHub;
  /** Which views and regions are failing, so each outage is announced once. */
  readonly outages: OutageNotices;
  /** With several profiles, the trees' root labels with each profile's account id. */
  readonly accounts: RootLabels;
  readonly log: vscode.LogOutputChannel;
  /** The tree views by id, as features create them. */
  readonly views: Map<string, vscode.TreeView<unknown>>;
  /** Resolves credentials once (first time a view needs AWS) and sets the welcome-text context. */
  ensureCredentialsChecked: () => Promise<void>;
}
