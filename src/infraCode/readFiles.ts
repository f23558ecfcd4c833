import * as fs from 'node:fs';
import * as path from 'node:path';
import { definitionsIn } from '../core/infraCode/definitions';
import { LIMITS, type Definition } from '../core/infraCode/model';

export interface IndexRequest {
  readonly id: number;
  /** The workspace folder, absolute. */
  readonly root: string;
  /** Paths relative to the root, forward slashes. */
  readonly files: readonly string[];
}

export interface IndexReply {
  readonly id: number;
  /** Each file with what it defines; a file that cannot be read defines nothing. */
  readonly results: readonly [string, Definition[]][];
}

/** Reads each file, refusing links that leave the folder and files over the size cap, and parses it. */
export function readWorkspaceDefinitions(request: IndexRequest): IndexReply {
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(request.root);
  } catch {
    return { id: request.id, results: request.files.map((f) => [f, []]) };
  }
  const results: [string, Definition[]][] = [];
  for (const file of request.files) results.push([file, readOne(realRoot, request.root, file)]);
  return { id: request.id, results };
}

/** Runs in the parsing thread, where reading synchronously holds up nothing else. */
function readOne(realRoot: string, root: string, file: string): Definition[] {
  try {
    const real = fs.realpathSync(path.join(root, file));
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return [];
    const stat = fs.statSync(real);
    if (!stat.isFile() || stat.size > LIMITS.maxFileBytes) return [];
    return definitionsIn(file, fs.readFileSync(real, 'utf8'));
  } catch {
    return [];
  }
}
