// The sandbox workspace's AWS config (profiles "sandbox" and "staging") written to a folder of its own, and a
// session showing both profiles side by side through it, as the extension builds it from the settings.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AwsSession } from '../../src/aws/session';
import { sandboxAwsFiles } from '../../sandbox/workspace';

export interface TwoAccounts {
  readonly session: AwsSession;
  readonly configFile: string;
  readonly credentialsFile: string;
  dispose(): void;
}

export function twoAccountSession(endpoint: string): TwoAccounts {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-accounts-'));
  const files = sandboxAwsFiles(endpoint);
  const configFile = path.join(dir, 'config');
  const credentialsFile = path.join(dir, 'credentials');
  fs.writeFileSync(configFile, files.config);
  fs.writeFileSync(credentialsFile, files.credentials);
  const session = new AwsSession({ profile: '', regions: [], endpointUrl: '', profiles: ['sandbox', 'staging'], configFile, credentialsFile }, { env: {} });
  return {
    session, configFile, credentialsFile,
    dispose: () => {
      session.reset();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
