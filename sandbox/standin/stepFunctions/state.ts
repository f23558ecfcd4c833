/** A redriven execution: the original and the re-runs that stand for its redrives. */
export interface RedriveRecord {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  /** Executions started in moto for each redrive, oldest first. */
  readonly attempts: string[];
  /** Epoch ms of the latest redrive. */
  redriveDate: number;
  lastClientToken?: string;
}

/** What the stand-in keeps for Step Functions in one region. */
export class StepFunctionsRegion {
  private readonly byExecution = new Map<string, RedriveRecord>();
  private readonly attemptOwner = new Map<string, string>();

  record(executionArn: string): RedriveRecord | undefined {
    return this.byExecution.get(executionArn);
  }

  add(record: RedriveRecord, attemptArn: string, at: number): void {
    this.byExecution.set(record.executionArn, record);
    record.attempts.push(attemptArn);
    record.redriveDate = at;
    this.attemptOwner.set(attemptArn, record.executionArn);
  }

  /** True for the executions started to stand for redrives (hidden from listings). */
  isAttempt(executionArn: string): boolean {
    return this.attemptOwner.has(executionArn);
  }

  ownerOf(attemptArn: string): string | undefined {
    return this.attemptOwner.get(attemptArn);
  }

  hasRedrivesFor(stateMachineArn: string): boolean {
    for (const r of this.byExecution.values()) if (r.stateMachineArn === stateMachineArn) return true;
    return false;
  }
}
