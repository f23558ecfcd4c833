// Error events as runtimes and frameworks write them to CloudWatch Logs, one per language the stack-frame finder
// reads, written for Ops Lens's tests after each project's published documentation (address above each). Paths,
// names and messages are ours; the shapes are theirs. WORKSPACE lists the files of the workspace they point into.
import { GO_LAMBDA_PANIC, JAVA_LAMBDA_ERROR, PHP_LARAVEL, PYTHON_LAMBDA_ERROR } from '../../fixtures/stackFrames/traces';

export const ROOT = '/home/dev/shop';

export const WORKSPACE = [
  'src/handlers/charge.ts',
  'src/lib/stripe.ts',
  'lambda_function.py',
  'app/process.py',
  'app/api/orders.py',
  'src/main/java/example/HandlerDivide.java',
  'src/main/java/com/acme/payments/ChargeService.java',
  'src/main/java/com/acme/payments/web/ChargeController.java',
  'internal/checkout/handler.go',
  'cmd/lambda/main.go',
  'cmd/server/main.go',
  'src/Shop.Api/Orders/OrderService.cs',
  'src/Shop.Api/Controllers/OrdersController.cs',
  'app/models/order.rb',
  'app/controllers/orders_controller.rb',
  'app/Services/Billing/Invoicer.php',
  'app/Http/Controllers/InvoiceController.php',
  // An installed dependency inside the workspace: never counted as the workspace's code.
  'node_modules/stripe/lib/Error.js',
].map((p) => `${ROOT}/${p}`);

/** `/var/task/` (Lambda) and `/var/www/` (PHP-FPM) as the workspace root, as opsLens.sourceMappings would say. */
export const MAPPINGS = [
  { from: '/var/task/', to: ROOT },
  { from: '/var/www/', to: ROOT },
];

// Node.js on Lambda: an uncaught error as the runtime logs it, `Invoke Error` and the error as JSON
// (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html).
export function nodeInvokeError(requestId: string): string {
  const stack = [
    'ChargeError: card declined',
    '    at Stripe.charge (/var/task/node_modules/stripe/lib/Error.js:40:12)',
    '    at chargeCard (/var/task/src/lib/stripe.ts:27:11)',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
    '    at async Runtime.handler (/var/task/src/handlers/charge.ts:14:5)',
  ];
  return `2026-11-30T10:15:02.123Z\t${requestId}\tERROR\tInvoke Error \t${JSON.stringify({ errorType: 'ChargeError', errorMessage: 'card declined', name: 'ChargeError', stack })}`;
}

// Node.js: console.error(err) of a caught error, the stack printed as is (https://nodejs.org/api/errors.html#errorstack).
export const NODE_CONSOLE_ERROR = [
  '2026-11-30T10:16:40.001Z\t5b1f6a3c-0d7e-4a51-9b2e-3c1d2e4f5a6b\tERROR\tTypeError: Cannot read properties of undefined (reading \'amount\')',
  '    at chargeCard (/var/task/src/lib/stripe.ts:19:30)',
  '    at Runtime.handler (/var/task/src/handlers/charge.ts:14:11)',
].join('\n');

// Python on Lambda: the logging module's `[ERROR]` line with the traceback (most recent call last)
// (https://docs.aws.amazon.com/lambda/latest/dg/python-exceptions.html, https://docs.python.org/3/library/traceback.html).
export const PYTHON_TRACEBACK = [
  '[ERROR]\t2026-11-30T10:17:00.500Z\t8f2b3c4d-1e2f-4a5b-8c9d-0e1f2a3b4c5d\tOrder lookup failed',
  'Traceback (most recent call last):',
  '  File "/var/task/app/api/orders.py", line 31, in get_order',
  '    return load(order_id)',
  '  File "/var/task/app/process.py", line 12, in load',
  '    raise KeyError(order_id)',
  "KeyError: 'ord_42'",
].join('\n');

// Java: Spring Boot's console format with the trace Logback prints after the message
// (https://docs.spring.io/spring-boot/reference/features/logging.html#features.logging.log-format).
export const JAVA_SPRING = [
  '2026-11-30T10:18:00.000Z ERROR 1 --- [payments] [nio-8080-exec-3] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] threw exception with root cause',
  '',
  'com.acme.payments.ChargeService$ChargeDeclinedException: card declined',
  '\tat com.acme.payments.ChargeService.charge(ChargeService.java:28) ~[!/:0.0.1]',
  '\tat com.acme.payments.web.ChargeController.create(ChargeController.java:23) ~[!/:0.0.1]',
  '\tat java.base/java.lang.reflect.Method.invoke(Method.java:580) ~[na:na]',
  '\tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089) ~[spring-webmvc-6.2.1.jar!/:6.2.1]',
].join('\n');

