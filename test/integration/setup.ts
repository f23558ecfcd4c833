import { startMoto, type RunningServer } from '../../sandbox/moto';
import { startStandIn } from '../../sandbox/standin/server';

let moto: RunningServer | undefined;
let standIn: RunningServer | undefined;

/** The endpoint the integration tests talk to: the stand-in in front of moto, started once for the whole run. */
export function awsEndpoint(): string {
  if (!standIn) throw new Error('moto is not running; run the integration tests with --require test/integration/setup.ts');
  return standIn.url;
}

export const testEnv = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' };

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(180000);
    moto = await startMoto({ log: (line) => console.log(`    ${line}`) });
    standIn = await startStandIn({ motoUrl: moto.url, insightsDelayMs: 600 });
  },
  async afterAll() {
    await standIn?.stop();
    standIn = undefined;
    await moto?.stop();
    moto = undefined;
  },
};
