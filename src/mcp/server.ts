// The MCP server: Ops Lens's agent tools over stdio, for VS Code and any other MCP client.
// node dist/mcp/server.js [--profile NAME]… [--region REGION]… [--endpoint-url URL] [--workspace DIR] [--run-without-confirmation TOOL]…
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { AwsSession } from '../aws/session';
import { scopeOfArn } from '../aws/arnScope';
import { SdkCloudWatch } from '../aws/services/cloudWatch';
import { SdkLogs } from '../aws/services/logs';
import { SdkMetrics } from '../aws/services/metrics';
import { SdkStepFunctions } from '../aws/services/stepFunctions';
import { SdkCloudTrail } from '../aws/services/cloudTrail';
import { AGENT_TOOLS, invokeAgentTool, type ToolContext } from '../agent/tools';
import { FolderFiles } from '../agent/tools/workspaceFiles';
import { QueryScanHistory } from '../agent/tools/scanHistory';
import { parseServerArgs } from './args';
import { workspaceHealth } from './health';
import { refusalBeforeRun } from './confirm';
import { listedTools } from './tools';

async function main(): Promise<void> {
  const args = parseServerArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    process.exit(2);
  }
  // An untrusted folder's settings choose nothing the tools request or read (as Restricted Mode ignores them);
  // its health endpoints are listed, never requested.
  const folder = args.workspace ? new FolderFiles(args.workspace) : undefined;
  const session = new AwsSession({ profile: args.profile, regions: args.regions, endpointUrl: args.endpointUrl, ...(args.profiles ? { profiles: args.profiles } : {}) });
  const ctx: ToolContext = {
    cloudWatch: new SdkCloudWatch(session),
    logs: new SdkLogs(session),
    stepFunctions: new SdkStepFunctions(session),
    metrics: new SdkMetrics(session),
    cloudTrail: new SdkCloudTrail(session),
    regions: async () => [...(await session.regions()).regions],
    scopeOfArn: (arn) => scopeOfArn(session, arn),
    workspace: args.workspace ? new FolderFiles(args.workspace, { readSettings: !args.untrustedWorkspace }) : undefined,
    // While the server runs: each run's bytes scanned, for the next confirmation's estimate.
    queryScans: new QueryScanHistory(),
    health: folder && workspaceHealth((key) => folder.setting(key), !args.untrustedWorkspace),
  };
  const server = new Server({ name: 'ops-lens', version: '1.0.0' }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: listedTools() }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = AGENT_TOOLS.find((t) => t.name === request.params.name);
    if (!tool) return { content: [{ type: 'text', text: `No tool named ${request.params.name}.` }], isError: true };
    const input = request.params.arguments ?? {};
    const refusal = await refusalBeforeRun(server, tool, input, ctx, args.runWithoutConfirmation ?? []);
    if (refusal) return { content: [{ type: 'text', text: refusal.text }], isError: refusal.isError };
    const answer = await invokeAgentTool(tool, input, ctx);
    return { content: [{ type: 'text', text: answer.text }], isError: answer.failed };
  });
  await server.connect(new StdioServerTransport());
}

main().catch((err) => {
  process.stderr.write(`ops-lens mcp server: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
