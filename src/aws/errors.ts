/** What the user can do about a failed AWS call; the UI turns it into a button. */
export type ErrorAction = 'selectProfile' | 'ssoLogin' | 'openSettings' | 'selectRegions' | 'retry';

export interface AwsCallContext {
  /** SDK client name, e.g. `CloudWatchClient`. */
  readonly service: string;
  /** Operation, e.g. `DescribeAlarms`. */
  readonly operation: string;
  readonly region: string;
  readonly profile: string;
  readonly endpoint?: string;
}

export class AwsUserError extends Error {
  /** Recognised by shape, so errors raised in one bundle are known in the lazily loaded others. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'AwsUserError' && typeof (value as { action?: unknown }).action === 'string';
  }

  constructor(
    message: string,
    readonly action: ErrorAction,
    readonly code: string,
    readonly context: AwsCallContext,
    /** The SDK's own error, for details such as a query's compile error. */
    readonly original?: unknown,
  ) {
    super(message);
    this.name = 'AwsUserError';
  }
}

const IAM_PREFIX: Record<string, string> = {
  CloudWatchClient: 'cloudwatch',
  CloudWatchLogsClient: 'logs',
  SFNClient: 'states',
  STSClient: 'sts',
};

const SERVICE_NAME: Record<string, string> = {
  CloudWatchClient: 'CloudWatch',
  CloudWatchLogsClient: 'CloudWatch Logs',
  SFNClient: 'Step Functions',
  STSClient: 'STS',
};

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'TimeoutError', 'RequestTimeout']);

export function iamAction(ctx: Pick<AwsCallContext, 'service' | 'operation'>): string {
  return `${IAM_PREFIX[ctx.service] ?? ctx.service.replace(/Client$/, '').toLowerCase()}:${ctx.operation}`;
}

