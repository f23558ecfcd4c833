/**
 * Where a log group given by name alone is: where the view lists it (with several profiles side by side,
 * the first profile listing it; then the favourites), else the first region.
 */
export function groupRegion<S extends string>(name: string, listed: readonly { readonly region: S; readonly name: string }[], favorites: readonly { readonly region: S; readonly name: string }[], fallback: S): S {
  return (listed.find((g) => g.name === name) ?? favorites.find((g) => g.name === name))?.region ?? fallback;
}
