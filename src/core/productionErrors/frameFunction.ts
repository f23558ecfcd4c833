import type { Frame } from '../sourceLinks';

// The function a stack frame names, read from the text around the frame (bounded windows).

const WINDOW = 300;
const NODE = /at (?:async )?([^\s()]{1,200}) (?:\[as [^\]]{1,100}\] )?\($/;
const DOTNET = /at ([^\s()]{1,300})\([^()]{0,300}\)$/;
const PYTHON = /^, in ([\w<>.]{1,200})/;
const LAMBDA_LABEL = /^\\?",\s{0,64}\\?"line\\?":\s{0,8}\d{1,7},\s{0,64}\\?"label\\?":\s{0,8}\\?"([^"\\]{1,200})/;
const PYTHON_DOC = /^\\?",\s{0,64}\d{1,7},\s{0,64}\\?"([\w<>.]{1,200})/;
const PHP = /^: [\w\\]{1,200}(?:->|::)(\w{1,100})\(/;
const RUBY = /^:in [`']([^'`\n]{1,200})'/;
const NAMELESS = /^(?:<.*>|anonymous|func\d+|lambda\$.*|lambda|new|constructor|main|\d+)$/;

/** The last identifier of a qualified name (`Runtime.handler` → `handler`, `(*Handler).Checkout` → `Checkout`). */
function lastName(qualified: string): string | undefined {
  const parts = qualified.split(/[.:/\\]+|->/).map((p) => p.replace(/[()*[\]]/g, '')).filter(Boolean);
  const name = parts.at(-1);
  if (!name || NAMELESS.test(name) || !/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
  return name;
}

/** The run of name characters that ends just before `end` in `text` (read backwards: linear). */
function nameBefore(text: string, end: number, isNameChar: (c: string) => boolean): string {
  let start = end;
  while (start > 0 && end - start < WINDOW && isNameChar(text[start - 1])) start--;
  return text.slice(start, end);
}

const JAVA_NAME = /[\w$.<>/@]/;
const GO_NAME = /[\w.*()/-]/;

function lineBefore(text: string, at: number): string {
  const from = Math.max(0, at - WINDOW);
  const before = text.slice(from, at);
  return before.slice(before.lastIndexOf('\n') + 1);
}

/** The function name of `frame` in `text`, where its language writes one; undefined for anonymous frames. */
export function frameFunction(text: string, frame: Frame): string | undefined {
  const after = text.slice(frame.end, frame.end + WINDOW);
  let m: RegExpExecArray | null;
  switch (frame.kind) {
    case 'node':
      m = NODE.exec(lineBefore(text, frame.start));
      break;
    case 'java': {
      const before = lineBefore(text, frame.start);
      return before.endsWith('(') ? lastName(nameBefore(before, before.length - 1, (c) => JAVA_NAME.test(c))) : undefined;
    }
    case 'dotnet':
      m = DOTNET.exec(lineBefore(text, frame.start).replace(/\) in $/, ')'));
      break;
    case 'python':
      m = PYTHON.exec(after) ?? PYTHON_DOC.exec(after);
      break;
    case 'php':
      m = PHP.exec(after);
      break;
    case 'ruby':
      m = RUBY.exec(after);
      break;
    case 'go': {
      m = LAMBDA_LABEL.exec(after);
      if (m) break;
      // A Go trace names the function on the line above its `\t/path/x.go:31`: `main.(*Handler).Checkout(0x1, …)`.
      const lineStart = text.lastIndexOf('\n', frame.start);
      if (lineStart <= 0) return undefined;
      const caller = lineBefore(text, lineStart).trimEnd();
      if (!caller.endsWith(')')) return undefined;
      const open = caller.lastIndexOf('(');
      return open > 0 ? lastName(nameBefore(caller, open, (c) => GO_NAME.test(c))) : undefined;
    }
    default:
      m = RUBY.exec(after);
  }
  return m ? lastName(m[1]) : undefined;
}
