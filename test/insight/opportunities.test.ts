// itreg opportunities: each of the policy's four triggers, the horizon's boundary dates, and the JSON shape.
import { describe, expect, it } from 'vitest';
import { registerFrom, runCli } from '../helpers.js';

interface Opportunity {
  trigger: string;
  applications: string[];
  municipalities: string[];
  agreement?: string;
  deadline?: string;
  message: string;
}

const run = (folder: string, ...args: string[]) => {
  const result = runCli(['opportunities', '--format', 'json', '--lang', 'en', ...args], folder);
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { opportunities: Opportunity[] }).opportunities;
};
const support = (end: string, noticeMonths: number) =>
  `kind: Agreement\nid: diarium-support\nname: Supportavtal Dokumentor\ntype: support\napplication: diarium\nstart: 2020-01-01\nend: ${end}\nnoticeMonths: ${noticeMonths}\n`;
const app = (id: string, municipalities: string, extra = '') =>
  `kind: Application\nid: ${id}\nname: ${id}\ntype: general\nmunicipalities: [${municipalities}]\n${municipalities.includes(',') ? 'collaborationLevel: 1\n' : ''}${extra}`;

describe('itreg opportunities', () => {
  it('finds nothing in the clean register', () => {
    expect(run(registerFrom('clean'), '--date', '2026-06-01')).toEqual([]);
  });

  it.each([
    ['deadline exactly at the horizon', '2028-06-01', 12, true],
    ['deadline a day past the horizon', '2028-06-02', 12, false],
    ['deadline already passed, agreement still in force', '2026-08-31', 6, true],
  ])('agreement-ending: %s', (_name, end, notice, found) => {
    // 2026-06-01 + 12 months = 2027-06-01; end − 12 months is the deadline.
    const folder = registerFrom('clean', { 'register/agreements/diarium-support.yaml': support(end, notice) });
    const result = run(folder, '--date', '2026-06-01');
    if (found) {
      expect(result).toEqual([
        {
          trigger: 'agreement-ending',
          applications: ['diarium'],
          municipalities: ['amal', 'mellerud'],
          agreement: 'diarium-support',
          deadline: end === '2026-08-31' ? '2026-02-28' : end.replace('2028', '2027'),
          end,
          state: end === '2026-08-31' ? 'deadline-passed' : 'ends',
          // A passed deadline is said to have passed (defect 6), never given as a date to act by.
          ...(end === '2026-08-31' ? { deadlinePassed: true } : {}),
          message: expect.stringContaining(
            end === '2026-08-31'
              ? 'Supportavtal Dokumentor for Diariesystem: the notice deadline passed on 2026-02-28, and the agreement ends on 2026-08-31'
              : 'Supportavtal Dokumentor for Diariesystem ends on',
          ) as unknown,
        },
      ]);
    } else {
      expect(result).toEqual([]);
    }
  });

  it('agreement-ending: the horizon follows --months', () => {
    const folder = registerFrom('clean', { 'register/agreements/diarium-support.yaml': support('2028-06-01', 12) });
    expect(run(folder, '--date', '2026-06-01', '--months', '11')).toEqual([]);
  });

  it('agreement-ending: an agreement that has ended is not an opportunity any more', () => {
    const folder = registerFrom('clean', { 'register/agreements/diarium-support.yaml': support('2026-05-31', 6) });
    expect(run(folder, '--date', '2026-06-01').filter((o) => o.trigger === 'agreement-ending')).toEqual([]);
  });

  it('poor-fit and competence-risk (high risk, or one person or fewer), one entry per application', () => {
    const folder = registerFrom('clean', {
      'register/applications/diarium.yaml': `kind: Application\nid: diarium\nname: Diariesystem\ntype: business\nmunicipalities: [amal, mellerud]\ncollaborationLevel: 1\noperatedBy: it-amal\nvendor: { name: V, product: Dokumentor }\ndocumentation: { routines: r, operations: o }\nassessment: { fit: poor, competenceRisk: high }\n`,
      'register/applications/webb.yaml': app('webb', 'amal'),
    });
    const result = run(folder, '--date', '2026-06-01');
    expect(result.map((o) => [o.trigger, o.applications])).toEqual([
      ['poor-fit', ['diarium']],
      ['competence-risk', ['diarium']],
      ['competence-risk', ['webb']],
    ]);
    expect(result[2]!.message).toMatch(/no current administrator or specialist/);
  });

  it('same-product: separately registered for different municipalities, case and spaces folded, one entry per product', () => {
    const folder = registerFrom('clean', {
      'register/applications/skola-a.yaml': app('skola-a', 'amal', 'vendor: { name: S, product: "Skol  Webb" }\n'),
      'register/applications/skola-b.yaml': app('skola-b', 'mellerud', 'vendor: { name: S, product: skol webb }\n'),
      'register/applications/skola-c.yaml': app('skola-c', 'amal', 'vendor: { name: S, product: Skol Webb }\n'),
      'register/applications/other.yaml': app('other', 'amal', 'vendor: { name: S, product: Annat }\n'),
    });
    const same = run(folder, '--date', '2026-06-01').filter((o) => o.trigger === 'same-product');
    expect(same).toEqual([expect.objectContaining({ applications: ['skola-a', 'skola-b', 'skola-c'], municipalities: ['amal', 'mellerud'] })]);
  });

  it('sorts by deadline, and prints a table and Markdown too', () => {
    const folder = registerFrom('clean', {
      'register/agreements/diarium-support.yaml': support('2027-03-31', 6),
      'register/agreements/diarium-drift.yaml': 'kind: Agreement\nid: diarium-drift\nname: Drift\ntype: operations\napplication: diarium\nstart: 2020-01-01\nend: 2027-01-31\n',
    });
    expect(run(folder, '--date', '2026-06-01').map((o) => o.deadline)).toEqual(['2026-09-30', '2027-01-31']);
    expect(runCli(['opportunities', '--date', '2026-06-01', '--format', 'md', '--lang', 'sv'], folder).stdout).toMatch(
      /^\| Anledning \| Uppsägning senast \| Applikationer \| Kommuner \| Vad \|\n.*\n\| avtal på väg ut \| 2026-09-30 \| Diariesystem \| Åmåls kommun, Melleruds kommun \|/,
    );
  });
});
