import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { RunningServer } from '../moto';
import { CloudWatchService } from './cloudWatch/service';
import { decodeJsonBody, endToEndHeaders, forwardStreaming, MotoCaller, MotoFailure } from './forward';
import type { HandlerTable, Resettable } from './handler';
import { Relay, Streamed } from './handler';
import { LogsService } from './logs/service';
import { AwsError, CLOUDTRAIL, CLOUDWATCH, errorResponse, jsonResponse, LOGS, protocolForTarget, signingScope, STEP_FUNCTIONS, type ServiceProtocol } from './protocol';
import { accountOf, inAccount } from './accounts';
import { requestFacts } from './cloudTrail/fromHttp';
import { managementCall } from './cloudTrail/request';
import { CloudTrailService } from './cloudTrail/service';
import { StepFunctionsService } from './stepFunctions/service';
import { lambdaInvoke, LambdaService } from './lambda/service';
import { answerCloudFormation } from './cloudFormation/stacks';

export interface StandInOptions {
  /** Base URL of the moto server everything unhandled is forwarded to. */
  readonly motoUrl: string;
  /** Port on 127.0.0.1; a free one when omitted. */
  readonly port?: number;
  /** How long a Logs Insights query takes from StartQuery to Complete. */
  readonly insightsDelayMs?: number;
  readonly log?: (line: string) => void;
}

export interface StandInServer extends RunningServer {
  /** Forgets everything the stand-in holds (composite alarms, history, queries, …); moto is untouched. */
  reset(): void;
  /** Every AWS request received so far, answered here or forwarded to moto, oldest first. */
  calls(): readonly AwsCall[];
}

/** One AWS request as it reached the endpoint: what tests and the bench count, independently of the code under test. */
export interface AwsCall {
  readonly seq: number;
  /** `CloudWatch`, `Logs`, `StepFunctions`, or the signing service of a request in another protocol. */
  readonly service: string;
  readonly operation: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly at: number;
  /** The request's JSON input for the JSON protocols (the first 4 KB of its body otherwise). */
  readonly input: unknown;
}

/** `GET <stand-in>/ops-lens-standin/calls?since=SEQ`: the call log as JSON, for tests in other processes. */
export const CALL_LOG_PATH = '/ops-lens-standin/calls';
const CALL_LOG_LIMIT = 20000;

const DEFAULT_INSIGHTS_DELAY_MS = 1500;
const READ_ONLY = /^(Describe|Get|List|Filter|Test)[A-Z]/;

/** The service a request is signed for (`…/us-east-1/cloudformation/aws4_request`). */
function signingService(headers: http.IncomingHttpHeaders): string {
  return /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(headers.authorization ?? '')?.[1] ?? '';
}

/** The operation of a query-protocol request (`Action=…` in a form body), as the AWS CLI sends some. */
function queryAction(body: Buffer): string | undefined {
  if (body.length === 0 || body.length > 1_000_000) return undefined;
  return new URLSearchParams(body.toString('utf8')).get('Action') ?? undefined;
}

/**
 * An HTTP server in front of moto that answers, in the AWS JSON protocols of the SDK v3 clients, the
 * operations moto lacks or gets wrong, and forwards everything else to moto unchanged.
 */
