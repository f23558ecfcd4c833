/** The Step Functions commands whose handlers load on first use (see commands.ts). */
export const STEP_FUNCTIONS_COMMANDS = [
  'opsLens.stepFunctions.showExecution',
  'opsLens.stepFunctions.loadMore',
  'opsLens.stepFunctions.filterStatus',
  'opsLens.stepFunctions.startExecution',
  'opsLens.stepFunctions.stopExecution',
  'opsLens.stepFunctions.redriveExecution',
  'opsLens.stepFunctions.showLogs',
  'opsLens.stepFunctions.showTaskLogs',
  'opsLens.stepFunctions.triage',
  'opsLens.stepFunctions.redriveEligible',
] as const;

export type StepFunctionsCommand = (typeof STEP_FUNCTIONS_COMMANDS)[number];
