import * as vscode from 'vscode';
import { scopeParts, scopeLabel, type ScopeId } from '../core/scope';
import type { AwsSession } from '../aws/session';
import { markingFor, markingLabel, type AccountMarking } from '../core/accounts/markings';
import { AccountMarkingsSetting } from './accountMarkingsSetting';

/** The account behind a scope, as far as it is known. */
export interface ScopeAccount {
  readonly profile: string;
  readonly accountId?: string;
  readonly region: string;
  readonly marking?: AccountMarking;
}

/** How the trees, panels and documents name a scope's account: by its region key, with the account id and its marking. */
export interface RootLabels {
  label(scope: ScopeId): string;
  /** The account's marking as far as known now (the account id may still be on its way: onDidChange fires). */
  marking(scope: ScopeId): AccountMarking | undefined;
  /** Waits for the account id; what a change in that account is judged by. */
  resolve(scope: ScopeId): Promise<ScopeAccount>;
  readonly markings: readonly AccountMarking[];
  readonly onDidChange: vscode.Event<void>;
}

/**
 * With several profiles, a root reads `profile · account id · region`. Each profile's account is asked
 * once per session (the session's members forget it at every settings change); until it answers, or when
 * it cannot, the root reads `profile · region`. The user's `opsLens.aws.accounts` marks accounts by
 * profile or account id, with one profile as with several.
 */
export class AccountLabels implements RootLabels, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly accounts = new Map<string, Promise<string | undefined>>();
  private readonly known = new Map<string, string>();
  private generation = -1;
  private readonly setting: AccountMarkingsSetting;

  constructor(private readonly session: AwsSession, log?: vscode.LogOutputChannel) {
    this.setting = new AccountMarkingsSetting(log);
    this.setting.onDidChange(() => this.changed.fire());
  }

  get markings(): readonly AccountMarking[] {
    return this.setting.markings;
  }

  label(scope: ScopeId): string {
    const { profile } = scopeParts(scope);
    if (profile === undefined || !this.session.profileList?.includes(profile)) return scope;
    void this.accountOf(profile);
    return scopeLabel(scope, this.known.get(profile));
  }

  marking(scope: ScopeId): AccountMarking | undefined {
    if (this.markings.length === 0) return undefined;
    const profile = this.profileOf(scope);
    void this.accountOf(profile);
    return markingFor(this.markings, { profile, accountId: this.known.get(profile) });
  }

  async resolve(scope: ScopeId): Promise<ScopeAccount> {
    const profile = this.profileOf(scope);
    const accountId = await this.accountOf(profile);
    return { profile, accountId, region: scopeParts(scope).region, marking: markingFor(this.markings, { profile, accountId }) };
  }

  /** A scope's profile: its own, else (a plain region) the first selected profile or the single one. */
  private profileOf(scope: ScopeId): string {
    return scopeParts(scope).profile ?? this.session.profileList?.[0] ?? this.session.profileName;
  }

  private accountOf(profile: string): Promise<string | undefined> {
    if (this.generation !== this.session.generation) {
      this.generation = this.session.generation;
      this.accounts.clear();
      this.known.clear();
    }
    let asked = this.accounts.get(profile);
    if (!asked) {
      const generation = this.generation;
      const list = this.session.profileList;
      const source = list ? (list.includes(profile) ? this.session.member(profile) : undefined) : this.session;
      asked = source ? source.accountId() : Promise.resolve(undefined);
      this.accounts.set(profile, asked);
      void asked.then((account) => {
        if (!account || generation !== this.generation) return;
        this.known.set(profile, account);
        this.changed.fire();
      });
    }
    return asked;
  }

  dispose(): void {
    this.setting.dispose();
    this.changed.dispose();
  }
}

/** How a document's header names a scope's account: `PRODUCTION account prod-main`; undefined when unmarked. */
export function accountHeader(labels: Pick<RootLabels, 'marking'>): (scope: ScopeId) => string | undefined {
  return (scope) => {
    const marking = labels.marking(scope);
    return marking && markingLabel(marking);
  };
}
