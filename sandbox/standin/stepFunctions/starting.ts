import { randomUUID } from 'node:crypto';
import { currentAccount } from '../accounts';
import type { MotoCaller } from '../forward';
import { epochSeconds, optionalString, optionalTimeMs } from '../input';
import { runChildExecution } from './childExecution';
import { parseDefinition, standInStates } from './definition';
import { drive, type DriveEnv } from './driver';
import { executionAlreadyExists } from './errors';
import { description, withRedriveFields } from './executions';
import { runLambdaTask } from './lambdaTask';
import { runDistributedMap } from './mapRun';
import { appendEvent, type OwnedExecution, type StepFunctionsRegion } from './state';

/** The environment the stand-in's runs need, bound to one region and the moto caller of the request that started them. */
export function driveEnv(moto: MotoCaller, state: StepFunctionsRegion, region: string): DriveEnv {
  const env: DriveEnv = {
    moto,
    state,
    region,
    account: currentAccount(),
    runDistributedMap,
    runChildExecution,
    runLambdaTask,
    startExecution: async (stateMachineArn, name, input) => {
      const started = await startExecution(env, stateMachineArn, name, input);
      return { executionArn: started.executionArn, startDate: started.startDate * 1000 };
    },
    describeExecution: async (executionArn) => {
      const owned = state.execution(executionArn);
      return owned ? description(owned) : withRedriveFields(await moto.call('DescribeExecution', { executionArn }), true);
    },
  };
  return env;
}

/**
 * StartExecution: a Standard state machine with a distributed Map, a `states:startExecution` task or a Lambda
 * task at its top level runs in the stand-in (see driver.ts); any other starts in moto.
 */
export async function startExecution(env: DriveEnv, stateMachineArn: string, name: string | undefined, input: string): Promise<{ executionArn: string; startDate: number }> {
  const machine = await env.moto.call('DescribeStateMachine', { stateMachineArn });
  const definition = parseDefinition(optionalString(machine, 'definition') ?? '');
  if (!definition || machine.type === 'EXPRESS' || standInStates(definition).size === 0) {
    const started = await env.moto.call('StartExecution', { stateMachineArn, input, name: name ?? randomUUID() });
    return { executionArn: optionalString(started, 'executionArn') ?? '', startDate: (optionalTimeMs(started, 'startDate') ?? Date.now()) / 1000 };
  }
  const executionName = name ?? randomUUID();
  const machineName = optionalString(machine, 'name') ?? '';
  const executionArn = `arn:aws:states:${env.region}:${env.account}:execution:${machineName}:${executionName}`;
  if (env.state.execution(executionArn)) throw executionAlreadyExists(`Execution Already Exists: '${executionArn}'`);
  const execution: OwnedExecution = {
    executionArn,
    stateMachineArn,
    name: executionName,
    input,
    roleArn: optionalString(machine, 'roleArn') ?? '',
    definition,
    startDate: Date.now(),
    status: 'RUNNING',
    events: [],
    redriveCount: 0,
  };
  appendEvent(execution, 'ExecutionStarted', { executionStartedEventDetails: { input, inputDetails: { truncated: false }, roleArn: execution.roleArn } });
  env.state.executions.set(executionArn, execution);
  void drive(env, execution, definition.StartAt, input);
  return { executionArn, startDate: epochSeconds(execution.startDate) };
}
