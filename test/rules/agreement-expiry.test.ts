import { describe, expect, it } from 'vitest';
import { findings, registerFrom } from '../helpers.js';

const support = (id: string, start: string, end: string, noticeMonths = 0) =>
  `kind: Agreement\nid: ${id}\nname: Support ${id}\ntype: support\napplication: diarium\nstart: ${start}\nend: ${end}\nnoticeMonths: ${noticeMonths}\n`;
const at = (text: string) => ({ 'register/agreements/diarium-support.yaml': text });

describe('agreement-expiry', () => {
  it.each([
    ['far from its end', at(support('diarium-support', '2020-01-01', '2030-12-31', 6)), []],
    ['ended yesterday', at(support('diarium-support', '2020-01-01', '2026-05-31')), ['error']],
    ['ends today (still in force)', at(support('diarium-support', '2020-01-01', '2026-06-01')), ['warning']],
    ['deadline exactly at the horizon', at(support('diarium-support', '2020-01-01', '2027-06-01', 6)), ['warning']],
    ['deadline a day past the horizon', at(support('diarium-support', '2020-01-01', '2027-06-02', 6)), []],
    ['open-ended', at('kind: Agreement\nid: diarium-support\nname: S\ntype: support\napplication: diarium\nstart: 2020-01-01\n'), []],
  ])('%s', (_name, changes, severities) => {
    expect(findings(registerFrom('clean', changes), 'agreement-expiry').map((f) => f.severity)).toEqual(severities);
  });

  it('treats an ended agreement that was renewed as history', () => {
    const folder = registerFrom('clean', {
      ...at(support('diarium-support', '2020-01-01', '2025-12-31')),
      'register/agreements/diarium-support-2026.yaml': support('diarium-support-2026', '2026-01-01', '2030-12-31'),
    });
    expect(findings(folder, 'agreement-expiry')).toEqual([]);
  });

  it('is not renewed by an agreement of another type', () => {
    const folder = registerFrom('clean', {
      ...at(support('diarium-support', '2020-01-01', '2025-12-31')),
      'register/agreements/diarium-licence.yaml': support('diarium-licence', '2026-01-01', '2030-12-31').replace('type: support', 'type: licence'),
    });
    expect(findings(folder, 'agreement-expiry')).toHaveLength(1);
  });

  it('exempts agreements of a retired application', () => {
    const folder = registerFrom('clean', {
      ...at(support('diarium-support', '2020-01-01', '2025-12-31')),
      'register/applications/diarium.yaml': 'kind: Application\nid: diarium\nname: Diariesystem\ntype: business\nmunicipalities: [amal]\nlifecycle: { status: retired }\n',
    });
    expect(findings(folder, 'agreement-expiry')).toEqual([]);
  });

  it('names the notice deadline (end − noticeMonths) as a date, at end', () => {
    const [finding] = findings(registerFrom('clean', at(support('diarium-support', '2020-01-01', '2027-03-31', 6))), 'agreement-expiry');
    expect(finding).toMatchObject({ severity: 'warning', file: 'register/agreements/diarium-support.yaml', line: 7, column: 6 });
    expect(finding?.message).toMatch(/ends on 2027-03-31; the notice deadline is 2026-09-30/);
  });

  it('takes warnMonths from itreg.yaml', () => {
    const changes = at(support('diarium-support', '2020-01-01', '2027-03-31', 0));
    expect(findings(registerFrom('clean', changes), 'agreement-expiry')).toEqual([]);
    const config = 'name: X\nlanguage: en\nrules:\n  agreement-expiry: [error, { warnMonths: 12 }]\n';
    expect(findings(registerFrom('clean', { ...changes, 'itreg.yaml': config }), 'agreement-expiry')).toHaveLength(1);
  });

  it('downgrades both levels when configured as a warning', () => {
    const config = 'name: X\nlanguage: en\nrules:\n  agreement-expiry: warning\n';
    const folder = registerFrom('clean', { ...at(support('diarium-support', '2020-01-01', '2026-05-31')), 'itreg.yaml': config });
    expect(findings(folder, 'agreement-expiry').map((f) => f.severity)).toEqual(['warning']);
  });
});
