import { avatarApiLogs } from './avatarApi';
import { backendLogs } from './backend';
import { checkoutFunctionLogs, invoicingLogs } from './otherRuntimes';
import { generateFunctionLogs } from './generateFunction';
import { goalsLogs } from './goals';
import { paymentsServiceLogs } from './paymentsService';
import { processImagesFunctionLogs } from './processImagesFunction';
import { stateMachineLogs, type ExecutionHistory } from './stateMachine';
import type { LogGroupSpec } from './types';

export type { ExecutionHistory } from './stateMachine';
export type { LogEventSpec, LogGroupSpec, LogStreamSpec, SeededExecution } from './types';

/** Every log group of the scenario, events within the last ~3 hours before `now`. */
export function buildLogGroups(now: Date, histories: readonly ExecutionHistory[]): LogGroupSpec[] {
  const t = now.getTime();
  const executions = histories.map((h) => h.execution);
  return [
    generateFunctionLogs(t, executions),
    processImagesFunctionLogs(t),
    backendLogs(t),
    goalsLogs(t),
    avatarApiLogs(t),
    stateMachineLogs(histories),
    checkoutFunctionLogs(t),
    invoicingLogs(t),
    paymentsServiceLogs(t),
  ];
}