function errorCode(err: unknown): string {
  const e = err as { name?: string; code?: string; Code?: string; cause?: { code?: string } } | undefined;
  return e?.code ?? e?.cause?.code ?? e?.Code ?? e?.name ?? 'Error';
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The one place that turns SDK failures into messages a person can act on. */
export function toUserError(err: unknown, ctx: AwsCallContext): AwsUserError {
  if (err instanceof AwsUserError) return err;
  const code = errorCode(err);
  const text = messageOf(err);
  const service = SERVICE_NAME[ctx.service] ?? ctx.service;
  const where = ctx.region;
  const profile = ctx.profile;

  if (/sso/i.test(text) && /(expired|refresh|token)/i.test(text)) {
    return new AwsUserError(`The AWS SSO session of profile "${profile}" has expired or is missing. Run \`aws sso login --profile ${profile}\` in a terminal, then refresh.`, 'ssoLogin', code, ctx, err);
  }
  if (code === 'CredentialsProviderError' || /could not load credentials|profile .* could not be found|no credentials/i.test(text)) {
    return new AwsUserError(`No AWS credentials found for profile "${profile}". Select a profile that has credentials, or configure one with \`aws configure\`.`, 'selectProfile', code, ctx, err);
  }
  if (/^(ExpiredToken|ExpiredTokenException|RequestExpired)$/.test(code)) {
    return new AwsUserError(`The credentials of profile "${profile}" have expired. Refresh them (for SSO: \`aws sso login --profile ${profile}\`), then refresh.`, 'ssoLogin', code, ctx, err);
  }
  if (/^(AccessDenied|AccessDeniedException|UnauthorizedOperation|UnauthorizedException)$/.test(code) || /not authorized to perform/i.test(text)) {
    return new AwsUserError(`Access denied: profile "${profile}" may not call ${iamAction(ctx)} in ${where}. Ask for this permission or select another profile.`, 'selectProfile', code, ctx, err);
  }
  if (/^(UnrecognizedClientException|InvalidClientTokenId|InvalidSignatureException|SignatureDoesNotMatch|IncompleteSignature)$/.test(code)) {
    return new AwsUserError(`AWS rejected the credentials of profile "${profile}" (${code}). Check the keys or select another profile.`, 'selectProfile', code, ctx, err);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || /getaddrinfo/.test(text)) {
    const endpoint = ctx.endpoint ? `the endpoint ${ctx.endpoint}` : `the ${service} endpoint`;
    const host = /getaddrinfo \S+ (\S+)/.exec(text)?.[1];
    return new AwsUserError(`Cannot reach ${endpoint} in ${where}: ${host ? `the name ${host}` : 'its name'} does not resolve in DNS (${code}). Check your network or VPN, the region, or the \`opsLens.aws.endpointUrl\` setting.`, 'openSettings', code, ctx, err);
  }
  if (/CERT|^ERR_SSL|^ERR_TLS|^SELF_SIGNED|^UNABLE_TO_/.test(code) || /\bcertificate\b|\bSSL\b|\bTLS\b/i.test(text)) {
    const endpoint = ctx.endpoint ? `the endpoint ${ctx.endpoint}` : `the ${service} endpoint`;
    return new AwsUserError(`The TLS connection to ${endpoint} in ${where} failed (${code}): ${text}. If a proxy inspects TLS on your network, point NODE_EXTRA_CA_CERTS at its certificate authority.`, 'openSettings', code, ctx, err);
  }
  if (NETWORK_CODES.has(code) || /ECONNREFUSED|socket hang up|connect ETIMEDOUT/.test(text)) {
    const endpoint = ctx.endpoint ? `the endpoint ${ctx.endpoint}` : `the ${service} endpoint`;
    return new AwsUserError(`Cannot reach ${endpoint} in ${where} (${code}). Check your network, the region, or the \`opsLens.aws.endpointUrl\` setting.`, 'openSettings', code, ctx, err);
  }
  if (/^(Throttling|ThrottlingException|TooManyRequestsException|RequestLimitExceeded)$/.test(code)) {
    return new AwsUserError(`${service} is throttling requests in ${where}. Ops Lens will retry later; refresh less often if this persists.`, 'retry', code, ctx, err);
  }
  if (SERVER_FAULT.test(code) || ((err as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode ?? 0) >= 500) {
    return new AwsUserError(`${service} had a temporary failure in ${where} (${code}). Ops Lens will retry; nothing needs to change on your side.`, 'retry', code, ctx, err);
  }
  if (code === 'InvalidRegion' || /region/i.test(text) && /invalid|not valid|unknown/i.test(text)) {
    return new AwsUserError(`"${where}" is not a region ${service} accepts. Select other regions.`, 'selectRegions', code, ctx, err);
  }
  return new AwsUserError(`${service} ${ctx.operation} failed in ${where}: ${text}`, 'retry', code, ctx, err);
}

const THROTTLING = /^(Throttling|ThrottlingException|TooManyRequestsException|RequestLimitExceeded|RequestThrottled|LimitExceededException)$/;
const SERVER_FAULT = /^(InternalFailure|InternalError|InternalServerError|InternalServiceError|InternalServiceException|ServiceUnavailable|ServiceUnavailableException)$/;

/** A failure a later call may not meet: throttling, a 5xx answer, an unreachable endpoint. */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof AwsUserError) && !(err instanceof Error)) return false;
  const code = err instanceof AwsUserError ? err.code : errorCode(err);
  const original = (err instanceof AwsUserError ? err.original : err) as { $metadata?: { httpStatusCode?: number } } | undefined;
  return THROTTLING.test(code) || SERVER_FAULT.test(code) || NETWORK_CODES.has(code) || (original?.$metadata?.httpStatusCode ?? 0) >= 500;
}

/** The credentials themselves failed (expired, missing, rejected): every view of the session fails the same way. */
export function isCredentialProblem(err: unknown): boolean {
  return err instanceof AwsUserError && (err.action === 'ssoLogin' || (err.action === 'selectProfile' && !/^(AccessDenied|AccessDeniedException|UnauthorizedOperation|UnauthorizedException)$/.test(err.code)));
}
