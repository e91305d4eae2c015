// The project's own code passes its linter (oxlint with the type-aware rules of .oxlintrc.json): held here, so that
// `npm test` and every run of test/architecture/ fail on a finding.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers.js';

describe('the project lints clean', () => {
  it('has no oxlint finding (npm run lint)', () => {
    const result = spawnSync(process.execPath, [join(projectRoot, 'node_modules/oxlint/bin/oxlint'), '--format', 'unix'], { cwd: projectRoot, encoding: 'utf8', timeout: 180_000 });
    // The findings themselves are the message when this fails: file:line:column, rule, text.
    expect(result.error).toBeUndefined();
    expect(`${result.stdout}${result.stderr}`.trim().split('\n').filter((line) => /:\d+:\d+: /.test(line))).toEqual([]);
    expect(result.status).toBe(0);
  }, 180_000);
});
