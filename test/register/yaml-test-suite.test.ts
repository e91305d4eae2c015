// Every case of the YAML test suite (a copy under test/peer/yaml-test-suite) loads without an exception; every error case is a yaml-syntax finding.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/register/source.js';
import { buildRecords } from '../../src/register/load.js';
import { yamlTestSuite, yamlTestSuiteCases } from '../helpers.js';

describe('the YAML test suite', () => {
  const all = yamlTestSuiteCases(yamlTestSuite);

  it('has all 402 cases', () => {
    expect(all.length).toBe(402);
    expect(all.filter((c) => c.isError).length).toBe(94);
  });

  it.each(all.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const source = decodeSource(`register/${testCase.name}.yaml`, readFileSync(join(testCase.folder, 'in.yaml')));
    expect(() => buildRecords([source], { collaborationLevels: [] })).not.toThrow();
    for (const problem of source.syntaxProblems) {
      expect(problem.position.line).toBeGreaterThanOrEqual(1);
      expect(problem.position.column).toBeGreaterThanOrEqual(1);
    }
    if (testCase.isError) expect(source.syntaxProblems.length).toBeGreaterThan(0);
  });
});
