import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { AGENT_TOOLS, type AgentTool } from '../agent/tools';

/**
 * Clients skip their own confirmation for a read-only tool, so only tools that neither cost money nor
 * change anything say so. The others query AWS (open world), change nothing there, and each run costs anew.
 */
export function annotationsOf(tool: AgentTool): ToolAnnotations {
  return tool.needsConfirmation
    ? { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true }
    : { readOnlyHint: true, openWorldHint: true };
}

/** The answer to `tools/list`. */
export function listedTools() {
  return AGENT_TOOLS.map((t) => ({ name: t.name, title: t.displayName, description: t.modelDescription, inputSchema: t.inputSchema as never, annotations: annotationsOf(t) }));
}
