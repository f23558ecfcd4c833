import { Worker } from 'node:worker_threads';
import type { Definition } from '../core/infraCode/model';
import type { IndexReply, IndexRequest } from './readFiles';

const BATCH = 250;

/** The parsing thread, asked one batch of files at a time; answers arrive in order. */
export class IndexThread {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: IndexReply) => void>();

  constructor(private readonly script: string, private readonly execArgv: string[] = []) {}

  read(root: string, files: readonly string[]): Promise<IndexReply> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ id, root, files } satisfies IndexRequest);
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { execArgv: this.execArgv, resourceLimits: { maxOldGenerationSizeMb: 256 } });
    worker.on('message', (reply: IndexReply) => {
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
    worker.on('error', () => this.fail());
    worker.on('exit', () => this.fail());
    this.worker = worker;
    return worker;
  }

  /** A thread that died (out of memory on a hostile file) answers its batches with nothing and is restarted on the next. */
  private fail(): void {
    this.worker = undefined;
    for (const [id, resolve] of this.pending) resolve({ id, results: [] });
    this.pending.clear();
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}

/**
 * Has the thread read every file, in batches sent at once (the thread takes them in order), and hands each
 * batch's definitions to `apply` as it arrives: the extension host only stores results.
 */
export async function indexFiles(thread: IndexThread, root: string, files: readonly string[], apply: (file: string, definitions: Definition[]) => void): Promise<void> {
  const batches: Promise<void>[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    batches.push(thread.read(root, files.slice(i, i + BATCH)).then((reply) => {
      for (const [file, definitions] of reply.results) apply(file, definitions);
    }));
  }
  await Promise.all(batches);
}
