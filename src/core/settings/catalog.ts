/**
 * What each `opsLens.*` setting can do when a workspace sets it. Every setting that chooses anything is
 * restricted: in Restricted Mode its workspace value is ignored and the user's own applies (VS Code's
 * `restrictedConfigurations` in package.json, `readSetting`, and the MCP server's `--untrusted-workspace`
 * all follow this list). A setting package.json contributes must be declared here (a test checks).
 */
export type SettingPower =
  /** Where requests go, or which credentials sign them: profiles, regions, endpoints, links. */
  | 'destination'
  /** What is read with the user's credentials or from the disk: log groups, resources, files, filters. */
  | 'reads'
  /** How much is spent: time ranges, refresh intervals, how much is kept or skipped confirmations. */
  | 'spend'
  /** Nothing a workspace could turn against the person: presentation and notifications. */
  | 'nothing';

export const SETTING_POWERS = {
  'aws.profile': 'destination',
  'aws.profiles': 'destination',
  'aws.regions': 'destination',
  'aws.endpointUrl': 'destination',
  'aws.configFile': 'destination',
  'aws.credentialsFile': 'destination',
  'health.endpoints': 'destination',
  'runbooks': 'destination',
  'sourceMappings': 'reads',
  'insights.queryFiles': 'reads',
  'insights.defaultLogGroups': 'reads',
  'productionErrors.logGroups': 'reads',
  'productionErrors.filter': 'reads',
  'alarms.related': 'reads',
  'insights.defaultRange': 'spend',
  'productionErrors.range': 'spend',
  'productionErrors.refreshMinutes': 'spend',
  'refreshIntervalSeconds': 'spend',
  'alarms.backgroundRefreshSeconds': 'spend',
  'logs.tailBufferEvents': 'spend',
  // Read from user settings only (application scope) whatever the workspace's trust.
  'agent.runInsightsQueryWithoutConfirmation': 'spend',
  'agent.productionErrorsWithoutConfirmation': 'spend',
  'agent.runQueriesWithoutConfirmation': 'spend',
  // Which accounts ask for their name before a change, or refuse changes: a workspace must not unmark one.
  'aws.accounts': 'spend',
  'productionErrors.problems': 'nothing',
  'alarms.notifyOnAlarm': 'nothing',
  'timeZone': 'nothing',
} as const satisfies Record<string, SettingPower>;

export type SettingKey = keyof typeof SETTING_POWERS;

/** Settings (without the `opsLens.` prefix) whose workspace values Restricted Mode ignores: every one that chooses. */
export function restrictedSettings(): SettingKey[] {
  return (Object.keys(SETTING_POWERS) as SettingKey[]).filter((key) => SETTING_POWERS[key] !== 'nothing');
}

export function isRestrictedSetting(key: string): boolean {
  return Object.hasOwn(SETTING_POWERS, key) ? SETTING_POWERS[key as SettingKey] !== 'nothing' : true;
}
