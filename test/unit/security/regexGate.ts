import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

// The pure JavaScript checker, run in this thread: no native binary, no JVM, nothing fetched.
process.env.RECHECK_SYNC_BACKEND = 'pure';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkSync } = require('recheck') as typeof import('recheck');

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
 * Limits for one check. The automaton checker decides most patterns in milliseconds; the fuzzer, used for
 * patterns the automaton cannot model, gets a fixed seed so a run is the same every time.
 */
const CHECK_PARAMS = { timeout: 5_000, randomSeed: 1 };

/** A literal pattern's verdict, or undefined when the checker finds it safe. */
export function checkPattern(site: RegexSite): Finding | undefined {
  if (!site.literal) return { site, verdict: 'built at run time' };
  const result = checkSync(site.pattern, site.flags, CHECK_PARAMS);
  if (result.status === 'safe') return undefined;
  if (result.status === 'vulnerable') {
    const degree = result.complexity.type === 'polynomial' ? `${result.complexity.degree}${['th', 'st', 'nd', 'rd'][result.complexity.degree] ?? 'th'} degree polynomial` : 'exponential';
    return { site, verdict: `vulnerable: ${degree}`, attack: result.attack.pattern };
  }
  return { site, verdict: `unknown: ${result.error.kind}` };
}

/** Whether an allowlist entry covers a site (same file, same pattern as written). */
export function allowed(site: RegexSite, allowlist: readonly AllowedRegex[]): AllowedRegex | undefined {
  return allowlist.find((a) => a.file === site.file && a.pattern === site.pattern);
}

/** The gate: every site the checker does not find safe and the allowlist does not cover. */
export function unlistedFindings(sites: readonly RegexSite[], allowlist: readonly AllowedRegex[]): Finding[] {
  const findings: Finding[] = [];
  for (const site of sites) {
    const finding = checkPattern(site);
    if (finding && !allowed(site, allowlist)) findings.push(finding);
  }
  return findings;
}
