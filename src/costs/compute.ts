// computeCosts(): every cost item of a year split over its participants, with totals per municipality. Pure.
import type { Config } from '../register/config.js';
import { newYearsDay } from '../model/membership.js';
import type { RegisterModel } from '../model/register-model.js';
import type { Apportionment } from './apportion.js';
import { buildCostItem, costEntities, MAX_EXACT_ORE, minorScale, referenceYear, splitCostItem, type CostItem, type CostProblem } from './items.js';

export interface ItemSplit {
  readonly item: CostItem;
  readonly apportionment: Apportionment;
}

export interface CostsResult {
  readonly year: number;
  readonly referenceYear: number;
  /** Minor units per currency unit: 1 for whole kronor, 100 for öre. */
  readonly scale: bigint;
  readonly currency: string;
  readonly splits: readonly ItemSplit[];
  /** Problems that stop an item from being split; the command refuses to print a bill with any. */
  readonly problems: readonly CostProblem[];
  /** Items split by an earlier year's population (preliminary), one entry per participant that fell back. */
  readonly preliminary: readonly CostProblem[];
  /** Each municipality's total, in the order of `municipalities`. */
  readonly totals: ReadonlyMap<string, bigint>;
  /** Every municipality with a part: members first, then partners, each in Swedish alphabetical order. */
  readonly municipalities: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

export function computeCosts(model: RegisterModel, config: Pick<Config, 'rounding' | 'populationYear' | 'populationFallback' | 'currency'>, year: number): CostsResult {
  const splits: ItemSplit[] = [];
  const problems: CostProblem[] = [];
  const preliminary: CostProblem[] = [];
  for (const entity of costEntities(model, year)) {
    const { item, problems: found, warnings } = buildCostItem(entity, year, model, config);
    problems.push(...found);
    if (item) preliminary.push(...warnings);
    if (item) splits.push({ item, apportionment: splitCostItem(item) });
  }
  splits.sort((a, b) => (a.item.entity.id < b.item.entity.id ? -1 : 1));
  const totals = new Map<string, bigint>();
  const names = new Map<string, string>();
  const members = new Set(model.members(newYearsDay(year)).map((m) => m.id));
  const oreFactor = 100n / minorScale(config);
  for (const { item, apportionment } of splits) {
    for (const part of apportionment.parts) {
      const total = (totals.get(part.id) ?? 0n) + part.amount;
      // Each item is below 2^53 öre (buildCostItem), but a municipality's total could pass it: JSON would round it.
      if (total * oreFactor > MAX_EXACT_ORE && (totals.get(part.id) ?? 0n) * oreFactor <= MAX_EXACT_ORE) {
        problems.push({ entity: item.entity, path: [item.entity.kind === 'Investment' ? 'amount' : 'annualCost'], message: { id: 'totalTooLarge', data: { municipality: part.id } } });
      }
      totals.set(part.id, total);
      names.set(part.id, item.participants.find((p) => p.id === part.id)?.name ?? part.id);
    }
  }
  // Members before partners, each in Swedish alphabetical order (Å, Ä, Ö last).
  const collator = new Intl.Collator('sv');
  const municipalities = [...names].map(([id, name]) => ({ id, name })).sort((a, b) => Number(members.has(b.id)) - Number(members.has(a.id)) || collator.compare(a.name, b.name));
  const sortedTotals = new Map(municipalities.map((m) => [m.id, totals.get(m.id) ?? 0n]));
  return {
    year,
    referenceYear: referenceYear(year, config),
    scale: minorScale(config),
    currency: config.currency,
    splits,
    problems,
    preliminary,
    totals: sortedTotals,
    municipalities,
  };
}

/** A municipality's part of one split, 0 when it does not take part. */
export function partOf(split: ItemSplit, municipality: string): bigint {
  return split.apportionment.parts.find((p) => p.id === municipality)?.amount ?? 0n;
}
