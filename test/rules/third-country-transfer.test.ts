// third-country-transfer (DESIGN.md "Records of processing"): a transfer or a sub-processor outside the EU/EEA has a safeguard.
import { describe, expect, it } from 'vitest';
import { processing, processorAgreement, ruleFindings, withApp } from './law-register.js';

const personal = withApp('', 'personal');
const transfer = (entry: string, fields = '') => ({ ...personal, ...processing('diarieforing', `applications: [diarium]\ntransfers:\n  - ${entry}\n${fields}`) });
const sub = (entry: string, fields = 'start: 2024-01-01\n') => ({ ...personal, ...processorAgreement(`${fields}subProcessors:\n  - ${entry}\n`) });

describe('third-country-transfer', () => {
  it.each([
    ['a transfer to the US without a safeguard', transfer('{ country: US }'), 1],
    ['a transfer to the US under standard contractual clauses', transfer('{ country: US, safeguard: scc }'), 0],
    ['a transfer to Japan under an adequacy decision', transfer('{ country: JP, safeguard: adequacy }'), 0],
    ['a transfer to Norway (EEA) without one', transfer('{ country: NO }'), 0],
    ['a transfer of a processing activity that has ended', transfer('{ country: US }', 'end: 2025-12-31\n'), 0],
    ['a sub-processor in India without a safeguard', sub('{ name: Supportbolaget, country: IN }'), 1],
    ['a sub-processor in India with binding corporate rules', sub('{ name: Supportbolaget, country: IN, safeguard: bcr }'), 0],
    ['a sub-processor in Finland', sub('{ name: Datahallen Oy, country: FI }'), 0],
    ['a sub-processor under an agreement that has run out', sub('{ name: Supportbolaget, country: IN }', 'start: 2020-01-01\nend: 2025-12-31\n'), 0],
    ['a sub-processor under an agreement that starts later', sub('{ name: Supportbolaget, country: IN }', 'start: 2026-09-01\n'), 1],
  ])('%s', (_name, changes, count) => {
    expect(ruleFindings('third-country-transfer', changes)).toHaveLength(count);
  });

  it("is an error at a transfer's country, naming it, in both languages", () => {
    const [en] = ruleFindings('third-country-transfer', transfer('country: US'));
    expect(en).toMatchObject({ severity: 'error', file: 'register/processing/diarieforing.yaml', line: 12, column: 14, entityId: 'diarieforing' });
    expect(en?.message).toBe(
      'processing activity Diarieföring transfers personal data to United States (US), outside the EU/EEA, without a safeguard: set `safeguard` (`adequacy`, `scc`, `bcr` or `derogation`) or stop the transfer',
    );
    const [sv] = ruleFindings('third-country-transfer', transfer('country: US'), { language: 'sv' });
    expect(sv?.message).toBe(
      'behandlingen Diarieföring för över personuppgifter till USA (US), utanför EU/EES, utan skyddsåtgärd: ange `safeguard` (`adequacy`, `scc`, `bcr` eller `derogation`) eller stoppa överföringen',
    );
  });

  it("is an error at a sub-processor's country, naming it and the agreement, in both languages", () => {
    const changes = sub('name: Supportbolaget\n    country: IN');
    const [en] = ruleFindings('third-country-transfer', changes);
    expect(en).toMatchObject({ severity: 'error', file: 'register/agreements/diarium-pub.yaml', line: 10, column: 14, entityId: 'diarium-pub' });
    expect(en?.message).toBe(
      'sub-processor Supportbolaget in PUB-avtal Dokumentor processes the data in India (IN), outside the EU/EEA, without a safeguard: set `safeguard` (`adequacy`, `scc`, `bcr` or `derogation`) or require a sub-processor within the EU/EEA',
    );
    const [sv] = ruleFindings('third-country-transfer', changes, { language: 'sv' });
    expect(sv?.message).toBe(
      'underbiträdet Supportbolaget i PUB-avtal Dokumentor behandlar uppgifterna i Indien (IN), utanför EU/EES, utan skyddsåtgärd: ange `safeguard` (`adequacy`, `scc`, `bcr` eller `derogation`) eller kräv ett underbiträde inom EU/EES',
    );
  });
});
