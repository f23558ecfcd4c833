// The extension ships as several bundles loaded on first use, each with its own copy of the modules it
// shares with the others: a class checked with `instanceof` in another file than its own may meet an object
// made by another bundle's copy, so such a class must say how it is recognised (`static [Symbol.hasInstance]`).

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** `Class (defined in a.ts) checked with instanceof in b.ts` for each class that would not be recognised across bundles. */
export function unrecognisedAcrossBundles(files: readonly SourceFile[]): string[] {
  const defined = new Map<string, { path: string; body: string }>();
  for (const file of files) {
    for (const m of file.text.matchAll(/^export class (\w+)[^{]*\{/gm)) {
      const start = (m.index ?? 0) + m[0].length;
      const next = file.text.slice(start).search(/^\}/m);
      defined.set(m[1], { path: file.path, body: file.text.slice(start, next < 0 ? undefined : start + next) });
    }
  }
  const found = new Set<string>();
  for (const file of files) {
    for (const m of file.text.matchAll(/\binstanceof (\w+)/g)) {
      const cls = defined.get(m[1]);
      if (!cls || cls.path === file.path || cls.body.includes('[Symbol.hasInstance]')) continue;
      found.add(`${m[1]} (defined in ${cls.path}) checked with instanceof in ${file.path}`);
    }
  }
  return [...found].sort();
}
