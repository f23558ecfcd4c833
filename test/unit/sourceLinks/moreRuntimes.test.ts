import { strict as assert } from 'node:assert';
import { isErrorEvent } from '../../../src/core/productionErrors/query';
import { createFrameResolver, findStackFrames, type Frame } from '../../../src/core/sourceLinks';
import * as T from '../../fixtures/stackFrames/moreRuntimes';

const places = (text: string) => findStackFrames(text).map((f) => [f.path, f.line, ...(f.column === undefined ? [] : [f.column])]);
const underlined = (text: string) => findStackFrames(text).map((f) => text.slice(f.start, f.end));
const kinds = (text: string) => [...new Set(findStackFrames(text).map((f: Frame) => f.kind))];

describe('stack frames of more runtimes and loggers', () => {
  it('Go zap: every frame of a JSON `stacktrace`, after escaped newlines and tabs, and the `caller` field', () => {
    assert.deepEqual(places(T.ZAP_JSON), [
      ['server/handler.go', 42],
      ['/home/dev/shop/server/handler.go', 42],
      ['/usr/local/go/src/net/http/server.go', 2166],
      ['/home/dev/shop/main.go', 31],
    ]);
    assert.deepEqual(places(T.ZAP_WINDOWS), [['E:/src/shop/log/zap_test.go', 35], ['E:/go/src/testing/testing.go', 777]]);
  });

  it('Go: locations followed by `+0x… fp=… sp=… pc=…`', () => {
    assert.deepEqual(places(T.GO_TRACEBACK_SYSTEM), [['/usr/local/go/src/runtime/panic.go', 785], ['/home/dev/shop/cmd/loader/main.go', 17]]);
  });

  it('.NET: the JSON console formatter (`\\r\\n`, `\\u003C`), a Windows path with escaped backslashes, and `file(line,col)`', () => {
    assert.deepEqual(places(T.DOTNET_JSON_CONSOLE), [['/src/Shop.Api/Controllers/OrdersController.cs', 57], ['C:\\build\\Shop.Api\\Program.cs', 12]]);
    assert.deepEqual(places(T.DOTNET_DIAGNOSTIC), [['/src/Shop.Api/Program.cs', 12, 5]]);
    assert.deepEqual(underlined(T.DOTNET_DIAGNOSTIC), ['/src/Shop.Api/Program.cs(12,5)']);
  });

  it('Laravel JSON: the exception `file` and every `trace` entry, with escaped slashes read as slashes', () => {
    assert.deepEqual(places(T.LARAVEL_JSON), [
      ['/var/www/app/Services/Billing/Invoicer.php', 32],
      ['/var/www/app/Http/Controllers/InvoiceController.php', 54],
      ['/var/www/vendor/laravel/framework/src/Illuminate/Routing/Controller.php', 54],
    ]);
  });

  it('Powertools: Python `stack_trace.frames` and TypeScript `location`', () => {
    assert.deepEqual(places(T.POWERTOOLS_PYTHON), [['/var/task/app.py', 16], ['/var/task/shop/payments.py', 41]]);
    assert.deepEqual(kinds(T.POWERTOOLS_PYTHON), ['python']);
    assert.deepEqual(places(T.POWERTOOLS_TYPESCRIPT), [['/var/task/src/handler.ts', 18], ['/var/task/src/handler.ts', 18, 11]]);
  });

  it('Dart: `package:` URIs as the package\'s lib folder, `file:///` URIs decoded, the terse form; never `dart:` SDK frames', () => {
    assert.deepEqual(places(T.DART_VM), [['lib/src/cart.dart', 27, 7], ['/home/dev/shop/bin/server.dart', 14, 18]]);
    assert.deepEqual(underlined(T.DART_VM), ['package:shop/src/cart.dart:27:7', 'file:///home/dev/shop/bin/server.dart:14:18']);
    assert.deepEqual(places(T.DART_TERSE), [['lib/src/cart.dart', 27, 7]]);
    assert.deepEqual(findStackFrames('see notes.dart 12 times'), []);
  });

  it('Swift: `file …, line N` and the backtracer\'s `at path:line:col`, not `<compiler-generated>`', () => {
    assert.deepEqual(places(T.SWIFT), [['/src/Sources/Shop/Cart.swift', 13], ['/src/Sources/Shop/Cart.swift', 13, 5]]);
    assert.deepEqual(kinds(T.SWIFT), ['swift']);
  });

  it('Elixir and Erlang: formatted entries and raw `file:`/`{file,…}` stack entries', () => {
    assert.deepEqual(places(T.ELIXIR), [['lib/shop/cart.ex', 12], ['gen_server.erl', 1123], ['lib/shop/cart.ex', 12], ['src/shop_sup.erl', 40]]);
  });

  it('Rust: the panic location and backtrace `at` lines', () => {
    assert.deepEqual(places(T.RUST), [
      ['src/cart.rs', 10, 5],
      ['./src/cart.rs', 10, 5],
      ['/rustc/9b00956e56009bab2aa15d7bff10916599e3d6d6/library/core/src/panicking.rs', 72, 14],
    ]);
    assert.deepEqual(kinds(T.RUST), ['rust']);
  });

  it('Ruby from a log drain: relative and absolute backtrace lines after the syslog frame', () => {
    assert.deepEqual(places(T.RUBY_DRAIN), [['app/models/order.rb', 42], ['/app/app/controllers/orders_controller.rb', 12]]);
    assert.deepEqual(kinds(T.RUBY_DRAIN), ['ruby']);
  });

  it('Python exception groups: frames behind `|` gutters at every depth', () => {
    assert.deepEqual(places(T.PYTHON_EXCEPTION_GROUP), [['/app/shop/jobs.py', 22], ['/app/shop/jobs.py', 15]]);
  });

  it('frames glued to a message, `at` at column 0, a location right after a colon', () => {
    assert.deepEqual(places(T.GLUED), [
      ['/var/task/src/cart.js', 27, 7],
      ['/var/task/src/index.js', 9, 3],
      ['Cart.java', 27],
      ['/home/dev/shop/server/handler.go', 42],
    ]);
  });

  it('text that only looks like a frame stays unlinked', () => {
    assert.deepEqual(findStackFrames(T.LOOKALIKES), []);
    // A URL after a colon is still no path.
    assert.deepEqual(findStackFrames('see https://example.com/src/x.go:12 and s3://bucket/app.py:3'), []);
  });

  it('links the new families into the workspace', () => {
    const ws = '/home/dev/shop';
    const files = new Set([`${ws}/server/handler.go`, `${ws}/lib/src/cart.dart`, `${ws}/app/Services/Billing/Invoicer.php`, `${ws}/Shop.Api/Program.cs`, `${ws}/shop/payments.py`, `${ws}/src/cart.rs`, `${ws}/lib/shop/cart.ex`]);
    const resolve = createFrameResolver({
      mappings: [],
      workspaceFolders: [ws],
      fileExists: (p) => files.has(p),
      findBySuffix: (suffix) => [...files].filter((f) => f.endsWith(`/${suffix}`)),
    });
    const linked = (text: string) => [...new Set(findStackFrames(text).map(resolve).filter(Boolean))];
    assert.deepEqual(linked(T.ZAP_JSON), [`${ws}/server/handler.go`]);
    assert.deepEqual(linked(T.DART_VM), [`${ws}/lib/src/cart.dart`]);
    assert.deepEqual(linked(T.LARAVEL_JSON), [`${ws}/app/Services/Billing/Invoicer.php`]);
    assert.deepEqual(linked(T.DOTNET_JSON_CONSOLE), [`${ws}/Shop.Api/Program.cs`]);
    assert.deepEqual(linked(T.POWERTOOLS_PYTHON), [`${ws}/shop/payments.py`]);
    assert.deepEqual(linked(T.RUST), [`${ws}/src/cart.rs`]);
    assert.deepEqual(linked(T.ELIXIR), [`${ws}/lib/shop/cart.ex`]);
  });

  it('production errors select an error event of every family', () => {
    for (const [name, text] of Object.entries(T)) {
      if (name === 'LOOKALIKES' || name === 'DOTNET_DIAGNOSTIC') continue;
      assert.ok(isErrorEvent(text.includes('rror') || text.includes('panic') ? text : `error ${text}`), name);
    }
    assert.ok(isErrorEvent('Fatal error: file /src/App/Cart.swift, line 13'));
    assert.ok(isErrorEvent('error package:shop/src/cart.dart 27:7   Cart.total'));
    assert.ok(isErrorEvent('error [file: ~c"lib/shop/cart.ex", line: 12]'));
  });

  it('stays linear on 1 MB of escaped JSON and on hostile lines of the new shapes', function () {
    this.timeout(15_000);
    const MB = 1024 * 1024;
    const escaped = JSON.stringify({ stacktrace: 'main.f\n\t/app/x.go:1\n'.repeat(MB / 20) });
    const hostile = [
      escaped,
      '\\n\\t'.repeat(MB / 4),
      '.dart:1'.repeat(MB / 7),
      'package:'.repeat(MB / 8) + 'a.dart:1',
      'file '.repeat(MB / 5),
      ', line 1'.repeat(MB / 8),
      'file x.swift'.repeat(MB / 12) + ', line 1',
      'file: ~c"'.repeat(MB / 9),
      '.cs(1,'.repeat(MB / 6),
      '"file":"'.repeat(MB / 8),
      ':/'.repeat(MB / 2) + 'x.go:1',
    ];
    for (const text of hostile) {
      const started = performance.now();
      findStackFrames(text);
      assert.ok(performance.now() - started < 1500, `slow on ${JSON.stringify(text.slice(0, 20))}`);
    }
  });
});
