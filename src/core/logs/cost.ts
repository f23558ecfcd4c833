/**
 * Live Tail is billed per session-minute: USD 0.01 a minute in US East (N. Virginia)
 * (https://aws.amazon.com/cloudwatch/pricing/); other regions are priced differently.
 */
export const LIVE_TAIL_PRICE_PER_MINUTE_USD = 0.01;

/** What a session of `elapsedMs` has cost so far: every started minute counts. */
export function liveTailCost(elapsedMs: number, pricePerMinute = LIVE_TAIL_PRICE_PER_MINUTE_USD): { minutes: number; usd: number } {
  const minutes = Math.max(1, Math.ceil(elapsedMs / 60_000));
  return { minutes, usd: Math.round(minutes * pricePerMinute * 100) / 100 };
}
