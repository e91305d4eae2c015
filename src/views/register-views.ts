// registerViews(): the answers export adds beside the register's entities, as every other output shows them on the
// date: each agreement's state, current end and notice deadline, and each municipality's part of the year's items.
import { computeCosts } from '../costs/compute.js';
import type { Config } from '../register/config.js';
import type { RegisterModel } from '../model/register-model.js';
import { agreementView, type AgreementView } from './agreement.js';
import { itemPopulationView, partView } from './part.js';

export interface PartJson {
  readonly item: string;
  readonly municipality: string;
  /** In minor units of the currency, as `costs --format json`. */
  readonly amount: number;
  readonly preliminary: boolean;
  readonly referenceYear: number;
  readonly populationYear?: number;
}

export interface RegisterViews {
  readonly date: string;
  readonly agreements: readonly AgreementView[];
  readonly costs: { readonly year: number; readonly parts: readonly PartJson[] };
}

export function registerViews(register: RegisterModel, config: Pick<Config, 'rounding' | 'populationYear' | 'populationFallback' | 'currency'>, date: string): RegisterViews {
  const year = Number(date.slice(0, 4));
  const costs = computeCosts(register, config, year);
  const parts = costs.splits.flatMap((split) => {
    const population = itemPopulationView(split);
    return split.apportionment.parts.flatMap((p) => {
      const part = partView(split, p.id);
      if (!part) return [];
      return [
        {
          item: part.item,
          municipality: part.municipality,
          amount: Number(part.amount),
          preliminary: population.preliminary,
          referenceYear: population.referenceYear,
          ...(part.populationYear !== undefined ? { populationYear: part.populationYear } : {}),
        },
      ];
    });
  });
  return { date, agreements: register.ofKind('Agreement').map((a) => agreementView(register, a, date)), costs: { year, parts } };
}
