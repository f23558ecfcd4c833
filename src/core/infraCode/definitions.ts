import { cdkPythonDefinitions, cdkTypeScriptDefinitions, looksLikeCdkPython, looksLikeCdkTypeScript } from './cdk';
import { looksLikeTemplate, templateDefinitions } from './cloudFormation';
import { LIMITS, type Definition } from './model';
import { isServerlessFile, serverlessDefinitions } from './serverless';
import { terraformDefinitions } from './terraform';

/** The files the index reads, by name; what each holds is decided by its text. */
export const INDEXED_GLOB = '**/*.{ts,py,tf,yml,yaml,json}';

/** Folders never read: dependencies, virtual environments, build output other than `cdk.out`. */
export const SKIPPED_FOLDERS = ['node_modules', '.git', '.venv', 'venv', '__pycache__', '.terraform', 'dist', 'out', 'build', '.aws-sam', '.serverless'];

export function isIndexedPath(path: string): boolean {
  if (!/\.(ts|py|tf|ya?ml|json)$/.test(path) || path.endsWith('.d.ts')) return false;
  const parts = path.split('/');
  return !parts.some((p) => SKIPPED_FOLDERS.includes(p)) && !/(^|\/)(package(-lock)?|tsconfig|tree|manifest|cdk\.context)\.json$/.test(path) && !/\.assets\.json$/.test(path);
}

/** Every definition in one file, by the dialect its path and text say it is written in. */
export function definitionsIn(path: string, text: string): Definition[] {
  if (text.length > LIMITS.maxFileBytes || !isIndexedPath(path)) return [];
  if (path.endsWith('.tf')) return terraformDefinitions(path, text);
  if (path.endsWith('.ts')) return looksLikeCdkTypeScript(text) ? cdkTypeScriptDefinitions(path, text) : [];
  if (path.endsWith('.py')) return looksLikeCdkPython(text) ? cdkPythonDefinitions(path, text) : [];
  if (isServerlessFile(path)) return serverlessDefinitions(path, text);
  return looksLikeTemplate(text) ? templateDefinitions(path, text) : [];
}
