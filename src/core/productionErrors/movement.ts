// Where a mark goes in the text the editor holds now. The events name lines of the code that ran; the editor may
// hold edits since (unsaved changes against the file on disk). Lines are carried through a line diff of the two
// texts, and the frame's function name is looked for above the line; where neither can vouch, the mark stays
// near its line and says it may have moved.

export interface Placement {
  /** 1-based line in the current text. */
  readonly line: number;
  /** True when the mark cannot tell whether the code at `line` is the code that failed. */
  readonly uncertain: boolean;
}

const MAX_DIFF_CELLS = 4_000_000;
const FUNCTION_REACH = 400;

/**
 * For each line of `before` (0-based), its 0-based line in `after`, or -1 when it was changed or deleted.
 * Common head and tail are matched directly, the middle by a longest common subsequence; undefined when the
 * middle is too large to compare.
 */
export function lineMap(before: readonly string[], after: readonly string[]): Int32Array | undefined {
  const map = new Int32Array(before.length).fill(-1);
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) map[head] = head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) {
    map[before.length - 1 - tail] = after.length - 1 - tail;
    tail++;
  }
  const n = before.length - head - tail;
  const m = after.length - head - tail;
  if (n === 0 || m === 0) return map;
  if (n * m > MAX_DIFF_CELLS) return undefined;
  // lcs[i][j]: LCS length of before[head+i..] and after[head+j..], in one flat array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = before[head + i] === after[head + j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (before[head + i] === after[head + j]) {
      map[head + i] = head + j;
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) i++;
    else j++;
  }
  return map;
}

/** True when `name` appears as a word on `line` (0-based) or on one of the lines above it, within reach. */
function functionAbove(lines: readonly string[], line: number, name: string): boolean {
  const word = new RegExp(`(?:^|[^\\w$])${name.replace(/[$]/g, '\\$')}(?:$|[^\\w$])`);
  for (let i = Math.min(line, lines.length - 1); i >= 0 && line - i <= FUNCTION_REACH; i--) if (word.test(lines[i])) return true;
  return false;
}

/** The nearest mapped line at or above `line`, carried to `after`, plus the offset from it; for an edited line. */
function nearestMapped(map: Int32Array, line: number, afterLength: number): number {
  for (let i = line; i >= 0; i--) if (map[i] >= 0) return Math.min(map[i] + (line - i), afterLength - 1);
  return Math.min(line, afterLength - 1);
}

/**
 * Places marks given by the lines the frames name (1-based). `saved` is the text the frames are taken to
 * describe (the file on disk); `current` is what the editor holds (the same array when nothing is unsaved).
 * The two texts are compared once for all marks.
 */
export function placeMarks(marks: readonly { line: number; functionName?: string }[], current: readonly string[], saved: readonly string[] = current): Placement[] {
  const same = saved === current;
  const map = same ? undefined : lineMap(saved, current);
  return marks.map((mark) => {
    const target = mark.line - 1;
    if (target < 0 || target >= saved.length || current.length === 0) return { line: Math.max(1, Math.min(mark.line, current.length)), uncertain: true };
    const fnOk = !mark.functionName || functionAbove(saved, target, mark.functionName);
    if (same) return { line: mark.line, uncertain: !fnOk };
    if (!map) return { line: Math.min(mark.line, current.length), uncertain: true };
    const moved = map[target];
    if (moved >= 0) return { line: moved + 1, uncertain: !fnOk || (!!mark.functionName && !functionAbove(current, moved, mark.functionName)) };
    return { line: nearestMapped(map, target, current.length) + 1, uncertain: true };
  });
}
