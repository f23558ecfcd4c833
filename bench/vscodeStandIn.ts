import Module from 'node:module';

/**
 * A `vscode` module good enough to require and activate the built extension outside VS Code: every
 * API is a no-op that returns another no-op, settings return their defaults.
 */
function noop(): unknown {
  const fn = function () {
    return noop();
  };
  return new Proxy(fn, {
    get(_target, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => '';
      return noop();
    },
    set: () => true,
    apply: () => noop(),
    construct: () => noop() as object,
  });
}

const configuration = {
  get: (_key: string, fallback?: unknown) => fallback,
  inspect: () => undefined,
  update: async () => undefined,
  has: () => false,
};

class EventEmitter {
  private listeners: ((e: unknown) => void)[] = [];
  event = (listener: (e: unknown) => void) => {
    this.listeners.push(listener);
    return { dispose: () => undefined };
  };
  fire(e: unknown) {
    for (const l of this.listeners) l(e);
  }
  dispose() {}
}

// The built bundle copies the module's own keys, so every namespace it uses must be listed.
const NAMESPACES = ['window', 'commands', 'languages', 'env', 'extensions', 'tasks', 'l10n', 'authentication', 'StatusBarAlignment', 'ConfigurationTarget', 'ThemeIcon', 'ThemeColor', 'TreeItem', 'TreeItemCollapsibleState', 'MarkdownString', 'Uri', 'Range', 'Position', 'Selection', 'Location', 'ProgressLocation', 'ViewColumn', 'QuickPickItemKind', 'CodeLens', 'DocumentLink', 'Hover', 'Diagnostic', 'DiagnosticSeverity', 'RelativePattern', 'FileType', 'CancellationTokenSource', 'CancellationError', 'WorkspaceEdit', 'TextEdit', 'CompletionItem', 'CompletionItemKind', 'SnippetString', 'TextDocumentContentProvider', 'EndOfLine', 'UIKind', 'LogLevel', 'StatusBarItem', 'TabInputText', 'TabInputWebview'];

/** A hidden view in an unfocused window: the common state at start-up, when nothing should load. */
const window = new Proxy(
  {
    createTreeView: () => new Proxy({ visible: false }, { get: (t, p) => (p in t ? t[p as keyof typeof t] : noop()), set: () => true }),
    state: { focused: false },
  } as Record<string, unknown>,
  { get: (t, p) => (typeof p === 'string' && p in t ? t[p] : noop()) },
);

export const vscodeStandIn = new Proxy(
  {
    ...Object.fromEntries(NAMESPACES.map((name) => [name, noop()])),
    window,
    workspace: new Proxy({ getConfiguration: () => configuration, workspaceFolders: [], isTrusted: true }, { get: (t, p) => (p in t ? t[p as keyof typeof t] : noop()) }),
    EventEmitter,
    Disposable: class {
      static from() {
        return { dispose() {} };
      }
      constructor(private readonly fn: () => void) {}
      dispose() {
        this.fn();
      }
    },
  } as Record<string, unknown>,
  { get: (t, p) => (typeof p === 'string' && p in t ? t[p] : noop()) },
);

export function installVscodeStandIn(): void {
  const resolve = (Module as unknown as { _resolveFilename: (...args: unknown[]) => string })._resolveFilename;
  (Module as unknown as { _resolveFilename: (...args: unknown[]) => string })._resolveFilename = function (request: unknown, ...rest: unknown[]) {
    if (request === 'vscode') return 'vscode';
    return resolve.call(this, request, ...rest);
  };
  require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscodeStandIn } as unknown as NodeJS.Module;
}
