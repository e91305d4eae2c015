#!/usr/bin/env node
// npm run bench, at scale: (a) the 10,000-file register with 1 % broken references and 1 % unknown fields, against
// the floor; (b) a national register, 23,000 applications in 115,016 files, with the same defects, a full lint and
// --changed with one file changed; (c) one big file of unknown fields at 1, 2 and 4 MB (40,000, 80,000 and 160,000
// fields; plain YAML and with one anchor, both on the fast path, in alternating runs; at 4 MB also with one tag, which
// sends it to the yaml package, for comparison), with how its time grows from 1 to 4 MB. Medians of --runs runs, CPU
// time and peak memory from /usr/bin/time.
// Usage: node bench/scale.mjs [--runs N] [--itreg path/to/bin/itreg.js] [--skip-national] [--parts abc]
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { arg, median, option, root } from './lib.mjs';

const runs = arg('runs', 3);
/** A run that takes longer is stopped and shown as "> limit" (the code before the scale work took hours on (c)). */
const limit = arg('timeout', 180);
const itreg = option('itreg', join(root, 'bin/itreg.js'));
/** The parts to run: a, b, c (--parts c measures the big file alone). */
const parts = option('parts', process.argv.includes('--skip-national') ? 'ac' : 'abc');
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
/** The load average when the runs began: on a shared machine, the wall times are read against it. */
const loadAtStart = loadavg();
function measure(label, files, run, target) {
  const samples = Array.from({ length: runs }, run);
  const row = { label, files, seconds: median(samples.map((s) => s.seconds)), cpu: median(samples.map((s) => s.cpu)), memory: peak(samples.map((s) => s.memory)), target };
  process.stderr.write(`  ${label}: ${row.seconds.toFixed(3)} s (CPU ${row.cpu.toFixed(2)} s), ${row.memory.toFixed(0)} MB\n`);
  rows.push(row);
  return row;
}
/**
 * Waits until the files just written (115,016 register files, as many git objects) are on disk: measured while the
 * kernel still writes them back, --changed took 3.5-4.5 s instead of 2.4-2.9 s, which no CI checkout sees.
 */
const settle = () => spawnSync('sync', { stdio: 'ignore' });
const generate = (dir, apps, ...flags) => execFileSync(node, [join(root, 'bench/generate.mjs'), dir, String(apps), ...flags], { stdio: 'ignore' });
const lint = (folder, ...more) => [itreg, 'lint', '-C', folder, '--format', 'json', '--date', '2026-06-01', ...more];

// (a) 10,000 files with defects, in alternating pairs with the floor.
if (parts.includes('a')) {
  const a = join(tmpdir(), 'itreg-bench-2000-defects');
  generate(a, 2000, '--defects');
  const pairs = Array.from({ length: runs }, () => [once([join(root, 'bench/floor.mjs'), join(a, 'register')]), once(lint(a))]);
  const floorA = median(pairs.map(([f]) => f.seconds));
  const lintA = median(pairs.map(([, l]) => l.seconds));
  const ratioA = median(pairs.map(([f, l]) => l.seconds / f.seconds));
  const cpuRatioA = median(pairs.map(([f, l]) => l.cpu / f.cpu));
  rows.push({
    label: '(a) floor, 10,016 files with 1 % broken references, 1 % unknown fields',
    files: 10016,
    seconds: floorA,
    cpu: median(pairs.map(([f]) => f.cpu)),
    memory: peak(pairs.map(([f]) => f.memory)),
  });
  rows.push({
    label: '(a) itreg lint, the same',
    files: 10016,
    seconds: lintA,
    cpu: median(pairs.map(([, l]) => l.cpu)),
    memory: peak(pairs.map(([, l]) => l.memory)),
    target: `≤ 0.3× floor: ${ratioA.toFixed(2)}× wall, ${cpuRatioA.toFixed(2)}× CPU`,
  });
  process.stderr.write(`  (a) floor ${floorA.toFixed(3)} s, lint ${lintA.toFixed(3)} s, median ratio ${ratioA.toFixed(2)}\n`);
}

