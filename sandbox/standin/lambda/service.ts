// Lambda's Invoke (REST-JSON: POST /2015-03-31/functions/{FunctionName}/invocations) for the functions the sandbox
// serves itself: moto keeps Lambda functions but may not run their code. Its answers follow the API reference:
// the function's JSON result as the body, `X-Amz-Function-Error` when it failed, 202 for `Event`, 204 for `DryRun`,
// `ResourceNotFoundException` (404) for a function that does not exist.
// https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
import type * as http from 'node:http';
import { currentAccount } from '../accounts';
import { WIDGET_FUNCTIONS, type WidgetFunction } from './widgetFunctions';

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/?]+)\/invocations(?:\?|$)/;
/** Invoke refuses a request payload over 6 MB. */
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

export function lambdaInvoke(url: string | undefined): boolean {
  return INVOKE_PATH.test(url ?? '');
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

function error(status: number, type: string, message: string): Answer {
  return { status, headers: { 'content-type': 'application/json', 'x-amzn-errortype': type }, body: JSON.stringify({ Type: 'User', message }) };
}

/** A function name, a partial ARN (`123456789012:function:name`) or a full ARN → its name; `Qualifier` aside. */
function functionNameOf(raw: string): string {
  const m = /^(?:arn:[^:]+:lambda:[^:]*:)?(?:\d{12}:)?(?:function:)?([A-Za-z0-9_-]{1,64})(?::[^:]+)?$/.exec(raw);
  return m ? m[1] : raw;
}

export class LambdaService {
  constructor(private readonly functions: ReadonlyMap<string, WidgetFunction> = WIDGET_FUNCTIONS) {}

  async invoke(req: http.IncomingMessage, body: Buffer): Promise<Answer> {
    if (req.method !== 'POST') return error(405, 'InvalidRequestContentException', 'Invoke takes POST');
    const raw = decodeURIComponent(INVOKE_PATH.exec(req.url ?? '')![1]);
    const name = functionNameOf(raw);
    const fn = this.functions.get(name);
    const arn = `arn:aws:lambda:us-east-1:${currentAccount()}:function:${name}`;
    if (!fn) return error(404, 'ResourceNotFoundException', `Function not found: ${arn}`);
    if (body.length > MAX_PAYLOAD_BYTES) return error(413, 'RequestTooLargeException', 'Request must be smaller than 6291456 bytes for the InvokeFunction operation');
    let event: unknown = {};
    if (body.length) {
      try {
        event = JSON.parse(body.toString('utf8'));
      } catch {
        return error(400, 'InvalidRequestContentException', 'Could not parse request body into json: Unexpected character');
      }
    }
    const type = String(req.headers['x-amz-invocation-type'] ?? 'RequestResponse');
    if (type === 'DryRun') return { status: 204, headers: {}, body: '' };
    if (type === 'Event') {
      void fn(event);
      return { status: 202, headers: {}, body: '' };
    }
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' };
    try {
      return { status: 200, headers, body: JSON.stringify(await fn(event)) };
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      return { status: 200, headers: { ...headers, 'x-amz-function-error': 'Unhandled' }, body: JSON.stringify({ errorType: e.name, errorMessage: e.message, trace: [] }) };
    }
  }
}
