// The V8 code cache `itreg lint` starts with: used only when it was made from the very text it is asked for, by this
// node, and is whole; a damaged, foreign or unreadable cache is ignored and the code runs as without one. And the lint
// bundle it runs answers as the full command line does.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { codeCacheFile, runWithCodeCache, THIN_CACHE } from '../../src/cli/code-cache.js';
import { projectRoot, registerFrom, runCli, temporaryFolder } from '../helpers.js';

/** A CommonJS file that records, in a global, what it was and that it ran. */
function script(folder: string, name: string, value: string): string {
  const file = join(folder, name);
  writeFileSync(
    file,
    `const value = ${JSON.stringify(value)};\nglobalThis.itregCodeCacheTest = [...(globalThis.itregCodeCacheTest ?? []), value + ':' + __filename.endsWith(${JSON.stringify(name)})];\nmodule.exports = value;\n`,
  );
  return file;
}

const ran = (): readonly string[] => ((globalThis as { itregCodeCacheTest?: string[] }).itregCodeCacheTest ??= []).splice(0);

describe('runWithCodeCache', () => {
  const folder = temporaryFolder('itreg-code-cache-');

  it('writes a cache that the next run uses, and runs the file as CommonJS either way', () => {
    const file = script(folder, 'a.cjs', 'first');
    const cache = join(folder, 'cache/a.v8-cache');
    const cold = runWithCodeCache(file, cache, false);
    expect(cold.cache).toBe('none');
    expect(cold.write()).toBe(true);
    expect(readFileSync(cache).subarray(0, 22).toString()).toBe('itreg V8 code cache 1\n');
    expect(runWithCodeCache(file, cache, false).cache).toBe('used');
    expect(ran()).toEqual(['first:true', 'first:true']);
  });

  it('ignores the cache of another text of the same length, which V8 itself would run as the old code', () => {
    const file = script(folder, 'b.cjs', 'AAAA');
    const cache = join(folder, 'b.v8-cache');
    runWithCodeCache(file, cache, false).write();
    script(folder, 'b.cjs', 'BBBB');
    expect(runWithCodeCache(file, cache, false).cache).toBe('ignored');
    expect(ran()).toEqual(['AAAA:true', 'BBBB:true']);
    // What the checks are for: V8 takes another text's cache of the same length and runs the code it was made from.
    const made = new Script('globalThis.itregCodeCacheTest = ["old"]');
    made.runInThisContext();
    const foreign = new Script('globalThis.itregCodeCacheTest = ["new"]', { cachedData: made.createCachedData() });
    expect(foreign.cachedDataRejected).toBe(false);
    foreign.runInThisContext();
    expect(ran()).toEqual(['old']);
  });

  it('ignores a damaged, truncated or foreign cache file and one of another node', () => {
    const file = script(folder, 'c.cjs', 'checked');
    const cache = join(folder, 'c.v8-cache');
    runWithCodeCache(file, cache, false).write();
    const whole = readFileSync(cache);
    const headerEnd = whole.indexOf(0x0a, 22);
    const damaged = Buffer.from(whole);
    damaged[damaged.length - 10]! ^= 0xff;
    const header = JSON.parse(whole.toString('utf8', 22, headerEnd)) as Record<string, unknown>;
    const otherNode = Buffer.concat([whole.subarray(0, 22), Buffer.from(JSON.stringify({ ...header, node: 'v0.0.1' })), whole.subarray(headerEnd)]);
    for (const bad of [damaged, whole.subarray(0, whole.length - 1), whole.subarray(0, 30), Buffer.from('not a cache'), Buffer.alloc(0), otherNode, whole.subarray(headerEnd + 1)]) {
      writeFileSync(cache, bad);
      expect(runWithCodeCache(file, cache, false).cache).toBe('ignored');
    }
    expect(ran()).toEqual(Array.from({ length: 8 }, () => 'checked:true'));
    // The next cache written replaces the bad one.
    expect(runWithCodeCache(file, cache, false).write()).toBe(true);
    expect(runWithCodeCache(file, cache, false).cache).toBe('used');
    ran();
  });

  it('replaces a thin cache, made by a run that compiled little of the file, with the cache of the next run', () => {
    const file = join(folder, 'e.cjs');
    // A long function that only the second run calls: the first run's cache holds little of it.
    const body = Array.from({ length: 400 }, (_, i) => `  total += (x * ${i + 1}) % ${i + 7};`).join('\n');
    writeFileSync(
      file,
      `function long(x) {\n  let total = 0;\n${body}\n  return total;\n}\nglobalThis.itregCodeCacheTest = [...(globalThis.itregCodeCacheTest ?? []), globalThis.itregCodeCacheLong ? 'long:' + long(3) : 'short'];\n`,
    );
    const cache = join(folder, 'e.v8-cache');
    runWithCodeCache(file, cache, false).write();
    const thin = runWithCodeCache(file, cache, false);
    expect(thin.cache).toBe('thin');
    (globalThis as { itregCodeCacheLong?: boolean }).itregCodeCacheLong = true;
    const full = runWithCodeCache(file, cache, false);
    expect(full.cache).toBe('thin');
    full.write();
    expect(runWithCodeCache(file, cache, false).cache).toBe('used');
    delete (globalThis as { itregCodeCacheLong?: boolean }).itregCodeCacheLong;
    expect(ran()).toEqual(['short', 'short', expect.stringMatching(/^long:\d+$/), expect.stringMatching(/^long:\d+$/)]);
  });

  it('runs without a cache where none can be written', () => {
    const file = script(folder, 'd.cjs', 'unwritable');
    const locked = join(folder, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const cache = join(locked, 'sub/d.v8-cache');
    const run = runWithCodeCache(file, cache, false);
    // root may write anyway; either way the run is the same and nothing is half written.
    expect(run.cache).toBe('none');
    expect(typeof run.write()).toBe('boolean');
    expect(runWithCodeCache(file, undefined, false).cache).toBe('none');
    expect(ran()).toEqual(['unwritable:true', 'unwritable:true']);
    chmodSync(locked, 0o700);
  });

  it('keeps the cache in the node_modules folder the package is installed in, else its own, else nowhere', () => {
    const top = temporaryFolder('itreg-code-cache-place-');
    mkdirSync(join(top, 'register/node_modules/itreg'), { recursive: true });
    expect(codeCacheFile(join(top, 'register/node_modules/itreg'), 'lint')).toBe(join(top, 'register/node_modules/.cache/itreg/lint.v8-cache'));
    mkdirSync(join(top, 'checkout/node_modules'), { recursive: true });
    expect(codeCacheFile(join(top, 'checkout'), 'lint')).toBe(join(top, 'checkout/node_modules/.cache/itreg/lint.v8-cache'));
    mkdirSync(join(top, 'bare'));
    expect(codeCacheFile(join(top, 'bare'), 'lint')).toBeUndefined();
  });
});

describe('itreg lint from its own bundle', () => {
  const folder = registerFrom('clean', { 'register/applications/broken.yaml': 'kind: Application\nid: broken\nname: [\n' });
  const main = join(projectRoot, 'dist/bundle/main.js');
  const viaMain = (args: readonly string[]) => {
    const result = spawnSync(process.execPath, [main, ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it.each([
    [['lint', '--date', '2026-06-01']],
    [['lint', '--format', 'json', '--date', '2026-06-01']],
    [['lint', '--format', 'sarif', '--date', '2026-06-01', '--lang', 'en']],
    [['lint', '--quiet', '--format', 'github', '--date', '2026-06-01']],
    [['lint', '--help']],
    [['lint', '--lang', 'en', '--help']],
    [['lint', '--format', 'pdf']],
    [['lint', '--bogus']],
    [['lint', 'register/nowhere']],
    [['lint', '--print-config']],
    [['lint', '--formt', 'json']],
    [['lint', '--format', 'json', '--format', 'sarif']],
    [['lint', '--lang', 'xx']],
    [['lint', '-h', '--lang', 'sv']],
    [['lint', '--version']],
  ])('answers %j as the full command line does', (args) => {
    const lane = runCli(args, folder);
    expect(lane).toEqual(viaMain(args));
    expect(lane.stdout.length + lane.stderr.length).toBeGreaterThan(0);
  });

  it('runs from lint.cjs with a code cache in the checkout, and the same with it as without', () => {
    const cache = codeCacheFile(projectRoot, 'lint')!;
    // The validators are in it too (not loaded from dist/schema/), so that the cache holds them.
    expect(readFileSync(join(projectRoot, 'dist/bundle/lint.cjs'), 'utf8')).toContain('\n// dist/schema/validators.generated.cjs\n');
    const first = runCli(['lint', '--format', 'json', '--date', '2026-06-01'], folder);
    expect(existsSync(cache)).toBe(true);
    expect(runCli(['lint', '--format', 'json', '--date', '2026-06-01'], folder)).toEqual(first);
    writeFileSync(cache, 'damaged');
    expect(runCli(['lint', '--format', 'json', '--date', '2026-06-01'], folder)).toEqual(first);
    expect(readFileSync(cache).subarray(0, 22).toString()).toBe('itreg V8 code cache 1\n');
    // A lint's cache is no thin one, or every lint would write it anew.
    expect(readFileSync(cache).length).toBeGreaterThan(THIN_CACHE * readFileSync(join(projectRoot, 'dist/bundle/lint.cjs')).length + 1000);
  });
});