// Go: an unrecovered panic as the runtime prints it (https://go.dev/doc/effective_go#panic).
export const GO_PANIC_TEXT = [
  'panic: runtime error: index out of range [3] with length 3',
  '',
  'goroutine 1 [running]:',
  'main.lookup(...)',
  '\t/build/shop/cmd/server/main.go:15',
  'main.main()',
  '\t/build/shop/cmd/server/main.go:9 +0x1d',
  'exit status 2',
].join('\n');

// .NET: ASP.NET Core's unhandled-exception log entry with its stack
// (https://learn.microsoft.com/aspnet/core/fundamentals/error-handling).
export const DOTNET_UNHANDLED = [
  'fail: Microsoft.AspNetCore.Server.Kestrel[13]',
  '      Connection id "0HMV8K", Request id "0HMV8K:00000001": An unhandled exception was thrown by the application.',
  '      System.InvalidOperationException: Order 42 has no lines',
  '         at Shop.Api.Orders.OrderService.Total(Order order) in /src/Shop.Api/Orders/OrderService.cs:line 31',
  '         at Shop.Api.Controllers.OrdersController.Get(Int32 id) in /src/Shop.Api/Controllers/OrdersController.cs:line 18',
  '         at lambda_method5(Closure, Object, Object[])',
].join('\n');

// Ruby: a Rails error in the production log, its backtrace with the framework's lines removed
// (https://guides.rubyonrails.org/debugging_rails_applications.html#the-logger).
export const RUBY_RAILS = [
  "E, [2026-11-30T10:19:00.123456 #1] ERROR -- : NoMethodError (undefined method `total' for nil):",
  "app/models/order.rb:12:in `total'",
  "app/controllers/orders_controller.rb:8:in `show'",
].join('\n');

export { GO_LAMBDA_PANIC, JAVA_LAMBDA_ERROR, PHP_LARAVEL, PYTHON_LAMBDA_ERROR };

/** Lines (workspace-relative) each event above counts at: its top workspace frame, then the deeper ones. */
export const EXPECTED: readonly { message: string; language: string; title: string; top: string; deeper: string[]; fn?: string }[] = [
  { language: 'Node (Invoke Error)', message: nodeInvokeError('a1b2'), title: 'ChargeError: card declined', top: 'src/lib/stripe.ts:27', deeper: ['src/handlers/charge.ts:14'], fn: 'chargeCard' },
  { language: 'Node (console)', message: NODE_CONSOLE_ERROR, title: "TypeError: Cannot read properties of undefined (reading 'amount')", top: 'src/lib/stripe.ts:19', deeper: ['src/handlers/charge.ts:14'], fn: 'chargeCard' },
  { language: 'Python (traceback)', message: PYTHON_TRACEBACK, title: "KeyError: 'ord_42'", top: 'app/process.py:12', deeper: ['app/api/orders.py:31'], fn: 'load' },
  { language: 'Python (Lambda document)', message: PYTHON_LAMBDA_ERROR, title: "NameError: name 'orders' is not defined", top: 'app/process.py:12', deeper: ['lambda_function.py:55'], fn: 'process' },
  { language: 'Java (Spring Boot)', message: JAVA_SPRING, title: 'ChargeDeclinedException: card declined', top: 'src/main/java/com/acme/payments/ChargeService.java:28', deeper: ['src/main/java/com/acme/payments/web/ChargeController.java:23'], fn: 'charge' },
  { language: 'Java (Lambda document)', message: JAVA_LAMBDA_ERROR, title: 'InputLengthException: Input must be a list that contains 2 numbers.', top: 'src/main/java/example/HandlerDivide.java:23', deeper: ['src/main/java/example/HandlerDivide.java:14'], fn: 'handleRequest' },
  { language: 'Go (panic)', message: GO_PANIC_TEXT, title: 'panic: runtime error: index out of range [3] with length 3', top: 'cmd/server/main.go:15', deeper: ['cmd/server/main.go:9'], fn: 'lookup' },
  { language: 'Go (Lambda document)', message: GO_LAMBDA_PANIC, title: 'runtimeError: runtime error: invalid memory address or nil pointer dereference', top: 'internal/checkout/handler.go:71', deeper: ['cmd/lambda/main.go:24'], fn: 'Checkout' },
  { language: '.NET (ASP.NET Core)', message: DOTNET_UNHANDLED, title: 'InvalidOperationException: Order 42 has no lines', top: 'src/Shop.Api/Orders/OrderService.cs:31', deeper: ['src/Shop.Api/Controllers/OrdersController.cs:18'], fn: 'Total' },
  { language: 'Ruby (Rails)', message: RUBY_RAILS, title: "NoMethodError (undefined method `total' for nil):", top: 'app/models/order.rb:12', deeper: ['app/controllers/orders_controller.rb:8'], fn: 'total' },
  { language: 'PHP (Laravel)', message: PHP_LARAVEL, title: 'Call to a member function charge() on null', top: 'app/Services/Billing/Invoicer.php:32', deeper: ['app/Http/Controllers/InvoiceController.php:54'] },
];
