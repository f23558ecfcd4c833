/**
 * Where a log group given by name alone is: where the view lists it (with several profiles side by side,
 * the first profile listing it; then the favourites), else the first region.
 */
export function groupRegion(name: string, listed: readonly { readonly region: string; readonly name: string }[], favorites: readonly { readonly region: string; readonly name: string }[], fallback: string): string {
  return (listed.find((g) => g.name === name) ?? favorites.find((g) => g.name === name))?.region ?? fallback;
}
