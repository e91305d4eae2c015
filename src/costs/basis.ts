// basisText(): what a municipality's part of an item rests on (its population of the participants', equal parts, or
// its agreed share) and daysText(): an agreement's days in force; for `costs --municipality` and the reports alike.
import type { Language } from '../i18n/index.js';
import { formatMoney } from '../util/money.js';
import { withPercentSign } from '../util/percent.js';
import type { CostsResult, ItemSplit } from './compute.js';

const words = {
  sv: {
    population: (own: string, all: string, year: number) => `befolkning ${own} av ${all} (${year})`,
    equal: (n: number) => `lika delar, 1 av ${n}`,
    share: (share: string) => `överenskommen andel ${withPercentSign(share, 'sv')}`,
    days: (inForce: number, inYear: number) => `${inForce} av ${inYear} dagar`,
  },
  en: {
    population: (own: string, all: string, year: number) => `population ${own} of ${all} (${year})`,
    equal: (n: number) => `equal parts, 1 of ${n}`,
    share: (share: string) => `agreed share ${withPercentSign(share, 'en')}`,
    days: (inForce: number, inYear: number) => `${inForce} of ${inYear} days`,
  },
} as const;

/** One municipality's line of a bill: the item, its place among the participants and its part. */
export interface BillRow {
  readonly split: ItemSplit;
  readonly participant: ItemSplit['item']['participants'][number];
  readonly part: ItemSplit['apportionment']['parts'][number];
}

/** A municipality's lines of the year's bill, in the items' order: the items it takes part in. */
export function billRows(result: CostsResult, municipalityId: string): BillRow[] {
  return result.splits.flatMap((split) => {
    const participant = split.item.participants.find((p) => p.id === municipalityId);
    const part = split.apportionment.parts.find((p) => p.id === municipalityId);
    return participant && part ? [{ split, participant, part }] : [];
  });
}

/** "befolkning 12 006 av 45 123 (2025)", "lika delar, 1 av 3" or "överenskommen andel 26,7 %". */
export function basisText({ split, participant, part }: BillRow, language: Language): string {
  const w = words[language];
  const count = (n: bigint) => formatMoney(n, 1n, { language, grouping: true });
  switch (split.item.split) {
    case 'population':
      return w.population(count(part.weight), count(split.apportionment.totalWeight), participant.populationYear ?? split.item.referenceYear);
    case 'equal':
      return w.equal(split.item.participants.length);
    default:
      return w.share(decimalText(participant.share ?? 0, language));
  }
}

/** A number exactly as written in the register (an agreed share of 26.67, not rounded), with the language's decimal mark. */
export function decimalText(value: number, language: Language): string {
  return language === 'sv' ? String(value).replace('.', ',') : String(value);
}

/** "181 av 365 dagar" for an agreement (a whole year too: the reports show it, `costs --municipality` only a part); empty for an investment. */
export function daysText(split: ItemSplit, language: Language): string {
  const days = split.item.days;
  return days ? words[language].days(days.inForce, days.inYear) : '';
}
