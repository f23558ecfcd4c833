/**
 * Where a workspace-relative runbook path may be, in order: in a multi-root workspace a path that starts
 * with a folder's name (as found headings are written) under that folder without the name, then the
 * path as written under each folder.
 */
export function runbookPathCandidates(relative: string, folderNames: readonly string[]): { folder: number; path: string }[] {
  const named = folderNames.length > 1
    ? folderNames.flatMap((name, folder) => (relative.startsWith(`${name}/`) ? [{ folder, path: relative.slice(name.length + 1) }] : []))
    : [];
  return [...named, ...folderNames.map((_, folder) => ({ folder, path: relative }))];
}
