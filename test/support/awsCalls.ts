// The AWS calls the sandbox's endpoint received, read from its call log: how tests count what the
// extension sent, independently of the extension's own bookkeeping.
import type { AwsCall } from '../../sandbox/standin/server';

export type { AwsCall };

// The stand-in's CALL_LOG_PATH, written out: importing the value would bundle the stand-in server into
// the extension-host suite, which reads this file too.
const CALL_LOG_PATH = '/ops-lens-standin/calls';

/** Calls received after `since` (a `seq` from an earlier read; 0 for all). */
export async function awsCalls(endpoint: string, since = 0): Promise<AwsCall[]> {
  const response = await fetch(`${endpoint.replace(/\/$/, '')}${CALL_LOG_PATH}?since=${since}`);
  if (!response.ok) throw new Error(`the call log of ${endpoint} answered ${response.status}`);
  return (await response.json()) as AwsCall[];
}

/** The newest `seq` so far: pass it as `since` to see only what comes next. */
export async function lastCallSeq(endpoint: string): Promise<number> {
  const calls = await awsCalls(endpoint);
  return calls.length ? calls[calls.length - 1].seq : 0;
}

/** Waits until the endpoint has received no call for `quietMs` (views loading, auto refreshes); returns the last `seq`. */
export async function afterCallsSettle(endpoint: string, quietMs = 1500, timeoutMs = 20000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = await lastCallSeq(endpoint);
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) throw new Error(`${endpoint} kept receiving calls for ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
    const now = await lastCallSeq(endpoint);
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
  return last;
}
