import { loadSdk, type SdkModule } from './sdkLoader';
import { readSharedFiles, listProfiles, profileEndpoint, type ProfileInfo } from './profiles';
import { regionScope, scopeParts, scopeId, type ScopeId } from '../core/scope';
import { effectiveProfile, resolveRegions, type ResolvedRegions } from './regions';
import { sameAwsSettings, type AwsSettings } from './settings';
import { AwsUserError, isCredentialProblem, toUserError, type AwsCallContext } from './errors';
import { SDK_RETRY } from './retry';
import type { CallListener } from './callLog';
import { callerAccount } from './services/identity';

export type ServiceKind = 'cloudWatch' | 'logs' | 'sfn' | 'sts' | 'cloudTrail' | 'lambda' | 'cloudFormation';

type Clients = {
  cloudWatch: InstanceType<SdkModule['cloudWatch']['CloudWatchClient']>;
  logs: InstanceType<SdkModule['logs']['CloudWatchLogsClient']>;
  sfn: InstanceType<SdkModule['sfn']['SFNClient']>;
  sts: InstanceType<SdkModule['sts']['STSClient']>;
  cloudTrail: InstanceType<SdkModule['cloudTrail']['CloudTrailClient']>;
  lambda: InstanceType<SdkModule['lambda']['LambdaClient']>;
  cloudFormation: InstanceType<SdkModule['cloudFormation']['CloudFormationClient']>;
};

export interface SessionOptions {
  /** For choosing the profile and region (AWS_PROFILE, AWS_REGION); the SDK's credential chain reads process.env itself. */
  readonly env?: NodeJS.ProcessEnv;
  /** Overrides of the shared config/credentials file paths (tests). */
  readonly sharedFiles?: { configFilepath?: string; filepath?: string };
  readonly onCall?: CallListener;
  /** A member of a multi-profile session: endpoints come from the profile's shared config unless `endpointUrl` overrides them. */
  readonly endpointsFromConfig?: boolean;
}

type AnyClient = Clients[ServiceKind] & { middlewareStack: { add: (...args: never[]) => void } };

/**
 * Profile, regions, endpoint and one cached SDK client per service + region. Rebuilt when the
 * settings change. Every call through its clients is logged and its failures are mapped to
 * messages a person can act on.
 */
export class AwsSession {
  private clients = new Map<string, Promise<AnyClient>>();
  /** Clients dropped after a credential failure: closed at the next reset, not under calls in flight. */
  private retired: Promise<AnyClient>[] = [];
  private credentials: unknown;
  private settingsValue: AwsSettings;
  private readonly env: NodeJS.ProcessEnv;
  /** With `profiles` set: one session per profile, built on first use, dropped at every reset. */
  private members = new Map<string, AwsSession>();
  private account: Promise<string | undefined> | undefined;
  /** Counts resets: what was learnt from AWS under an older generation (account ids) is stale. */
  private generationValue = 0;

  constructor(settings: AwsSettings, private readonly options: SessionOptions = {}) {
    this.settingsValue = settings;
    this.env = options.env ?? process.env;
  }

  get settings(): AwsSettings {
    return this.settingsValue;
  }

  /** Applies new settings; returns true when clients had to be dropped. */
  update(settings: AwsSettings): boolean {
    if (sameAwsSettings(settings, this.settingsValue)) return false;
    this.settingsValue = settings;
    this.reset();
    return true;
  }

  get generation(): number {
    return this.generationValue;
  }

  reset(): void {
    this.generationValue++;
    this.account = undefined;
    for (const member of this.members.values()) member.reset();
    this.members.clear();
    for (const client of [...this.clients.values(), ...this.retired.splice(0)]) void client.then((c) => c.destroy()).catch(() => undefined);
    this.clients.clear();
    this.credentials = undefined;
  }

  /**
   * After AWS rejected the credentials (expired token, SSO session ended): the next call resolves them
   * again, so the views recover once `aws sso login` or new keys make them valid, without a reload.
   * Clients in use finish their calls; they are closed at the next reset.
   */
  private forgetCredentials(): void {
    this.retired.push(...this.clients.values());
    this.clients.clear();
    this.credentials = undefined;
  }

