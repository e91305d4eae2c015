// partView(): a municipality's part of a cost item as every output shows it — the amount, and whether the split is
// preliminary (an earlier year's population stood in for the reference year's) with the population year used.
import type { ItemSplit } from '../costs/compute.js';

/** How an item was split: final on the reference year's population, or preliminary on earlier years'. */
export interface ItemPopulationView {
  readonly preliminary: boolean;
  /** The year whose population the split should rest on. */
  readonly referenceYear: number;
  /** The population years actually used, in order (the reference year for a final population split; none for other keys). */
  readonly populationYears: readonly number[];
}

export interface PartView extends ItemPopulationView {
  readonly item: string;
  readonly municipality: string;
  /** Minor units. */
  readonly amount: bigint;
  /** This municipality's population year, for a population split. */
  readonly populationYear?: number;
}

/** The item's population: preliminary or final, and on which years. */
export function itemPopulationView(split: ItemSplit): ItemPopulationView {
  const { item } = split;
  const used = [...new Set(item.participants.flatMap((p) => (p.populationYear === undefined ? [] : [p.populationYear])))].sort((a, b) => a - b);
  return { preliminary: item.preliminary, referenceYear: item.referenceYear, populationYears: used };
}

/** `municipality`'s part of `split`, undefined when it takes no part. */
export function partView(split: ItemSplit, municipality: string): PartView | undefined {
  const participant = split.item.participants.find((p) => p.id === municipality);
  const part = split.apportionment.parts.find((p) => p.id === municipality);
  if (!participant || !part) return undefined;
  return {
    item: split.item.entity.id,
    municipality,
    amount: part.amount,
    ...itemPopulationView(split),
    ...(participant.populationYear !== undefined ? { populationYear: participant.populationYear } : {}),
  };
}
