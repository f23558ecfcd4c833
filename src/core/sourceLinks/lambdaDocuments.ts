import type { Frame } from './frames';

// The JSON error documents Lambda runtimes write (`{"errorMessage", "errorType", "stackTrace"}`), also when the
// document is itself escaped inside another JSON string (`\"path\":\"…\"`). Each pattern starts with a literal and
// its unbounded-looking parts stop at a quote, so a pass is linear in the text.

// Go (aws-lambda-go): `"stackTrace":[{"path":"github.com/acme/orders/handler.go","line":71,"label":"handle"}]`;
// Powertools for AWS Lambda (Python)'s `stack_trace.frames`: `{"file": "/var/task/app.py", "line": 15, …}`
// (https://docs.powertools.aws.dev/lambda/python/latest/core/logger/#stack-trace-logging).
const KEYED_FRAME = /(\\?)"(path|file)\1":\s{0,8}\1"([^"\\\n]{1,500})\1",\s{0,64}\1"line\1":\s{0,8}(\d{1,7})(?!\d)/g;
// Python (older runtimes): `"stackTrace": [["/var/task/lambda_function.py", 55, "lambda_handler", "raise …"]]`.
const PYTHON_FRAME = /\[\s{0,64}(\\?)"([^"\n]{1,500}?\.py)\1",\s{0,64}(\d{1,7}),/g;

/** Frames of Go and Python Lambda error documents; the path is underlined (the line may be on another line of a pretty-printed document). */
export function lambdaDocumentFrames(text: string): Frame[] {
  const out: Frame[] = [];
  for (const m of text.matchAll(KEYED_FRAME)) {
    const path = m[3];
    const kind = /\.go$/.test(path) ? 'go' : /\.py$/.test(path) && m[2] === 'file' ? 'python' : undefined;
    if (!kind) continue;
    const start = m.index + m[0].indexOf(`"${path}`) + 1;
    out.push({ start, end: start + path.length, path, line: Number(m[4]), kind });
  }
  for (const m of text.matchAll(PYTHON_FRAME)) {
    const raw = m[2];
    if (raw.startsWith('<')) continue;
    const path = m[1] ? raw.replace(/\\\\/g, '\\') : raw;
    const start = m.index + m[0].indexOf(`"${raw}`) + 1;
    out.push({ start, end: start + raw.length, path, line: Number(m[3]), kind: 'python' });
  }
  return out;
}
