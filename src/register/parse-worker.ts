// A worker thread that reads and parses a share of the register's files, so `itreg lint` uses every core.
import { parentPort, workerData } from 'node:worker_threads';
import { readSource } from './read.js';

interface Job {
  readonly paths: readonly string[];
  readonly root: string;
}

const { paths, root } = workerData as Job;
parentPort!.postMessage(paths.map((path) => readSource(path, root)));