  /** The shared config/credentials files: the test override, else the settings, else the SDK's own (AWS_CONFIG_FILE, ~/.aws). */
  get sharedFiles(): { configFilepath?: string; filepath?: string } {
    if (this.options.sharedFiles) return this.options.sharedFiles;
    return { configFilepath: expandHome(this.settingsValue.configFile, this.env), filepath: expandHome(this.settingsValue.credentialsFile, this.env) };
  }

  get profileName(): string {
    return this.profileList?.join(', ') ?? effectiveProfile(this.settingsValue, this.env);
  }

  /** The profiles shown side by side, or undefined with a single profile. */
  get profileList(): readonly string[] | undefined {
    const list = this.settingsValue.profiles;
    return list && list.length > 0 ? list : undefined;
  }

  /** The session of one of the side-by-side profiles. */
  member(profile: string): AwsSession {
    let member = this.members.get(profile);
    if (!member) {
      const { regions, endpointUrl, configFile, credentialsFile } = this.settingsValue;
      member = new AwsSession({ profile, regions, endpointUrl, configFile, credentialsFile }, { ...this.options, endpointsFromConfig: true });
      this.members.set(profile, member);
    }
    return member;
  }

  get endpoint(): string | undefined {
    return this.settingsValue.endpointUrl || undefined;
  }

  async profiles(): Promise<ProfileInfo[]> {
    return listProfiles(await readSharedFiles(this.sharedFiles));
  }

  async regions(): Promise<ResolvedRegions> {
    const list = this.profileList;
    if (list) {
      // Each profile with its own regions (settings, else its config, else the environment), as `profile · region`.
      const perProfile = await Promise.all(list.map(async (name) => ({ name, resolved: await this.member(name).regions() })));
      const [first, ...rest] = perProfile.flatMap(({ name, resolved }) => resolved.regions.map((r) => scopeId(name, r)));
      return { regions: [first, ...rest], from: perProfile[0].resolved.from };
    }
    let profileRegion: string | undefined;
    if (this.settingsValue.regions.length === 0) {
      const profile = (await this.profiles()).find((p) => p.name === this.profileName);
      profileRegion = profile?.region;
    }
    return resolveRegions({ settings: this.settingsValue, profileRegion, env: this.env });
  }

  /**
   * Where a call goes when nothing names a place (a log group given without its region): the first scope
   * shown. There always is one: without settings, profile or environment, each profile has FALLBACK_REGION (see resolveRegions).
   */
  async firstScope(): Promise<ScopeId> {
    return (await this.regions()).regions[0];
  }

  /**
   * The account id behind the credentials (STS GetCallerIdentity, which needs no permission), asked once
   * per session; undefined when it cannot be learnt: the views show the profile without it.
   */
  accountId(): Promise<string | undefined> {
    this.account ??= (async () => {
      const region = scopeParts(await this.firstScope()).region;
      return callerAccount(this, regionScope(region));
    })().catch(() => undefined);
    return this.account;
  }

  /** Resolves credentials once; throws an AwsUserError when there are none. */
  async checkCredentials(): Promise<void> {
    const list = this.profileList;
    if (list) {
      // One profile failing shows in its own rows; only when none resolves is there nothing to show.
      const results = await Promise.allSettled(list.map((name) => this.member(name).checkCredentials()));
      if (results.every((r) => r.status === 'rejected')) throw (results[0] as PromiseRejectedResult).reason;
      return;
    }
    const provider = await this.credentialProvider();
    const ctx: AwsCallContext = { service: 'Credentials', operation: 'Resolve', region: '-', profile: this.profileName, endpoint: this.endpoint };
    try {
      await (provider as () => Promise<unknown>)();
    } catch (err) {
      throw toUserError(err, ctx);
    }
  }

  async client<K extends ServiceKind>(kind: K, id: ScopeId): Promise<Clients[K]> {
    const scope = scopeParts(id);
    if (scope.profile !== undefined && this.profileList) {
      if (!this.profileList.includes(scope.profile)) {
        // A view still holding a root of a profile no longer selected: never call AWS with its credentials.
        const ctx: AwsCallContext = { service: kind, operation: 'Call', region: scope.region, profile: scope.profile, endpoint: this.endpoint };
        throw new AwsUserError(`Profile "${scope.profile}" is no longer selected.`, 'selectProfile', 'ProfileNotSelected', ctx);
      }
      return this.member(scope.profile).client(kind, regionScope(scope.region));
    }
    if (this.profileList) {
      // A plain region with several profiles: the first selected profile, never credentials nobody selected.
      return this.member(this.profileList[0]).client(kind, id);
    }
    const key = `${kind}|${id}`;
    let client = this.clients.get(key);
    if (!client) {
      client = this.createClient(kind, scope.region);
      this.clients.set(key, client);
      client.catch(() => this.clients.delete(key));
    }
    return (await client) as unknown as Clients[K];
  }

