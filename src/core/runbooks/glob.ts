/** A glob on alarm names: `*` any run of characters, `?` one character; case-insensitive, whole name. */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'i');
}
