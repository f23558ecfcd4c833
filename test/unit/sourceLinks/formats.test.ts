import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkoutFunctionLogs, invoicingLogs } from '../../../sandbox/scenario/logs/otherRuntimes';
import { createFrameResolver, findStackFrames, type Frame } from '../../../src/core/sourceLinks';
import * as T from '../../fixtures/stackFrames/traces';

const brief = (frames: Frame[]) => frames.map(({ start: _s, end: _e, ...rest }) => rest);
const underlined = (text: string, frames: Frame[] = findStackFrames(text)) => frames.map((f) => text.slice(f.start, f.end));

describe('stack frames in the formats of other runtimes', () => {
  it('PHP: trace lines `#1 path(54)`, `at path:32`, `in path:736` and `in path on line 12`', () => {
    const frames = findStackFrames(T.PHP_LARAVEL);
    assert.deepEqual(brief(frames), [
      { path: '/var/www/app/Services/Billing/Invoicer.php', line: 32, kind: 'php' },
      { path: '/var/www/app/Http/Controllers/InvoiceController.php', line: 54, kind: 'php' },
      { path: '/var/www/vendor/laravel/framework/src/Illuminate/Routing/Controller.php', line: 54, kind: 'php' },
    ]);
    assert.deepEqual(underlined(T.PHP_LARAVEL, frames).slice(1), ['/var/www/app/Http/Controllers/InvoiceController.php(54)', '/var/www/vendor/laravel/framework/src/Illuminate/Routing/Controller.php(54)']);
    assert.deepEqual(brief(findStackFrames(T.PHP_FATAL)), [
      { path: '/var/www/app/Support/Totals.php', line: 12, kind: 'php' },
      { path: '/var/www/vendor/doctrine/dbal/src/Driver/PDO/Connection.php', line: 736, kind: 'php' },
    ]);
    assert.deepEqual(underlined(T.PHP_FATAL)[0], '/var/www/app/Support/Totals.php on line 12');
  });

  it('PHP inside a JSON string, with escaped slashes and newlines', () => {
    const text = JSON.stringify({ trace: '#0 /srv/app/src/Kernel.php(120): handle()\n#1 /srv/app/public/index.php(20): run()' }).replace(/\//g, '\\/');
    assert.deepEqual(brief(findStackFrames(text)).map((f) => [f.path, f.line]), [['/srv/app/src/Kernel.php', 120], ['/srv/app/public/index.php', 20]]);
  });

  it('Go: the Lambda Go runtime\'s panic document (path, line, label), as JSON and escaped in a log line', () => {
    const expected = [
      { path: 'github.com/aws/aws-lambda-go@v1.47.0/lambda/errors.go', line: 39, kind: 'go' },
      { path: 'runtime/panic.go', line: 770, kind: 'go' },
      { path: 'github.com/acme/orders/internal/checkout/handler.go', line: 71, kind: 'go' },
      { path: 'github.com/acme/orders/cmd/lambda/main.go', line: 24, kind: 'go' },
    ];
    const frames = findStackFrames(T.GO_LAMBDA_PANIC);
    assert.deepEqual(brief(frames), expected);
    assert.equal(underlined(T.GO_LAMBDA_PANIC, frames)[2], 'github.com/acme/orders/internal/checkout/handler.go');
    const logLine = JSON.stringify({ level: 'error', msg: T.GO_LAMBDA_PANIC });
    assert.deepEqual(brief(findStackFrames(logLine)), expected);
    const spaced = JSON.stringify(JSON.parse(T.GO_LAMBDA_PANIC), null, 2);
    assert.deepEqual(brief(findStackFrames(spaced)), expected);
  });

  it('Java: frames without `at ` in the Lambda Java error document, with the class for the package path', () => {
    assert.deepEqual(brief(findStackFrames(T.JAVA_LAMBDA_ERROR)), [
      { path: 'HandlerDivide.java', line: 23, kind: 'java', javaClass: 'example.HandlerDivide' },
      { path: 'HandlerDivide.java', line: 14, kind: 'java', javaClass: 'example.HandlerDivide' },
    ]);
  });

  it('JVM: named modules with versions, class loader prefixes, Kotlin file names with dots', () => {
    const frames = findStackFrames(T.JVM_MODULES_AND_KOTLIN);
    assert.deepEqual(brief(frames), [
      { path: 'IndexNameExpressionResolver.java', line: 203, kind: 'java', javaClass: 'org.elasticsearch.cluster.metadata.IndexNameExpressionResolver' },
      { path: 'OrderSearch.java', line: 41, kind: 'java', javaClass: 'com.acme.search.OrderSearch' },
      { path: 'SyncWorker.kt', line: 88, kind: 'java', javaClass: 'com.acme.sync.SyncWorker' },
      { path: 'Builders.common.kt', line: 56, kind: 'java', javaClass: 'kotlinx.coroutines.BuildersKt__Builders_commonKt' },
      { path: 'Thread.java', line: 1583, kind: 'java', javaClass: 'java.lang.Thread' },
    ]);
    assert.equal(underlined(T.JVM_MODULES_AND_KOTLIN, frames)[3], 'Builders.common.kt:56');
  });

  it('Python: the list frames of older Lambda Python runtimes', () => {
    const frames = findStackFrames(T.PYTHON_LAMBDA_ERROR);
    assert.deepEqual(brief(frames), [
      { path: '/var/task/lambda_function.py', line: 55, kind: 'python' },
      { path: '/var/task/app/process.py', line: 12, kind: 'python' },
    ]);
    assert.equal(underlined(T.PYTHON_LAMBDA_ERROR, frames)[0], '/var/task/lambda_function.py');
  });

  it('Node: anonymous async frames; no frame for Node\'s internals under either name', () => {
    assert.deepEqual(brief(findStackFrames(T.NODE_ASYNC)), [
      { path: '/var/task/src/orders.mjs', line: 14, column: 28, kind: 'node' },
      { path: '/var/runtime/index.mjs', line: 1288, column: 1, kind: 'node' },
      { path: '/var/runtime/index.mjs', line: 1173, column: 29, kind: 'node' },
    ]);
    // Seen by the generic pass alone, an internal module is still no frame; a Go package named internal is.
    assert.deepEqual(findStackFrames('from internal/process/next_tick.js:68:7 and internal/modules/cjs/loader:1105'), []);
    assert.deepEqual(brief(findStackFrames('\tinternal/server/handler.go:31 +0x1d')), [{ path: 'internal/server/handler.go', line: 31, kind: 'go' }]);
  });

  it('resolves the new frames into the workspace: Go module paths by suffix, Kotlin and module frames by package path, PHP by mapping', () => {
    const ws = '/home/dev/orders';
    const files = new Set([
      `${ws}/internal/checkout/handler.go`,
      `${ws}/src/main/kotlin/kotlinx/coroutines/Builders.common.kt`,
      `${ws}/search/src/main/java/com/acme/search/OrderSearch.java`,
      `${ws}/app/Http/Controllers/InvoiceController.php`,
      `${ws}/lambda_function.py`,
    ]);
    const resolve = createFrameResolver({
      mappings: [{ from: '/var/www/', to: '${workspaceFolder}/' }, { from: '/var/task/', to: '${workspaceFolder}/' }],
      workspaceFolders: [ws],
      fileExists: (p) => files.has(p),
      findBySuffix: (suffix) => [...files].filter((f) => f.endsWith(`/${suffix}`)),
    });
    const linked = (text: string) => findStackFrames(text).map(resolve).filter(Boolean);
    assert.deepEqual(linked(T.GO_LAMBDA_PANIC), [`${ws}/internal/checkout/handler.go`]);
    assert.deepEqual(linked(T.JVM_MODULES_AND_KOTLIN), [`${ws}/search/src/main/java/com/acme/search/OrderSearch.java`, `${ws}/src/main/kotlin/kotlinx/coroutines/Builders.common.kt`]);
    assert.deepEqual(linked(T.PHP_LARAVEL), [`${ws}/app/Http/Controllers/InvoiceController.php`]);
    assert.deepEqual(linked(T.PYTHON_LAMBDA_ERROR), [`${ws}/lambda_function.py`]);
  });

  it('stays linear on hostile lines of these shapes (1 MB each)', function () {
    // Each shape is bounded below; the whole test only needs room for seven of them on a loaded machine.
    this.timeout(15_000);
    const MB = 1024 * 1024;
    const hostile = [
      '.php('.repeat(MB / 5),
      'a'.repeat(MB - 20) + '.php(1)',
      '"path":"'.repeat(MB / 8),
      '["'.repeat(MB / 2),
      '(x.java:1)'.repeat(MB / 10),
      'a.'.repeat(MB / 2) + 'java:1)',
      'at async '.repeat(MB / 9),
    ];
    for (const text of hostile) {
      const started = performance.now();
      findStackFrames(text);
      const took = performance.now() - started;
      assert.ok(took < 1500, `${text.slice(0, 12)}…: ${Math.round(took)} ms`);
    }
  });
});

describe('the sandbox scenario\'s PHP and Go Lambda traces', () => {
  it('link into the files of the sandbox workspace, at the lines that fail', () => {
    const ws = path.resolve(__dirname, '../../../sandbox/workspace');
    const resolve = createFrameResolver({ mappings: [{ from: '/var/task/', to: '${workspaceFolder}/' }], workspaceFolders: [ws], fileExists: (p) => fs.existsSync(p) });
    const now = Date.now();
    const linesOf = (messages: string[]) => {
      const out: string[] = [];
      for (const m of messages) {
        for (const f of findStackFrames(m)) {
          const file = resolve(f);
          if (file) out.push(`${path.relative(ws, file)}:${f.line}: ${fs.readFileSync(file, 'utf8').split('\n')[f.line - 1].trim()}`);
        }
      }
      return [...new Set(out)];
    };
    const go = checkoutFunctionLogs(now).streams.flatMap((s) => s.events.map((e) => e.message));
    assert.deepEqual(linesOf(go), [
      'orders/internal/checkout/handler.go:31: discount := cart.Coupon.Percent // panics when the cart has no coupon',
      'orders/cmd/lambda/main.go:17: orderID, err := h.Checkout(ctx, cart)',
    ]);
    const php = invoicingLogs(now).streams.flatMap((s) => s.events.map((e) => e.message));
    assert.deepEqual(linesOf(php), [
      'invoicing/app/Services/Invoicer.php:27: $charge = $this->gateway->charge($invoice->customer_id, $invoice->total_cents);',
      'invoicing/app/Http/Controllers/InvoiceController.php:23: $invoice = $this->invoicer->send($invoice);',
    ]);
  });
});
