import { LOG_GROUPS, MINUTE_MS } from '../constants';
import { between, seededRandom } from '../random';
import { invocation, lambdaStreamName } from './lambda';
import { sortedStreams, type LogEventSpec, type LogGroupSpec } from './types';

// Frames point at sandbox/workspace/orders (Go, by path suffix) and sandbox/workspace/invoicing (PHP, by path suffix).

/** The error document aws-lambda-go writes for a panic: frames as { path, line, label }. */
export const CHECKOUT_PANIC = JSON.stringify({
  errorMessage: 'runtime error: invalid memory address or nil pointer dereference',
  errorType: 'runtimeError',
  stackTrace: [
    { path: 'github.com/aws/aws-lambda-go@v1.47.0/lambda/errors.go', line: 39, label: 'callBytesHandlerFunc.func1' },
    { path: 'runtime/panic.go', line: 770, label: 'panic' },
    { path: 'runtime/signal_unix.go', line: 900, label: 'sigpanic' },
    { path: 'github.com/acme/orders/internal/checkout/handler.go', line: 31, label: '(*Handler).Checkout' },
    { path: 'github.com/acme/orders/cmd/lambda/main.go', line: 17, label: 'main.func1' },
  ],
});

export function checkoutFunctionLogs(now: number): LogGroupSpec {
  const random = seededRandom('orders-checkout');
  const streams = new Map<string, LogEventSpec[]>();
  let stream = lambdaStreamName(now - 170 * MINUTE_MS, random);
  let n = 0;
  for (let t = now - 170 * MINUTE_MS; t < now - 2 * MINUTE_MS; t += between(random, 6, 14) * MINUTE_MS, n++) {
    if (n % 5 === 0) stream = lambdaStreamName(t, random);
    const panics = n % 4 === 2;
    const events = invocation(random, Math.round(t), between(random, 30, 180), { size: 128, used: Math.round(between(random, 18, 30)) }, (inv) => {
      inv.add(3, `{"level":"info","msg":"checkout started","request_id":"${inv.requestId}","cart_items":${Math.round(between(random, 1, 6))}}`);
      if (panics) inv.add(12, CHECKOUT_PANIC);
      else inv.add(25, `{"level":"info","msg":"checkout completed","request_id":"${inv.requestId}"}`);
    });
    streams.set(stream, [...(streams.get(stream) ?? []), ...events]);
  }
  return { name: LOG_GROUPS.checkout, retentionInDays: 14, streams: sortedStreams([...streams].map(([name, events]) => ({ name, events }))) };
}

/** A Laravel log entry for an uncaught error: the message, then `[stacktrace]` and PHP's trace lines. */
export const INVOICING_TRACE = [
  '[{time}] production.ERROR: Call to a member function charge() on null {"userId":42,"exception":"[object] (Error(code: 0): Call to a member function charge() on null at /var/www/invoicing/app/Services/Invoicer.php:27)',
  '[stacktrace]',
  '#0 /var/www/invoicing/app/Http/Controllers/InvoiceController.php(23): App\\Services\\Invoicer->send(Object(App\\Models\\Invoice))',
  '#1 /var/www/invoicing/vendor/laravel/framework/src/Illuminate/Routing/Controller.php(54): App\\Http\\Controllers\\InvoiceController->store(Object(Illuminate\\Http\\Request))',
  '#2 [internal function]: Illuminate\\Routing\\Controller->callAction()',
  '#3 {main}',
  '"}',
].join('\n');

export function invoicingLogs(now: number): LogGroupSpec {
  const random = seededRandom('invoicing-api');
  const stream = { name: 'invoicing/app/4f1c2a9e0b7d4e3a', events: [] as LogEventSpec[] };
  let n = 0;
  for (let t = now - 165 * MINUTE_MS; t < now - MINUTE_MS; t += between(random, 4, 11) * MINUTE_MS, n++) {
    const time = new Date(t).toISOString().replace('T', ' ').slice(0, 19);
    stream.events.push({ timestamp: Math.round(t), message: `[${time}] production.INFO: invoice sent {"invoiceId":${1000 + n}}` });
    if (n % 4 === 1) stream.events.push({ timestamp: Math.round(t) + 40, message: INVOICING_TRACE.replace('{time}', time) });
  }
  return { name: LOG_GROUPS.invoicing, retentionInDays: 30, streams: sortedStreams([stream]) };
}
