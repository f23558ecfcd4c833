/**
 * Which user settings let a tool that costs money run without a person's yes. Each tool has its own
 * setting, so allowing one never silences another; only the user's own (global) value counts, never a
 * workspace's, so a cloned repository cannot make anything run unasked.
 */

/** Tool name → setting keys under `opsLens.`, newest first: the first one the user has set decides. */
const SKIP_SETTINGS: ReadonlyMap<string, readonly string[]> = new Map([
  // `runQueriesWithoutConfirmation` is the deprecated name; it still applies to Logs Insights queries only.
  ['opsLens_runInsightsQuery', ['agent.runInsightsQueryWithoutConfirmation', 'agent.runQueriesWithoutConfirmation']],
  ['opsLens_productionErrors', ['agent.productionErrorsWithoutConfirmation']],
]);

/** The MCP server's option that lets one tool run without asking; repeat it for several. */
export const RUN_WITHOUT_CONFIRMATION = '--run-without-confirmation';

/** The part of VS Code's `WorkspaceConfiguration.inspect` result read here. */
export interface SettingValues {
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

export type InspectSetting = (key: string) => SettingValues | undefined;

/** The tools that may be allowed to run unasked. */
export function toolsWithSkipSetting(): string[] {
  return [...SKIP_SETTINGS.keys()];
}

/** The settings that let `toolName` run unasked, the current one first. */
export function skipSettingsOf(toolName: string): readonly string[] {
  return SKIP_SETTINGS.get(toolName) ?? [];
}

/** True when the user's own settings let `toolName` run without asking. */
export function runsWithoutConfirmation(toolName: string, inspect: InspectSetting): boolean {
  for (const key of skipSettingsOf(toolName)) {
    const value = inspect(key)?.globalValue;
    if (typeof value === 'boolean') return value;
  }
  return false;
}

/** The MCP server's arguments for the tools the user's own settings let run without asking. */
export function runWithoutConfirmationArgs(inspect: InspectSetting): string[] {
  return toolsWithSkipSetting().filter((name) => runsWithoutConfirmation(name, inspect)).flatMap((name) => [RUN_WITHOUT_CONFIRMATION, name]);
}
