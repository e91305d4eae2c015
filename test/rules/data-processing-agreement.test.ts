// data-processing-agreement, and itreg rules listing both data-protection rules (DESIGN.md "Format 1.1: Data protection") on real registers.
import { describe, expect, it } from 'vitest';
import { findings, registerFrom, runCli } from '../helpers.js';

const app = (extra: string) =>
  `kind: Application\nid: diarium\nname: Diariesystem\ntype: business\nmunicipalities: [amal, mellerud]\ncollaborationLevel: 1\noperatedBy: it-amal\nvendor:\n  name: Ärendesystem Väst AB\n  product: Dokumentor\ndocumentation:\n  routines: docs/diarium/rutiner.md\n  operations: docs/diarium/drift.md\n${extra}`;
const pub = (fields: string) => ({
  'register/agreements/diarium-pub.yaml': `kind: Agreement\nid: diarium-pub\nname: PUB-avtal Dokumentor\ntype: data-processing\napplication: diarium\nparties: [kansli-amal, Ärendesystem Väst AB]\n${fields}`,
});
const withApp = (extra: string) => ({ 'register/applications/diarium.yaml': app(extra) });

describe('data-processing-agreement', () => {
  it.each([
    ['personal data, no processor agreement', withApp('personalData: personal\n'), 1],
    ['sensitive data, no processor agreement', withApp('personalData: sensitive\n'), 1],
    ['personal data with a current processor agreement', { ...withApp('personalData: personal\n'), ...pub('start: 2024-01-01\n') }, 0],
    ['a processor agreement that has ended', { ...withApp('personalData: personal\n'), ...pub('start: 2020-01-01\nend: 2025-12-31\n') }, 1],
    ['a processor agreement that renews tacitly', { ...withApp('personalData: personal\n'), ...pub('start: 2020-01-01\nend: 2021-12-31\nrenewal: { months: 12 }\n') }, 0],
    ['a support agreement is not a processor agreement', withApp('personalData: personal\n'), 1],
    ['no personal data', withApp('personalData: none\n'), 0],
    ['not assessed: personal-data-assessed asks for that first', withApp(''), 0],
    ['no vendor, no processor', { 'register/applications/diarium.yaml': app('personalData: sensitive\n').replace(/vendor:\n.*\n.*\n/, ''), 'register/agreements/diarium-support.yaml': null }, 0],
    ['a retired application', withApp('personalData: personal\nlifecycle: { status: retired }\n'), 0],
  ])('%s', (_name, changes, count) => {
    expect(findings(registerFrom('clean', changes), 'data-processing-agreement')).toHaveLength(count);
  });

  it('is an error at personalData, naming the vendor and the kind of data', () => {
    const [finding] = findings(registerFrom('clean', withApp('personalData: sensitive\n')), 'data-processing-agreement');
    expect(finding).toMatchObject({ severity: 'error', file: 'register/applications/diarium.yaml', line: 14, column: 15 });
    expect(finding?.message).toBe(
      'Diariesystem has sensitive personal data at vendor Ärendesystem Väst AB but no current data processing agreement: sign one and register it (an agreement with `type: data-processing`)',
    );
  });
});

describe('itreg rules', () => {
  it('lists both rules, and quotes GDPR art. 28.3 for the processor agreement in both languages', () => {
    const list = runCli(['rules', '--lang', 'en']).stdout;
    expect(list).toMatch(/data-processing-agreement/);
    expect(list).toMatch(/personal-data-assessed/);
    const sv = runCli(['rules', 'data-processing-agreement', '--lang', 'sv']).stdout;
    expect(sv).toMatch(/Dataskyddsförordningen \(GDPR\) art\. 28\.3: "När uppgifter behandlas av ett personuppgiftsbiträde ska detta regleras genom ett avtal/);
    const en = runCli(['rules', 'data-processing-agreement', '--lang', 'en']).stdout;
    expect(en).toMatch(/GDPR\) Art\. 28\(3\): "Processing by a processor shall be governed by a contract/);
  });
});
