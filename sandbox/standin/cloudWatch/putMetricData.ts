import type { HandlerContext } from '../handler';
import { Relay } from '../handler';
import type { CloudWatchRegion } from './state';

/** PutMetricData goes to moto (which validates and keeps it); what moto accepts is kept for GetMetricData too. */
export async function putMetricData(state: CloudWatchRegion, ctx: HandlerContext): Promise<unknown> {
  // The decoded body: the SDK gzips large PutMetricData requests, and moto is sent plain JSON.
  const response = await ctx.moto.send('PutMetricData', Buffer.from(JSON.stringify(ctx.input), 'utf8'));
  if (response.status < 300) state.metrics.put(ctx.input);
  return new Relay(response);
}
