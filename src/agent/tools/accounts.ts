import type { ScopeId } from '../../core/scope';
import type { ToolContext } from './types';

/** A change a tool asks to make in AWS, judged like the commands' changes. */
export interface ToolChange {
  /** A region, or `profile · region`. */
  readonly scope: ScopeId;
  /** The AWS operation, for the audit line. */
  readonly operation: string;
  /** What the person reads: `Stop execution run-7`. */
  readonly action: string;
  readonly target: string;
}

/** Permission for one change: `run` makes it and writes its audit line. */
export interface ChangePermit {
  run<T>(change: () => Promise<T>): Promise<T>;
}

/**
 * The only way a tool may change something in AWS: through the commands' guard (in VS Code: the account's
 * name typed in production, a refusal in read-only accounts, the usual question elsewhere). Where there is
 * no guard (the MCP server, where nobody can be asked), every change is refused.
 */
export async function guardedChange<T>(ctx: ToolContext, request: ToolChange, change: () => Promise<T>): Promise<{ done: true; value: T } | { done: false; said: string }> {
  if (!ctx.confirmChange) return { done: false, said: `Not done: ${request.action} changes AWS, and here nobody can be asked to confirm it. Ask the user to do it in VS Code.` };
  const permit = await ctx.confirmChange(request);
  if (!permit) return { done: false, said: `Not done: ${request.action} was refused or not confirmed.` };
  return { done: true, value: await permit.run(change) };
}

/**
 * A line naming the marked accounts among `scopes` (`us-east-1 (PRODUCTION account prod-main)`), so a
 * model answering about them knows; empty when none is marked or nothing can say.
 */
export async function accountNotes(ctx: ToolContext, scopes: readonly ScopeId[]): Promise<string> {
  if (!ctx.accountMarking) return '';
  const marked = (await Promise.all([...new Set(scopes)].map(async (scope) => ({ scope, marking: await ctx.accountMarking!(scope).catch(() => undefined) })))).filter((m) => m.marking);
  return marked.length ? `Accounts: ${marked.map((m) => `${m.scope} (${m.marking})`).join('; ')}. Changes there follow the user's account rules.` : '';
}
