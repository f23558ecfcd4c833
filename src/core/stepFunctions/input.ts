export interface InputProblem {
  readonly message: string;
  /** 0-based line and column of the problem. */
  readonly line: number;
  readonly column: number;
}

/** Checks that an execution input is a JSON document; says where it is not. */
export function validateExecutionInput(text: string): InputProblem | undefined {
  if (text.trim() === '') return { message: 'The input is empty; Step Functions needs a JSON value such as {}.', line: 0, column: 0 };
  try {
    JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const offset = offsetFromMessage(message, text);
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    const column = offset - (before.lastIndexOf('\n') + 1);
    return { message: `Invalid JSON: ${message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '')}`, line, column };
  }
  if (Buffer.byteLength(text, 'utf8') > 256 * 1024) return { message: 'The input is larger than the 256 KB Step Functions accepts.', line: 0, column: 0 };
  return undefined;
}

function offsetFromMessage(message: string, text: string): number {
  const position = /position (\d+)/.exec(message);
  if (position) return Math.min(Number(position[1]), text.length);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) {
    const lines = text.split('\n');
    const line = Math.min(Number(lineCol[1]) - 1, lines.length - 1);
    return lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + Number(lineCol[2]) - 1;
  }
  return text.length;
}
