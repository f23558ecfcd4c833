// Installs the tools the sandbox and the tests run: moto (project .venv) and code-server (user cache).
import { ensureMoto } from './moto';

async function main(): Promise<void> {
  ensureMoto((line) => console.log(line));
  console.log('moto ready');
  try {
    const { ensureCodeServer } = await import('./codeServer');
    console.log(`code-server ready: ${await ensureCodeServer((line: string) => console.log(line))}`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
