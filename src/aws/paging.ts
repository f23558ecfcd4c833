/** Walks a paged API: yields each page's items until there is no continuation token. */
export async function* paginate<T>(fetchPage: (token: string | undefined) => Promise<{ items: T[] | undefined; next: string | undefined }>): AsyncGenerator<T[]> {
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    yield page.items ?? [];
    token = page.next;
  } while (token);
}

export async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}
