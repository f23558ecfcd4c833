// Finds the places in a file's text that name a path outside a root folder: relative paths resolved from
// the file's own folder (`'../../x'`, `path.join(__dirname, '..', '..')`), the sibling `shared/` folder,
// and absolute paths into this kind of machine's work or root folders.
import * as path from 'node:path';

export interface BoundaryFinding {
  line: number;
  text: string;
}

const RELATIVE_LITERAL = /['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g;
const DIRNAME_CALL = /path\.(?:resolve|join)\(\s*__dirname\s*((?:,\s*['"][^'"]*['"]\s*)+)\)/g;
const ABSOLUTE = /(?:^|[\s'"`=(])(\/(?:work|root)\/[^\s'"`)]*|[^\s'"`]*\bshared\/(?:seeds|DESIGN\.md|hooks)\b)/g;

function outside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

export function pathsLeavingRoot(text: string, file: string, root: string): BoundaryFinding[] {
  const dir = path.dirname(file);
  const findings: BoundaryFinding[] = [];
  text.split('\n').forEach((line, index) => {
    let leaves = false;
    for (const m of line.matchAll(RELATIVE_LITERAL)) if (outside(root, path.resolve(dir, m[1]))) leaves = true;
    for (const m of line.matchAll(DIRNAME_CALL)) {
      const parts = [...m[1].matchAll(/['"]([^'"]*)['"]/g)].map((p) => p[1]);
      if (outside(root, path.resolve(dir, ...parts))) leaves = true;
    }
    if (ABSOLUTE.test(line)) leaves = true;
    ABSOLUTE.lastIndex = 0;
    if (leaves) findings.push({ line: index + 1, text: line.trim().slice(0, 160) });
  });
  return findings;
}
