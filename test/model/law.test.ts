// The domain questions of format 1.2 (src/model/continuity.ts, countries.ts, processing.ts, suppliers.ts), asked of the
// example register: what the rules, `suppliers`, `incident` and `report processing` build on.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EEA_COUNTRIES, isInEea } from '../../src/model/countries.js';
import { highestLevel, hostingCountry, isRestoreTestOverdue, needsContinuity } from '../../src/model/continuity.js';
import { currentProcessingsOf, needsProcessingRecord } from '../../src/model/processing.js';
import { RegisterModel } from '../../src/model/register-model.js';
import { dependentsOf, findSupplier, supplierLinks, suppliersOf } from '../../src/model/suppliers.js';
import { readConfig } from '../../src/register/config.js';
import { loadRegister } from '../../src/register/load.js';
import { projectRoot } from '../helpers.js';

const model = new RegisterModel(loadRegister(readConfig(join(projectRoot, 'itreg.yaml'), 'en')));
const app = (id: string) => model.getOf('Application', id)!;

describe('countries', () => {
  it('knows the 30 EEA countries by their ISO codes', () => {
    expect(EEA_COUNTRIES.size).toBe(30);
    expect(['SE', 'GR', 'NO', 'IS', 'LI', 'IE'].every(isInEea)).toBe(true);
    expect(['US', 'GB', 'CH', 'EL', 'IN'].some(isInEea)).toBe(false);
  });
});

describe('classification and continuity in the example register', () => {
  it('finds the critical and high-availability applications', () => {
    const needing = model
      .ofKind('Application')
      .filter((a) => needsContinuity(a))
      .map((a) => a.id);
    expect(needing).toEqual(['katalogtjanst', 'pa-lon', 'socialtjanst-journal', 'telefoni']);
    expect(highestLevel(app('socialtjanst-journal'))).toBe(4);
    expect(highestLevel(app('intranat-gammalt'))).toBeUndefined();
  });

  it("has exactly one restore test overdue on 2026-11-26: the payroll system's", () => {
    const overdue = model
      .ofKind('Application')
      .filter((a) => needsContinuity(a) && isRestoreTestOverdue(a, '2026-11-26'))
      .map((a) => a.id);
    expect(overdue).toEqual(['pa-lon']);
  });

  it('hosts the e-service platform in the US and everything else in Sweden', () => {
    expect(
      model
        .ofKind('Application')
        .filter((a) => hostingCountry(a) !== 'SE')
        .map((a) => [a.id, hostingCountry(a)]),
    ).toEqual([['e-tjanst', 'US']]);
  });
});

describe('records of processing in the example register', () => {
  it('covers the social services, the payroll and the Bengtsfors school platform, each with its controller', () => {
    const of = (id: string) => currentProcessingsOf(model, id, '2026-11-26').map((p) => [p.id, p.controller]);
    expect(of('socialtjanst-journal')).toEqual([
      ['socialtjanst-amal', 'socialforvaltningen-amal'],
      ['socialtjanst-bengtsfors', 'omsorg-bengtsfors'],
    ]);
    expect(of('pa-lon')).toEqual([['lon-och-personaladministration', 'hr-mellerud']]);
    expect(of('skolplattform-bengtsfors')).toEqual([['elevdokumentation-bengtsfors', 'barn-utbildning-bengtsfors']]);
  });

  it('leaves two applications with personal data outside the record', () => {
    const missing = model
      .ofKind('Application')
      .filter((a) => needsProcessingRecord(a) && currentProcessingsOf(model, a.id, '2026-11-26').length === 0)
      .map((a) => a.id);
    expect(missing).toEqual(['e-bygglov', 'skolplattform-mellerud']);
  });
});

describe('suppliers in the example register', () => {
  it('finds a supplier by id and by a vendor name equal to its name', () => {
    expect(findSupplier(model, 'omsorgsdata-nordic')?.name).toBe('Omsorgsdata Nordic AB');
    expect(findSupplier(model, 'Lönepartner  väst ab')?.id).toBe('lonepartner-vast');
    expect(findSupplier(model, 'Kartbolaget AB')).toBeUndefined();
  });

  it('knows every way an application depends on its suppliers', () => {
    expect(suppliersOf(model, app('socialtjanst-journal'), '2026-12-08').map((d) => [d.supplier.id, d.via])).toEqual([
      ['omsorgsdata-nordic', 'vendor'],
      ['omsorgsdata-nordic', 'party'],
      ['nordisk-datahall', 'sub-processor'],
    ]);
    expect(suppliersOf(model, app('pa-lon'), '2026-12-08').map((d) => [d.supplier.id, d.via])).toEqual([
      ['lonepartner-vast', 'vendor'],
      ['lonepartner-vast', 'party'],
    ]);
  });

  it('counts a sub-processor from its since and a party while its agreement is current, and says why the others are left out', () => {
    const on = (id: string, date: string) => supplierLinks(model, app(id), date);
    // Videomöten Global became a sub-processor of the Bengtsfors learning platform on 2026-08-15.
    expect(on('skolplattform-bengtsfors', '2026-08-14').counted.map((d) => d.supplier.id)).not.toContain('videomoten-global');
    expect(on('skolplattform-bengtsfors', '2026-08-14').leftOut.map((d) => [d.supplier.id, d.via, d.reason, d.on])).toEqual([
      ['videomoten-global', 'sub-processor', 'sub-processor-not-yet', '2026-08-15'],
    ]);
    expect(on('skolplattform-bengtsfors', '2026-08-15').counted.map((d) => [d.supplier.id, d.via])).toContainEqual(['videomoten-global', 'sub-processor']);
    // The server hall agreement of the directory service ends 2027-12-31: the data centre is behind it to that day.
    expect(on('katalogtjanst', '2027-12-31').counted.map((d) => d.supplier.id)).toEqual(['nordisk-datahall']);
    expect(on('katalogtjanst', '2028-01-01').counted).toEqual([]);
    expect(on('katalogtjanst', '2028-01-01').leftOut.map((d) => [d.supplier.id, d.reason, d.on, d.agreement?.id])).toEqual([
      ['nordisk-datahall', 'agreement-ended', '2027-12-31', 'katalogtjanst-serverhall'],
    ]);
    expect(
      dependentsOf(model, 'nordisk-datahall', '2028-01-01')
        .filter((d) => d.via.length > 0)
        .map((d) => d.application.id),
    ).toEqual(['skolplattform-bengtsfors', 'socialtjanst-journal']);
  });

  it('puts the data centre behind three applications that are critical or at level 3 or more', () => {
    const behind = dependentsOf(model, 'nordisk-datahall', '2026-12-08').map((d) => d.application);
    expect(behind.map((a) => a.id)).toEqual(['katalogtjanst', 'skolplattform-bengtsfors', 'socialtjanst-journal']);
    expect(behind.every((a) => a.critical === true || (highestLevel(a) ?? 0) >= 3)).toBe(true);
  });
});
