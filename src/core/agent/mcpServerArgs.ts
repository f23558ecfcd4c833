/** What the MCP server is started with: the extension's current profiles, regions, endpoint and workspace folder. */
export interface McpServerLaunch {
  readonly serverScript: string;
  readonly profiles: readonly string[];
  readonly regions: readonly string[];
  readonly endpointUrl?: string;
  readonly folder?: { readonly path: string; readonly trusted: boolean };
  /** The tools the user's own settings let run without asking (`runWithoutConfirmationArgs`). */
  readonly runWithoutConfirmation: readonly string[];
}

/** The server's command line after the runtime: the script, then one flag per profile and region. */
export function mcpServerArgs(launch: McpServerLaunch): string[] {
  const args = [launch.serverScript];
  for (const profile of launch.profiles) args.push('--profile', profile);
  for (const region of launch.regions) args.push('--region', region);
  if (launch.endpointUrl) args.push('--endpoint-url', launch.endpointUrl);
  if (launch.folder) args.push(launch.folder.trusted ? '--workspace' : '--untrusted-workspace', launch.folder.path);
  args.push(...launch.runWithoutConfirmation);
  return args;
}

/** The environment beside the runtime's own: plain node, and the same shared AWS files the extension reads. */
export function mcpServerEnv(files: { readonly configFilepath?: string; readonly filepath?: string }): Record<string, string> {
  return {
    ELECTRON_RUN_AS_NODE: '1',
    ...(files.configFilepath ? { AWS_CONFIG_FILE: files.configFilepath } : {}),
    ...(files.filepath ? { AWS_SHARED_CREDENTIALS_FILE: files.filepath } : {}),
  };
}
