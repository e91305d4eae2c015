#!/usr/bin/env node
// npm run bench: itreg lint against the floor (reading and parsing with yaml alone), ajv-cli, and start-up,
// medians of several runs, with peak memory; then itreg import of a 5,000-row sheet (bench/import.mjs). Usage: node bench/run.mjs [--runs N] [--apps N]
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { arg, median, root } from './lib.mjs';

const runs = arg('runs', 5);
const apps = arg('apps', 2000);
const register = join(tmpdir(), `itreg-bench-${apps}`);
const tagged = join(tmpdir(), `itreg-bench-${apps}-tags`);
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

execFileSync(process.execPath, [join(root, 'bench/generate.mjs'), register, String(apps)], { stdio: 'inherit' });
execFileSync(process.execPath, [join(root, 'bench/generate.mjs'), tagged, String(apps), '--tags'], { stdio: 'inherit' });
const files = Number(/(\d+) files/.exec(execFileSync(process.execPath, [join(root, 'bench/floor.mjs'), join(register, 'register')], { encoding: 'utf8' }))[1]);

/** Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one run. */
function once(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = time ? spawnSync(time, ['-f', '%M %U %S', command, ...args], { encoding: 'utf8', ...options }) : spawnSync(command, args, { encoding: 'utf8', ...options });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const [rss, user, system] = time ? result.stderr.trim().split('\n').at(-1).split(' ').map(Number) : [NaN, NaN, NaN];
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return { seconds, memory: rss / 1024, cpu: user + system };
}

function measure(label, run, count) {
  const samples = Array.from({ length: runs }, run);
  const row = { label, seconds: median(samples.map((s) => s.seconds)), memory: Math.max(...samples.map((s) => s.memory)), files: count };
  process.stderr.write(`  ${label}: ${row.seconds.toFixed(3)} s\n`);
  return row;
}

const node = process.execPath;
const itreg = join(root, 'bin/itreg.js');
const ajv = join(root, 'node_modules/ajv-cli/dist/index.js');
const kinds = [
  ['municipality', 'municipalities'],
  ['unit', 'units'],
  ['application', 'applications'],
  ['role-assignment', 'roles'],
  ['agreement', 'agreements'],
  ['training-plan', 'training'],
];

