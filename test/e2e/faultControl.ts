import * as assert from 'node:assert/strict';
import type { FaultRule } from '../../sandbox/faults/proxy';
import { environment } from './harness';

// The e2e sandbox's AWS endpoint is the fault proxy (passing everything through until a test scripts a
// fault): see test/support/environment.ts.
const CONTROL_PATH = '/ops-lens-faults';

export async function scriptFaults(rules: FaultRule[]): Promise<void> {
  const response = await fetch(`${environment().awsEndpoint}${CONTROL_PATH}`, { method: rules.length ? 'POST' : 'DELETE', body: rules.length ? JSON.stringify(rules) : undefined });
  assert.equal(response.status, 200, `the fault proxy answered ${response.status}: ${await response.text()}`);
}

/** Calls of `operation` the proxy answered with a fault, after the call numbered `since`. */
export async function faultedCalls(operation: string, since = 0): Promise<number> {
  const response = await fetch(`${environment().awsEndpoint}${CONTROL_PATH}?since=${since}`);
  const body = (await response.json()) as { calls: Array<{ operation: string; fault?: string }> };
  return body.calls.filter((c) => c.operation === operation && c.fault).length;
}

/** The number of the last call the proxy saw. */
export async function lastProxiedCall(): Promise<number> {
  const response = await fetch(`${environment().awsEndpoint}${CONTROL_PATH}`);
  const body = (await response.json()) as { calls: Array<{ seq: number }> };
  return body.calls.at(-1)?.seq ?? 0;
}
