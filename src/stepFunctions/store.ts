import type { ScopeId } from '../core/scope';
import type { ExecutionListItem, StateMachineListItem, StepFunctionsApi } from '../aws/services/stepFunctions';
import { Emitter } from '../core/emitter';
import { RegionalStore, type ScopeState } from '../core/regional/store';
import { executionStatus, type ExecutionStatus } from '../core/stepFunctions/model';

export interface Execution {
  readonly region: ScopeId;
  readonly arn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly status: ExecutionStatus;
  readonly startDate?: Date;
  readonly stopDate?: Date;
  readonly redriveCount?: number;
  readonly redriveDate?: Date;
}

export interface StateMachine {
  readonly region: ScopeId;
  readonly arn: string;
  readonly name: string;
  readonly type: string;
}

export interface ExecutionList {
  executions: Execution[];
  nextToken?: string;
  status?: ExecutionStatus;
  loaded: boolean;
  loading: boolean;
  error?: Error;
  /** When the list was last read without error. */
  loadedAt?: Date;
}

export interface RegionMachines {
  readonly region: ScopeId;
  readonly machines: readonly StateMachine[];
  readonly error?: Error;
  /** When the state machines were last read without error. */
  readonly loadedAt?: Date;
  readonly staleSince?: Date;
  readonly loading: boolean;
}

const asRegionMachines = (s: ScopeState<readonly StateMachine[]>): RegionMachines => ({ ...s, machines: s.data ?? [] });

export function toExecution(region: ScopeId, e: ExecutionListItem): Execution {
  return {
    region,
    arn: e.executionArn ?? '',
    name: e.name ?? '',
    stateMachineArn: e.stateMachineArn ?? '',
    status: executionStatus(e.status),
    startDate: e.startDate ? new Date(e.startDate) : undefined,
    stopDate: e.stopDate ? new Date(e.stopDate) : undefined,
    redriveCount: e.redriveCount,
    redriveDate: e.redriveDate ? new Date(e.redriveDate) : undefined,
  };
}

function toMachine(region: ScopeId, m: StateMachineListItem): StateMachine {
  return { region, arn: m.stateMachineArn ?? '', name: m.name ?? '', type: m.type ?? 'STANDARD' };
}

/** State machines per region and their executions, page by page. No `vscode` import: tested in node. */
export class StepFunctionsStore {
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly machines: RegionalStore<readonly StateMachine[]>;
  private readonly executionLists = new Map<string, ExecutionList>();
  private executionsInFlight: Promise<boolean> | undefined;

  constructor(private readonly api: StepFunctionsApi, private readonly pageSize = 25) {
    this.machines = new RegionalStore((region) => this.readRegion(region));
    this.machines.onDidChange(() => this.changed.fire());
  }

  get regions(): readonly RegionMachines[] {
    return this.machines.scopes.map(asRegionMachines);
  }

  get loaded(): boolean {
    return this.machines.loaded;
  }

  get backoff(): RegionalStore<readonly StateMachine[]>['backoff'] {
    return this.machines.backoff;
  }

  executionsOf(machineArn: string): ExecutionList | undefined {
    return this.executionLists.get(machineArn);
  }

  findMachine(nameOrArn: string): StateMachine | undefined {
    for (const r of this.machines.scopes) for (const m of r.data ?? []) if (m.arn === nameOrArn || m.name === nameOrArn) return m;
    return undefined;
  }

  findExecution(nameOrArn: string): Execution | undefined {
    for (const list of this.executionLists.values()) for (const e of list.executions) if (e.arn === nameOrArn || e.name === nameOrArn) return e;
    return undefined;
  }

  /** Reloads the state machines of every region, and the first page of every execution list already shown. Concurrent calls share one refresh. */
  async refresh(regions: readonly ScopeId[]): Promise<boolean> {
    const machinesOk = await this.machines.refresh(regions);
    this.executionsInFlight ??= this.reloadShownExecutions().finally(() => (this.executionsInFlight = undefined));
    return (await this.executionsInFlight) && machinesOk;
  }

  private async reloadShownExecutions(): Promise<boolean> {
    const shown = [...this.executionLists.entries()].filter(([arn, list]) => list.loaded && this.findMachine(arn));
    const results = await Promise.all(shown.map(([arn]) => this.loadExecutions(arn, { reset: true })));
    return results.every(Boolean);
  }

  private async readRegion(region: ScopeId): Promise<StateMachine[]> {
    const machines: StateMachine[] = [];
    for await (const page of this.api.stateMachinePages(region)) machines.push(...page.map((m) => toMachine(region, m)));
    return machines.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Loads the first page (reset) or the next page of a state machine's executions. */
  async loadExecutions(machineArn: string, options: { reset?: boolean; status?: ExecutionStatus | null } = {}): Promise<boolean> {
    const machine = this.findMachine(machineArn);
    if (!machine) return false;
    if (machine.type === 'EXPRESS') return true; // Step Functions does not list express executions
    const list = this.executionLists.get(machineArn) ?? { executions: [], loaded: false, loading: false };
    if (options.status !== undefined) list.status = options.status ?? undefined;
    const reset = options.reset || options.status !== undefined || !list.loaded;
    list.loading = true;
    this.executionLists.set(machineArn, list);
    this.changed.fire();
    try {
      const page = await this.api.executions(machine.region, machineArn, { status: list.status, nextToken: reset ? undefined : list.nextToken, pageSize: this.pageSize });
      const fresh = page.executions.map((e) => toExecution(machine.region, e));
      list.executions = reset ? fresh : [...list.executions, ...fresh.filter((e) => !list.executions.some((x) => x.arn === e.arn))];
      list.nextToken = page.nextToken;
      list.error = undefined;
      list.loaded = true;
      list.loadedAt = new Date();
      return true;
    } catch (err) {
      list.error = err as Error;
      list.loaded = true;
      return false;
    } finally {
      list.loading = false;
      this.changed.fire();
    }
  }

  /** State machines whose shown executions include running ones. */
  machinesWithRunningExecutions(): string[] {
    return [...this.executionLists.entries()].filter(([, l]) => l.executions.some((e) => e.status === 'RUNNING')).map(([arn]) => arn);
  }

  dispose(): void {
    this.machines.dispose();
    this.changed.dispose();
  }
}
