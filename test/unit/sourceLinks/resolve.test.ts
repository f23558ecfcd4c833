import { strict as assert } from 'node:assert';
import { createFrameResolver, findStackFrames, isInsideFolder, resolveFramePath, type Frame, type ResolveOptions } from '../../../src/core/sourceLinks';

const ws = '/home/dev/databanana';
const files = new Set([
  `${ws}/src/handlers/generate.ts`,
  `${ws}/src/lib/gemini.ts`,
  `${ws}/lambda/src/handlers/generate.ts`,
  `${ws}/app/handler.py`,
  `${ws}/services/api/src/main/java/com/acme/video/RenderService.java`,
  `${ws}/internal/server/handler.go`,
  `${ws}/index.js`,
  '/etc/passwd',
  '/home/dev/other/secret.ts',
]);

function options(extra: Partial<ResolveOptions> = {}): ResolveOptions & { asked: string[] } {
  const asked: string[] = [];
  return {
    mappings: [],
    workspaceFolders: [ws],
    fileExists: (p) => {
      asked.push(p);
      return files.has(p);
    },
    findBySuffix: (suffix) => [...files].filter((f) => f.endsWith(`/${suffix}`)),
    asked,
    ...extra,
  };
}

const frame = (path: string, kind: Frame['kind'] = 'node', javaClass?: string) => ({ path, kind, ...(javaClass ? { javaClass } : {}) });

describe('resolveFramePath', () => {
  it('applies the mapping with the longest matching from, substituting ${workspaceFolder}', () => {
    const opts = options({
      mappings: [
        { from: '/var/task/', to: '${workspaceFolder}/' },
        { from: '/var/task/src/', to: '${workspaceFolder}/lambda/src/' },
      ],
    });
    assert.equal(resolveFramePath(frame('/var/task/src/handlers/generate.ts'), opts), `${ws}/lambda/src/handlers/generate.ts`);
  });

  it('falls back to a shorter mapping, then to suffixes, when the longest mapping has no such file', () => {
    const opts = options({ mappings: [{ from: '/var/task/src/', to: '${workspaceFolder}/nowhere/' }, { from: '/var/task', to: '${workspaceFolder}' }] });
    assert.equal(resolveFramePath(frame('/var/task/src/lib/gemini.ts'), opts), `${ws}/src/lib/gemini.ts`);
  });

  it('matches a from without a trailing slash only at a segment boundary', () => {
    const opts = options({ mappings: [{ from: '/var/task', to: '${workspaceFolder}/lambda' }] });
    // '/var/tasks/…' is not under '/var/task'; suffix resolution finds the file instead.
    assert.equal(resolveFramePath(frame('/var/tasks/src/lib/gemini.ts'), opts), `${ws}/src/lib/gemini.ts`);
    assert.equal(resolveFramePath(frame('/var/task/src/handlers/generate.ts'), opts), `${ws}/lambda/src/handlers/generate.ts`);
  });

  it('substitutes ${workspaceFolder:name} and relative targets, across folders', () => {
    const other = '/home/dev/backend';
    const opts = options({
      workspaceFolders: [other, { path: ws, name: 'frontend' }],
      mappings: [{ from: '/var/task/', to: '${workspaceFolder:frontend}/src/' }, { from: '/app/', to: 'app/' }],
    });
    assert.equal(resolveFramePath(frame('/var/task/handlers/generate.ts'), opts), `${ws}/src/handlers/generate.ts`);
    assert.equal(resolveFramePath(frame('/app/handler.py', 'python'), opts), `${ws}/app/handler.py`);
  });

  it('ignores mappings with unknown variables', () => {
    const opts = options({ mappings: [{ from: '/var/task/', to: '${env:HOME}/' }], findBySuffix: undefined });
    assert.equal(resolveFramePath(frame('/var/task/zzz/nothing.ts'), opts), undefined);
  });

  it('without mappings, the longest existing path suffix wins', () => {
    const opts = options();
    assert.equal(resolveFramePath(frame('/var/task/src/handlers/generate.ts'), opts), `${ws}/src/handlers/generate.ts`);
    assert.equal(resolveFramePath(frame('/var/task/app/handler.py', 'python'), opts), `${ws}/app/handler.py`);
    assert.equal(resolveFramePath(frame('/app/internal/server/handler.go', 'go'), opts), `${ws}/internal/server/handler.go`);
    assert.equal(resolveFramePath(frame('file:///var/task/index.js'), opts), `${ws}/index.js`);
    // Longest first: var/task/src/… and task/src/… are tried before src/… .
    const asked = opts.asked.slice(0, 3);
    assert.deepEqual(asked, [`${ws}/var/task/src/handlers/generate.ts`, `${ws}/task/src/handlers/generate.ts`, `${ws}/src/handlers/generate.ts`]);
  });

  it('finds Java files by package path under the usual source roots or by suffix', () => {
    const [f] = findStackFrames('\tat com.acme.video.RenderService.start(RenderService.java:88)');
    assert.equal(resolveFramePath(f, options()), `${ws}/services/api/src/main/java/com/acme/video/RenderService.java`);
    assert.equal(resolveFramePath(f, options({ findBySuffix: undefined })), undefined);
    assert.equal(
      resolveFramePath(f, options({ workspaceFolders: [`${ws}/services/api`], findBySuffix: undefined })),
      `${ws}/services/api/src/main/java/com/acme/video/RenderService.java`,
    );
  });

  it('uses findBySuffix when joining suffixes finds nothing, refusing an ambiguous file-name-only match', () => {
    const extra = ['/home/dev/databanana/a/util.ts', '/home/dev/databanana/b/util.ts', '/home/dev/databanana/pkg/deep/lib/helpers.ts'];
    const opts = options({ findBySuffix: (s) => extra.filter((f) => f.endsWith(`/${s}`)), fileExists: () => false });
    assert.equal(resolveFramePath(frame('/build/lib/helpers.ts'), opts), '/home/dev/databanana/pkg/deep/lib/helpers.ts');
    assert.equal(resolveFramePath(frame('/build/util.ts'), opts), undefined);
    assert.equal(resolveFramePath(frame('/build/a/util.ts'), opts), '/home/dev/databanana/a/util.ts');
  });

  it('never resolves outside the workspace: .. escapes, mappings pointing elsewhere, outside findBySuffix results', () => {
    const opts = options();
    assert.equal(resolveFramePath(frame('../../etc/passwd', 'generic'), opts), undefined);
    assert.equal(resolveFramePath(frame('/var/task/../../../etc/passwd', 'generic'), opts), undefined);
    const mapped = options({ mappings: [{ from: '/var/task/', to: '/etc/' }, { from: '/srv/', to: '${workspaceFolder}/../other/' }] });
    assert.equal(resolveFramePath(frame('/var/task/passwd'), mapped), undefined);
    assert.equal(resolveFramePath(frame('/srv/secret.ts'), mapped), undefined);
    const escape = options({ mappings: [{ from: '/var/task/', to: '${workspaceFolder}/src/' }] });
    assert.equal(resolveFramePath(frame('/var/task/../../../../etc/passwd'), escape), undefined);
    const sloppy = options({ findBySuffix: () => ['/home/dev/other/secret.ts', '/etc/passwd'] });
    assert.equal(resolveFramePath(frame('/x/secret.ts'), sloppy), undefined);
    for (const o of [opts, mapped, escape, sloppy]) for (const p of o.asked) assert.ok(isInsideFolder(ws, p), `asked about ${p}`);
  });

  it('handles Windows workspace folders', () => {
    const winFiles = new Set(['C:\\work\\app\\src\\handlers\\generate.ts']);
    const opts: ResolveOptions = { mappings: [], workspaceFolders: ['C:\\work\\app'], fileExists: (p) => winFiles.has(p) };
    assert.equal(resolveFramePath(frame('/var/task/src/handlers/generate.ts'), opts), 'C:\\work\\app\\src\\handlers\\generate.ts');
    assert.equal(resolveFramePath(frame('C:\\build\\src\\handlers\\generate.ts', 'dotnet'), opts), 'C:\\work\\app\\src\\handlers\\generate.ts');
    assert.equal(resolveFramePath(frame('..\\..\\Windows\\win.ini', 'generic'), opts), undefined);
    const mapped: ResolveOptions = { ...opts, mappings: [{ from: '/var/task/', to: 'D:\\elsewhere\\' }] };
    assert.equal(resolveFramePath(frame('/var/task/x.ts'), mapped), undefined);
  });

  it('returns undefined without workspace folders or for empty/NUL paths', () => {
    assert.equal(resolveFramePath(frame('/var/task/src/lib/gemini.ts'), options({ workspaceFolders: [] })), undefined);
    assert.equal(resolveFramePath(frame(''), options()), undefined);
    assert.equal(resolveFramePath(frame('/var/task/src/lib/gemini.ts\0'), options()), undefined);
  });
});

