import { describeAlarm, listAlarms } from './alarms';
import { describeExecution, listExecutions } from './executions';
import { listSavedQueries, runInsightsQuery } from './insights';
import { investigateAlarm } from './investigate';
import { checkHealth } from './health';
import { getMetricData } from './metrics';
import { productionErrors } from './productionErrors';
import { resolveStackFrames } from './stackFrames';
import { finalAnswer } from './text';
import { RegionRefused, type AgentTool, type ToolContext, type ToolInput } from './types';

export type { AgentTool, ToolContext, ToolInput } from './types';

/** Every tool Ops Lens serves to language models, in VS Code and over MCP. */
export const AGENT_TOOLS: readonly AgentTool[] = [listAlarms, describeAlarm, listSavedQueries, runInsightsQuery, getMetricData, listExecutions, describeExecution, resolveStackFrames, investigateAlarm, checkHealth, productionErrors];

/** Runs a tool and returns its answer, capped and with secrets masked; AWS failures become the answer's text. */
export async function invokeAgentTool(tool: AgentTool, input: ToolInput, ctx: ToolContext): Promise<{ text: string; failed: boolean }> {
  try {
    return { text: finalAnswer(await tool.run(input ?? {}, ctx)), failed: false };
  } catch (err) {
    if (err instanceof RegionRefused) return { text: finalAnswer(err.message), failed: true };
    return { text: finalAnswer(`${tool.name} failed: ${err instanceof Error ? err.message : String(err)}`), failed: true };
  }
}
