import type { IncomingHttpHeaders } from 'node:http';

/** One of the AWS JSON protocols the stand-in speaks, identified by the `X-Amz-Target` prefix. */
export interface ServiceProtocol {
  /** Short name used in logs. */
  readonly service: string;
  readonly targetPrefix: string;
  readonly contentType: string;
  /** Errors also carry `x-amzn-query-error` (services that moved from the query protocol to JSON, as CloudWatch). */
  readonly queryCompatible: boolean;
  /** Namespace prefixed to `__type` in error bodies. */
  readonly errorNamespace: string;
}

export const CLOUDWATCH: ServiceProtocol = {
  service: 'cloudwatch',
  targetPrefix: 'GraniteServiceVersion20100801',
  contentType: 'application/x-amz-json-1.0',
  queryCompatible: true,
  errorNamespace: 'com.amazonaws.cloudwatch',
};

export const LOGS: ServiceProtocol = {
  service: 'logs',
  targetPrefix: 'Logs_20140328',
  contentType: 'application/x-amz-json-1.1',
  queryCompatible: false,
  errorNamespace: 'com.amazonaws.logs',
};

export const STEP_FUNCTIONS: ServiceProtocol = {
  service: 'states',
  targetPrefix: 'AWSStepFunctions',
  contentType: 'application/x-amz-json-1.0',
  queryCompatible: false,
  errorNamespace: 'com.amazonaws.sfn',
};

export const CLOUDTRAIL: ServiceProtocol = {
  service: 'cloudtrail',
  // The JavaScript SDK sends the short prefix; other SDKs and the CLI the namespaced one (see protocolForTarget).
  targetPrefix: 'CloudTrail_20131101',
  contentType: 'application/x-amz-json-1.1',
  queryCompatible: false,
  errorNamespace: 'com.amazonaws.cloudtrail.v20131101',
};

export const PROTOCOLS: readonly ServiceProtocol[] = [CLOUDWATCH, LOGS, STEP_FUNCTIONS, CLOUDTRAIL];

/** An error answered in AWS JSON shape. */
export class AwsError extends Error {
  override readonly name = 'AwsError';

  constructor(
    /** The error shape's name, as in `__type` and `x-amzn-ErrorType`. */
    readonly type: string,
    message: string,
    readonly status = 400,
    /** Extra members of the error structure (e.g. `queryCompileError`). */
    readonly extra: Record<string, unknown> = {},
    /** The query-protocol code for query-compatible services, when it differs from `type` (e.g. `InvalidParameterValue`). */
    readonly queryCode: string = type,
    readonly fault: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
  }
}

export interface JsonResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export function jsonResponse(protocol: ServiceProtocol, payload: unknown, requestId: string): JsonResponse {
  return {
    status: 200,
    headers: { 'content-type': protocol.contentType, 'x-amzn-requestid': requestId },
    body: JSON.stringify(payload ?? {}),
  };
}

export function errorResponse(protocol: ServiceProtocol, error: AwsError, requestId: string): JsonResponse {
  const headers: Record<string, string> = {
    'content-type': protocol.contentType,
    'x-amzn-requestid': requestId,
    'x-amzn-errortype': `${error.type}:http://internal.amazon.com/coral/${protocol.errorNamespace}/`,
  };
  if (protocol.queryCompatible) headers['x-amzn-query-error'] = `${error.queryCode};${error.fault}`;
  const body = { __type: `${protocol.errorNamespace}#${error.type}`, message: error.message, ...error.extra };
  return { status: error.status, headers, body: JSON.stringify(body) };
}

export function protocolForTarget(target: string | undefined): { protocol: ServiceProtocol; operation: string } | undefined {
  if (!target) return undefined;
  const dot = target.lastIndexOf('.');
  if (dot < 0) return undefined;
  const prefix = target.slice(0, dot);
  const protocol = PROTOCOLS.find((p) => p.targetPrefix === prefix || prefix.endsWith(`.${p.targetPrefix}`));
  return protocol ? { protocol, operation: target.slice(dot + 1) } : undefined;
}

const CREDENTIAL_SCOPE = /Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\//;

/** Region (and access key) from the SigV4 credential scope of the `Authorization` header. */
export function signingScope(headers: IncomingHttpHeaders): { region: string; accessKeyId: string } {
  const auth = headers.authorization ?? '';
  const match = CREDENTIAL_SCOPE.exec(auth);
  return { region: match?.[2] ?? 'us-east-1', accessKeyId: match?.[1] ?? '' };
}
