import { strict as assert } from 'node:assert';
import { findStackFrames, type Frame } from '../../../src/core/sourceLinks';

/** Frames without offsets, for comparing what was found. */
const brief = (frames: Frame[]) => frames.map(({ start: _s, end: _e, ...rest }) => rest);
/** The underlined text of each frame. */
const underlined = (text: string, frames: Frame[] = findStackFrames(text)) => frames.map((f) => text.slice(f.start, f.end));

describe('findStackFrames', () => {
  it('finds Node frames in a Lambda ERROR line, with and without a function name, and skips node: internals', () => {
    const text = [
      '2026-11-22T10:05:01.123Z\t0f3c2a1e-5b8d-4c1e-9a7f-2d6b8e4c1a90\tERROR\tInvoke Error \t{"errorType":"QuotaExceededError","errorMessage":"Gemini API quota exceeded"}',
      'QuotaExceededError: Gemini API quota exceeded',
      '    at generateImages (/var/task/src/handlers/generate.ts:42:11)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      '    at async Runtime.handler (/var/task/src/handlers/generate.ts:59:20)',
      '    at /var/task/src/lib/gemini.js:10:5',
      '    at Object.<anonymous> (file:///var/task/src/index.mjs:3:1)',
      '    at new Promise (<anonymous>)',
    ].join('\n');
    const frames = findStackFrames(text);
    assert.deepEqual(brief(frames), [
      { path: '/var/task/src/handlers/generate.ts', line: 42, column: 11, kind: 'node' },
      { path: '/var/task/src/handlers/generate.ts', line: 59, column: 20, kind: 'node' },
      { path: '/var/task/src/lib/gemini.js', line: 10, column: 5, kind: 'node' },
      { path: '/var/task/src/index.mjs', line: 3, column: 1, kind: 'node' },
    ]);
    assert.deepEqual(underlined(text, frames), [
      '/var/task/src/handlers/generate.ts:42:11',
      '/var/task/src/handlers/generate.ts:59:20',
      '/var/task/src/lib/gemini.js:10:5',
      'file:///var/task/src/index.mjs:3:1',
    ]);
  });

  it('finds Node frames inside a JSON-escaped stack string', () => {
    const text = '{"level":"error","stack":"Error: boom\\n    at handler (/var/task/index.js:5:11)\\n    at Runtime.handleOnceNonStreaming (file:///var/runtime/index.mjs:1173:29)"}';
    assert.deepEqual(underlined(text), ['/var/task/index.js:5:11', 'file:///var/runtime/index.mjs:1173:29']);
  });

  it('finds Python traceback frames and skips frozen modules', () => {
    const text = [
      '[ERROR]\t2026-11-22T10:06:00.000Z\t9a1b…\tQuotaExceeded: quota exceeded',
      'Traceback (most recent call last):',
      '  File "/var/runtime/bootstrap.py", line 60, in <module>',
      '  File "<frozen importlib._bootstrap>", line 1006, in _find_and_load',
      '  File "/var/task/app/handler.py", line 57, in handler',
      '    images = generate(batch)',
      '  File "/var/task/app/images.py", line 23, in generate',
      '    raise QuotaExceeded("quota exceeded")',
    ].join('\n');
    const frames = findStackFrames(text);
    assert.deepEqual(brief(frames), [
      { path: '/var/runtime/bootstrap.py', line: 60, kind: 'python' },
      { path: '/var/task/app/handler.py', line: 57, kind: 'python' },
      { path: '/var/task/app/images.py', line: 23, kind: 'python' },
    ]);
    assert.equal(underlined(text, frames)[1], '/var/task/app/handler.py", line 57');
  });

  it('finds Python frames with escaped quotes inside JSON', () => {
    const text = '{"exc":"Traceback (most recent call last):\\n  File \\"/app/app/api/videos.py\\", line 88, in create_video\\n"}';
    assert.deepEqual(brief(findStackFrames(text)), [{ path: '/app/app/api/videos.py', line: 88, kind: 'python' }]);
  });

  it('finds Java frames with the class for the package path, including modules, inner classes and Kotlin', () => {
    const text = [
      'java.lang.IllegalStateException: video 42 has no render job',
      '\tat com.acme.video.RenderService.start(RenderService.java:88)',
      '\tat com.acme.video.RenderService$Worker.run(RenderService.java:131)',
      '\tat com.acme.api.JobsKt.enqueue(Jobs.kt:17)',
      '\tat java.base/java.lang.Thread.run(Thread.java:833)',
      '\tat jdk.internal.reflect.GeneratedMethodAccessor12.invoke(Unknown Source)',
      '\t... 12 more',
    ].join('\n');
    const frames = findStackFrames(text);
    assert.deepEqual(brief(frames), [
      { path: 'RenderService.java', line: 88, kind: 'java', javaClass: 'com.acme.video.RenderService' },
      { path: 'RenderService.java', line: 131, kind: 'java', javaClass: 'com.acme.video.RenderService' },
      { path: 'Jobs.kt', line: 17, kind: 'java', javaClass: 'com.acme.api.JobsKt' },
      { path: 'Thread.java', line: 833, kind: 'java', javaClass: 'java.lang.Thread' },
    ]);
    assert.equal(underlined(text, frames)[0], 'RenderService.java:88');
  });

  it('finds Go panic frames, with and without the +0x offset', () => {
    const text = [
      'panic: runtime error: invalid memory address or nil pointer dereference',
      '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a2b3c]',
      '',
      'goroutine 1 [running]:',
      'main.(*Server).handle(0x0, {0x7ffd, 0x1})',
      '\t/app/internal/server/handler.go:31 +0x1d',
      'main.main()',
      '\t/app/cmd/api/main.go:12',
    ].join('\n');
    const frames = findStackFrames(text);
    assert.deepEqual(brief(frames), [
      { path: '/app/internal/server/handler.go', line: 31, kind: 'go' },
      { path: '/app/cmd/api/main.go', line: 12, kind: 'go' },
    ]);
    assert.deepEqual(underlined(text, frames), ['/app/internal/server/handler.go:31', '/app/cmd/api/main.go:12']);
  });

  it('finds Go frames inside a JSON-escaped string, and keeps Windows paths whose folders start with n or t', () => {
    const text = '{"panic":"goroutine 1 [running]:\\nmain.main()\\n\\t/app/cmd/api/main.go:12 +0x25"} and C:\\new\\tools\\x.cs:12';
    assert.deepEqual(brief(findStackFrames(text)), [
      { path: '/app/cmd/api/main.go', line: 12, kind: 'go' },
      { path: 'C:\\new\\tools\\x.cs', line: 12, kind: 'generic' },
    ]);
  });

  it('finds .NET frames with Unix and Windows paths', () => {
    const text = [
      'System.InvalidOperationException: Sequence contains no elements',
      '   at System.Linq.ThrowHelper.ThrowNoElementsException()',
      '   at Api.Controllers.VideoController.Get(Int32 id) in /src/Api/Controllers/VideoController.cs:line 12',
      '   at Api.Services.Jobs.Enqueue[T](T job) in C:\\build\\Api\\Services\\Jobs.cs:line 40',
    ].join('\n');
    const frames = findStackFrames(text);
    assert.deepEqual(brief(frames), [
      { path: '/src/Api/Controllers/VideoController.cs', line: 12, kind: 'dotnet' },
      { path: 'C:\\build\\Api\\Services\\Jobs.cs', line: 40, kind: 'dotnet' },
    ]);
    assert.deepEqual(underlined(text, frames), ['/src/Api/Controllers/VideoController.cs:line 12', 'C:\\build\\Api\\Services\\Jobs.cs:line 40']);
  });

  it('finds Ruby frames with both quote styles', () => {
    const text = [
      "app/models/user.rb:14:in 'save': Validation failed (ActiveRecord::RecordInvalid)",
      '\tfrom /usr/local/bundle/gems/activerecord-7.1.2/lib/active_record/validations.rb:84:in `save!\'',
      "\tfrom app/controllers/users_controller.rb:9:in 'create'",
    ].join('\n');
    assert.deepEqual(brief(findStackFrames(text)), [
      { path: 'app/models/user.rb', line: 14, kind: 'ruby' },
      { path: '/usr/local/bundle/gems/activerecord-7.1.2/lib/active_record/validations.rb', line: 84, kind: 'ruby' },
      { path: 'app/controllers/users_controller.rb', line: 9, kind: 'ruby' },
    ]);
  });

  it('finds generic path:line(:col) references with a source extension', () => {
    const text = 'WARN [handler.py:57] retrying; see src/lib/gemini.ts:34:13 and (C:\\work\\app\\main.c:7)';
    assert.deepEqual(brief(findStackFrames(text)), [
      { path: 'handler.py', line: 57, kind: 'generic' },
      { path: 'src/lib/gemini.ts', line: 34, column: 13, kind: 'generic' },
      { path: 'C:\\work\\app\\main.c', line: 7, kind: 'generic' },
    ]);
  });

  it('does not take URLs, hosts, times, versions or data files for frames', () => {
    const text = [
      'GET https://api.example.com:443/v1/videos.js 200',
      'at https://cdn.example.com/static/app.js:1:2',
      'proxy http://10.0.0.5:8080/x.py:12 failed',
      'connect db.example.pl:5432 refused',
      '2026-11-22 10:05:00.000 started at 10:05:00, took 00:01:30',
      '2026-11-22T10:05:00.000Z retry at 10:05:00.123Z',
      'node v20.11.1 build 1.2.3:4 config.json:12 image.png:3',
      'at node:internal/process/task_queues:95:5',
    ].join('\n');
    assert.deepEqual(findStackFrames(text), []);
  });

  it('skips references cut with … as in a results table, keeping the complete ones', () => {
    const text = 'Error: x at fn (/var/task/src/x.ts:4…\n    at fn (/var/task/src/x.ts:42:13)\nsrc/y.py:1…';
    assert.deepEqual(underlined(text), ['/var/task/src/x.ts:42:13']);
  });

  it('reports offsets in the whole text, in order, without overlaps', () => {
    const text = 'a\n'.repeat(100) + '    at f (/var/task/a.ts:1:2)\n  File "/app/b.py", line 3, in g\n\t/app/c.go:4 +0x1';
    const frames = findStackFrames(text);
    assert.deepEqual(underlined(text, frames), ['/var/task/a.ts:1:2', '/app/b.py", line 3', '/app/c.go:4']);
    for (let i = 1; i < frames.length; i++) assert.ok(frames[i].start >= frames[i - 1].end);
  });

  it('stays fast on pathological input (no catastrophic backtracking)', () => {
    const nasty = [
      'at '.repeat(20_000),
      'a/'.repeat(20_000) + 'x',
      'File "' + 'x'.repeat(50_000),
      ') in '.repeat(10_000) + ':line',
      'a.'.repeat(30_000) + 'ts',
      ('at com.' + 'x.'.repeat(300)).repeat(100),
    ].join('\n');
    const started = performance.now();
    findStackFrames(nasty);
    assert.ok(performance.now() - started < 2000, `took ${performance.now() - started} ms`);
  });
});
