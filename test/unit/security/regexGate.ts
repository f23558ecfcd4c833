import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as ts from 'typescript';

/** A regular expression written in the source: a literal, or the argument of `new RegExp(…)`. */
export interface RegexSite {
  readonly file: string;
  readonly line: number;
  /** The pattern's source; for a `new RegExp` built at run time, the argument's code as written. */
  readonly pattern: string;
  readonly flags: string;
  /** False when the pattern is built at run time and cannot be checked here. */
  readonly literal: boolean;
}

/** One allowlisted regex: why its worst case cannot hurt, and what bounds its input. */
export interface AllowedRegex {
  readonly file: string;
  readonly pattern: string;
  readonly reason: string;
  readonly inputCap: string;
}

export interface Finding {
  readonly site: RegexSite;
  /** `vulnerable: 2nd degree polynomial`, `unknown: timeout`, or `built at run time`. */
  readonly verdict: string;
  readonly attack?: string;
}

function literalText(node: ts.Expression | undefined): string | undefined {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text;
  return undefined;
}

/** Every regex literal and `new RegExp(…)`/`RegExp(…)` of one TypeScript source text. */
export function regexSites(file: string, text: string): RegexSite[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const sites: RegexSite[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const slash = node.text.lastIndexOf('/');
      sites.push({ file, line: lineOf(node), pattern: node.text.slice(1, slash), flags: node.text.slice(slash + 1), literal: true });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const [patternArg, flagsArg] = node.arguments ?? [];
      const pattern = literalText(patternArg);
      const flags = flagsArg === undefined ? '' : literalText(flagsArg);
      if (pattern !== undefined && flags !== undefined) sites.push({ file, line: lineOf(node), pattern, flags, literal: true });
      else sites.push({ file, line: lineOf(node), pattern: patternArg ? patternArg.getText(source) : '', flags: flagsArg ? flagsArg.getText(source) : '', literal: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

/** The `.ts` files under a folder, as paths relative to `root` with forward slashes, in a stable order. */
export function sourceFiles(root: string, folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile() && entry.name.endsWith('.ts')) found.push(rel);
    }
  };
  walk(folder);
  return found.sort();
}

/**
 * The automaton checker only: its verdicts are exact and the same on every machine (the fuzzer's depend on
 * how far it gets before its time limit). A pattern it cannot model within the limit is reported as
 * undecided, not failed; only a found attack fails the gate.
 */
export const CHECK_PARAMS = { timeout: 3000, randomSeed: 1, checker: 'automaton' as const };

/** One checker thread: the pure JavaScript build of the checker (no native binary, no JVM, nothing fetched). */
const WORKER_SOURCE = `
process.env.RECHECK_SYNC_BACKEND = 'pure';
const { parentPort, workerData } = require('node:worker_threads');
const { checkSync } = require(workerData.recheck);
parentPort.on('message', ({ id, source, flags }) => {
  let r;
  try { r = checkSync(source, flags, workerData.params); } catch (err) { r = { status: 'unknown', error: { kind: 'unexpected', message: String(err) } }; }
  parentPort.postMessage({ id, status: r.status, complexity: r.complexity, attack: r.attack ? r.attack.pattern : undefined, error: r.error ? r.error.kind : undefined });
});`;

interface Verdict {
  readonly status: 'safe' | 'vulnerable' | 'unknown';
  readonly complexity?: { type: string; degree?: number };
  readonly attack?: string;
  readonly error?: string;
}

/** Checks patterns on one thread per core; each distinct pattern once. */
export async function checkPatterns(patterns: readonly { source: string; flags: string }[], timeoutMs = CHECK_PARAMS.timeout): Promise<Map<string, Verdict>> {
  const key = (p: { source: string; flags: string }) => `${p.flags}/${p.source}`;
  const distinct = [...new Map(patterns.map((p) => [key(p), p])).values()];
  const verdicts = new Map<string, Verdict>();
  const threads = Math.max(1, Math.min(distinct.length, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length));
  let next = 0;
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_SOURCE, { eval: true, workerData: { recheck: require.resolve('recheck'), params: { ...CHECK_PARAMS, timeout: timeoutMs } } }));
  try {
    await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= distinct.length) return resolve();
        const id = next++;
        worker.postMessage({ id, source: distinct[id].source, flags: distinct[id].flags });
      };
      worker.on('message', (m: Verdict & { id: number }) => {
        verdicts.set(key(distinct[m.id]), m);
        send();
      });
      worker.on('error', reject);
      send();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return verdicts;
}

function verdictText(v: Verdict): string {
  if (v.status === 'vulnerable') {
    const degree = v.complexity?.degree;
    return v.complexity?.type === 'polynomial' && degree ? `vulnerable: degree ${degree} polynomial` : 'vulnerable: exponential';
  }
  return `${v.status}: ${v.error ?? ''}`;
}

/** Whether an allowlist entry covers a site (same file, same pattern as written). */
export function allowed(site: RegexSite, allowlist: readonly AllowedRegex[]): AllowedRegex | undefined {
  return allowlist.find((a) => a.file === site.file && a.pattern === site.pattern);
}

export interface GateResult {
  /** Sites the checker flags (or cannot check, being built at run time) that the allowlist does not cover: the gate fails on these. */
  readonly unlisted: Finding[];
  /** Sites the checker could not decide in time: reported, not failed. */
  readonly undecided: Finding[];
}

/** The gate: every site the checker flags, or that is built at run time, must be on the allowlist. */
export async function regexGate(sites: readonly RegexSite[], allowlist: readonly AllowedRegex[], timeoutMs?: number): Promise<GateResult> {
  const literal = sites.filter((s) => s.literal);
  const verdicts = await checkPatterns(literal.map((s) => ({ source: s.pattern, flags: s.flags })), timeoutMs);
  const unlisted: Finding[] = [];
  const undecided: Finding[] = [];
  for (const site of sites) {
    if (!site.literal) {
      if (!allowed(site, allowlist)) unlisted.push({ site, verdict: 'built at run time' });
      continue;
    }
    const verdict = verdicts.get(`${site.flags}/${site.pattern}`)!;
    if (verdict.status === 'vulnerable' && !allowed(site, allowlist)) unlisted.push({ site, verdict: verdictText(verdict), attack: verdict.attack });
    if (verdict.status === 'unknown') undecided.push({ site, verdict: verdictText(verdict) });
  }
  return { unlisted, undecided };
}
