#!/usr/bin/env node
// npm run bench, at scale: (a) the 10,000-file register with 1 % broken references and 1 % unknown fields, against
// the floor; (b) a national register, 23,000 applications in 115,011 files, with the same defects, a full lint and
// --changed with one file changed; (c) one 4 MB file of 160,000 unknown fields (plain YAML; with one anchor, which the
// fast path reads too since issue 15c; with one tag, which sends it to the yaml package, for comparison). Medians of --runs runs, peak memory from /usr/bin/time.
// Usage: node bench/scale.mjs [--runs N] [--itreg path/to/bin/itreg.js] [--skip-national]
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { arg, median, option, root } from './lib.mjs';

const runs = arg('runs', 3);
/** A run that takes longer is stopped and shown as "> limit" (the code before the scale work took hours on (c)). */
const limit = arg('timeout', 180);
const itreg = option('itreg', join(root, 'bin/itreg.js'));
const node = process.execPath;
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function once(args, cwd) {
  const started = process.hrtime.bigint();
  const options = { encoding: 'utf8', cwd, maxBuffer: 1 << 30, timeout: limit * 1000, killSignal: 'SIGKILL' };
  const result = time ? spawnSync(time, ['-f', '%M %U %S', node, ...args], options) : spawnSync(node, args, options);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.signal === 'SIGKILL' || result.error?.code === 'ETIMEDOUT') return { seconds: Infinity, memory: NaN, cpu: Infinity };
  // Peak memory and CPU seconds (user + system): on a machine shared with other work, CPU time is the steadier number.
  const [rss, user, system] = time ? result.stderr.trim().split('\n').at(-1).split(' ').map(Number) : [NaN, NaN, NaN];
  const memory = rss / 1024;
  const cpu = user + system;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr.slice(0, 500)}`);
  return { seconds, memory, cpu };
}
const peak = (values) => {
  const known = values.filter((m) => !Number.isNaN(m));
  return known.length > 0 ? Math.max(...known) : NaN;
};
const rows = [];
function measure(label, files, run, target) {
  const samples = Array.from({ length: runs }, run);
  const row = { label, files, seconds: median(samples.map((s) => s.seconds)), cpu: median(samples.map((s) => s.cpu)), memory: peak(samples.map((s) => s.memory)), target };
  process.stderr.write(`  ${label}: ${row.seconds.toFixed(3)} s (CPU ${row.cpu.toFixed(2)} s), ${row.memory.toFixed(0)} MB\n`);
  rows.push(row);
  return row;
}
/**
 * Waits until the files just written (115,011 register files, as many git objects) are on disk: measured while the
 * kernel still writes them back, --changed took 3.5-4.5 s instead of 2.4-2.9 s, which no CI checkout sees.
 */
const settle = () => spawnSync('sync', { stdio: 'ignore' });
const generate = (dir, apps, ...flags) => execFileSync(node, [join(root, 'bench/generate.mjs'), dir, String(apps), ...flags], { stdio: 'ignore' });
const lint = (folder, ...more) => [itreg, 'lint', '-C', folder, '--format', 'json', '--date', '2026-06-01', ...more];

// (a) 10,000 files with defects, in alternating pairs with the floor.
const a = join(tmpdir(), 'itreg-bench-2000-defects');
generate(a, 2000, '--defects');
const pairs = Array.from({ length: runs }, () => [once([join(root, 'bench/floor.mjs'), join(a, 'register')]), once(lint(a))]);
const floorA = median(pairs.map(([f]) => f.seconds));
const lintA = median(pairs.map(([, l]) => l.seconds));
const ratioA = median(pairs.map(([f, l]) => l.seconds / f.seconds));
const cpuRatioA = median(pairs.map(([f, l]) => l.cpu / f.cpu));
rows.push({
  label: '(a) floor, 10,011 files with 1 % broken references, 1 % unknown fields',
  files: 10011,
  seconds: floorA,
  cpu: median(pairs.map(([f]) => f.cpu)),
  memory: peak(pairs.map(([f]) => f.memory)),
});
rows.push({
  label: '(a) itreg lint, the same',
  files: 10011,
  seconds: lintA,
  cpu: median(pairs.map(([, l]) => l.cpu)),
  memory: peak(pairs.map(([, l]) => l.memory)),
  target: `≤ 0.6× floor: ${ratioA.toFixed(2)}× wall, ${cpuRatioA.toFixed(2)}× CPU`,
});
process.stderr.write(`  (a) floor ${floorA.toFixed(3)} s, lint ${lintA.toFixed(3)} s, median ratio ${ratioA.toFixed(2)}\n`);

// (c) one 4 MB file: 160,000 unknown fields (each a schema finding with a "did you mean" and a position).
const c = join(tmpdir(), 'itreg-bench-big-file');
rmSync(c, { recursive: true, force: true });
mkdirSync(join(c, 'register'), { recursive: true });
writeFileSync(join(c, 'itreg.yaml'), 'name: Benchmark\nregister: register\nlanguage: en\n');
const keys = Array.from({ length: 160_000 }, (_, i) => `field${String(i).padStart(6, '0')}: value ${i}\n`).join('');
const big = `kind: Application\nid: big\nname: Big\ntype: business\nmunicipalities: [x]\n${keys}`;
writeFileSync(join(c, 'register/big.yaml'), big);
measure(`(c) one ${(big.length / 2 ** 20).toFixed(1)} MB file, 160,000 unknown fields (plain YAML)`, 1, () => once(lint(c)), '< 2 s');
writeFileSync(join(c, 'register/big.yaml'), big.replace('id: big', 'id: &self big'));
measure('(c) the same file with one anchor', 1, () => once(lint(c)), '< 2 s');
writeFileSync(join(c, 'register/big.yaml'), big.replace('id: big', 'id: !!str big'));
measure('(c) the same file with one tag (yaml package)', 1, () => once(lint(c)), 'none (for comparison)');

// (b) the national register: 290 municipalities × ~80 applications in the register.
if (!process.argv.includes('--skip-national')) {
  const b = join(tmpdir(), 'itreg-bench-23000-defects');
  generate(b, 23000, '--defects');
  // --changed with one file changed, as a pull request's CI runs it: plain, and with --cache (its blob cache warm from
  // the run before, and cold: removed first), in alternating rounds with the full lint (issue 29: --changed ≤ 0.6× it).
  const gitIn = (...args) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.org', ...args], { cwd: b, stdio: 'ignore', maxBuffer: 1 << 28 });
  gitIn('init', '--quiet');
  gitIn('add', '-A');
  gitIn('commit', '--quiet', '-m', 'register');
  appendFileSync(join(b, 'register/applications/app-1234.yaml'), 'notes: changed for the benchmark\n');
  settle();
  const cacheAt = join(tmpdir(), 'itreg-bench-23000-cache', 'lint-cache.bin');
  const changedCache = join(tmpdir(), 'itreg-bench-23000-cache', 'lint-cache-changed.bin');
  const changed = (...more) => lint(b, '--changed', '--base', 'HEAD', ...more);
  once(changed('--cache', '--cache-location', cacheAt)); // warms the cache
  const rounds = Array.from({ length: runs }, () => {
    const full = once(lint(b));
    const plain = once(changed());
    const warm = once(changed('--cache', '--cache-location', cacheAt));
    rmSync(changedCache, { force: true });
    const cold = once(changed('--cache', '--cache-location', cacheAt));
    return { full, plain, warm, cold };
  });
  const ratio = (key) => `${median(rounds.map((r) => r[key].seconds / r.full.seconds)).toFixed(2)}× wall, ${median(rounds.map((r) => r[key].cpu / r.full.cpu)).toFixed(2)}× CPU of the full lint`;
  const row = (label, key, target) => {
    const samples = rounds.map((r) => r[key]);
    rows.push({ label, files: 115011, seconds: median(samples.map((s) => s.seconds)), cpu: median(samples.map((s) => s.cpu)), memory: peak(samples.map((s) => s.memory)), target });
  };
  row('(b) itreg lint, national register: 23,000 applications, 115,011 files, same defects', 'full', '< 10 s, < 1 GB');
  row('(b) itreg lint --changed --base HEAD, one file changed', 'plain', `< 3 s; ${ratio('plain')}`);
  row('(b) the same with --cache, its blob cache warm', 'warm', `≤ 0.6× the full lint: ${ratio('warm')}`);
  row('(b) the same with --cache, its blob cache cold (written)', 'cold', `not slower than without: ${ratio('cold')}`);
}

console.log(
  [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; median of ${runs} runs; ${itreg}`,
    '',
    '| run | files | wall (s) | CPU (s) | peak memory (MB) | target |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.files} | ${Number.isFinite(r.seconds) ? r.seconds.toFixed(3) : `> ${limit}`} | ${Number.isFinite(r.cpu) ? r.cpu.toFixed(2) : '–'} | ${Number.isNaN(r.memory) ? 'n/a' : r.memory.toFixed(0)} | ${r.target ?? ''} |`,
    ),
  ].join('\n'),
);
