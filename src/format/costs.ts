// itreg costs output: json (DESIGN.md's shape), csv (for a spreadsheet), and tables by item, by municipality, one bill, or one explained item.
import Table from 'cli-table3';
import type { Language } from '../i18n/index.js';
import { terms } from '../i18n/terms.js';
import { partOf, type CostsResult, type ItemSplit } from '../costs/compute.js';
import { fallbackYears, populationYearsOf } from '../costs/items.js';
import { basisText, billRows, daysText, decimalText } from '../costs/basis.js';
import { preliminaryText } from '../costs/preliminary.js';
import { formatCsv } from '../util/csv.js';
import { withPercentSign } from '../util/percent.js';
import { formatFraction, formatMoney, toCurrencyNumber } from '../util/money.js';

/** `lead` and the earlier years preliminary items were split by ("…, preliminärt efter 2025"), or nothing. */
function preliminaryYears(result: CostsResult, lead: string): string {
  const years = [...new Set(result.splits.flatMap((split) => fallbackYears(split.item)))].sort((a, b) => a - b);
  return years.length === 0 ? '' : `${lead}${years.join(', ')}`;
}

const words = {
  sv: {
    title: (r: CostsResult) => `Kostnadsfördelning ${r.year} (befolkning ${r.referenceYear}${preliminaryYears(r, ', preliminärt efter ')}), ${r.currency}`,
    item: 'Post',
    key: 'Nyckel',
    total: 'Summa',
    amount: 'Belopp',
    municipality: 'Kommun',
    basis: 'Underlag',
    none: 'Inga kostnadsposter detta år.',
    weight: 'Vikt',
    quota: 'Exakt kvot',
    floor: 'Avrundat nedåt',
    remainder: 'Rest',
    leftover: 'Extra',
    part: 'Del',
    explainHead: (name: string, id: string, year: number) => `${name} (${id}), ${year}`,
    explainAmount: (amount: string, key: string, n: number, total: string) => `Belopp: ${amount}; nyckel: ${key}; ${n} deltagare; summa vikter: ${total}`,
    inForce: (inForce: number, inYear: number) => `I kraft ${inForce} av årets ${inYear} dagar; årskostnaden räknas i proportion.`,
    noneLeft: 'Delarna avrundade nedåt summerar redan till beloppet; inga enheter blir över.',
    preliminaryColumn: 'Preliminär',
    sumOfWeights: 'Summa vikter',
    daysColumn: 'Dagar i kraft',
    itemAmount: 'Postens belopp',
    footnote: (ref: number, years: string, names: string) =>
      `* Preliminär: befolkningen ${ref} är ännu inte känd för ${names}; fördelat efter befolkningen ${years}. Lägg in ${ref} när SCB har publicerat den.`,
    explainLeft: (units: string, n: bigint) =>
      `Kvar efter avrundningen nedåt: ${units} → ${n === 1n ? 'den största resten' : `de ${n} största resterna`} (vid lika rest: större befolkning, sedan id i bokstavsordning). Delarna summerar exakt till beloppet.`,
  },
  en: {
    title: (r: CostsResult) => `Cost split ${r.year} (population ${r.referenceYear}${preliminaryYears(r, ', preliminary by ')}), ${r.currency}`,
    item: 'Item',
    key: 'Key',
    total: 'Total',
    amount: 'Amount',
    municipality: 'Municipality',
    basis: 'Basis',
    none: 'No cost items this year.',
    weight: 'Weight',
    quota: 'Exact quota',
    floor: 'Rounded down',
    remainder: 'Remainder',
    leftover: 'Extra',
    part: 'Part',
    explainHead: (name: string, id: string, year: number) => `${name} (${id}), ${year}`,
    explainAmount: (amount: string, key: string, n: number, total: string) => `Amount: ${amount}; key: ${key}; ${n} participants; sum of weights: ${total}`,
    inForce: (inForce: number, inYear: number) => `In force ${inForce} of the year's ${inYear} days; the annual cost counts in proportion.`,
    noneLeft: 'The parts rounded down already sum to the amount; no units are left over.',
    preliminaryColumn: 'Preliminary',
    sumOfWeights: 'Sum of weights',
    daysColumn: 'Days in force',
    itemAmount: 'Item amount',
    footnote: (ref: number, years: string, names: string) =>
      `* Preliminary: the population of ${ref} is not yet known for ${names}; split by the population of ${years}. Add ${ref} once SCB has published it.`,
    explainLeft: (units: string, n: bigint) =>
      `Left after rounding down: ${units} → ${n === 1n ? 'the largest remainder' : `the ${n} largest remainders`} (equal remainders: larger population, then id in alphabetical order). The parts sum exactly to the amount.`,
  },
} as const;