// (c) one big file: unknown fields (each a schema finding with a position) by the thousand, at 1, 2 and 4 MB. The plain
// and the anchored file take turns, size by size, so a machine whose speed drifts weighs on every row alike; the ratio
// of 4 MB to 1 MB says how the time grows (linear: about 4, less by the fixed cost of starting, which the file without
// unknown fields shows).
if (parts.includes('c')) {
  const c = join(tmpdir(), 'itreg-bench-big-file');
  rmSync(c, { recursive: true, force: true });
  const head = 'kind: Application\nid: big\nname: Big\ntype: business\nmunicipalities: [x]\n';
  const variants = { plain: (text) => text, anchored: (text) => text.replace('id: big', 'id: &self big'), tagged: (text) => text.replace('id: big', 'id: !!str big') };
  /** A register folder holding one big.yaml of `fields` unknown fields in a variant; its size in MB. */
  const bigRegister = (fields, variant) => {
    const folder = join(c, `${variant}-${fields}`);
    mkdirSync(join(folder, 'register'), { recursive: true });
    writeFileSync(join(folder, 'itreg.yaml'), 'name: Benchmark\nregister: register\nlanguage: en\n');
    const keys = Array.from({ length: fields }, (_, i) => `field${String(i).padStart(6, '0')}: value ${i}\n`).join('');
    const text = variants[variant](head + keys);
    writeFileSync(join(folder, 'register/big.yaml'), text);
    return { folder, megabytes: text.length / 2 ** 20 };
  };
  const sizes = [40_000, 80_000, 160_000];
  const start = bigRegister(0, 'plain');
  const files = sizes.flatMap((fields) => ['plain', 'anchored'].map((variant) => ({ fields, variant, ...bigRegister(fields, variant) })));
  const samples = new Map(files.map((file) => [file, []]));
  const startSamples = [];
  for (let run = 0; run < runs; run++) {
    startSamples.push(once(lint(start.folder)));
    for (const file of files) samples.get(file).push(once(lint(file.folder)));
  }
  const summarise = (list) => ({ seconds: median(list.map((s) => s.seconds)), cpu: median(list.map((s) => s.cpu)), memory: peak(list.map((s) => s.memory)) });
  const base = summarise(startSamples);
  rows.push({ label: '(c) the same Application without unknown fields (the fixed cost)', files: 1, ...base });
  const at = (fields, variant) => summarise(samples.get(files.find((f) => f.fields === fields && f.variant === variant)));
  for (const file of files) {
    const row = at(file.fields, file.variant);
    const label = `(c) one ${file.megabytes.toFixed(1)} MB file, ${file.fields.toLocaleString('en')} unknown fields, ${file.variant === 'plain' ? 'plain YAML' : 'one anchor'}`;
    let target = file.fields === sizes.at(-1) ? '< 2 s' : '';
    if (file.fields === sizes.at(-1)) {
      // 4 MB against 1 MB, as measured and above the fixed cost.
      const small = at(sizes[0], file.variant);
      const ratio = (key) => `${(row[key] / small[key]).toFixed(2)}× (${((row[key] - base[key]) / (small[key] - base[key])).toFixed(2)}× above the fixed cost)`;
      target += `; 4 MB / 1 MB: wall ${ratio('seconds')}, CPU ${ratio('cpu')}`;
    }
    process.stderr.write(`  ${label}: ${row.seconds.toFixed(3)} s (CPU ${row.cpu.toFixed(2)} s), ${row.memory.toFixed(0)} MB\n`);
    rows.push({ label, files: 1, ...row, target });
  }
  const tagged = bigRegister(sizes.at(-1), 'tagged');
  measure(`(c) the ${tagged.megabytes.toFixed(1)} MB file with one tag (yaml package)`, 1, () => once(lint(tagged.folder)), 'none (for comparison)');
}

// (b) the national register: 290 municipalities × ~80 applications in the register.
if (parts.includes('b')) {
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
    rows.push({ label, files: 115016, seconds: median(samples.map((s) => s.seconds)), cpu: median(samples.map((s) => s.cpu)), memory: peak(samples.map((s) => s.memory)), target });
  };
  row('(b) itreg lint, national register: 23,000 applications, 115,016 files, same defects', 'full', '< 10 s, < 300 MB');
  row('(b) itreg lint --changed --base HEAD, one file changed', 'plain', `< 3 s; ${ratio('plain')}`);
  row('(b) the same with --cache, its blob cache warm', 'warm', `≤ 0.6× the full lint: ${ratio('warm')}`);
  row('(b) the same with --cache, its blob cache cold (written)', 'cold', `not slower than without: ${ratio('cold')}`);
}

console.log(
  [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; median of ${runs} runs; ${itreg}`,
    `Load average (1, 5, 15 min): ${loadAtStart.map((l) => l.toFixed(1)).join(', ')} at the start, ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} at the end`,
    '',
    '| run | files | wall (s) | CPU (s) | peak memory (MB) | target |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.files} | ${Number.isFinite(r.seconds) ? r.seconds.toFixed(3) : `> ${limit}`} | ${Number.isFinite(r.cpu) ? r.cpu.toFixed(2) : '–'} | ${Number.isNaN(r.memory) ? 'n/a' : r.memory.toFixed(0)} | ${r.target ?? ''} |`,
    ),
  ].join('\n'),
);
