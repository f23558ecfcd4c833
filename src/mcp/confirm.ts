import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { AgentTool, ToolContext, ToolInput } from '../agent/tools';
import { confirmationBody, confirmationTitle } from '../agent/tools/confirmation';
import { RUN_WITHOUT_CONFIRMATION, skipSettingsOf } from '../core/agent/confirmationSettings';

/** How long a person has to answer before the run is given up (the SDK's default is one minute). */
const ANSWER_TIMEOUT_MS = 10 * 60_000;

export interface Refusal {
  readonly text: string;
  readonly isError: boolean;
}

/**
 * Before a tool that costs money runs: asks the person through MCP elicitation, with what it will scan
 * and the estimate. Undefined when it may run (a yes, or the server was started with
 * `--run-without-confirmation` for it); otherwise why it did not run. Nothing is sent to AWS before a yes.
 */
export async function refusalBeforeRun(server: Server, tool: AgentTool, input: ToolInput, ctx: ToolContext, runWithoutConfirmation: readonly string[]): Promise<Refusal | undefined> {
  if (!tool.needsConfirmation || runWithoutConfirmation.includes(tool.name)) return undefined;
  if (!server.getClientCapabilities()?.elicitation?.form) return { text: cannotAsk(tool), isError: true };
  let answer;
  try {
    const text = (await tool.confirmationText?.(input, ctx)) ?? '';
    answer = await server.elicitInput({
      mode: 'form',
      message: `${confirmationTitle(tool)}\n\n${confirmationBody(text)}`,
      requestedSchema: {
        type: 'object',
        properties: { run: { type: 'boolean', title: 'Run it', description: 'Yes: run it now, at AWS\'s price per GB scanned.', default: false } },
        required: ['run'],
      },
    }, { timeout: ANSWER_TIMEOUT_MS });
  } catch (err) {
    return { text: `Not run: the user could not be asked to confirm ${tool.name} (${err instanceof Error ? err.message : String(err)}). Nothing was sent to AWS.`, isError: true };
  }
  if (answer.action === 'accept' && answer.content?.run === true) return undefined;
  const why = answer.action === 'cancel' ? 'the user dismissed the confirmation' : 'the user declined';
  return { text: `Not run: ${why}. Nothing was sent to AWS. Do not run ${tool.name} again unless the user asks for it.`, isError: false };
}

function cannotAsk(tool: AgentTool): string {
  const setting = skipSettingsOf(tool.name)[0];
  return [
    `Not run: ${tool.name} costs money (AWS charges per GB scanned), so it runs only after a person's yes, and this MCP client cannot ask (it does not support elicitation). Nothing was sent to AWS.`,
    `To let it run without asking, the user starts the server with ${RUN_WITHOUT_CONFIRMATION} ${tool.name}${setting ? ` (in VS Code: the user setting opsLens.${setting})` : ''}.`,
  ].join('\n');
}
