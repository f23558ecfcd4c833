// `npm run bench`: measured figures against their budgets. It prints; it does not fail.
import { benchActivation } from './activation';

async function main(): Promise<void> {
  console.log('Ops Lens bench\n');
  await benchActivation();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
