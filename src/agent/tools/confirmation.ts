import { fenced, MAX_ANSWER_CHARS } from './text';
import type { AgentTool } from './types';

/** The question asked before a tool that costs money runs (in VS Code's confirmation and over MCP alike). */
export function confirmationTitle(tool: AgentTool): string {
  return `${tool.displayName}? (AWS charges per GB scanned)`;
}

/** The tool's confirmation text as markdown: fenced, since it quotes the workspace's query text and log groups. */
export function confirmationBody(text: string): string {
  return fenced(text, MAX_ANSWER_CHARS);
}

/** What the model is told about the confirmation: true in VS Code and over MCP alike. */
export const CONFIRMATION_NOTE = 'Each run waits for the user\'s yes, unless the user chose to let this tool run unasked; an MCP client that cannot ask the user gets a refusal instead. A declined or refused run sends nothing to AWS.';
