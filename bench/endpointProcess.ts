// The local AWS endpoint (moto and the stand-in) in a process of its own, for a bench that measures the
// CPU of the code under test alone: prints `{"motoUrl","endpoint"}` as one line, and stops when stdin closes.
import { startMoto } from '../sandbox/moto';
import { startStandIn } from '../sandbox/standin/server';

async function main(): Promise<void> {
  const moto = await startMoto();
  const standIn = await startStandIn({ motoUrl: moto.url });
  const stop = async () => {
    await standIn.stop();
    await moto.stop();
    process.exit(0);
  };
  process.stdin.on('end', () => void stop());
  process.stdin.on('close', () => void stop());
  process.stdin.resume();
  process.stdout.write(`${JSON.stringify({ motoUrl: moto.url, endpoint: standIn.url })}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
