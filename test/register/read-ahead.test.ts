// On a large register a worker thread reads the files ahead of the parser (readAhead()): what it hands over must be
// exactly what reading in the main thread gives, file by file, including the files it cannot read.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContentCache } from '../../src/register/cache.js';
import { readConfig } from '../../src/register/config.js';
import { loadRegister, type LoadedRegister } from '../../src/register/load.js';
import { readAhead } from '../../src/register/read-ahead.js';
import { temporaryFolder } from '../helpers.js';

describe('reading ahead in a worker', () => {
  let folder: string;
  const paths: string[] = [];

  beforeAll(() => {
    folder = temporaryFolder();
    writeFileSync(join(folder, 'itreg.yaml'), 'name: Read ahead\nlanguage: en\n');
    // 700 files in three folders: more than two batches of 256 for the worker after the quarter read here.
    for (const kind of ['applications', 'roles', 'units']) mkdirSync(join(folder, 'register', kind), { recursive: true });
    for (let i = 0; i < 700; i++) {
      const path = join(folder, 'register', ['applications', 'roles', 'units'][i % 3]!, `e-${String(i).padStart(3, '0')}.yaml`);
      writeFileSync(path, `kind: Unit\nid: e-${String(i).padStart(3, '0')}\nname: Enhet ${i} – Åmål\ntype: department\nmunicipality: amal\n`);
      paths.push(path);
    }
    // A 3 MB file (the worker's batch buffer of 1 MB grows), one that is not UTF-8, one with a byte-order mark, an
    // empty one, a binary one, a link to nothing and a folder with a YAML name.
    writeFileSync(join(folder, 'register/units/e-350.yaml'), `kind: Unit\nid: e-350\nname: Stor\ntype: department\nnotes: |\n${'  rad med text\n'.repeat(220_000)}`);
    writeFileSync(join(folder, 'register/units/e-353.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xc3, 0x28, 0x0a]));
    writeFileSync(join(folder, 'register/units/e-356.yaml'), `\ufeffkind: Unit\nid: e-356\nname: Med BOM\ntype: department\n`);
    writeFileSync(join(folder, 'register/units/e-359.yaml'), '');
    writeFileSync(join(folder, 'register/units/e-362.yaml'), Buffer.from([0x00, 0x01, 0x02]));
    symlinkSync(join(folder, 'register/units/gone.yaml'), join(folder, 'register/units/dangling.yaml'));
    mkdirSync(join(folder, 'register/units/folder.yaml'));
  });

  const comparable = (loaded: LoadedRegister) => ({
    files: loaded.files.map(({ path, text, value, syntaxProblems }) => ({ path, text, value, syntaxProblems })),
    records: loaded.records.map(({ source, id, kind, schemaIssues }) => ({ path: source.path, id, kind, schemaIssues })),
  });

  it('loads the register exactly as reading here does', () => {
    const config = readConfig(join(folder, 'itreg.yaml'));
    const here = loadRegister(config, { readAheadFrom: Infinity });
    const ahead = loadRegister(config, { readAheadFrom: 1 });
    expect(ahead.files).toHaveLength(701);
    expect(comparable(ahead)).toEqual(comparable(here));
    // The files it could not read are findings as before, with their codes.
    const problems = ahead.files.filter((file) => file.syntaxProblems.length > 0).map((file) => `${file.path} ${file.syntaxProblems[0]!.message.id}`);
    expect(problems).toEqual(['register/units/dangling.yaml fileUnreadable', 'register/units/e-353.yaml notUtf8', 'register/units/e-359.yaml emptyFile', 'register/units/e-362.yaml binaryFile']);
    expect(ahead.files.find((file) => file.path === 'register/units/e-350.yaml')!.text.length).toBeGreaterThan(3_000_000);
  });

  it('reads ahead with --cache too, and loads the register as without it', () => {
    const config = readConfig(join(folder, 'itreg.yaml'));
    const cache = new ContentCache(join(temporaryFolder(), 'cache.bin'), 'test');
    const ahead = loadRegister(config, { readAheadFrom: 1, cache });
    expect(comparable(ahead)).toEqual(comparable(loadRegister(config, { readAheadFrom: Infinity })));
    // Every file but the dangling link went through the cache.
    expect(cache.plain + cache.misses).toBe(700);
  });

  it('hands over every file in order, and leaves a file it cannot read to the caller', () => {
    const asked = [...paths.slice(0, 400), join(folder, 'register/units/gone.yaml'), join(folder, 'register/units/folder.yaml'), ...paths.slice(400)];
    const reader = readAhead(asked);
    const given = asked.map(() => reader.next());
    expect(reader.next()).toBeUndefined();
    expect(given[400]).toBeUndefined();
    expect(given[401]).toBeUndefined();
    asked.forEach((path, i) => {
      if (i !== 400 && i !== 401) expect(Buffer.from(given[i]!).equals(readFileSync(path)), path).toBe(true);
    });
  });

  it('reads no further ahead than it is allowed, and still hands over every file', () => {
    // One batch ahead at most: the worker waits for each batch to be taken before it reads the one after the next.
    const reader = readAhead(paths, 1);
    const given = paths.map(() => {
      const started = Date.now();
      while (Date.now() - started < 1); // a parser slower than the worker
      return reader.next();
    });
    paths.forEach((path, i) => expect(Buffer.from(given[i]!).equals(readFileSync(path)), path).toBe(true));
  });

  it('stops when closed early', () => {
    const reader = readAhead(paths);
    expect(reader.next()).toBeDefined();
    reader.close();
    expect(reader.next()).toBeUndefined();
  });
});
