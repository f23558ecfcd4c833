// CloudWatch's Prometheus-compatible QueryMetrics API (`/api/v1/query_range` on the monitoring endpoint). The SDK
// models no command for it: the request is signed with the SDK's Signature V4 signer for `monitoring` and sent
// through the CloudWatch client's own HTTP handler, credentials and endpoint.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-PromQL-Querying.html
import type { Readable } from 'node:stream';
import { scopeParts, type ScopeId } from '../../core/scope';
import { loadSdk } from '../sdkLoader';
import type { AwsSession } from '../session';

/** An answer larger than this is not read. */
export const MAX_PROMQL_ANSWER_BYTES = 8 * 1024 * 1024;

interface ResolvedEndpoint {
  readonly protocol: string;
  readonly hostname: string;
  readonly port?: number;
  readonly path: string;
}

interface ClientInternals {
  readonly config: {
    readonly credentials: () => Promise<unknown>;
    readonly sha256: unknown;
    readonly endpoint?: () => Promise<ResolvedEndpoint>;
    readonly requestHandler: { handle(request: unknown): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: Readable } }> };
  };
}

async function readCapped(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > MAX_PROMQL_ANSWER_BYTES) {
      body.destroy();
      throw new Error(`the answer is larger than ${MAX_PROMQL_ANSWER_BYTES / (1024 * 1024)} MB`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** GET `/api/v1/query_range` with `params`, signed as the scope's profile; the parsed JSON answer (errors included). */
export async function queryPromQlRange(session: AwsSession, scope: ScopeId, params: Readonly<Record<string, string>>): Promise<unknown> {
  const sdk = await loadSdk();
  const region = scopeParts(scope).region;
  const client = (await session.client('cloudWatch', scope)) as unknown as ClientInternals;
  const custom = client.config.endpoint ? await client.config.endpoint() : undefined;
  const base = custom ?? { protocol: 'https:', hostname: `monitoring.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`, path: '/' };
  const request = {
    method: 'GET',
    protocol: base.protocol,
    hostname: base.hostname,
    ...(base.port ? { port: base.port } : {}),
    path: `${base.path.endsWith('/') ? base.path.slice(0, -1) : base.path}/api/v1/query_range`,
    query: { ...params },
    headers: { host: base.port ? `${base.hostname}:${base.port}` : base.hostname, accept: 'application/json' },
  };
  const signer = new sdk.SignatureV4({ credentials: client.config.credentials as never, region, service: 'monitoring', sha256: client.config.sha256 as never });
  const signed = await signer.sign(request as never);
  const { response } = await client.config.requestHandler.handle(signed);
  const text = await readCapped(response.body);
  try {
    return JSON.parse(text);
  } catch {
    if (response.statusCode === 403 || response.statusCode === 401) throw new Error(`the PromQL query was refused (HTTP ${response.statusCode}): the credentials need cloudwatch:GetMetricData and cloudwatch:ListMetrics`);
    if (response.statusCode === 404) throw new Error('this account or region offers no PromQL query API (HTTP 404)');
    throw new Error(`PromQL query answered HTTP ${response.statusCode} without JSON`);
  }
}
