import { findStackFrames, type Frame } from '../sourceLinks';
import { frameFunction } from './frameFunction';
import { errorHeadline } from './headline';

export interface ErrorEvent {
  /** Epoch ms. */
  readonly timestamp: number;
  readonly message: string;
  readonly logGroup: string;
}

/** One error (headline) at a line: how often, where from, when. */
export interface ErrorKind {
  readonly title: string;
  count: number;
  readonly logGroups: Set<string>;
  first: number;
  last: number;
}

/** What production says about one workspace line. */
export interface LineErrors {
  /** Absolute workspace path, as the resolver returned it. */
  readonly file: string;
  /** 1-based, as the frames name it. */
  readonly line: number;
  /** Events whose top workspace frame is this line. */
  count: number;
  /** Events in which this line is a deeper workspace frame ("also on the path of"). */
  onPath: number;
  first: number;
  last: number;
  /** The function the frames name for this line, when their language writes one. */
  functionName?: string;
  /** Errors of the events counted in `count` (or, for a path-only line, of those in `onPath`), most frequent first after `finish`. */
  kinds: ErrorKind[];
  /** Indexes into the index's events of every event that hits the line. */
  readonly events: number[];
}

export interface ErrorIndex {
  readonly events: readonly ErrorEvent[];
  /** Marked lines per file, in line order. */
  readonly files: ReadonlyMap<string, readonly LineErrors[]>;
  /** Every marked line, most errors first (then most on-path, then file and line). */
  readonly lines: readonly LineErrors[];
}

/** Resolves a frame to an absolute workspace file, or undefined (not in the workspace). */
export type ResolveFrame = (frame: Frame) => string | undefined;

// Installed dependencies are never "your code", even when a copy of them sits in the workspace.
const DEPENDENCY_SEGMENT = /(?:^|[\\/])(?:node_modules|site-packages|dist-packages|vendor|\.venv|venv|pkg[\\/]mod|bower_components)(?:[\\/]|$)/;

/** The event's workspace frames, innermost (where it was thrown) first, each file:line once. */
export function workspaceFrames(message: string, resolve: ResolveFrame): { file: string; line: number; functionName?: string }[] {
  const frames = findStackFrames(message);
  // Python prints the most recent call last, in tracebacks and in Lambda's error documents.
  const innermostFirst = frames.length > 0 && frames.every((f) => f.kind === 'python') ? [...frames].reverse() : frames;
  const out: { file: string; line: number; functionName?: string }[] = [];
  const seen = new Set<string>();
  for (const frame of innermostFirst) {
    if (DEPENDENCY_SEGMENT.test(frame.path)) continue;
    const file = resolve(frame);
    if (!file) continue;
    const key = `${file}\0${frame.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const functionName = frameFunction(message, frame);
    out.push(functionName ? { file, line: frame.line, functionName } : { file, line: frame.line });
  }
  return out;
}

function addKind(kinds: ErrorKind[], title: string, event: ErrorEvent): void {
  let kind = kinds.find((k) => k.title === title);
  if (!kind) kinds.push((kind = { title, count: 0, logGroups: new Set(), first: event.timestamp, last: event.timestamp }));
  kind.count++;
  kind.logGroups.add(event.logGroup);
  kind.first = Math.min(kind.first, event.timestamp);
  kind.last = Math.max(kind.last, event.timestamp);
}

// Timestamps and request ids make each event's text unique though its trace is the same as many others'. With
// them blanked, events of one error share a key, and their frames and headline are worked out once.
const VOLATILE = /\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;
const MAX_SHAPES = 10_000;

interface Shape {
  readonly frames: ReturnType<typeof workspaceFrames>;
  readonly title: string;
}

/**
 * Counts error events per workspace line: the top workspace frame of an event counts the event (with its
 * error headline), deeper workspace frames count it as "on the path". Events without a workspace frame are
 * left out. `resolve` is asked once per distinct frame path when it caches (see createFrameResolver).
 */
export function indexErrors(events: readonly ErrorEvent[], resolve: ResolveFrame): ErrorIndex {
  const byKey = new Map<string, LineErrors>();
  const pathKinds = new Map<LineErrors, ErrorKind[]>();
  const shapes = new Map<string, Shape>();
  events.forEach((event, i) => {
    const key = event.message.replace(VOLATILE, '\0');
    let shape = shapes.get(key);
    if (!shape) {
      const found = workspaceFrames(event.message, resolve);
      shape = { frames: found, title: found.length ? errorHeadline(event.message) : '' };
      if (shapes.size < MAX_SHAPES) shapes.set(key, shape);
    }
    const { frames, title } = shape;
    if (frames.length === 0) return;
    frames.forEach((f, depth) => {
      const key = `${f.file}\0${f.line}`;
      let line = byKey.get(key);
      if (!line) byKey.set(key, (line = { file: f.file, line: f.line, count: 0, onPath: 0, first: event.timestamp, last: event.timestamp, kinds: [], events: [] }));
      if (f.functionName && !line.functionName) line.functionName = f.functionName;
      line.events.push(i);
      if (depth === 0) {
        line.count++;
        addKind(line.kinds, title, event);
      } else {
        line.onPath++;
        let kinds = pathKinds.get(line);
        if (!kinds) pathKinds.set(line, (kinds = []));
        addKind(kinds, title, event);
      }
    });
  });

  const files = new Map<string, LineErrors[]>();
  const lines = [...byKey.values()];
  for (const line of lines) {
    if (line.count === 0) line.kinds = pathKinds.get(line) ?? [];
    line.kinds.sort((a, b) => b.count - a.count || b.last - a.last || a.title.localeCompare(b.title));
    const counted = line.kinds;
    line.first = Math.min(...counted.map((k) => k.first));
    line.last = Math.max(...counted.map((k) => k.last));
    let list = files.get(line.file);
    if (!list) files.set(line.file, (list = []));
    list.push(line);
  }
  for (const list of files.values()) list.sort((a, b) => a.line - b.line);
  lines.sort((a, b) => b.count - a.count || b.onPath - a.onPath || a.file.localeCompare(b.file) || a.line - b.line);
  return { events, files, lines };
}
