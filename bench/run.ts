// `npm run bench`: measured figures against their budgets. `npm run bench -- --check` also exits non-zero
// when a figure breaks its budget (the rules are in report.ts).
import { benchActivation } from './activation';
import { benchActivationInHost } from './activationInHost';
import { benchAlarms } from './alarms';
import { benchAlarmWatch } from './alarmWatch';
import { benchAccounts } from './accounts';
import { benchFormats } from './formats';
import { benchHealthRound } from './health';
import { benchInsightsParser } from './insightsParser';
import { benchHostileInputs } from './hostileInputs';
import { benchInsightsResults } from './insightsResults';
import { benchMetrics } from './metrics';
import { benchSoak } from './soak';
import { benchProductionErrors } from './productionErrors';
import { benchInvestigation } from './investigate';
import { benchStepFunctionsGraph } from './stepFunctionsGraph';
import { benchLogsTail } from './logsTail';
import { benchAgentTools } from './agentTools';
import { benchStepFunctionsTriage } from './stepFunctionsTriage';
import { benchInfraCode } from './infraCode';
import { benchVsix } from './vsix';
import { failures, TIMING_MARGIN } from './report';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  console.log('Ops Lens bench\n');
  await benchActivation();
  await benchActivationInHost();
  await benchVsix();
  console.log('');
  // Before the benches that fill the heap with thousands of alarms and series.
  benchHostileInputs();
  console.log('');
  await benchHealthRound();
  console.log('');
  benchInsightsResults();
  console.log('');
  benchFormats();
  console.log('');
  benchInsightsParser();
  console.log('');
  benchProductionErrors();
  benchLogsTail();
  await benchStepFunctionsTriage();
  console.log('');
  await benchMetrics();
  console.log('');
  await benchInvestigation();
  await benchStepFunctionsGraph();
  console.log('');
  await benchAgentTools();
  console.log('');
  await benchInfraCode();
  console.log('');
  await benchAlarms();
  console.log('');
  await benchAlarmWatch();
  console.log('');
  await benchAccounts();
  console.log('');
  await benchSoak();

  const over = failures();
  console.log('');
  if (over.length === 0) console.log(`every figure within its budget (timings with a ${TIMING_MARGIN}× margin)`);
  else for (const f of over) console.log(`BUDGET BROKEN: ${f.name}: ${Number.isNaN(f.value) ? 'not measured' : `${f.value} ${f.unit}`} (budget ${f.budget} ${f.unit})`);
  process.exit(check && over.length > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
