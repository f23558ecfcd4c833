import type { HandlerContext } from '../handler';
import { Relay } from '../handler';
import type { Input } from '../input';
import { objectList, optionalString, stringList } from '../input';
import type { CloudWatchRegion } from './state';

/** Whether the stand-in, not moto, holds the resource: a composite or log alarm, or an alarm mute rule. */
function heldHere(state: CloudWatchRegion, arn: string): boolean {
  if (state.composites.byArn(arn)) return true;
  for (const alarm of state.logAlarms.values()) if (alarm.arn === arn) return true;
  for (const rule of state.muteRules.values()) if (rule.arn === arn) return true;
  return false;
}

/** Keeps the `Tags` of a request that created a resource moto does not know. */
export function tagOnCreation(state: CloudWatchRegion, arn: string, input: Input): void {
  const tags = new Map<string, string>();
  for (const tag of objectList(input, 'Tags')) {
    const key = optionalString(tag, 'Key');
    if (key !== undefined) tags.set(key, optionalString(tag, 'Value') ?? '');
  }
  if (tags.size > 0) state.tags.set(arn, tags);
}

/** Tag operations: answered here for what moto does not know, forwarded otherwise. */
export async function tagResource(state: CloudWatchRegion, ctx: HandlerContext): Promise<unknown> {
  const arn = optionalString(ctx.input, 'ResourceARN') ?? '';
  if (!heldHere(state, arn)) return new Relay(await ctx.moto.send('TagResource', ctx.rawBody));
  const tags = state.tags.get(arn) ?? new Map<string, string>();
  for (const tag of objectList(ctx.input, 'Tags')) {
    const key = optionalString(tag, 'Key');
    if (key !== undefined) tags.set(key, optionalString(tag, 'Value') ?? '');
  }
  state.tags.set(arn, tags);
  return {};
}

export async function untagResource(state: CloudWatchRegion, ctx: HandlerContext): Promise<unknown> {
  const arn = optionalString(ctx.input, 'ResourceARN') ?? '';
  if (!heldHere(state, arn)) return new Relay(await ctx.moto.send('UntagResource', ctx.rawBody));
  const tags = state.tags.get(arn);
  for (const key of stringList(ctx.input, 'TagKeys')) tags?.delete(key);
  return {};
}

export async function listTagsForResource(state: CloudWatchRegion, ctx: HandlerContext): Promise<unknown> {
  const arn = optionalString(ctx.input, 'ResourceARN') ?? '';
  if (!heldHere(state, arn)) return new Relay(await ctx.moto.send('ListTagsForResource', ctx.rawBody));
  return { Tags: [...(state.tags.get(arn) ?? new Map<string, string>())].map(([Key, Value]) => ({ Key, Value })) };
}
