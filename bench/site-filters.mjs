#!/usr/bin/env node
// npm run bench, the site's filters: itreg site on registers of 250, 500 and 1,000 municipalities, each with its own
// owner unit and application, so the applications' filter dimensions have that many values. CPU time (user + system)
// should grow about linearly with them: the site lists a long dimension whole on the main list only.
// Usage: node bench/site-filters.mjs [--runs N] [--itreg OTHER/bin/itreg.js]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, median, option, root } from './lib.mjs';

const runs = arg('runs', 3);
const itreg = option('itreg', join(root, 'bin/itreg.js'));
const time = '/usr/bin/time';
if (!existsSync(time)) throw new Error('bench/site-filters.mjs needs GNU time (/usr/bin/time, Debian package "time")');
const folder = mkdtempSync(join(tmpdir(), 'itreg-bench-filters-'));

/** A register of `count` municipalities, each with a unit that owns one application there. */
function generate(count) {
  const register = join(folder, `r${count}`);
  cpSync(join(root, 'test/fixtures/clean'), register, { recursive: true });
  for (const kind of ['municipalities', 'units', 'applications', 'roles']) mkdirSync(join(register, 'register', kind), { recursive: true });
  for (let i = 1; i <= count; i++) {
    const write = (path, text) => writeFileSync(join(register, 'register', path), text);
    write(`municipalities/k${i}.yaml`, `kind: Municipality\nid: k${i}\nname: Kommun ${i}\npopulation: { 2025: ${1000 + i} }\n`);
    write(`units/e${i}.yaml`, `kind: Unit\nid: e${i}\nname: Enhet ${i}\ntype: department\nmunicipality: k${i}\n`);
    write(`applications/a${i}.yaml`, `kind: Application\nid: a${i}\nname: System ${i}\ntype: general\nmunicipalities: [k${i}]\n`);
    write(`roles/a${i}-o.yaml`, `kind: RoleAssignment\nid: a${i}-o\nrole: system-owner\napplication: a${i}\nholder: { title: Chef, unit: e${i} }\nfrom: 2020-01-01\n`);
  }
  return register;
}

/** CPU seconds (user + system) of one site build. */
function once(register) {
  const output = join(folder, 'site');
  rmSync(output, { recursive: true, force: true });
  const result = spawnSync(time, ['-f', '%U %S', process.execPath, itreg, 'site', '-C', register, '--output', output, '--date', '2026-06-01'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`itreg site failed: ${result.stderr}`);
  const [user = 'NaN', system = 'NaN'] = result.stderr.trim().split('\n').at(-1).split(' ');
  return Number(user) + Number(system);
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
process.stderr.write(`site filters benchmark: ${itreg}, ${runs} runs each, load average ${load()}\n`);
const rows = [250, 500, 1000].map((count) => {
  const register = generate(count);
  const cpu = median(Array.from({ length: runs }, () => once(register)));
  process.stderr.write(`  ${count} municipalities: ${cpu.toFixed(2)} s CPU\n`);
  return { count, cpu };
});
rmSync(folder, { recursive: true, force: true });
console.log(
  [
    '',
    `itreg site's filters — median CPU (user + system) of ${runs} runs; load average ${load()} after`,
    '',
    '| municipalities (and owner units) | CPU (s) | per 250 |',
    '| ---: | ---: | ---: |',
    ...rows.map((row) => `| ${row.count.toLocaleString('en')} | ${row.cpu.toFixed(2)} | ${((row.cpu * 250) / row.count).toFixed(2)} |`),
    '',
  ].join('\n'),
);
