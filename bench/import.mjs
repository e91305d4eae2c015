#!/usr/bin/env node
// npm run bench, import part: itreg import of a 5,000-row system list as .xlsx and as .csv (Windows-1252, `;`) into
// an empty register; then the round trip on the register that made: export --map, import --update of the sheet as
// exported (nothing to write) and with every tenth row edited; median of several runs.
// Usage: node bench/import.mjs [--rows N] [--runs N]
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
  lines.push(
    `| itreg import, ${file.endsWith('.xlsx') ? '.xlsx' : '.csv (Windows-1252, ;)'} | ${rowCount} | ${samples[0].written} | ${seconds.toFixed(2)} | ${Number.isNaN(cpu) ? 'n/a' : cpu.toFixed(2)} | ${Math.round(rowCount / seconds)} | ${Number.isNaN(memory) ? 'n/a' : memory.toFixed(0)} |`,
  );
}
// The round trip, on a register the .xlsx import made (13,785 files for 5,000 rows).
const register = join(folder, 'register-run');
importOnce('list.xlsx');
function timed(args) {
  const started = process.hrtime.bigint();
  const command = [join(root, 'bin/itreg.js'), ...args, '--date', '2026-06-01'];
  const result = time
    ? spawnSync(time, ['-f', '%U %S %M', process.execPath, ...command], { cwd: register, encoding: 'utf8' })
    : spawnSync(process.execPath, command, { cwd: register, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed: ${result.stderr}${result.stdout}`);
  const [user = NaN, system = NaN, memory = NaN] = time ? result.stderr.trim().split('\n').at(-1).split(' ').map(Number) : [];
  return { seconds, cpu: user + system, memory: memory / 1024, summary: result.stdout.trim().split('\n').at(-1) };
}
async function editEveryTenth(file) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0];
  const headers = sheet.getRow(1).values;
  const column = headers.indexOf('Kommentar');
  sheet.eachRow((row, number) => {
    if (number > 1 && number % 10 === 0) row.getCell(column).value = `Ändrad i kalkylbladet ${number}`;
  });
  await book.xlsx.writeFile(file);
}
const trip = [`| round trip (median of ${runs}), ${rowCount} applications | wall (s) | CPU user+sys (s) | peak memory (MB) | result |`, '| --- | ---: | ---: | ---: | --- |'];
const mapFile = join(folder, 'mapping.yaml');
const steps = [
  ['export --map, .xlsx', ['export', '--map', mapFile, '--output', join(folder, 'export.xlsx')]],
  ['export --map, .csv', ['export', '--map', mapFile, '--output', join(folder, 'export.csv')]],
  ['import --update, .xlsx as exported', ['import', join(folder, 'export.xlsx'), '--map', mapFile, '--update']],
  ['import --update, .csv as exported', ['import', join(folder, 'export.csv'), '--map', mapFile, '--update']],
  ['import --update --dry-run, .xlsx, every tenth row edited', ['import', join(folder, 'edited.xlsx'), '--map', mapFile, '--update', '--dry-run']],
];
for (const [name, args] of steps) {
  if (name.includes('edited')) {
    rmSync(join(folder, 'edited.xlsx'), { force: true });
    spawnSync('cp', [join(folder, 'export.xlsx'), join(folder, 'edited.xlsx')]);
    await editEveryTenth(join(folder, 'edited.xlsx'));
  }
  const samples = Array.from({ length: runs }, () => timed(args));
  const memory = Math.max(...samples.map((s) => s.memory));
  process.stderr.write(`  itreg ${name}: ${median(samples.map((s) => s.seconds)).toFixed(2)} s wall (${samples[0].summary ?? ''})\n`);
  trip.push(
    `| itreg ${name} | ${median(samples.map((s) => s.seconds)).toFixed(2)} | ${time ? median(samples.map((s) => s.cpu)).toFixed(2) : 'n/a'} | ${Number.isNaN(memory) ? 'n/a' : memory.toFixed(0)} | ${name.startsWith('export') ? '' : samples[0].summary} |`,
  );
}
// The edited rows written for real, once (a second run would find them unchanged).
const written = timed(['import', join(folder, 'edited.xlsx'), '--map', mapFile, '--update']);
trip.push(
  `| itreg import --update, .xlsx, every tenth row edited (once) | ${written.seconds.toFixed(2)} | ${Number.isNaN(written.cpu) ? 'n/a' : written.cpu.toFixed(2)} | ${Number.isNaN(written.memory) ? 'n/a' : written.memory.toFixed(0)} | ${written.summary} |`,
);
rmSync(folder, { recursive: true, force: true });
console.log(lines.join('\n'));
console.log();
console.log(trip.join('\n'));
