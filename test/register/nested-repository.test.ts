// A folder of the register that is another git repository (a submodule) is not read: a full lint and --changed judge
// the same files, and the finding says why and what to do.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, registerFrom, runCli, writeFiles } from '../helpers.js';

describe('a nested git repository in the register', () => {
  it('is one finding, not read, in a full lint and with --changed alike', () => {
    const top = registerFrom('clean');
    git(top, 'init', '--quiet', '--initial-branch=main');
    git(top, 'add', '-A');
    git(top, 'commit', '--quiet', '-m', 'start');
    const inner = join(top, 'register/shared');
    writeFiles(inner, { 'units/x.yaml': 'kind: Unit\nid: x\nname: X\ntype: department\nmunicipality: nowhere\n' });
    git(inner, 'init', '--quiet', '--initial-branch=main');
    const full = runCli(['lint', '--format', 'json', '--lang', 'en', '--date', '2026-06-01'], top);
    const changed = runCli(['lint', '--changed', '--base', 'HEAD', '--format', 'json', '--lang', 'en', '--date', '2026-06-01'], top);
    for (const result of [full, changed]) {
      const json = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; file: string; message: string }> };
      expect(json.findings.map((f) => [f.ruleId, f.file])).toEqual([['yaml-syntax', 'register/shared']]);
      expect(json.findings[0]!.message).toContain('another git repository');
    }
  });
});