export interface CostsFormatOptions {
  readonly language: Language;
}

/** DESIGN.md: { year, currency, populationYear, items: [{ id, name, amount, split, parts }], totals }. */
export function formatCostsJson(result: CostsResult): string {
  const money = (minor: bigint) => toCurrencyNumber(minor, result.scale);
  const json = {
    year: result.year,
    currency: result.currency,
    populationYear: result.referenceYear,
    items: result.splits.map(({ item, apportionment }) => ({
      id: item.entity.id,
      name: item.entity.name,
      amount: money(item.amount),
      split: item.split,
      ...(item.preliminary ? { preliminary: true, populationYears: populationYearsOf(item) } : {}),
      parts: apportionment.parts.map((part) => ({ municipality: part.id, amount: money(part.amount) })),
    })),
    totals: result.municipalities.map((m) => ({ municipality: m.id, amount: money(result.totals.get(m.id) ?? 0n) })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** One row per item (or per municipality and item), for a spreadsheet (util/csv.ts: BOM, ';' and decimal comma in Swedish). */
export function formatCostsCsv(result: CostsResult, by: 'item' | 'municipality', options: CostsFormatOptions): string {
  const w = words[options.language];
  const money = (minor: bigint) => formatMoney(minor, result.scale, { language: options.language, grouping: false });
  const rows: string[][] = [];
  if (by === 'item') {
    rows.push(['id', w.item, w.key, w.amount, ...result.municipalities.map((m) => m.id), w.preliminaryColumn]);
    for (const split of result.splits) {
      rows.push([
        split.item.entity.id,
        split.item.entity.name,
        split.item.split,
        money(split.item.amount),
        ...result.municipalities.map((m) => money(partOf(split, m.id))),
        preliminaryText(split, options.language),
      ]);
    }
    rows.push(['', w.total, '', money(sum(result.splits.map((s) => s.item.amount))), ...result.municipalities.map((m) => money(result.totals.get(m.id) ?? 0n)), '']);
  } else {
    rows.push([w.municipality, 'id', w.item, w.key, w.amount, w.preliminaryColumn]);
    for (const m of result.municipalities) {
      for (const split of result.splits) {
        const part = split.apportionment.parts.find((p) => p.id === m.id);
        if (part) rows.push([m.id, split.item.entity.id, split.item.entity.name, split.item.split, money(part.amount), preliminaryText(split, options.language)]);
      }
    }
  }
  return formatCsv(rows, options.language);
}

export function formatCostsTable(result: CostsResult, by: 'item' | 'municipality', options: CostsFormatOptions): string {
  const w = words[options.language];
  const money = (minor: bigint) => formatMoney(minor, result.scale, { language: options.language, grouping: true });
  if (result.splits.length === 0) return `${w.title(result)}\n${w.none}\n`;
  const key = (split: ItemSplit) => terms[options.language].splits[split.item.split];
  const name = (split: ItemSplit) => `${split.item.entity.name}${split.item.preliminary ? ' *' : ''}`;
  let table: Table.Table;
  if (by === 'item') {
    // A key wraps at its spaces, never inside a word ("överenskomna andelar" was cut to "överensko…").
    const keyWidth = Math.max(12, ...[w.key, ...result.splits.map(key)].flatMap((text) => text.split(' ')).map((word) => word.length + 2));
    table = new Table({
      head: [w.item, w.key, ...result.municipalities.map((m) => m.name), w.total],
      colAligns: ['left', 'left', ...result.municipalities.map(() => 'right' as const), 'right'],
      colWidths: [28, keyWidth, ...result.municipalities.map(() => 12), 13],
      wordWrap: true,
      style: { head: [], border: [] },
    });
    for (const split of result.splits) {
      table.push([name(split), key(split), ...result.municipalities.map((m) => money(partOf(split, m.id))), money(split.item.amount)]);
    }
    table.push([w.total, '', ...result.municipalities.map((m) => money(result.totals.get(m.id) ?? 0n)), money(sum(result.splits.map((s) => s.item.amount)))]);
  } else {
    table = new Table({
      head: [`${w.municipality} / ${w.item}`, w.key, w.amount],
      colAligns: ['left', 'left', 'right'],
      style: { head: [], border: [] },
    });
    for (const m of result.municipalities) {
      table.push([m.name, '', money(result.totals.get(m.id) ?? 0n)]);
      for (const split of result.splits) {
        const part = split.apportionment.parts.find((p) => p.id === m.id);
        if (part) table.push([`  ${name(split)}`, key(split), money(part.amount)]);
      }
    }
    table.push([w.total, '', money(sum([...result.totals.values()]))]);
  }
  return `${w.title(result)}\n${table.toString()}\n${footnotes(result, options.language)}`;
}

/** The footnote under a table with preliminary items: which municipalities lack the reference year, and which year was used. */
function footnotes(result: CostsResult, language: Language): string {
  const w = words[language];
  const lacking = new Map<string, string>();
  const years = new Set<number>();
  for (const { item } of result.splits) {
    for (const p of item.participants) {
      if (p.populationYear === undefined || p.populationYear === item.referenceYear) continue;
      lacking.set(p.id, p.name);
      years.add(p.populationYear);
    }
  }
  if (lacking.size === 0) return '';
  const collator = new Intl.Collator('sv');
  return `${w.footnote(result.referenceYear, [...years].sort((a, b) => a - b).join(', '), [...lacking.values()].sort(collator.compare).join(', '))}\n`;
}

/** One municipality's bill: each item, its key and the share behind the amount. */
export function formatCostsBill(result: CostsResult, municipality: { id: string; name: string }, options: CostsFormatOptions): string {
  const w = words[options.language];
  const money = (minor: bigint) => formatMoney(minor, result.scale, { language: options.language, grouping: true });
  const table = new Table({ head: [w.item, w.basis, w.amount], colAligns: ['left', 'left', 'right'], style: { head: [], border: [] } });
  let total = 0n;
  for (const row of billRows(result, municipality.id)) {
    const { split, part } = row;
    const basis = basisText(row, options.language);
    total += part.amount;
    const days = split.item.days && split.item.days.inForce < split.item.days.inYear ? `, ${daysText(split, options.language)}` : '';
    table.push([split.item.entity.name + (split.item.preliminary ? ' *' : ''), basis + days, money(part.amount)]);
  }
  table.push([w.total, '', money(total)]);
  return `${municipality.name} — ${w.title(result)}\n${table.toString()}\n${footnotes(result, options.language)}`;
}

/** For a finance officer: the key, each weight, the exact quota, the floor, the remainder and who got the leftover units. */
export function formatCostsExplain(result: CostsResult, split: ItemSplit, options: CostsFormatOptions): string {
  const w = words[options.language];
  const { item, apportionment } = split;
  const money = (minor: bigint) => formatMoney(minor, result.scale, { language: options.language, grouping: true });
  const count = (n: bigint) => formatMoney(n, 1n, { language: options.language, grouping: true });
  const percent = (share: number | undefined) => withPercentSign(decimalText(share ?? 0, options.language), options.language);
  const totalWeight = item.split === 'shares' ? percent(100) : count(apportionment.totalWeight);
  const keyName =
    item.split === 'population'
      ? `${terms[options.language].splits.population} ${item.referenceYear}${item.preliminary ? ` (${preliminaryText(split, options.language)})` : ''}`
      : terms[options.language].splits[item.split];
  const lines = [w.explainHead(item.entity.name, item.entity.id, item.year), w.explainAmount(`${money(item.amount)} ${result.currency}`, keyName, item.participants.length, totalWeight)];
  if (item.days) lines.push(w.inForce(item.days.inForce, item.days.inYear));
  const table = new Table({
    head: [w.municipality, w.weight, w.quota, w.floor, w.remainder, w.leftover, w.part],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const part of apportionment.parts) {
    const participant = item.participants.find((p) => p.id === part.id)!;
    const weight = item.split === 'shares' ? percent(participant.share) : count(part.weight);
    const quota = formatFraction(item.amount * part.weight, apportionment.totalWeight * result.scale, 4, options.language);
    const remainder = `${count(part.remainder)}/${count(apportionment.totalWeight)}`;
    table.push([participant.name, weight, quota, money(part.floor), remainder, part.leftover ? '+1' : '', money(part.amount)]);
  }
  table.push([w.total, totalWeight, money(item.amount), money(sum(apportionment.parts.map((p) => p.floor))), '', `+${apportionment.leftoverUnits}`, money(item.amount)]);
  lines.push(table.toString());
  lines.push(apportionment.leftoverUnits === 0n ? w.noneLeft : w.explainLeft(`${money(apportionment.leftoverUnits)} ${result.currency}`, apportionment.leftoverUnits));
  return `${lines.join('\n')}\n`;
}

function sum(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n);
}

/** One municipality's bill as data: each item with its total, the basis of the part, days in force, and the part. */
/** `costs --municipality X --format json`: the bill with the weight behind each part. */
export function formatCostsBillJson(result: CostsResult, municipality: { id: string; name: string }): string {
  const money = (minor: bigint) => toCurrencyNumber(minor, result.scale);
  const rows = billRows(result, municipality.id);
  const json = {
    year: result.year,
    currency: result.currency,
    populationYear: result.referenceYear,
    municipality: { id: municipality.id, name: municipality.name },
    items: rows.map(({ split, participant, part }) => ({
      id: split.item.entity.id,
      name: split.item.entity.name,
      itemAmount: money(split.item.amount),
      split: split.item.split,
      ...(split.item.split === 'population' ? { population: participant.population, populationYear: participant.populationYear, totalPopulation: Number(split.apportionment.totalWeight) } : {}),
      ...(split.item.split === 'equal' ? { participants: split.item.participants.length } : {}),
      ...(split.item.split === 'shares' ? { share: participant.share } : {}),
      ...(split.item.days ? { daysInForce: split.item.days.inForce, daysInYear: split.item.days.inYear } : {}),
      ...(split.item.preliminary ? { preliminary: true, populationYears: populationYearsOf(split.item) } : {}),
      amount: money(part.amount),
    })),
    total: money(sum(rows.map((r) => r.part.amount))),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** `costs --municipality X --format csv`: one row per item. */
export function formatCostsBillCsv(result: CostsResult, municipality: { id: string; name: string }, options: CostsFormatOptions): string {
  const w = words[options.language];
  const money = (minor: bigint) => formatMoney(minor, result.scale, { language: options.language, grouping: false });
  const rows: string[][] = [['id', w.item, w.key, w.weight, w.sumOfWeights, w.daysColumn, w.itemAmount, w.amount, w.preliminaryColumn]];
  const bill = billRows(result, municipality.id);
  for (const { split, participant, part } of bill) {
    const weight = split.item.split === 'shares' ? decimalText(participant.share ?? 0, options.language) : String(part.weight);
    const total = split.item.split === 'shares' ? '100' : String(split.apportionment.totalWeight);
    const days = split.item.days ? `${split.item.days.inForce}/${split.item.days.inYear}` : '';
    rows.push([split.item.entity.id, split.item.entity.name, split.item.split, weight, total, days, money(split.item.amount), money(part.amount), preliminaryText(split, options.language)]);
  }
  rows.push(['', w.total, '', '', '', '', '', money(sum(bill.map((r) => r.part.amount))), '']);
  return formatCsv(rows, options.language);
}

/** `costs --explain X --format json`: weights, exact quotas (as fractions), floors, remainders and leftover units. */
export function formatCostsExplainJson(result: CostsResult, split: ItemSplit): string {
  const money = (minor: bigint) => toCurrencyNumber(minor, result.scale);
  const { item, apportionment } = split;
  const json = {
    year: result.year,
    currency: result.currency,
    id: item.entity.id,
    name: item.entity.name,
    amount: money(item.amount),
    split: item.split,
    referenceYear: item.referenceYear,
    ...(item.days ? { daysInForce: item.days.inForce, daysInYear: item.days.inYear } : {}),
    ...(item.preliminary ? { preliminary: true, populationYears: populationYearsOf(item) } : {}),
    totalWeight: apportionment.totalWeight.toString(),
    leftoverUnits: Number(apportionment.leftoverUnits),
    parts: apportionment.parts.map((part) => {
      const participant = item.participants.find((p) => p.id === part.id);
      return {
        municipality: part.id,
        weight: part.weight.toString(),
        ...(participant?.populationYear !== undefined ? { populationYear: participant.populationYear } : {}),
        ...(participant?.share !== undefined ? { share: participant.share } : {}),
        quota: `${item.amount * part.weight}/${apportionment.totalWeight * result.scale}`,
        floor: money(part.floor),
        remainder: `${part.remainder}/${apportionment.totalWeight}`,
        leftover: part.leftover,
        amount: money(part.amount),
      };
    }),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** `costs --explain X --format csv`: one row per participant. */
export function formatCostsExplainCsv(result: CostsResult, split: ItemSplit, options: CostsFormatOptions): string {
  const w = words[options.language];
  const { item, apportionment } = split;
  const money = (minor: bigint) => formatMoney(minor, result.scale, { language: options.language, grouping: false });
  const rows: string[][] = [[w.municipality, w.weight, w.quota, w.floor, w.remainder, w.leftover, w.part]];
  for (const part of apportionment.parts) {
    const quota = formatFraction(item.amount * part.weight, apportionment.totalWeight * result.scale, 4, options.language, false);
    rows.push([part.id, String(part.weight), quota, money(part.floor), `${part.remainder}/${apportionment.totalWeight}`, String(part.leftover), money(part.amount)]);
  }
  return formatCsv(rows, options.language);
}
