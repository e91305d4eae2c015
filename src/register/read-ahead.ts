// readAhead(): a worker thread reads register files ahead of the parser, so that on a large register the system calls
// (open, read, close: a third of loading 115,000 files) run on another core beside parsing, which stays synchronous.
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { readInto } from './read.js';

/** Files the worker reads and hands over at a time. */
const BATCH = 256;
/** Batches the worker may read ahead of the parser (some 16,000 files). */
const AHEAD = 64;
/** How long to wait for a batch before reading the rest here (a worker that died, a machine that stalls). */
const PATIENCE_MS = 10_000;

/** The worker: reads each path in order into one buffer a batch, and posts the batch with where each file lies. */
const WORKER = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const readInto = ${readInto.toString()};
const { paths, port, control, batch, ahead } = workerData;
let buffer = Buffer.allocUnsafe(1 << 20); // reused: each batch posts a copy of what it filled
try {
  for (let first = 0; first < paths.length && Atomics.load(control, 1) === 0; first += batch) {
    // At most \`ahead\` batches read and not yet taken: a slow parser does not make the whole register wait in memory.
    for (let taken; (taken = Atomics.load(control, 2)) <= first / batch - ahead && Atomics.load(control, 1) === 0; ) Atomics.wait(control, 2, taken, 100);
    let used = 0;
    const ends = new Int32Array(Math.min(batch, paths.length - first));
    for (let i = 0; i < ends.length; i++) {
      try {
        ({ buffer, end: used } = readInto(fs, paths[first + i], buffer, used));
        ends[i] = used;
      } catch {
        ends[i] = -1; // read it there: the error and its code are the main thread's to report
      }
    }
    const bytes = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + used);
    port.postMessage({ bytes, ends }, [bytes, ends.buffer]);
    Atomics.add(control, 0, 1);
    Atomics.notify(control, 0);
  }
} catch {
  Atomics.store(control, 1, 2);
  Atomics.notify(control, 0);
}
`;

export interface ReadAhead {
  /** The next path's bytes, in the order given; undefined: read that file yourself. */
  next(): Uint8Array | undefined;
  /** Stops the worker (when the reading ends early). */
  close(): void;
}

/** Starts reading `paths` in a worker, at most `ahead` batches ahead; next() gives their bytes one by one, in order. */
export function readAhead(paths: readonly string[], ahead = AHEAD): ReadAhead {
  const control = new Int32Array(new SharedArrayBuffer(12)); // [batches posted, stop (1) or worker failed (2), batches taken]
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, { eval: true, workerData: { paths, port: port2, control, batch: BATCH, ahead }, transferList: [port2] });
  worker.unref();
  let received = 0;
  let bytes: Uint8Array = new Uint8Array(0);
  let ends: Int32Array = new Int32Array(0);
  let index = 0; // within the batch
  let given = 0;
  let stopped = false;
  const close = (): void => {
    if (stopped) return;
    stopped = true;
    Atomics.store(control, 1, 1);
    port1.close();
    void worker.terminate();
  };
  /** The next batch, waiting for it; false when the worker cannot give it. */
  const nextBatch = (): boolean => {
    for (;;) {
      const message = receiveMessageOnPort(port1)?.message as { bytes: ArrayBuffer; ends: Int32Array } | undefined;
      if (message) {
        received++;
        Atomics.store(control, 2, received);
        Atomics.notify(control, 2);
        bytes = new Uint8Array(message.bytes);
        ends = message.ends;
        index = 0;
        return true;
      }
      if (Atomics.load(control, 1) !== 0) return false;
      if (Atomics.load(control, 0) > received) continue;
      if (Atomics.wait(control, 0, received, PATIENCE_MS) === 'timed-out' && Atomics.load(control, 0) === received) return false;
    }
  };
  return {
    next(): Uint8Array | undefined {
      if (given >= paths.length) return undefined;
      given++;
      if (stopped) return undefined;
      if (index >= ends.length && !nextBatch()) {
        close();
        return undefined;
      }
      const end = ends[index]!;
      const start = lastEnd(ends, index);
      index++;
      if (given === paths.length) close();
      return end < 0 ? undefined : bytes.subarray(start, end);
    },
    close,
  };
}

/** Where the file before `index` in a batch ended (a file that failed takes no bytes). */
function lastEnd(ends: Int32Array, index: number): number {
  for (let i = index - 1; i >= 0; i--) if (ends[i]! >= 0) return ends[i]!;
  return 0;
}
