/**
 * A JSON-with-comments text (VS Code settings and workspace files): comments and trailing commas
 * removed in one pass, then parsed. Undefined when it does not parse.
 */
export function parseJsonc(text: string): unknown {
  let out = '';
  let runStart = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      out += text.slice(runStart, i);
      const end = text[i + 1] === '/' ? text.indexOf('\n', i + 2) : text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : text[i + 1] === '/' ? end - 1 : end + 1;
      runStart = i + 1;
    }
  }
  out += text.slice(runStart);
  try {
    return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1')) as unknown;
  } catch {
    return undefined;
  }
}
