import type * as vscode from 'vscode';
import type { LogGroup, LogsApi } from '../aws/services/logs';
import { Emitter } from '../core/emitter';

/** A log group as the view shows it. */
export interface Group {
  readonly region: string;
  readonly name: string;
  readonly arn?: string;
  readonly storedBytes?: number;
  readonly retentionInDays?: number;
  readonly creationTime?: number;
  readonly logGroupClass?: string;
}

export interface RegionGroups {
  readonly region: string;
  groups: Group[];
  nextToken?: string;
  loading: boolean;
  error?: Error;
}

export interface Favorite {
  readonly region: string;
  readonly name: string;
}

const FAVORITES_KEY = 'opsLens.logs.favorites';
/** DescribeLogGroups returns at most 50 groups a page. */
const PAGE_SIZE = 50;

export function toGroup(region: string, g: LogGroup): Group {
  return {
    region,
    name: g.logGroupName ?? '',
    arn: g.logGroupArn ?? g.arn?.replace(/:\*$/, ''),
    storedBytes: g.storedBytes,
    retentionInDays: g.retentionInDays,
    creationTime: g.creationTime,
    logGroupClass: g.logGroupClass,
  };
}

/** Log groups per region, a page at a time, under an optional name prefix (the API's own filter); favourites kept per user. */
export class LogsStore {
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private byRegion = new Map<string, RegionGroups>();
  private prefixValue = '';
  loaded = false;

  constructor(private readonly api: LogsApi, private readonly state: vscode.Memento) {}

  get prefix(): string {
    return this.prefixValue;
  }

  get regions(): RegionGroups[] {
    return [...this.byRegion.values()];
  }

  get favorites(): Favorite[] {
    const stored = this.state.get<unknown>(FAVORITES_KEY, []);
    return Array.isArray(stored) ? stored.filter((f): f is Favorite => typeof f?.region === 'string' && typeof f?.name === 'string') : [];
  }

  isFavorite(region: string, name: string): boolean {
    return this.favorites.some((f) => f.region === region && f.name === name);
  }

  async setFavorite(favorite: Favorite, on: boolean): Promise<void> {
    const rest = this.favorites.filter((f) => !(f.region === favorite.region && f.name === favorite.name));
    await this.state.update(FAVORITES_KEY, on ? [...rest, favorite].sort((a, b) => a.name.localeCompare(b.name)) : rest);
    this.changed.fire();
  }

  /** A group already listed, by region and name. */
  find(region: string, name: string): Group | undefined {
    return this.byRegion.get(region)?.groups.find((g) => g.name === name);
  }

  /** Reads the first page of every region again (with the current prefix). */
  async refresh(regions: readonly string[], prefix = this.prefixValue): Promise<boolean> {
    this.prefixValue = prefix;
    this.byRegion = new Map(regions.map((region) => [region, { region, groups: [], loading: true }]));
    this.loaded = true;
    this.changed.fire();
    const results = await Promise.all(regions.map((region) => this.loadPage(region)));
    return results.every(Boolean);
  }

  /** The next page of one region. */
  async loadMore(region: string): Promise<boolean> {
    const entry = this.byRegion.get(region);
    if (!entry?.nextToken || entry.loading) return true;
    entry.loading = true;
    this.changed.fire();
    return this.loadPage(region);
  }

  private async loadPage(region: string): Promise<boolean> {
    const entry = this.byRegion.get(region);
    if (!entry) return true;
    const prefix = this.prefixValue;
    try {
      const page = await this.api.logGroupPage(region, { prefix, nextToken: entry.nextToken, limit: PAGE_SIZE });
      if (this.byRegion.get(region) !== entry) return true;
      entry.groups.push(...page.groups.map((g) => toGroup(region, g)).filter((g) => g.name));
      entry.nextToken = page.nextToken && page.nextToken !== entry.nextToken ? page.nextToken : undefined;
      entry.error = undefined;
      return true;
    } catch (err) {
      entry.error = err instanceof Error ? err : new Error(String(err));
      return false;
    } finally {
      entry.loading = false;
      this.changed.fire();
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
