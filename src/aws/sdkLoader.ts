import type * as Sdk from './sdk';

export type SdkModule = typeof Sdk;

let loaded: SdkModule | undefined;

/** Loads the AWS SDK bundle once, on first use (the build turns this require into the separate aws-sdk.js). */
export async function loadSdk(): Promise<SdkModule> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./sdk') as SdkModule;
  return loaded;
}
