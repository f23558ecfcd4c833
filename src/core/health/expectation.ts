import type { StatusExpectation } from './model';

export function statusMatches(expect: StatusExpectation, status: number): boolean {
  return expect.codes.includes(status) || expect.classes.includes(Math.floor(status / 100));
}

/** "2xx", "200 or 204", "2xx or 304" */
export function describeExpectation(expect: StatusExpectation): string {
  const parts = [...expect.classes.map((c) => `${c}xx`), ...expect.codes.map(String)];
  return parts.length <= 1 ? parts[0] ?? 'any status' : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}
