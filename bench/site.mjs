#!/usr/bin/env node
// npm run bench, the website: itreg site on the example register (goal: under 2 s) and on the 10,016-file benchmark
// register (goal: under 20 s and 100 MB peak; also with --redact, as CI publishes it), median wall and CPU (user +
// system) of several runs and the highest peak RSS, beside itreg lint on the same register (what reading and linting
// alone take: the site does both first).
// The load average is printed with the table: on a shared machine wall time is noise, CPU time and memory are not.
// Usage: node bench/site.mjs [--runs N] [--apps N] [--itreg OTHER/bin/itreg.js] (another build, e.g. before a change)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { arg, median, option, root } from './lib.mjs';

const runs = arg('runs', 5);
const apps = arg('apps', 2000);
const time = '/usr/bin/time';
if (!existsSync(time)) throw new Error('bench/site.mjs needs GNU time (/usr/bin/time, Debian package "time") for CPU time and peak memory');

// Its own copy of the generated register: run.mjs and scale.mjs regenerate theirs, maybe at the same time on a shared machine.
const register = join(tmpdir(), `itreg-bench-${apps}-site`);
execFileSync(process.execPath, [join(root, 'bench/generate.mjs'), register, String(apps)], { stdio: 'inherit' });
const files = Number(/(\d+) files/.exec(execFileSync(process.execPath, [join(root, 'bench/floor.mjs'), join(register, 'register')], { encoding: 'utf8' }))[1]);
const output = mkdtempSync(join(tmpdir(), 'itreg-bench-site-'));
const site = join(output, 'site');
const itreg = option('itreg', join(root, 'bin/itreg.js'));

/** One run: wall seconds, CPU seconds (user + system) and peak RSS in MB, from GNU time. */
function once(args, cwd, node = []) {
  rmSync(site, { recursive: true, force: true }); // a fresh folder, as in CI (replacing an old site also deletes its files)
  const started = process.hrtime.bigint();
  const result = spawnSync(time, ['-f', '%M %U %S', process.execPath, ...node, itreg, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`itreg ${args.join(' ')} failed: ${result.stderr}`);
  const [kb = 'NaN', user = 'NaN', system = 'NaN'] = result.stderr.trim().split('\n').at(-1).split(' ');
  return { seconds, cpu: Number(user) + Number(system), memory: Number(kb) / 1024 };
}

function measure(label, args, cwd, goal, node) {
  const samples = Array.from({ length: runs }, () => once(args, cwd, node));
  const row = { label, goal, seconds: median(samples.map((s) => s.seconds)), cpu: median(samples.map((s) => s.cpu)), memory: Math.max(...samples.map((s) => s.memory)) };
  process.stderr.write(`  ${label}: ${row.seconds.toFixed(2)} s wall, ${row.cpu.toFixed(2)} s CPU, ${row.memory.toFixed(0)} MB\n`);
  return row;
}
const countPages = () => {
  let count = 0;
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(folder, entry.name));
      else if (entry.name.endsWith('.html')) count++;
    }
  };
  walk(site);
  return count;
};

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const loadBefore = load();
process.stderr.write(`site benchmark: ${itreg}, ${runs} runs each, load average ${loadBefore}\n`);
const date = ['--date', '2026-06-01'];
const example = measure('itreg site, example register', ['site', '--output', site, ...date], root, { seconds: 2 });
const examplePages = countPages();
const big = measure(`itreg site, ${files.toLocaleString('en')} files`, ['site', '-C', register, '--output', site, ...date], root, { seconds: 20, memory: 100 });
const bigPages = countPages();
// As CI publishes it (itreg init's Pages step): --redact masks every page's view and builds from a redacted copy.
const redacted = measure(`the same, --redact`, ['site', '-C', register, '--output', site, '--redact', ...date], root, { seconds: 20, memory: 100 });
// V8 tuned for memory with node's own flag (a smaller young generation, the old one grown more cautiously), beside what
// itreg site sets for memory itself (src/util/heap.ts): what NODE_OPTIONS would still add.
const small = measure(`the same, node --optimize-for-size`, ['site', '-C', register, '--output', site, ...date], root, { seconds: 20, memory: 100 }, ['--optimize-for-size']);
const lint = measure(`itreg lint --format json, ${files.toLocaleString('en')} files (for comparison)`, ['lint', '-C', register, '--format', 'json', ...date], root, undefined);
rmSync(output, { recursive: true, force: true });

const goalText = (goal) => (goal ? [`< ${goal.seconds} s`, goal.memory ? `< ${goal.memory} MB` : undefined].filter(Boolean).join(', ') : '–');
const met = (row) => {
  if (!row.goal) return '–';
  const timeOk = row.seconds < row.goal.seconds;
  const memoryOk = row.goal.memory === undefined || row.memory < row.goal.memory;
  return timeOk && memoryOk ? 'yes' : [timeOk ? undefined : 'time', memoryOk ? undefined : 'memory'].filter(Boolean).join(', ') + ' missed';
};
const rows = [
  [example, examplePages],
  [big, bigPages],
  [redacted, bigPages],
  [small, bigPages],
  [lint, undefined],
];
console.log(
  [
    '',
    `itreg site — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; median of ${runs} runs, peak = highest of the runs; load average ${loadBefore} before, ${load()} after`,
    '',
    '| run | pages | wall (s) | CPU user+sys (s) | peak memory (MB) | goal | met |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- |',
    ...rows.map(([r, pages]) => `| ${r.label} | ${pages?.toLocaleString('en') ?? '–'} | ${r.seconds.toFixed(2)} | ${r.cpu.toFixed(2)} | ${r.memory.toFixed(0)} | ${goalText(r.goal)} | ${met(r)} |`),
  ].join('\n'),
);
