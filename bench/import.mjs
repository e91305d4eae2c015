#!/usr/bin/env node
// npm run bench, import part: itreg import of a 5,000-row system list as .xlsx and as .csv (Windows-1252, `;`) into
// an empty register, median of several runs. Usage: node bench/import.mjs [--rows N] [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, median, root } from './lib.mjs';
import ExcelJS from 'exceljs';

const rowCount = arg('rows', 5000);
const runs = arg('runs', 3);
const folder = mkdtempSync(join(tmpdir(), 'itreg-bench-import-'));
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const headers = ['System', 'Leverantör', 'Produkt', 'Typ', 'Systemägare', 'Förvaltning', 'Systemförvaltare', 'Kommentar'];
const units = ['Kommunstyrelseförvaltningen', 'Socialförvaltningen', 'Barn- och utbildningsförvaltningen', 'Samhällsbyggnadsförvaltningen', 'Kultur- och fritidsförvaltningen', 'IT-enheten'];
const types = ['Verksamhetssystem', 'Verksamhetssystem', 'Generell applikation', 'Infrastruktur'];
const names = ['Ekonomisystem', 'Lönesystem', 'Diariesystem', 'Elevregister', 'Bygglov', 'Bibliotek', 'Växel', 'Webbplats', 'Lärplattform', 'Hemtjänst'];
// The rows of a national list: every tenth without an owner, every seventh without an administrator, names repeating.
const rows = Array.from({ length: rowCount }, (_, i) => [
  `${names[i % names.length]} ${Math.floor(i / names.length) + 1}`,
  i % 5 === 0 ? '' : `Leverantör ${i % 97} AB`,
  i % 5 === 0 ? '' : `Produkt ${i % 31}`,
  types[i % types.length],
  i % 10 === 0 ? '' : 'Förvaltningschef',
  units[i % units.length],
  i % 7 === 0 ? '' : 'Systemförvaltare',
  i % 3 === 0 ? 'Delas med grannkommunen; avtalet går ut 2027' : '',
]);

const mapping = `kind: Application
id: { from: System }
columns: { System: name, Typ: type, Kommentar: notes }
vendor: { name: Leverantör, product: Produkt }
owner: { title: Systemägare, unit: Förvaltning }
administrator: { title: Systemförvaltare, unit: Förvaltning }
constants: { municipalities: [kommun] }
values:
  Typ: { Verksamhetssystem: business, Generell applikation: general, Infrastruktur: infrastructure }
  Förvaltning: { ${units.map((u, i) => `${u}: unit-${i}`).join(', ')} }
`;
writeFileSync(join(folder, 'mapping.yaml'), mapping);
const csv = [headers, ...rows].map((row) => row.join(';')).join('\r\n') + '\r\n';
writeFileSync(join(folder, 'list.csv'), Buffer.from(csv, 'latin1'));
const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet('System');
sheet.addRow(headers);
for (const row of rows) sheet.addRow(row.map((cell) => (cell === '' ? null : cell)));
await workbook.xlsx.writeFile(join(folder, 'list.xlsx'));

function importOnce(file) {
  const register = join(folder, 'register-run');
  rmSync(register, { recursive: true, force: true });
  mkdirSync(join(register, 'register'), { recursive: true });
  writeFileSync(join(register, 'itreg.yaml'), 'name: Bench\nlanguage: en\n');
  const args = [join(root, 'bin/itreg.js'), 'import', join(folder, file), '--map', join(folder, 'mapping.yaml'), '--date', '2026-06-01'];
  const started = process.hrtime.bigint();
  // CPU time (user + system) beside the wall time: on a shared machine the wall time is mostly waiting.
  const result = time ? spawnSync(time, ['-f', '%U %S %M', process.execPath, ...args], { cwd: register, encoding: 'utf8' }) : spawnSync(process.execPath, args, { cwd: register, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`import ${file} failed: ${result.stderr}${result.stdout}`);
  const [user = NaN, system = NaN, memory = NaN] = time ? result.stderr.trim().split('\n').at(-1).split(' ').map(Number) : [];
  const written = readdirSync(join(register, 'register'), { recursive: true }).filter((f) => String(f).endsWith('.yaml')).length;
  return { seconds, cpu: user + system, memory: memory / 1024, written, summary: result.stdout.trim().split('\n').at(-1) };
}

const lines = [`| import (median of ${runs}) | rows | files written | wall (s) | CPU user+sys (s) | rows/s (wall) | peak memory (MB) |`, '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
for (const file of ['list.xlsx', 'list.csv']) {
  const samples = Array.from({ length: runs }, () => importOnce(file));
  const seconds = median(samples.map((s) => s.seconds));
  process.stderr.write(`  itreg import ${file}: ${seconds.toFixed(2)} s wall (${samples[0].summary})\n`);
  const cpu = median(samples.map((s) => s.cpu));
  const memory = Math.max(...samples.map((s) => s.memory));
  lines.push(`| itreg import, ${file.endsWith('.xlsx') ? '.xlsx' : '.csv (Windows-1252, ;)'} | ${rowCount} | ${samples[0].written} | ${seconds.toFixed(2)} | ${Number.isNaN(cpu) ? 'n/a' : cpu.toFixed(2)} | ${Math.round(rowCount / seconds)} | ${Number.isNaN(memory) ? 'n/a' : memory.toFixed(0)} |`);
}
rmSync(folder, { recursive: true, force: true });
console.log(lines.join('\n'));
