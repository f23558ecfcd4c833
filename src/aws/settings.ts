/** The AWS part of the extension's settings, as read from `opsLens.aws.*`. */
export interface AwsSettings {
  readonly profile: string;
  readonly regions: readonly string[];
  readonly endpointUrl: string;
  /** `opsLens.aws.profiles`: when set, these profiles side by side instead of `profile`. */
  readonly profiles?: readonly string[];
  /** `opsLens.aws.configFile` / `credentialsFile`: shared file locations; empty leaves them to the SDK (AWS_CONFIG_FILE, ~/.aws). */
  readonly configFile?: string;
  readonly credentialsFile?: string;
}

export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function sameAwsSettings(a: AwsSettings, b: AwsSettings): boolean {
  return a.profile === b.profile && a.endpointUrl === b.endpointUrl && a.regions.join(',') === b.regions.join(',') && (a.profiles ?? []).join(',') === (b.profiles ?? []).join(',') && (a.configFile ?? '') === (b.configFile ?? '') && (a.credentialsFile ?? '') === (b.credentialsFile ?? '');
}
