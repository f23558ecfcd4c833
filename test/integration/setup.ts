import { startMoto, type RunningServer } from '../../sandbox/moto';

let moto: RunningServer | undefined;

/** The endpoint the integration tests talk to (moto, started once for the whole run). */
export function awsEndpoint(): string {
  if (!moto) throw new Error('moto is not running; run the integration tests with --require test/integration/setup.ts');
  return moto.url;
}

export const testEnv = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' };

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(180000);
    moto = await startMoto({ log: (line) => console.log(`    ${line}`) });
  },
  async afterAll() {
    await moto?.stop();
    moto = undefined;
  },
};
