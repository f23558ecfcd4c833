export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

export const STATUS_FILTERS: readonly ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];

export const STATUS_LABEL: Record<ExecutionStatus, string> = {
  RUNNING: 'Running',
  SUCCEEDED: 'Succeeded',
  FAILED: 'Failed',
  TIMED_OUT: 'Timed out',
  ABORTED: 'Aborted',
  PENDING_REDRIVE: 'Pending redrive',
};

export function executionStatus(value: string | undefined): ExecutionStatus {
  return value && value in STATUS_LABEL ? (value as ExecutionStatus) : 'RUNNING';
}

/** AWS allows redrive of executions that failed, timed out or were aborted (within 14 days). */
export function canRedrive(status: ExecutionStatus, stopDate: Date | undefined, now = new Date()): boolean {
  if (status !== 'FAILED' && status !== 'TIMED_OUT' && status !== 'ABORTED') return false;
  return !stopDate || now.getTime() - stopDate.getTime() < 14 * 24 * 3600 * 1000;
}

/** The region of an ARN (`arn:aws:states:REGION:…`). */
export function arnRegion(arn: string): string | undefined {
  return arn.split(':')[3] || undefined;
}

/** `arn:aws:states:r:a:stateMachine:Name` or `…:execution:Machine:Name` → the last part. */
export function arnName(arn: string): string {
  return arn.split(':').pop() ?? arn;
}
