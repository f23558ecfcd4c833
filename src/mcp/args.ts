import { REGION_PATTERN } from '../aws/settings';
import { AGENT_TOOLS } from '../agent/tools';
import { RUN_WITHOUT_CONFIRMATION } from '../core/agent/confirmationSettings';

export interface ServerArgs {
  readonly profile: string;
  /** `--profile` given more than once: these profiles side by side, each in its own regions. */
  readonly profiles?: string[];
  readonly regions: string[];
  readonly endpointUrl: string;
  readonly workspace?: string;
  /** Given with --untrusted-workspace: the folder's settings choose no requests (health endpoints, log groups, mappings). */
  readonly untrustedWorkspace?: boolean;
  /** Tools that cost money and may run without a person's yes (`--run-without-confirmation NAME`, repeated). */
  readonly runWithoutConfirmation?: string[];
}

export const USAGE = `usage: server.js [--profile NAME]… [--region REGION]… [--endpoint-url URL] [--workspace DIR | --untrusted-workspace DIR] [${RUN_WITHOUT_CONFIRMATION} TOOL]…`;

/** The command line; a string says what is wrong with it. */
export function parseServerArgs(argv: readonly string[]): ServerArgs | string {
  const profiles: string[] = [];
  const regions: string[] = [];
  let endpointUrl = '';
  let workspace: string | undefined;
  let untrustedWorkspace = false;
  const runWithoutConfirmation: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) return `${flag} needs a value. ${USAGE}`;
    if (flag === '--profile') profiles.push(value);
    else if (flag === '--region') {
      for (const r of value.split(',').map((s) => s.trim()).filter(Boolean)) {
        if (!REGION_PATTERN.test(r)) return `"${r}" is not a region. ${USAGE}`;
        regions.push(r);
      }
    } else if (flag === '--endpoint-url') {
      if (!/^https?:\/\//.test(value)) return `--endpoint-url takes an http(s) URL. ${USAGE}`;
      endpointUrl = value;
    } else if (flag === '--workspace' || flag === '--untrusted-workspace') {
      workspace = value;
      untrustedWorkspace = flag === '--untrusted-workspace';
    } else if (flag === RUN_WITHOUT_CONFIRMATION) {
      const asking = AGENT_TOOLS.filter((t) => t.needsConfirmation).map((t) => t.name);
      if (!asking.includes(value)) return `${RUN_WITHOUT_CONFIRMATION} takes the name of a tool that asks before it runs: ${asking.join(', ')}.`;
      if (!runWithoutConfirmation.includes(value)) runWithoutConfirmation.push(value);
    }
    else return `Unknown option ${flag}. ${USAGE}`;
  }
  const profile = profiles[0] ?? '';
  return {
    profile, regions, endpointUrl, workspace,
    ...(profiles.length > 1 ? { profiles } : {}),
    ...(untrustedWorkspace ? { untrustedWorkspace } : {}),
    ...(runWithoutConfirmation.length ? { runWithoutConfirmation } : {}),
  };
}
