// continuity-plan (DESIGN.md "Classification, continuity, hosting"): a live application that is critical or has
// availability ≥ minAvailability (3) has a continuity plan and a restore tried within restoreMonths (12).
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { diariumFile, ruleFindings, ruleFolder, withApp } from './law-register.js';

const level = (availability: number) => `classification: { confidentiality: 1, integrity: 1, availability: ${availability}, decided: 2026-01-15 }\n`;
const continuity = (fields: string) => `continuity: { ${fields} }\n`;
const plan = 'plan: "https://intranat.example/kontinuitet/diarium"';

describe('continuity-plan', () => {
  it.each([
    ['availability 2, nothing', withApp(level(2)), 0],
    ['availability 3, nothing', withApp(level(3)), 1],
    ['availability 4, nothing', withApp(level(4)), 1],
    ['critical, not classified, nothing', withApp('critical: true\n'), 1],
    ['critical: false and availability 1', withApp(`critical: false\n${level(1)}`), 0],
    ['critical with a plan and a restore tried this year', withApp(`critical: true\n${continuity(`${plan}, restoreTested: 2026-02-01, rto: 24`)}`), 0],
    ['critical with a plan naming a Document', { ...withApp(`critical: true\n${continuity('plan: it-policy, restoreTested: 2026-02-01')}`) }, 0],
    ['a plan but no restore tried', withApp(`critical: true\n${continuity(plan)}`), 1],
    ['a restore tried but no plan', withApp(`critical: true\n${continuity('restoreTested: 2026-02-01')}`), 1],
    ['a restore tried exactly 12 months ago (due today)', withApp(`critical: true\n${continuity(`${plan}, restoreTested: 2025-06-01`)}`), 0],
    ['a restore tried a day more than 12 months ago', withApp(`critical: true\n${continuity(`${plan}, restoreTested: 2025-05-31`)}`), 1],
    ['a retired critical application', withApp('critical: true\nlifecycle: { status: retired }\n'), 0],
  ])('%s', (_name, changes, count) => {
    expect(ruleFindings('continuity-plan', changes)).toHaveLength(count);
  });

  it('is one error at `critical` when both plan and test are missing, in both languages', () => {
    const [en] = ruleFindings('continuity-plan', withApp('critical: true\n'));
    expect(en).toMatchObject({ severity: 'error', file: diariumFile, line: 15, column: 11, entityId: 'diarium' });
    expect(en?.message).toBe('Diariesystem is critical but has neither a continuity plan nor a tried restore: write a plan, try restoring a backup and record both in `continuity`');
    const [sv] = ruleFindings('continuity-plan', withApp('critical: true\n'), { language: 'sv' });
    expect(sv?.message).toBe(
      'Diariesystem är ett samhällsviktigt system men saknar både kontinuitetsplan och provad återläsning: upprätta en plan, prova att läsa tillbaka en säkerhetskopia och ange båda i `continuity`',
    );
  });

  it('points at the availability level and names it from itreg.yaml when that is the reason', () => {
    const [en] = ruleFindings('continuity-plan', withApp(level(3)));
    expect(en).toMatchObject({ line: 15, column: 67 });
    expect(en?.message).toMatch(/^Diariesystem has availability level 3 \(Serious\) but has neither/);
    const [sv] = ruleFindings('continuity-plan', withApp(level(3)), { language: 'sv' });
    expect(sv?.message).toMatch(/^Diariesystem har tillgänglighetsnivå 3 \(Allvarlig\) men saknar både/);
    const [named] = ruleFindings('continuity-plan', withApp(level(3)), { config: 'classificationLevels: [Ingen, Låg, Medel, Hög, Kritisk]\n' });
    expect(named?.message).toMatch(/^Diariesystem has availability level 3 \(Hög\)/);
  });

  it('points at continuity.restoreTested when the test is overdue, with the due day, in both languages', () => {
    const changes = withApp(`critical: true\ncontinuity:\n  ${plan}\n  restoreTested: 2025-05-31\n`);
    const [en] = ruleFindings('continuity-plan', changes);
    expect(en).toMatchObject({ severity: 'error', line: 18, column: 18 });
    expect(en?.message).toBe('a restore of Diariesystem was last tried on 2025-05-31 and was due again on 2026-05-31: try a restore and update `continuity.restoreTested`');
    const [sv] = ruleFindings('continuity-plan', changes, { language: 'sv' });
    expect(sv?.message).toBe('återläsningen för Diariesystem provades senast 2025-05-31 och skulle ha provats igen senast 2026-05-31: prova en återläsning och uppdatera `continuity.restoreTested`');
  });

  it('says which one is missing when the other is there', () => {
    expect(ruleFindings('continuity-plan', withApp(`critical: true\n${continuity(plan)}`))[0]?.message).toBe(
      'Diariesystem is critical but no restore from backup has been tried: try one and set its day in `continuity.restoreTested`',
    );
    expect(ruleFindings('continuity-plan', withApp(`critical: true\n${continuity('restoreTested: 2026-02-01')}`))[0]?.message).toBe(
      "Diariesystem is critical but has no continuity plan: set the plan in `continuity.plan` (a Document's id or an address)",
    );
  });

  it('takes minAvailability and restoreMonths from itreg.yaml, and refuses bad ones (exit 2)', () => {
    expect(ruleFindings('continuity-plan', withApp(level(3)), { config: 'rules:\n  continuity-plan: [error, { minAvailability: 4 }]\n' })).toHaveLength(0);
    expect(
      ruleFindings('continuity-plan', withApp(`critical: true\n${continuity(`${plan}, restoreTested: 2025-01-31`)}`), { config: 'rules:\n  continuity-plan: [warning, { restoreMonths: 24 }]\n' }),
    ).toHaveLength(0);
    const result = runCli(['lint'], ruleFolder('rules:\n  continuity-plan: [error, { minAvailability: 5 }]\n'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/itreg\.yaml:6:\d+: "rules\.continuity-plan\[1\]\.minAvailability" must be at most 4/);
    const typo = runCli(['lint'], ruleFolder('rules:\n  continuity-plan: [error, { restoreMonth: 6 }]\n'));
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/unknown field "rules\.continuity-plan\[1\]\.restoreMonth" \(did you mean "restoreMonths"\?\)/);
  });
});