  private async credentialProvider(): Promise<unknown> {
    if (!this.credentials) {
      const sdk = await loadSdk();
      const profile = this.settingsValue.profile;
      const fileOptions = { filepath: this.sharedFiles.filepath, configFilepath: this.sharedFiles.configFilepath, ignoreCache: true };
      this.credentials = !profile ? sdk.fromNodeProviderChain(fileOptions)
        // fromIni hands an SSO profile to the SSO provider without the file paths, which then looks for the
        // profile in ~/.aws/config only: with a config file of its own, the SSO provider is called directly.
        : this.sharedFiles.configFilepath && (await this.isSsoProfile(profile)) ? sdk.fromSSO({ profile, ...fileOptions })
        : sdk.fromIni({ profile, ...fileOptions });
    }
    return this.credentials;
  }

  private async isSsoProfile(profile: string): Promise<boolean> {
    const files = await readSharedFiles(this.sharedFiles).catch(() => undefined);
    return listProfiles(files ?? { configFile: {}, credentialsFile: {} }).some((p) => p.name === profile && p.kind === 'sso');
  }

  private async createClient(kind: ServiceKind, region: string): Promise<AnyClient> {
    const sdk = await loadSdk();
    const config = {
      region,
      credentials: (await this.credentialProvider()) as never,
      endpoint: this.endpoint ?? (this.options.endpointsFromConfig ? await this.configEndpoint(kind) : undefined),
      requestHandler: { connectionTimeout: 5000, requestTimeout: 30000 },
      ...SDK_RETRY,
    };
    const client: AnyClient =
      kind === 'cloudWatch' ? new sdk.cloudWatch.CloudWatchClient(config)
      : kind === 'logs' ? new sdk.logs.CloudWatchLogsClient(config)
      : kind === 'sts' ? new sdk.sts.STSClient(config)
      : kind === 'cloudTrail' ? new sdk.cloudTrail.CloudTrailClient(config)
      : kind === 'lambda' ? new sdk.lambda.LambdaClient(config)
      : kind === 'cloudFormation' ? new sdk.cloudFormation.CloudFormationClient(config)
      : new sdk.sfn.SFNClient(config);
    this.instrument(client, region);
    return client;
  }

  private async configEndpoint(kind: ServiceKind): Promise<string | undefined> {
    return profileEndpoint(this.profileName, await readSharedFiles(this.sharedFiles), kind);
  }

  private instrument(client: AnyClient, region: string): void {
    const profile = this.profileName;
    const endpoint = this.endpoint;
    const onCall = this.options.onCall;
    const middleware = (next: (args: unknown) => Promise<unknown>, context: { clientName?: string; commandName?: string }) => async (args: unknown) => {
      const service = context.clientName ?? 'AWS';
      const operation = (context.commandName ?? 'Call').replace(/Command$/, '');
      const started = performance.now();
      try {
        const result = await next(args);
        onCall?.({ service, operation, region, durationMs: performance.now() - started });
        return result;
      } catch (err) {
        const mapped = toUserError(err, { service, operation, region, profile, endpoint });
        if (isCredentialProblem(mapped)) this.forgetCredentials();
        const said = mapped.original instanceof Error ? mapped.original.message : mapped.message;
        onCall?.({ service, operation, region, durationMs: performance.now() - started, errorCode: mapped.code, errorMessage: said });
        throw mapped;
      }
    };
    (client.middlewareStack.add as (m: unknown, o: unknown) => void)(middleware, { step: 'initialize', name: 'opsLensCallLog', priority: 'high' });
  }
}

function expandHome(file: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (!file) return undefined;
  const home = env.HOME || env.USERPROFILE;
  return home && /^~[\\/]/.test(file) ? home + file.slice(1) : file;
}
