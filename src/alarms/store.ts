import type { ScopeId } from '../core/scope';
import type { AwsUserError } from '../aws/errors';
import type { CloudWatchApi } from '../aws/services/cloudWatch';
import { alarmKey, alarmsOfPage, type Alarm } from '../core/alarms/model';
import type { Contributor } from '../core/alarms/metricsInsights';
import { mutedAlarms, type MuteRule } from '../core/alarms/muteRules';
import { MuteRuleReader } from './muteRuleReader';
import { newlyInAlarm } from '../core/alarms/transitions';
import { Emitter } from '../core/emitter';
import { RegionalStore, type ScopeState } from '../core/regional/store';

export interface RegionAlarms {
  readonly region: ScopeId;
  readonly alarms: readonly Alarm[];
  /** The last refresh failed: alarms are from the last good one (or none). */
  readonly error?: AwsUserError | Error;
  readonly loadedAt?: Date;
  readonly staleSince?: Date;
  readonly loading: boolean;
}

const asRegionAlarms = (s: ScopeState<readonly Alarm[]>): RegionAlarms => ({ ...s, alarms: s.data ?? [] });

/** The alarms of every region, refreshed together. The tree only renders this. (No `vscode` import: tested in node.) */
export class AlarmsStore {
  private readonly transitioned = new Emitter<Alarm[]>();
  private readonly scopes: RegionalStore<readonly Alarm[]>;
  readonly onDidChange: RegionalStore<readonly Alarm[]>['onDidChange'];
  /** Alarms that moved into ALARM since the previous successful refresh. */
  readonly onDidEnterAlarm = this.transitioned.event;
  private previous: Map<string, Alarm> | undefined;
  private readonly mutes: MuteRuleReader;

  constructor(private readonly cloudWatch: CloudWatchApi) {
    this.mutes = new MuteRuleReader(cloudWatch);
    this.scopes = new RegionalStore((region) => this.readRegion(region));
    this.onDidChange = this.scopes.onDidChange;
    this.scopes.onDidRefresh(() => this.announceTransitions());
  }

  get regions(): readonly RegionAlarms[] {
    return this.scopes.scopes.map(asRegionAlarms);
  }

  get loaded(): boolean {
    return this.scopes.loaded;
  }

  get backoff(): RegionalStore<readonly Alarm[]>['backoff'] {
    return this.scopes.backoff;
  }

  *all(): Iterable<Alarm> {
    for (const r of this.scopes.scopes) yield* r.data ?? [];
  }

  find(nameOrArn: string, region?: string): Alarm | undefined {
    for (const a of this.all()) if ((a.name === nameOrArn || a.arn === nameOrArn) && (!region || a.region === region)) return a;
    return undefined;
  }

  /** Refreshes every region; resolves true when all succeeded. Concurrent calls share one refresh. */
  refresh(regions: readonly ScopeId[]): Promise<boolean> {
    return this.scopes.refresh(regions);
  }

  private announceTransitions(): void {
    const now = new Map([...this.all()].map((a) => [alarmKey(a), a]));
    const entered = this.previous ? newlyInAlarm(this.previous, [...now.values()]) : [];
    this.previous = now;
    if (entered.length) this.transitioned.fire(entered);
  }

  /** Why the scope's mute rules could not be read at the last refresh (its alarms are then shown without mutes). */
  muteRulesError(region: ScopeId): Error | undefined {
    return this.mutes.error(region);
  }

  /** The mute rules read at the last refresh of the scope that are scheduled or active. */
  muteRules(region: ScopeId): readonly MuteRule[] {
    return this.mutes.rules(region);
  }

  /** The series of a multi-series alarm in ALARM, read when asked (its tree node is expanded, its details open). */
  contributors(alarm: Alarm): Promise<Contributor[]> {
    return this.cloudWatch.alarmContributors(alarm.region, alarm.name);
  }

  private async readRegion(region: ScopeId): Promise<Alarm[]> {
    const mutes = this.mutes.read(region);
    const alarms: Alarm[] = [];
    for await (const page of this.cloudWatch.alarmPages(region)) alarms.push(...alarmsOfPage(region, page));
    const muted = mutedAlarms(await mutes, new Date());
    return muted.size ? alarms.map((a) => (muted.has(a.name) ? { ...a, muted: muted.get(a.name) } : a)) : alarms;
  }

  dispose(): void {
    this.scopes.dispose();
    this.transitioned.dispose();
  }
}
