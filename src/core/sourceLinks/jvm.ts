import type { Frame } from './frames';
import { digitsEnd } from './scan';

// `(File.java:23)` and its kin: found by the `.java:<digit>` tail, then read backwards in code, so frames need no
// `at ` (Lambda's Java error documents list them bare) and file names may hold dots (Kotlin's `Builders.common.kt`).
const JVM_TAIL = /\.(?:java|kt|kts|scala|groovy|clj):\d/g;
const MAX_FILE_NAME = 200;
const MAX_QUALIFIED = 600;

/** `[\w$.-]`: a JVM source file name. */
function isFileNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c === 46 || c === 45;
}

/** `[\w$./<>@+-]`: a qualified method with its module (`org.elasticsearch.server@9.5.2/…`, `app//…`, `<init>`). */
function isQualifiedChar(c: number): boolean {
  return isFileNameChar(c) || c === 47 || c === 60 || c === 62 || c === 64 || c === 43;
}

/** `java.base/java.lang.Thread.run` → `java.lang.Thread`; `com.acme.Foo$Worker.run` → `com.acme.Foo`. */
export function topLevelClass(qualified: string): string | undefined {
  const name = qualified.slice(qualified.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const cls = name.slice(0, dot);
  const lastDot = cls.lastIndexOf('.');
  const dollar = cls.indexOf('$', lastDot + 1);
  return dollar > lastDot + 1 ? cls.slice(0, dollar) : cls;
}

/**
 * JVM frames (Java, Kotlin, Scala, Groovy, Clojure): `com.acme.Foo.bar(Foo.java:23)` with or without `at `, in
 * named modules (`org.elasticsearch.server@9.5.2/org.elasticsearch.Foo.bar(Foo.java:203)`). The underline covers
 * `Foo.java:23`; `javaClass` keeps the top-level class, whose package gives the file's directory.
 */
export function jvmFrames(text: string): Frame[] {
  const out: Frame[] = [];
  JVM_TAIL.lastIndex = 0;
  for (let m = JVM_TAIL.exec(text); m; m = JVM_TAIL.exec(text)) {
    const dot = m.index;
    const colon = dot + m[0].length - 2;
    JVM_TAIL.lastIndex = colon + 1;
    const lineEnd = digitsEnd(text, colon + 1);
    if (lineEnd < 0 || text.charCodeAt(lineEnd) !== 41) continue;
    let start = dot;
    while (start > 0 && dot - start < MAX_FILE_NAME && isFileNameChar(text.charCodeAt(start - 1))) start--;
    if (start === dot || text.charCodeAt(start - 1) !== 40) continue;
    const paren = start - 1;
    let q = paren;
    while (q > 0 && paren - q < MAX_QUALIFIED && isQualifiedChar(text.charCodeAt(q - 1))) q--;
    const javaClass = topLevelClass(text.slice(q, paren));
    if (!javaClass) continue;
    out.push({ start, end: lineEnd, path: text.slice(start, colon), line: Number(text.slice(colon + 1, lineEnd)), kind: 'java', javaClass });
    JVM_TAIL.lastIndex = lineEnd;
  }
  return out;
}
