import type { ScopeId } from '../../core/scope';
import { loadSdk } from '../sdkLoader';
import type { AwsSession } from '../session';

/** What a function returned: its JSON result as text, and the kind of error when it failed (`Unhandled`). */
export interface InvokeResult {
  readonly payload: string;
  readonly functionError?: string;
}

/** Lambda's Invoke, for custom dashboard widgets only: features depend on this seam, not on the SDK. */
export interface LambdaApi {
  /** Invokes a function and waits for its result (`RequestResponse`). */
  invokeWidget(scope: ScopeId, functionName: string, event: unknown): Promise<InvokeResult>;
}

/** A result larger than this is not decoded (Invoke returns at most 6 MB). */
const MAX_RESULT_BYTES = 6 * 1024 * 1024;

export class SdkLambda implements LambdaApi {
  constructor(private readonly session: AwsSession) {}

  async invokeWidget(scope: ScopeId, functionName: string, event: unknown): Promise<InvokeResult> {
    const sdk = await loadSdk();
    const client = await this.session.client('lambda', scope);
    const out = await client.send(new sdk.lambda.InvokeCommand({ FunctionName: functionName, InvocationType: 'RequestResponse', Payload: new TextEncoder().encode(JSON.stringify(event)) }));
    const bytes = out.Payload ?? new Uint8Array();
    const payload = new TextDecoder().decode(bytes.length > MAX_RESULT_BYTES ? bytes.subarray(0, MAX_RESULT_BYTES) : bytes);
    return { payload, ...(out.FunctionError ? { functionError: out.FunctionError } : {}) };
  }
}
