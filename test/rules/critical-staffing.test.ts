// critical-staffing (DESIGN.md "Classification, continuity, hosting"): a live critical or high-availability application
// has at least two people as system administrator and specialist together.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { diariumFile, ruleFindings, ruleFolder, withApp } from './law-register.js';

const critical = withApp('critical: true\n');
const availability = (level: number) => withApp(`classification: { confidentiality: 1, integrity: 1, availability: ${level}, decided: 2026-01-15 }\n`);
const noSpecialist = { 'register/roles/diarium-specialist.yaml': null };
const specialist = (holder: string, until = '') => ({
  'register/roles/diarium-specialist.yaml': `kind: RoleAssignment\nid: diarium-specialist\nrole: specialist\napplication: diarium\nholder: ${holder}\nfrom: 2020-01-01\n${until}`,
});

describe('critical-staffing', () => {
  it.each([
    ['critical, an administrator and a specialist', critical, 0],
    ['critical, the administrator alone', { ...critical, ...noSpecialist }, 1],
    ['critical, no one at all', { ...critical, ...noSpecialist, 'register/roles/diarium-admin.yaml': null }, 1],
    ["critical, the administrator's position holds the specialist role too", { ...critical, ...specialist('{ title: Registrator, unit: kansli-amal }') }, 1],
    ['critical, the same title in another unit (another person)', { ...critical, ...specialist('{ title: Registrator, unit: it-amal }') }, 0],
    ["critical, the specialist's role has ended", { ...critical, ...specialist('{ title: Arkivarie, unit: kansli-amal }', 'until: 2026-01-31\n') }, 1],
    ['availability 3, the administrator alone', { ...availability(3), ...noSpecialist }, 1],
    ['availability 2, the administrator alone', { ...availability(2), ...noSpecialist }, 0],
    ['not critical, not classified, the administrator alone', noSpecialist, 0],
  ])('%s', (_name, changes, count) => {
    expect(ruleFindings('critical-staffing', changes)).toHaveLength(count);
  });

  it('is a warning at `critical` that counts the people, in both languages', () => {
    const [en] = ruleFindings('critical-staffing', { ...critical, ...noSpecialist });
    expect(en).toMatchObject({ severity: 'warning', file: diariumFile, line: 15, column: 11, entityId: 'diarium' });
    expect(en?.message).toBe(
      'Diariesystem is critical but has only 1 person as system administrator or specialist: appoint at least two, so that running it does not hang on one person (IT policy, ch. 2: "För att öka effektiviteten, minska sårbarheten och sänka kostnaderna ska samverkan kring applikationer systematiseras och utökas.")',
    );
    const [sv] = ruleFindings('critical-staffing', { ...critical, ...noSpecialist }, { language: 'sv' });
    expect(sv?.message).toBe(
      'Diariesystem är ett samhällsviktigt system men har bara 1 person som systemansvarig eller specialist: utse minst två, så att driften inte hänger på en enda person (IT-policyn, kap. 2: "För att öka effektiviteten, minska sårbarheten och sänka kostnaderna ska samverkan kring applikationer systematiseras och utökas.")',
    );
    const [none] = ruleFindings('critical-staffing', { ...critical, ...noSpecialist, 'register/roles/diarium-admin.yaml': null }, { language: 'sv' });
    expect(none?.message).toMatch(/men har bara 0 personer som systemansvarig/);
  });

  it('points at the availability level when that is the reason', () => {
    const [finding] = ruleFindings('critical-staffing', { ...availability(4), ...noSpecialist });
    expect(finding).toMatchObject({ line: 15, column: 67 });
    expect(finding?.message).toMatch(/^Diariesystem has availability level 4 \(Very serious\) but has only 1 person/);
  });

  it('takes minAvailability from itreg.yaml, and refuses a bad one (exit 2)', () => {
    expect(ruleFindings('critical-staffing', { ...availability(3), ...noSpecialist }, { config: 'rules:\n  critical-staffing: [warning, { minAvailability: 4 }]\n' })).toHaveLength(0);
    const result = runCli(['lint'], ruleFolder('rules:\n  critical-staffing: [warning, { minAvailability: -1 }]\n'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/itreg\.yaml:6:\d+: "rules\.critical-staffing\[1\]\.minAvailability" must be at least 0/);
  });
});
