/**
 * The sandbox has no Lambda runtime: the functions its workflows invoke are described here by what they
 * return, log and throw, as the code in sandbox/workspace would (stack frames name `/var/task/…`, which
 * the workspace's `opsLens.sourceMappings` maps to its own files).
 */
export type FunctionEvent = Record<string, unknown>;

export interface FunctionRun {
  readonly durationMs: number;
  /** Console lines in the order the function wrote them. */
  readonly logs: ReadonlyArray<{ level: 'INFO' | 'WARN' | 'ERROR'; text: string }>;
  readonly output?: unknown;
  /** What the function threw, as the Node.js runtime reports it. */
  readonly error?: { readonly errorType: string; readonly errorMessage: string; readonly trace: readonly string[] };
}

export type SandboxFunction = (event: FunctionEvent) => FunctionRun;

/** `sandbox/workspace/src/handlers/resize.ts`: fails on an image whose header is not a PNG's. */
function resize(event: FunctionEvent): FunctionRun {
  const key = typeof event.key === 'string' ? event.key : '';
  const sizes = Array.isArray(event.sizes) ? event.sizes : [128, 512];
  const info = { level: 'INFO' as const, text: `[Resize] Resizing image ${JSON.stringify({ key, sizes })}` };
  if (event.corrupt !== true) {
    return { durationMs: 412.37, logs: [info, { level: 'INFO', text: `[Resize] Image decoded ${JSON.stringify({ key, width: 2048, height: 1536 })}` }], output: { key, resized: true } };
  }
  const errorMessage = `cannot decode PNG ${key}: bad IHDR chunk`;
  const trace = [
    `CorruptImageError: ${errorMessage}`,
    '    at readHeader (/var/task/src/handlers/resize.ts:18:11)',
    '    at handler (/var/task/src/handlers/resize.ts:25:18)',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  ];
  const error = { errorType: 'CorruptImageError', errorMessage, trace };
  return {
    durationMs: 187.92,
    logs: [info, { level: 'ERROR', text: trace.join('\n') }, { level: 'ERROR', text: `Invoke Error \t${JSON.stringify({ ...error, stack: trace })}` }],
    error,
  };
}

export const SANDBOX_FUNCTIONS: Readonly<Record<string, SandboxFunction>> = {
  'thumbnails-ResizeFunction': resize,
};