process.stderr.write(`benchmark: ${runs} runs each, ${files} files\n`);
// The floor and lint run in alternation, so a machine whose speed drifts (shared vCPUs) weighs on both alike.
const floorRun = (folder = register) => once(node, [join(root, 'bench/floor.mjs'), join(folder, 'register')]);
const lintArgs = (folder, ...more) => [itreg, 'lint', '-C', folder, '--format', 'json', '--date', '2026-06-01', ...more];
const lintRun = (folder = register) => once(node, lintArgs(folder), { maxBuffer: 1 << 28 });
const pairs = Array.from({ length: runs }, () => [floorRun(), lintRun()]);
const row = (label, samples) => ({ label, seconds: median(samples.map((s) => s.seconds)), memory: Math.max(...samples.map((s) => s.memory)), files });
const floor = row(
  'floor: read + yaml parseDocument (LineCounter) + toJS',
  pairs.map(([f]) => f),
);
const lint = row(
  'itreg lint --format json',
  pairs.map(([, l]) => l),
);
const pairRatio = median(pairs.map(([f, l]) => l.seconds / f.seconds));
process.stderr.write(`  floor: ${floor.seconds.toFixed(3)} s, lint: ${lint.seconds.toFixed(3)} s, median ratio of pairs ${pairRatio.toFixed(2)}\n`);
const cachedRun = (folder) => {
  const cacheLocation = join(folder, 'bench-cache.bin');
  once(node, lintArgs(folder, '--cache', '--cache-location', cacheLocation), { maxBuffer: 1 << 28 });
  return () => once(node, lintArgs(folder, '--cache', '--cache-location', cacheLocation), { maxBuffer: 1 << 28 });
};
const cached = measure('itreg lint --cache (warm)', cachedRun(register), files);
// The same register with a tag in every file: no file for the fast path, all for the yaml package.
const taggedPairs = Array.from({ length: runs }, () => [floorRun(tagged), lintRun(tagged)]);
const taggedFloor = row(
  'floor, register with a tag in every file',
  taggedPairs.map(([f]) => f),
);
const taggedLint = row(
  'itreg lint, tag in every file (yaml package only)',
  taggedPairs.map(([, l]) => l),
);
const taggedRatio = median(taggedPairs.map(([f, l]) => l.seconds / f.seconds));
process.stderr.write(`  with tags: floor ${taggedFloor.seconds.toFixed(3)} s, lint ${taggedLint.seconds.toFixed(3)} s, median ratio of pairs ${taggedRatio.toFixed(2)}\n`);
const taggedCached = measure('itreg lint --cache (warm), tag in every file', cachedRun(tagged), files);
const ajvRow = measure(
  'ajv-cli validate (schemas only, one run per kind, summed)',
  () => {
    let seconds = 0;
    let memory = 0;
    for (const [schema, folder] of kinds) {
      const r = once(
        node,
        [
          ajv,
          'validate',
          '--spec=draft2020',
          '--strict=false',
          '-c',
          'ajv-formats',
          '-s',
          join(root, `schema/${schema}.schema.json`),
          '-r',
          join(root, 'schema/common.schema.json'),
          '-d',
          join(register, `register/${folder}/*.yaml`),
        ],
        { cwd: root, maxBuffer: 1 << 28 },
      );
      seconds += r.seconds;
      memory = Math.max(memory, r.memory);
    }
    return { seconds, memory };
  },
  files,
);
const example = measure('itreg lint on the example register', () => once(node, [itreg, 'lint', '--format', 'json'], { cwd: root }), 104);
// --changed as the pre-commit hook runs it: a copy of the example register in a git repository, one file changed;
// it lints the register twice (now, and the base from git objects), so it is measured beside a full lint of the copy.
const changedRepo = mkdtempSync(join(tmpdir(), 'itreg-bench-changed-'));
cpSync(join(root, 'itreg.yaml'), join(changedRepo, 'itreg.yaml'));
cpSync(join(root, 'register'), join(changedRepo, 'register'), { recursive: true });
const gitIn = (...args) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.org', ...args], { cwd: changedRepo, stdio: 'ignore' });
gitIn('init', '--quiet');
gitIn('add', '-A');
gitIn('commit', '--quiet', '-m', 'register');
const oneApplication = readdirSync(join(changedRepo, 'register/applications')).sort()[0];
appendFileSync(join(changedRepo, 'register/applications', oneApplication), '# changed for the benchmark\n');
const exampleFiles = 1 + execFileSync('git', ['ls-files', 'register'], { cwd: changedRepo, encoding: 'utf8' }).trim().split('\n').length;
const changedFull = measure('itreg lint, example register in a git repository', () => once(node, [itreg, 'lint', '--format', 'json', '--date', '2026-06-01'], { cwd: changedRepo }), exampleFiles);
const changedOne = measure(
  'itreg lint --changed --base HEAD, one file changed',
  () => once(node, [itreg, 'lint', '--changed', '--base', 'HEAD', '--format', 'json', '--date', '2026-06-01'], { cwd: changedRepo }),
  exampleFiles,
);
// --staged as the git hook runs it: the same change staged. Measured in alternating triples with `node -e ''` and a full
// lint of the copy (issue 29: the hook within 1.5× of the two together), since the machine's speed drifts.
gitIn('add', join('register/applications', oneApplication));
const hookTriples = Array.from({ length: runs }, () => [
  once(node, ['-e', '']),
  once(node, [itreg, 'lint', '--format', 'json', '--date', '2026-06-01'], { cwd: changedRepo }),
  once(node, [itreg, 'lint', '--staged', '--format', 'json', '--date', '2026-06-01'], { cwd: changedRepo }),
]);
const staged = row(
  'itreg lint --staged, one file staged (the git hook)',
  hookTriples.map(([, , s]) => s),
);
staged.files = exampleFiles;
const hookRatio = median(hookTriples.map(([n, l, s]) => s.seconds / (n.seconds + l.seconds)));
const hookCpuRatio = median(hookTriples.map(([n, l, s]) => s.cpu / (n.cpu + l.cpu)));
process.stderr.write(`  --staged against node -e '' + full lint: ${hookRatio.toFixed(2)}× wall, ${hookCpuRatio.toFixed(2)}× CPU\n`);
const startup = measure("node -e ''", () => once(node, ['-e', '']), 0);
// itreg site (issue 16) is measured in bench/site.mjs, with CPU time beside wall time.
const rows = [floor, lint, cached, ajvRow, taggedFloor, taggedLint, taggedCached, example, changedFull, changedOne, staged, startup];
const lines = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; median of ${runs} runs`,
  '',
  '| run | files | wall (s) | files/s | peak memory (MB) | vs floor |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.label} | ${r.files || '–'} | ${r.seconds.toFixed(3)} | ${r.files ? Math.round(r.files / r.seconds) : '–'} | ${Number.isNaN(r.memory) ? 'n/a' : r.memory.toFixed(0)} | ${r.files === files && !r.label.startsWith('itreg site') ? `${(r.seconds / (r.label.includes('tag in every file') ? taggedFloor : floor).seconds).toFixed(2)}×` : '–'} |`,
  ),
  '',
  `itreg lint vs the floor, median of the ${runs} alternating pairs: ${pairRatio.toFixed(2)}× (tag in every file: ${taggedRatio.toFixed(2)}×); itreg lint vs ajv-cli: ${(lint.seconds / ajvRow.seconds).toFixed(2)}×; example register vs node start-up: ${(example.seconds * 1000).toFixed(0)} ms vs ${(startup.seconds * 1000).toFixed(0)} ms`,
  `itreg lint --staged (the git hook) vs node -e '' plus a full lint of the same copy, median of the ${runs} alternating triples: ${hookRatio.toFixed(2)}× wall, ${hookCpuRatio.toFixed(2)}× CPU (goal ≤ 1.5×)`,
];
console.log(lines.join('\n'));
// itreg import of a 5,000-row system list (.xlsx and .csv), in its own script: it writes ~14,000 files per run.
process.stderr.write('import benchmark:\n');
console.log(`\n${execFileSync(process.execPath, [join(root, 'bench/import.mjs'), '--runs', String(Math.min(runs, 3))], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trimEnd()}`);