export async function startStandIn(options: StandInOptions): Promise<StandInServer> {
  const log = options.log ?? (() => undefined);
  const cloudWatch = new CloudWatchService();
  const logs = new LogsService({ delayMs: options.insightsDelayMs ?? DEFAULT_INSIGHTS_DELAY_MS, log });
  const stepFunctions = new StepFunctionsService();
  const cloudTrail = new CloudTrailService();
  const lambda = new LambdaService();
  const services: ReadonlyArray<{ protocol: ServiceProtocol; handlers: HandlerTable; state: Resettable }> = [
    { protocol: CLOUDWATCH, handlers: cloudWatch.handlers(), state: cloudWatch },
    { protocol: LOGS, handlers: logs.handlers(), state: logs },
    { protocol: STEP_FUNCTIONS, handlers: stepFunctions.handlers(), state: stepFunctions },
    { protocol: CLOUDTRAIL, handlers: cloudTrail.handlers(), state: cloudTrail },
  ];
  const reset = (): void => services.forEach((s) => s.state.reset());
  const callLog: AwsCall[] = [];
  let seq = 0;
  const record = (req: http.IncomingMessage, body: Buffer, target: { protocol: ServiceProtocol; operation: string } | undefined): void => {
    const scope = signingScope(req.headers);
    const service = target?.protocol.service ?? /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? 'unknown';
    const operation = target?.operation ?? queryAction(body) ?? `${req.method} ${req.url ?? ''}`;
    let input: unknown;
    try {
      input = target ? decodeJsonBody(body, headerValue(req.headers['content-encoding'])) : body.subarray(0, 4096).toString('utf8');
    } catch {
      input = body.subarray(0, 4096).toString('utf8');
    }
    callLog.push({ seq: ++seq, service, operation, region: scope.region, accessKeyId: scope.accessKeyId, at: Date.now(), input });
    if (callLog.length > CALL_LOG_LIMIT) callLog.splice(0, callLog.length - CALL_LOG_LIMIT);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      void inAccount(accountOf(signingScope(req.headers).accessKeyId), () => route(req, body, res)).catch((err: unknown) => {
        log(`stand-in: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('stand-in internal error');
      });
    });
  });

  /** The request in the account's event history, as CloudTrail records management events. */
  function recordManagementEvent(req: http.IncomingMessage, body: Buffer): void {
    const facts = requestFacts(req, body);
    const call = facts && managementCall(facts);
    if (!call || !facts) return;
    const scope = signingScope(req.headers);
    cloudTrail.record(call, { region: scope.region, accessKeyId: scope.accessKeyId, requestId: randomUUID(), userAgent: headerValue(req.headers['user-agent']), requestParameters: facts.input });
  }

  async function route(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<void> {
    if (req.method === 'GET' && req.url?.startsWith(CALL_LOG_PATH)) {
      const since = Number(new URL(req.url, 'http://stand-in').searchParams.get('since') ?? 0);
      send(res, { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(callLog.filter((c) => c.seq > since)) });
      return;
    }
    if (req.method === 'POST' && req.url?.startsWith('/moto-api/reset')) reset();
    if (/^\/api\/v1\/query(_range)?(\?|$)/.test(req.url ?? '') && (req.method === 'GET' || req.method === 'POST')) {
      const signedFor = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(req.headers.authorization ?? '')?.[1];
      record(req, body, undefined);
      const answer = signedFor === 'monitoring' ? cloudWatch.queryMetrics(signingScope(req.headers).region, req.method, req.url!, body) : { status: 403, body: { status: 'error', errorType: 'forbidden', error: 'the request must be signed with Signature Version 4 for the monitoring service' } };
      send(res, { status: answer.status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(answer.body) });
      return;
    }
    if (lambdaInvoke(req.url)) {
      record(req, body, undefined);
      send(res, await lambda.invoke(req, body));
      return;
    }
    const target = protocolForTarget(headerValue(req.headers['x-amz-target']));
    if (req.headers.authorization) {
      record(req, body, target);
      recordManagementEvent(req, body);
    }
    if (!READ_ONLY.test(target?.operation ?? queryAction(body) ?? '')) cloudWatch.forgetListings();
    const stacks = target ? undefined : answerCloudFormation(signingService(req.headers), body, signingScope(req.headers).region, accountOf(signingScope(req.headers).accessKeyId));
    if (stacks) return send(res, stacks);
    const service = target && services.find((s) => s.protocol === target.protocol);
    const handler = target && service?.handlers[target.operation];
    if (!target || !handler) {
      await forwardStreaming(options.motoUrl, req, body, res);
      return;
    }
    const requestId = randomUUID();
    const { region } = signingScope(req.headers);
    const started = Date.now();
    try {
      const input = decodeJsonBody(body, headerValue(req.headers['content-encoding']));
      const moto = new MotoCaller(options.motoUrl, target.protocol, req.headers);
      const result = await handler({ region, operation: target.operation, input, rawBody: body, moto, requestId });
      if (result instanceof Streamed) {
        result.start(res);
      } else if (result instanceof Relay) {
        res.writeHead(result.response.status, endToEndHeaders(result.response.rawHeaders));
        res.end(result.response.body);
      } else {
        send(res, jsonResponse(target.protocol, result, requestId));
      }
      log(`stand-in ${target.protocol.service}.${target.operation} ${region} ${Date.now() - started} ms`);
    } catch (err) {
      if (err instanceof MotoFailure) {
        res.writeHead(err.response.status, endToEndHeaders(err.response.rawHeaders));
        res.end(err.response.body);
      } else if (err instanceof AwsError) {
        send(res, errorResponse(target.protocol, err, requestId));
      } else if (err instanceof SyntaxError) {
        send(res, errorResponse(target.protocol, new AwsError('SerializationException', 'Request body is not valid JSON'), requestId));
      } else {
        throw err;
      }
      log(`stand-in ${target.protocol.service}.${target.operation} ${region} failed: ${err.message}`);
    }
  }

  const url = await new Promise<string>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('stand-in has no TCP address'));
      resolve(`http://127.0.0.1:${address.port}`);
    });
  });
  const port = Number(new URL(url).port);
  log(`stand-in listening on ${url}, forwarding to ${options.motoUrl}`);
  return {
    url,
    port,
    reset,
    calls: () => callLog,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function send(res: http.ServerResponse, response: { status: number; headers: Record<string, string>; body: string }): void {
  res.writeHead(response.status, { ...response.headers, 'content-length': String(Buffer.byteLength(response.body)) });
  res.end(response.body);
}
