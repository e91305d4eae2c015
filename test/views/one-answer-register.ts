// A register for issue 30's tests, written as real files into a temporary folder: one application with a terminated,
// a renewing, an ended and a deadline-passed agreement, an old agreement of no application, and a municipality without
// the reference year's population (a preliminary split) and one that uses no application, judged on 2026-12-07.
import { registerFrom } from '../helpers.js';

export const DATE = '2026-12-07';

const agreement = (id: string, name: string, type: string, fields: string) =>
  `kind: Agreement\nid: ${id}\nname: ${name}\ntype: ${type}\napplication: diarium\nparties: [kansli-amal, Leverantören AB]\n${fields}`;

export const expected = {
  // Notice given on 2026-11-01, before the 2027-03-30 deadline: it ends on 2027-06-30.
  'diarium-support': { state: 'terminated', end: '2027-06-30', deadline: '2027-03-30' },
  // Renews by 12 months unless notice is given by 2026-12-30.
  'diarium-drift': { state: 'renews', end: '2027-06-30', deadline: '2026-12-30' },
  // Ended on 2026-06-30 and not renewed.
  'diarium-licens': { state: 'ended', end: '2026-06-30', deadline: '2026-03-30' },
  // Its deadline 2026-11-28 has passed: it ends on 2027-02-28.
  'diarium-pub': { state: 'deadline-passed', end: '2027-02-28', deadline: '2026-11-28' },
} as const;

/** The folder of a fresh copy of the register. */
export function oneAnswerRegister(): string {
  return registerFrom('clean', {
    'itreg.yaml': 'name: Testkommunerna\nregister: register\nlanguage: sv\ncollaborationLevels: [Erfarenhetsutbyte, Samordnad kompetens]\n',
    'register/agreements/diarium-support.yaml': agreement(
      'diarium-support',
      'Supportavtal Dokumentor',
      'support',
      'start: 2024-07-01\nend: 2027-06-30\nnoticeMonths: 3\nterminated: 2026-11-01\nannualCost: 100000\n',
    ),
    'register/agreements/diarium-drift.yaml': agreement(
      'diarium-drift',
      'Driftavtal diarium',
      'operations',
      'start: 2024-01-01\nend: 2027-06-30\nnoticeMonths: 6\nrenewal: { months: 12 }\nannualCost: 50000\nsplit: equal\ndecision: DKF direktion 2023-11-20 § 4\n',
    ),
    'register/agreements/diarium-licens.yaml': agreement('diarium-licens', 'Licensavtal Dokumentor', 'licence', 'start: 2020-01-01\nend: 2026-06-30\nnoticeMonths: 3\n'),
    'register/agreements/diarium-pub.yaml': agreement('diarium-pub', 'Biträdesavtal Dokumentor', 'data-processing', 'start: 2024-03-01\nend: 2027-02-28\nnoticeMonths: 3\n'),
    'register/agreements/gammalt-avtal.yaml': 'kind: Agreement\nid: gammalt-avtal\nname: Gammalt avtal\ntype: other\nstart: 2015-01-01\nend: 2020-12-31\n',
    // Mellerud's population of 2025 (the reference year of 2026) is not yet published: 2024's stands in.
    'register/municipalities/mellerud.yaml': 'kind: Municipality\nid: mellerud\nname: Melleruds kommun\npopulation: { 2024: 9052 }\n',
    // A member using none of the applications: every measure of its report is 0 of 0.
    'register/municipalities/dals-ed.yaml': 'kind: Municipality\nid: dals-ed\nname: Dals-Eds kommun\npopulation: { 2024: 4700, 2025: 4650 }\n',
  });
}
