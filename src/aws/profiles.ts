import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

export interface ProfileInfo {
  readonly name: string;
  readonly region?: string;
  /** `sso`, `credential_process`, `role`, `static keys`, or undefined when the profile only sets options. */
  readonly kind?: string;
  readonly source: 'config' | 'credentials' | 'both';
}

export interface SharedFiles {
  readonly configFile: Record<string, Record<string, string | undefined>>;
  readonly credentialsFile: Record<string, Record<string, string | undefined>>;
}

/** Reads ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). */
export async function readSharedFiles(paths: { configFilepath?: string; filepath?: string } = {}): Promise<SharedFiles> {
  const files = await loadSharedConfigFiles({ ...paths, ignoreCache: true });
  return { configFile: files.configFile ?? {}, credentialsFile: files.credentialsFile ?? {} };
}

export function listProfiles(files: SharedFiles): ProfileInfo[] {
  const names = new Set([...Object.keys(files.configFile), ...Object.keys(files.credentialsFile)]);
  return [...names]
    .filter((name) => !/^(sso-session|services)[. ]/.test(name)) // sections that are not profiles
    .sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)))
    .map((name) => {
      const config = files.configFile[name];
      const creds = files.credentialsFile[name];
      const merged = { ...config, ...creds };
      return {
        name,
        region: merged.region || undefined,
        kind: profileKind(merged),
        source: config && creds ? 'both' : config ? 'config' : 'credentials',
      };
    });
}

function profileKind(section: Record<string, string | undefined>): string | undefined {
  if (section.sso_session || section.sso_start_url) return 'sso';
  if (section.credential_process) return 'credential_process';
  if (section.role_arn) return 'role';
  if (section.aws_access_key_id) return 'static keys';
  return undefined;
}

export type ProfileGroup = 'SSO' | 'role' | 'keys' | 'other';

/** Profiles grouped the way people think of them: SSO sign-in, assumed roles, keys (static or from a process). */
export function groupProfiles(profiles: readonly ProfileInfo[]): { group: ProfileGroup; profiles: ProfileInfo[] }[] {
  const groupOf = (p: ProfileInfo): ProfileGroup =>
    p.kind === 'sso' ? 'SSO' : p.kind === 'role' ? 'role' : p.kind === 'static keys' || p.kind === 'credential_process' ? 'keys' : 'other';
  const order: ProfileGroup[] = ['SSO', 'role', 'keys', 'other'];
  return order
    .map((group) => ({ group, profiles: profiles.filter((p) => groupOf(p) === group) }))
    .filter((g) => g.profiles.length > 0);
}

/** The `services` section key of each service Ops Lens calls (the SDK's service ids, snake case). */
const SERVICE_IDS = { cloudWatch: 'cloudwatch', logs: 'cloudwatch_logs', sfn: 'sfn', sts: 'sts', cloudTrail: 'cloudtrail', lambda: 'lambda', cloudFormation: 'cloudformation' } as const;

/**
 * A profile's endpoint for a service as the shared config defines it: the service's `endpoint_url` in
 * the profile's `services` section, else the profile's own `endpoint_url`.
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
 */
export function profileEndpoint(profile: string, files: SharedFiles, kind: keyof typeof SERVICE_IDS): string | undefined {
  const section = { ...files.configFile[profile], ...files.credentialsFile[profile] };
  const servicesName = section.services;
  if (servicesName) {
    const services = files.configFile[`services.${servicesName}`] ?? files.configFile[`services ${servicesName}`];
    const url = services?.[`${SERVICE_IDS[kind]}.endpoint_url`];
    if (url) return url;
  }
  return section.endpoint_url || undefined;
}
