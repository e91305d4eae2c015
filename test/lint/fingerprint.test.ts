// fingerprints(): one identity per finding (rule, entity or file, message id, path in the entity), not its line or file name.
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprints } from '../../src/lint/fingerprint.js';
import type { Finding } from '../../src/lint/run-rules.js';
import { lint, registerFrom, writeFiles } from '../helpers.js';

const printsOf = (folder: string, ruleId: string): Map<string, Finding> => {
  const all = lint(folder).findings;
  const prints = fingerprints(all);
  return new Map(all.flatMap((f, i) => (f.ruleId === ruleId ? [[prints[i]!, f] as const] : [])));
};

describe('fingerprints', () => {
  it('stay when the finding moves to another line or its file is renamed', () => {
    const before = registerFrom('every-rule');
    const after = registerFrom('every-rule');
    const gis = join(after, 'register/applications/gis.yaml');
    writeFiles(after, { 'register/applications/gis.yaml': `# moved down\n\n${readFileSync(gis, 'utf8')}` });
    renameSync(gis, join(after, 'register/applications/gis-renamed.yaml'));
    const [a] = [...printsOf(before, 'application-has-owner')].filter(([, f]) => f.entityId === 'gis');
    const [b] = [...printsOf(after, 'application-has-owner')].filter(([, f]) => f.entityId === 'gis');
    expect(b![1].file).toBe('register/applications/gis-renamed.yaml');
    expect(b![1].line).not.toBe(a![1].line);
    expect(b![0]).toBe(a![0]);
  });

  it('tell apart the same message at two paths of one entity, and keep each when the other goes', () => {
    const app = 'kind: Application\nid: gis\nname: GIS\ntype: general\nmunicipalities: [amal, nowhere]\ncollaborationLevel: 1\noperatedBy: it-nowhere\n';
    const both = registerFrom('every-rule', { 'register/applications/gis.yaml': app });
    const one = registerFrom('every-rule', { 'register/applications/gis.yaml': app.replace('[amal, nowhere]', '[amal]') });
    const onGis = (folder: string) => [...printsOf(folder, 'reference')].filter(([, f]) => f.entityId === 'gis');
    const [first, second] = onGis(both);
    expect(first![1].path).toEqual(['municipalities', 1]);
    expect(first![0]).not.toBe(second![0]);
    expect(onGis(one).map(([print]) => print)).toEqual([second![0]]);
  });

  it('depend on the rule, the entity and the message id, and on nothing that only moves', () => {
    const base: Finding = { ruleId: 'schema', severity: 'error', message: 'x', file: 'a.yaml', line: 3, column: 1, entityId: 'a', messageId: 'm', path: ['b'] };
    const [print] = fingerprints([base]);
    expect(fingerprints([{ ...base, line: 9, column: 4, file: 'b.yaml', message: 'other words' }])).toEqual([print]);
    for (const change of [{ ruleId: 'reference' }, { entityId: 'b' }, { messageId: 'n' }, { path: ['c'] }]) {
      expect(fingerprints([{ ...base, ...change }])).not.toEqual([print]);
    }
    // Without an entity, the file stands in for it.
    const { entityId: _e, ...noEntity } = base;
    expect(fingerprints([noEntity])).not.toEqual(fingerprints([{ ...noEntity, file: 'b.yaml' }]));
  });
});
