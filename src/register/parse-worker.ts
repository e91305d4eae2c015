// A parser process: reads and parses a share of the register's files, so `itreg lint` uses every core.
// Job and result travel through files, not IPC: the parent is busy parsing its own share meanwhile (an IPC message
// would wait for its event loop), and Node's IPC is slow with megabytes. Processes rather than worker threads:
// on the 2-core benchmark machine threads of one process scaled 1.15×, processes 1.7×.
import { readFileSync, writeFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { readSource } from './read.js';

interface Job {
  readonly paths: readonly string[];
  readonly root: string;
}

const [jobFile, resultFile] = process.argv.slice(2) as [string, string];
const job = JSON.parse(readFileSync(jobFile, 'utf8')) as Job;
writeFileSync(resultFile, serialize(job.paths.map((path) => readSource(path, job.root))));
