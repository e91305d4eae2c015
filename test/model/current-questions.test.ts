// hasCurrentRole()/hasCurrentAgreement(): the same answer as the lists they stand for, on the example register.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RegisterModel, type AgreementType, type Role } from '../../src/model/register-model.js';
import { readConfig } from '../../src/register/config.js';
import { loadRegister } from '../../src/register/load.js';
import { projectRoot } from '../helpers.js';

const model = new RegisterModel(loadRegister(readConfig(join(projectRoot, 'itreg.yaml'), 'en')));
const roles: Role[] = ['system-owner', 'system-administrator', 'specialist'];
const types: AgreementType[] = ['operations', 'support', 'data-processing', 'licence', 'collaboration'];
// Dates on both sides of the example's roles and agreements: starts, ends, notice deadlines and renewals.
const dates = ['2019-01-01', '2023-06-30', '2024-12-31', '2025-07-01', '2026-06-01', '2026-12-31', '2027-06-30', '2029-01-01', '2035-01-01'];

describe('a yes/no question about what is current answers as the list it stands for', () => {
  it('hasCurrentRole() is currentRoles().length > 0 for every application, role and date', () => {
    let yes = 0;
    for (const app of model.ofKind('Application')) {
      for (const role of roles) {
        for (const date of dates) {
          const expected = model.currentRoles(app.id, role, date).length > 0;
          expect(model.hasCurrentRole(app.id, role, date), `${app.id} ${role} ${date}`).toBe(expected);
          if (expected) yes++;
        }
      }
    }
    expect(yes).toBeGreaterThan(50);
  });

  it('hasCurrentAgreement() is currentAgreements().length > 0 for every application, type and date', () => {
    let yes = 0;
    let no = 0;
    for (const app of model.ofKind('Application')) {
      for (const type of types) {
        for (const date of dates) {
          const expected = model.currentAgreements(app.id, type, date).length > 0;
          expect(model.hasCurrentAgreement(app.id, type, date), `${app.id} ${type} ${date}`).toBe(expected);
          if (expected) yes++;
          else no++;
        }
      }
    }
    expect(yes).toBeGreaterThan(50);
    expect(no).toBeGreaterThan(50);
  });
});
