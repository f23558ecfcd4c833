import { HOSTILE_CASES } from '../test/unit/security/hostileInputs';
import { median, report } from './report';

const RUNS = 5;
const BUDGET_MS = 50;

/**
 * Every parser of outside text on its adversarial 1 MB inputs (the unit suite's hostile cases): the
 * worst input's median time per parser, against 50 ms. Before the fixes these took seconds to minutes.
 */
export function benchHostileInputs(): void {
  const worst = new Map<string, { ms: number; input: string }>();
  for (const c of HOSTILE_CASES) {
    const input = c.make();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      c.run(input);
      times.push(performance.now() - started);
    }
    const ms = median(times);
    const known = worst.get(c.parser);
    if (!known || ms > known.ms) worst.set(c.parser, { ms, input: c.input });
  }
  for (const [parser, { ms, input }] of worst) report(`hostile 1 MB: ${parser}`, ms, 'ms', BUDGET_MS, `(worst: ${input})`);
}
