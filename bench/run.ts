// `npm run bench`: measured figures against their budgets. It prints; it does not fail.
import { benchActivation } from './activation';
import { benchAlarms } from './alarms';
import { benchHealthRound } from './health';
import { benchHostileInputs } from './hostileInputs';
import { benchInsightsResults } from './insightsResults';
import { benchMetrics } from './metrics';

async function main(): Promise<void> {
  console.log('Ops Lens bench\n');
  await benchActivation();
  console.log('');
  // Before the benches that fill the heap with thousands of alarms and series.
  benchHostileInputs();
  console.log('');
  await benchHealthRound();
  console.log('');
  benchInsightsResults();
  console.log('');
  await benchMetrics();
  console.log('');
  await benchAlarms();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
