// Installs the tools the sandbox and the tests run: moto (project .venv) and code-server (user cache).
import { ensureCodeServer } from './codeServer';
import { ensureMoto } from './moto';

async function main(): Promise<void> {
  ensureMoto((line) => console.log(line));
  console.log('moto ready');
  console.log(`code-server ready: ${await ensureCodeServer((line: string) => console.log(line))}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
