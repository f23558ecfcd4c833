import type { AwsUserError } from '../aws/errors';
import type { CloudWatchApi } from '../aws/services/cloudWatch';
import { alarmKey, fromCompositeAlarm, fromMetricAlarm, type Alarm } from '../core/alarms/model';
import { newlyInAlarm } from '../core/alarms/transitions';
import { Emitter } from '../core/emitter';

export interface RegionAlarms {
  readonly region: string;
  readonly alarms: readonly Alarm[];
  /** The last refresh failed: alarms are from the last good one (or none). */
  readonly error?: AwsUserError | Error;
  readonly loadedAt?: Date;
  readonly loading: boolean;
}

/** The alarms of every region, refreshed together. The tree only renders this. (No `vscode` import: tested in node.) */
export class AlarmsStore {
  private readonly changed = new Emitter<void>();
  private readonly transitioned = new Emitter<Alarm[]>();
  readonly onDidChange = this.changed.event;
  /** Alarms that moved into ALARM since the previous successful refresh. */
  readonly onDidEnterAlarm = this.transitioned.event;
  private byRegion = new Map<string, RegionAlarms>();
  private regionOrder: string[] = [];
  private inFlight: Promise<boolean> | undefined;
  private loadedOnce = false;

  constructor(private readonly cloudWatch: CloudWatchApi) {}

  get regions(): readonly RegionAlarms[] {
    return this.regionOrder.map((r) => this.byRegion.get(r)!).filter(Boolean);
  }

  get loaded(): boolean {
    return this.loadedOnce;
  }

  *all(): Iterable<Alarm> {
    for (const r of this.regions) yield* r.alarms;
  }

  find(nameOrArn: string, region?: string): Alarm | undefined {
    for (const a of this.all()) if ((a.name === nameOrArn || a.arn === nameOrArn) && (!region || a.region === region)) return a;
    return undefined;
  }

  /** Refreshes every region; resolves true when all succeeded. Concurrent calls share one refresh. */
  refresh(regions: readonly string[]): Promise<boolean> {
    this.inFlight ??= this.load(regions).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async load(regions: readonly string[]): Promise<boolean> {
    this.regionOrder = [...regions];
    for (const region of regions) {
      const previous = this.byRegion.get(region);
      this.byRegion.set(region, { region, alarms: previous?.alarms ?? [], error: previous?.error, loadedAt: previous?.loadedAt, loading: true });
    }
    for (const region of [...this.byRegion.keys()]) if (!regions.includes(region)) this.byRegion.delete(region);
    this.changed.fire();

    const before = new Map([...this.all()].map((a) => [alarmKey(a), a]));
    const results = await Promise.all(regions.map((region) => this.loadRegion(region)));
    this.changed.fire();
    if (this.loadedOnce) {
      const entered = newlyInAlarm(before, [...this.all()]);
      if (entered.length) this.transitioned.fire(entered);
    }
    this.loadedOnce = true;
    return results.every(Boolean);
  }

  private async loadRegion(region: string): Promise<boolean> {
    const alarms: Alarm[] = [];
    try {
      for await (const page of this.cloudWatch.alarmPages(region)) {
        for (const a of page.metricAlarms) alarms.push(fromMetricAlarm(region, a));
        for (const a of page.compositeAlarms) alarms.push(fromCompositeAlarm(region, a));
      }
      this.byRegion.set(region, { region, alarms, loadedAt: new Date(), loading: false });
      return true;
    } catch (err) {
      const previous = this.byRegion.get(region);
      this.byRegion.set(region, { region, alarms: previous?.alarms ?? [], loadedAt: previous?.loadedAt, error: err as Error, loading: false });
      return false;
    }
  }

  dispose(): void {
    this.changed.dispose();
    this.transitioned.dispose();
  }
}
