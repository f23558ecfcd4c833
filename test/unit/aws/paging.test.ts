import { strict as assert } from 'node:assert';
import { collect, paginate } from '../../../src/aws/paging';

describe('paginate', () => {
  it('follows continuation tokens until there are none', async () => {
    const tokens: (string | undefined)[] = [];
    const pages: Record<string, { items: number[]; next?: string }> = { start: { items: [1, 2], next: 'a' }, a: { items: [3], next: 'b' }, b: { items: [] } };
    const all = await collect(paginate(async (token) => {
      tokens.push(token);
      const page = pages[token ?? 'start'];
      return { items: page.items, next: page.next };
    }));
    assert.deepEqual(all, [1, 2, 3]);
    assert.deepEqual(tokens, [undefined, 'a', 'b']);
  });
});
