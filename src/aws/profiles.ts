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
