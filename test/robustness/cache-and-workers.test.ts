// --cache re-parses only changed files; worker-thread parsing gives exactly the single-thread findings.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerFrom, runCli, writeFiles } from '../helpers.js';

const lintArgs = ['lint', '--format', 'json', '--date', '2026-06-01', '--debug'];

describe('lint --cache', () => {
  it('parses every file once, then only the changed one, with the same findings', () => {
    const folder = registerFrom('every-rule');
    const first = runCli([...lintArgs, '--cache'], folder);
    expect(first.stderr).toMatch(/itreg: cache .*node_modules\/\.cache\/itreg\/lint-cache\.bin: 0 unchanged, 35 parsed/);
    expect(existsSync(join(folder, 'node_modules/.cache/itreg/lint-cache.bin'))).toBe(true);

    const second = runCli([...lintArgs, '--cache'], folder);
    expect(second.stderr).toMatch(/: 35 unchanged, 0 parsed/);
    expect(second.stdout).toBe(first.stdout);

    const gis = join(folder, 'register/applications/gis.yaml');
    writeFiles(folder, { 'register/applications/gis.yaml': `# moved down a line\n${readFileSync(gis, 'utf8')}` });
    const third = runCli([...lintArgs, '--cache'], folder);
    expect(third.stderr).toMatch(/: 34 unchanged, 1 parsed/);
    const owner = (out: string) => (JSON.parse(out) as { findings: Array<{ ruleId: string; line: number }> }).findings.find((f) => f.ruleId === 'application-has-owner');
    expect(owner(third.stdout)?.line).toBe(2);
    // Same result as without the cache.
    expect(third.stdout).toBe(runCli(lintArgs, folder).stdout);
  });

  it('keeps the cache where --cache-location says, and survives a damaged cache file', () => {
    const folder = registerFrom('clean');
    writeFiles(folder, { 'cache.bin': 'not a cache' });
    const result = runCli([...lintArgs, '--cache', '--cache-location', 'cache.bin'], folder);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/cache .*cache\.bin: 0 unchanged, 14 parsed/);
    expect(runCli([...lintArgs, '--cache', '--cache-location', 'cache.bin'], folder).stderr).toMatch(/14 unchanged, 0 parsed/);
  });
});

describe('worker threads', () => {
  it('find exactly what one thread finds', () => {
    const folder = registerFrom('every-rule');
    const single = runCli(lintArgs, folder, { ITREG_WORKERS: '0' });
    const parallel = runCli(lintArgs, folder, { ITREG_WORKERS: '2' });
    expect(parallel.stdout).toBe(single.stdout);
    expect(JSON.parse(parallel.stdout)).toMatchObject({ summary: { files: 35, errors: 14, warnings: 7 } });
  });
});

describe('progress on long runs', () => {
  it('shows a progress line on a terminal (after a second; here at once), never in JSON or in CI', () => {
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const folder = registerFrom('clean');
    spawnSync(process.execPath, [join(__dirname, '../../bench/generate.mjs'), folder, '300'], { encoding: 'utf8' });
    const underTerminal = (args: string, env: Record<string, string>) =>
      spawnSync('script', ['-qec', `${process.execPath} ${join(__dirname, '../../bin/itreg.js')} ${args} -C ${folder} --date 2026-06-01 > /dev/null`, '/dev/null'], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', ITREG_PROGRESS_AFTER_MS: '0', ...env },
        timeout: 120_000,
      }).stdout;
    expect(underTerminal('lint', { CI: '' })).toMatch(/itreg: \d+\/1511 …/);
    expect(underTerminal('lint --format json', { CI: '' })).not.toMatch(/itreg: \d+\//);
    expect(underTerminal('lint', { CI: 'true' })).not.toMatch(/itreg: \d+\//);
  });
});
