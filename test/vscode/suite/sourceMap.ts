// Maps stack frames of the bundled suite back to the test sources. The extension host installs its own
// Error.prepareStackTrace, so Node's --enable-source-maps does not apply there; the bundle carries an
// inline source map that this reads.
import * as fs from 'node:fs';
import * as path from 'node:path';

interface RawMap {
  sources: string[];
  mappings: string;
}

/** Per generated line (0-based): segments [generatedColumn, sourceIndex, sourceLine, sourceColumn], all 0-based. */
type Segments = number[][][];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of text) {
    const digit = BASE64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

function decodeMappings(mappings: string): Segments {
  const lines: Segments = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const line of mappings.split(';')) {
    const segments: number[][] = [];
    let column = 0;
    for (const part of line.split(',')) {
      if (!part) continue;
      const v = decodeVlq(part);
      column += v[0];
      if (v.length >= 4) {
        source += v[1];
        sourceLine += v[2];
        sourceColumn += v[3];
        segments.push([column, source, sourceLine, sourceColumn]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

interface LoadedMap {
  sources: string[];
  lines: Segments;
}

const cache = new Map<string, LoadedMap | null>();

function load(file: string): LoadedMap | null {
  if (cache.has(file)) return cache.get(file)!;
  let loaded: LoadedMap | null = null;
  try {
    const text = fs.readFileSync(file, 'utf8');
    const match = /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)\s*$/.exec(text);
    if (match) {
      const raw = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')) as RawMap;
      const dir = path.dirname(file);
      loaded = { sources: raw.sources.map((s) => path.resolve(dir, s)), lines: decodeMappings(raw.mappings) };
    }
  } catch {
    loaded = null;
  }
  cache.set(file, loaded);
  return loaded;
}

/** `file:line:column` (1-based) in the sources for a position in `bundle`, or undefined. */
function originalPosition(bundle: string, line: number, column: number): string | undefined {
  const map = load(bundle);
  const segments = map?.lines[line - 1];
  if (!map || !segments?.length) return undefined;
  let best: number[] | undefined;
  for (const s of segments) {
    if (s[0] <= column - 1) best = s;
    else break;
  }
  best ??= segments[0];
  return `${map.sources[best[1]]}:${best[2] + 1}:${best[3] + 1}`;
}

/** Rewrites the frames of `stack` that point into `bundle`; frames elsewhere stay as they are. */
export function mapStack(stack: string, bundle: string, relativeTo?: string): string {
  const escaped = bundle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return stack.replace(new RegExp(`${escaped}:(\\d+):(\\d+)`, 'g'), (whole, line: string, column: string) => {
    const original = originalPosition(bundle, Number(line), Number(column));
    if (!original) return whole;
    return relativeTo ? path.relative(relativeTo, original) : original;
  });
}
