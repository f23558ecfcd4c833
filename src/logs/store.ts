import type * as vscode from 'vscode';
import type { LogGroup, LogsApi } from '../aws/services/logs';
import { Emitter } from '../core/emitter';
import { RegionalStore } from '../core/regional/store';

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

/** One region's groups as far as they were paged. */
interface GroupPages {
  readonly groups: readonly Group[];
  readonly nextToken?: string;
}

export interface RegionGroups {
  readonly region: string;
  readonly groups: readonly Group[];
  readonly nextToken?: string;
  readonly loading: boolean;
  readonly error?: Error;
  readonly loadedAt?: Date;
  readonly staleSince?: Date;
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
  private readonly pages: RegionalStore<GroupPages>;
  private readonly pagingMore = new Set<string>();
  /** A further page that failed to load, by region, until the next refresh or page works. */
  private readonly pageErrors = new Map<string, Error>();
  private prefixValue = '';
  /** A refresh was asked for: the view shows the regions (loading) from then on. */
  loaded = false;

  constructor(private readonly api: LogsApi, private readonly state: vscode.Memento) {
    this.pages = new RegionalStore((region) => this.readPage(region, this.prefixValue));
    this.pages.onDidChange(() => this.changed.fire());
  }

  get prefix(): string {
    return this.prefixValue;
  }

  get regions(): RegionGroups[] {
    return this.pages.scopes.map(({ data, ...s }) => ({
      ...s,
      groups: data?.groups ?? [],
      nextToken: data?.nextToken,
      loading: s.loading || this.pagingMore.has(s.region),
      error: s.error ?? this.pageErrors.get(s.region),
    }));
  }

  get backoff(): RegionalStore<GroupPages>['backoff'] {
    return this.pages.backoff;
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
    return this.pages.scope(region)?.data?.groups.find((g) => g.name === name);
  }

  /** Reads the first page of every region again (with the current prefix); a new prefix drops the groups listed under the old one. */
  refresh(regions: readonly string[], prefix = this.prefixValue): Promise<boolean> {
    if (prefix !== this.prefixValue) {
      this.prefixValue = prefix;
      this.pages.clear();
    }
    this.loaded = true;
    this.pageErrors.clear();
    return this.pages.refresh(regions);
  }

  /** The next page of one region. */
  async loadMore(region: string): Promise<boolean> {
    const entry = this.pages.scope(region);
    const basis = entry?.data;
    if (!entry || !basis?.nextToken || entry.loading || this.pagingMore.has(region)) return true;
    this.pagingMore.add(region);
    this.changed.fire();
    try {
      const page = await this.readPage(region, this.prefixValue, basis.nextToken);
      this.pages.update(region, basis, () => ({
        groups: [...basis.groups, ...page.groups],
        nextToken: page.nextToken && page.nextToken !== basis.nextToken ? page.nextToken : undefined,
      }));
      this.pageErrors.delete(region);
      return true;
    } catch (err) {
      // The groups listed so far stay; "Load more…" stays to try again.
      this.pageErrors.set(region, err instanceof Error ? err : new Error(String(err)));
      return false;
    } finally {
      this.pagingMore.delete(region);
      this.changed.fire();
    }
  }

  private async readPage(region: string, prefix: string, nextToken?: string): Promise<GroupPages> {
    const page = await this.api.logGroupPage(region, { prefix, nextToken, limit: PAGE_SIZE });
    return { groups: page.groups.map((g) => toGroup(region, g)).filter((g) => g.name), nextToken: page.nextToken };
  }

  dispose(): void {
    this.pages.dispose();
    this.changed.dispose();
  }
}