describe('createFrameResolver', () => {
  it('resolves like resolveFramePath, each distinct frame path once', () => {
    const opts = options({ mappings: [{ from: '/var/task/', to: '${workspaceFolder}/' }] });
    const resolve = createFrameResolver(opts);
    const text = '    at a (/var/task/src/lib/gemini.ts:34:13)\n    at b (/var/task/src/lib/gemini.ts:40:1)\n    at c (/var/task/missing.ts:1:1)';
    const resolved = findStackFrames(text).map(resolve);
    assert.deepEqual(resolved, [`${ws}/src/lib/gemini.ts`, `${ws}/src/lib/gemini.ts`, undefined]);
    const asked = opts.asked.length;
    findStackFrames(text).forEach(resolve);
    assert.equal(opts.asked.length, asked);
  });
});

describe('isInsideFolder', () => {
  it('is lexical and strict', () => {
    assert.equal(isInsideFolder('/w', '/w/a.ts'), true);
    assert.equal(isInsideFolder('/w', '/w'), false);
    assert.equal(isInsideFolder('/w', '/w/../etc/passwd'), false);
    assert.equal(isInsideFolder('/w', '/wx/a.ts'), false);
    assert.equal(isInsideFolder('/w', '/w/..foo/a.ts'), true);
    assert.equal(isInsideFolder('C:\\w', 'c:\\W\\a.ts'), true);
    assert.equal(isInsideFolder('C:\\w', 'D:\\w\\a.ts'), false);
    assert.equal(isInsideFolder('/w', 'C:\\w\\a.ts'), false);
  });
});
